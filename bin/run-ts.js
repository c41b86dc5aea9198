#!/usr/bin/env node
// Runs a TypeScript script (benchmarks, type generation) through tsx: `node bin/run-ts.js FILE [args]`.
const { spawnSync } = require("node:child_process");
const { pathToFileURL } = require("node:url");

const tsx = pathToFileURL(require.resolve("tsx")).href;

const [script, ...args] = process.argv.slice(2);
const result = spawnSync(process.execPath, ["--import", tsx, script, ...args], {
  stdio: "inherit",
});
process.exitCode = result.status ?? 1;
