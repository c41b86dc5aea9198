#!/usr/bin/env node
// The development tool (npm start, npm run sandbox): tools/dev/main.ts, compiled in this process
// like the operator's followup (bin/register-ts.js).
require("./register-ts");
const { devMain } = require("../tools/dev/main.ts");

devMain(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
