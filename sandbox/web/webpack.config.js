// Bundles the sandbox's kintone screens (sandbox/web/main.ts) for the browser.
// The sandbox builds it on start when missing or stale; output goes to an ignored directory.
const path = require("node:path");

module.exports = (env = {}) => ({
  mode: "development",
  devtool: false,
  target: ["web", "es2020"],
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
        loader: "ts-loader",
        options: {
          transpileOnly: true,
          configFile: path.resolve(__dirname, "../../tsconfig.json"),
        },
        exclude: /node_modules/,
      },
    ],
  },
  performance: { hints: false },
  infrastructureLogging: { level: "error" },
  stats: "errors-only",
});
