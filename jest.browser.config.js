/** Browser tests: headless Debian chromium driven by playwright-core against the sandbox. */
const base = require("./jest.config.js");

module.exports = {
  ...base,
  testPathIgnorePatterns: ["/node_modules/"],
  roots: ["<rootDir>/test/browser"],
  testTimeout: 120000,
  maxWorkers: 1,
};
