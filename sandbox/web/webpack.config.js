// Bundles the sandbox's kintone screens (sandbox/web/main.ts) for the browser.
// The sandbox builds it on start when missing or stale; output goes to an ignored directory.
// SWC transpiles (tsc --noEmit type-checks).
const path = require("node:path");

module.exports = (env = {}) => ({
  mode: "development",
  devtool: false,
  target: ["web", "es2022"],
  entry: {
    kintone: path.resolve(__dirname, "main.ts"),
    formbridge: path.resolve(__dirname, "formbridge/main.ts"),
  },
  output: {
    path: env.outDir ?? path.resolve(__dirname, "../../.sandbox/web"),
    filename: "[name].js",
  },
  resolve: { extensions: [".ts", ".js"] },
  module: {
    rules: [
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        use: {
          loader: "swc-loader",
          options: { jsc: { parser: { syntax: "typescript" }, target: "es2022" } },
        },
      },
    ],
  },
  // An unchanged sandbox rebuilds from node_modules/.cache/webpack in a second or two.
  cache: { type: "filesystem", name: "sandbox-web", buildDependencies: { config: [__filename] } },
  performance: { hints: false },
  infrastructureLogging: { level: "error" },
  stats: "errors-only",
});
