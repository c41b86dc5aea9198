#!/usr/bin/env node
// Checks the production bundles of the plugin (plugin/js/) after `npm run build`; CI runs it in its
// build step. Each must be within its budget, gzipped (KB = 1,024 bytes, Node's gzip level 9): what
// every record screen downloads and parses. None may carry a source map. Exit 1 when one fails.
const { existsSync, readFileSync } = require("node:fs");
const path = require("node:path");
const { gzipSync } = require("node:zlib");

const KB = 1024;
const BUDGETS = { "desktop.js": 50 * KB, "mobile.js": 40 * KB, "config.js": 40 * KB };

/** Each budgeted bundle of `dir`: gzipped size, budget, source map or not, and the problems found. */
function checkBundles(dir, budgets = BUDGETS) {
  return Object.entries(budgets).map(([name, budget]) => {
    const file = path.join(dir, name);
    if (!existsSync(file)) {
      return { name, budget, problems: ["missing (build first: npm run build)"] };
    }
    const content = readFileSync(file);
    const gzipped = gzipSync(content, { level: 9 }).length;
    const problems = [];
    if (gzipped > budget) problems.push(`OVER BUDGET by ${kb(gzipped - budget)}`);
    if (content.includes("sourceMappingURL")) problems.push("carries a source map");
    return { name, budget, gzipped, problems };
  });
}

function kb(bytes) {
  return `${(bytes / KB).toFixed(1)} KB`;
}

function describe(result) {
  const size =
    result.gzipped === undefined
      ? ""
      : `${kb(result.gzipped)} gzipped of ${kb(result.budget)} (${Math.round((100 * result.gzipped) / result.budget)}%)`;
  return [`${result.name}:`, size, ...result.problems].filter(Boolean).join("  ");
}

module.exports = { BUDGETS, checkBundles, describe };

if (require.main === module) {
  const dir = process.argv[2] ?? path.join(__dirname, "..", "plugin", "js");
  const results = checkBundles(dir);
  for (const result of results) console.log(describe(result));
  if (results.some((r) => r.problems.length > 0)) process.exitCode = 1;
}
