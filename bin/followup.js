#!/usr/bin/env node
// The `followup` command, in one process: the TypeScript CLI is compiled in this process by SWC
// (bin/register-ts.js, cached), so it works right after `npm ci` with no build step, starts at
// once, and stopping this process (even kill -9) stops the command.
require("./register-ts");
const { main } = require("../src/cli/main.ts");

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
