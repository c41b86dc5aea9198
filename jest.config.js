/** Unit and sandbox (Node) tests. Browser tests live in jest.browser.config.js. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/browser/"],
  transform: { "^.+\\.(t|j)sx?$": ["@swc/jest", { jsc: { target: "es2022" } }] },
  // The build-time constants of webpack.config.js the plugin's screens read.
  setupFiles: ["<rootDir>/test/support/bakedDefaults.ts"],
  testTimeout: 30000,
  // Jest's default is one worker fewer than the cores: one on a 2-core machine. The tests mostly
  // wait on sandbox HTTP, so one worker per core keeps both cores busy.
  maxWorkers: "100%",
};
