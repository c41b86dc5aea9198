#!/usr/bin/env node
// Runs a TypeScript script (benchmarks, type generation, packing) in this process:
// `node bin/run-ts.js FILE [args]`, compiled by SWC through bin/register-ts.js.
require("./register-ts");

// The script sees itself as the main module and its own arguments, as if run directly.
process.argv.splice(1, 2, require("node:path").resolve(process.argv[2] ?? ""));
require("node:module").runMain();
