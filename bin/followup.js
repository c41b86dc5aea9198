#!/usr/bin/env node
// The `followup` command: runs the TypeScript CLI through tsx, so it works right after `npm ci`
// with no build step. Exit code and signals pass through unchanged.
const { spawn } = require("node:child_process");
const path = require("node:path");
const { pathToFileURL } = require("node:url");

// Resolved from this file, so the command works from any directory.
const tsx = pathToFileURL(require.resolve("tsx")).href;

const cli = path.join(__dirname, "..", "src", "cli", "main.ts");
const child = spawn(process.execPath, ["--import", tsx, cli, ...process.argv.slice(2)], {
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => child.kill(signal));
}
child.on("exit", (code, signal) => {
  process.exitCode = code ?? (signal ? 1 : 0);
});
