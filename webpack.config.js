// Builds the plugin's bundles (desktop, mobile, config page) into plugin/js/ and the
// FormBridge script into dist/. Production: minified, no source maps. Development: source maps.
const path = require("node:path");

const typescript = {
  rules: [
    {
      test: /\.ts$/,
      loader: "ts-loader",
      options: { transpileOnly: true },
      exclude: /node_modules/,
    },
  ],
};

module.exports = (_env, argv) => {
  const production = argv.mode !== "development";
  const common = {
    mode: production ? "production" : "development",
    devtool: production ? false : "inline-source-map",
    target: ["web", "es2020"],
    resolve: { extensions: [".ts", ".js"] },
    module: typescript,
    performance: { hints: false },
  };
  return [
    {
      ...common,
      name: "plugin",
      entry: {
        desktop: "./src/desktop/index.ts",
        mobile: "./src/mobile/index.ts",
        config: "./src/config/index.ts",
      },
      output: { path: path.resolve(__dirname, "plugin/js"), filename: "[name].js", clean: true },
    },
    {
      ...common,
      name: "formbridge",
      entry: { formbridge: "./src/formbridge/index.ts" },
      output: { path: path.resolve(__dirname, "dist"), filename: "[name].js" },
    },
  ];
};
