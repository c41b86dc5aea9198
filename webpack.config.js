// One webpack run builds the browser bundles: the plugin's (desktop, mobile, config page) into
// plugin/js/ and the FormBridge script into dist/. SWC transpiles (tsc --noEmit type-checks
// separately) and minifies; a persistent cache in node_modules/.cache/webpack makes an unchanged
// rebuild take seconds. Production: minified, no source maps. Development: source maps.
const { readFileSync } = require("node:fs");
const path = require("node:path");
const webpack = require("webpack");
// webpack's own minimizer plugin (a dependency of webpack), driven by the SWC minifier.
const MinimizerPlugin = require(
  require.resolve("minimizer-webpack-plugin", {
    paths: [path.dirname(require.resolve("webpack"))],
  }),
);

/**
 * What the FormBridge script is built with: the build time and the program settings it applies
 * (the JSON document of FOLLOWUP_SETTINGS, a file, or null for the defaults). Written into the
 * script's first line too, so that `followup doctor` can compare them with the settings in force.
 */
function formBridgeBuild() {
  const file = process.env.FOLLOWUP_SETTINGS;
  return {
    builtAt: new Date().toISOString(),
    settings: file ? JSON.parse(readFileSync(path.resolve(file), "utf8")) : null,
  };
}

/**
 * The default settings document, computed with its schema (src/core/settings/pluginConfig.ts) at
 * build time, as JSON: record screens lay the saved document over it without bundling zod (issue
 * 16: zod was a third of desktop.js). `__DEFAULT_PLUGIN_CONFIG__` in the code.
 */
function defaultPluginConfigJson() {
  require("./bin/register-ts.js");
  return JSON.stringify(require("./src/core/settings/pluginConfig.ts").defaultPluginConfig());
}

const typescript = {
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
};

/** The build facts as a constant for the code and as the script's first line for `followup doctor`. */
function formBridgeBuildPlugin(build) {
  const json = JSON.stringify(build).replace(/\*\//g, "*\\/");
  return {
    apply(compiler) {
      new webpack.DefinePlugin({ __FORMBRIDGE_BUILD__: JSON.stringify(build) }).apply(compiler);
      compiler.hooks.compilation.tap("FormBridgeBuild", (compilation) => {
        compilation.hooks.processAssets.tap(
          { name: "FormBridgeBuild", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT },
          () => {
            for (const file of Object.keys(compilation.assets).filter((f) => f.endsWith(".js"))) {
              compilation.updateAsset(
                file,
                (source) =>
                  new webpack.sources.ConcatSource(`/* followup-formbridge ${json} */\n`, source),
              );
            }
          },
        );
      });
    },
  };
}

module.exports = (_env, argv = {}) => {
  const production = argv.mode !== "development";
  const mode = production ? "production" : "development";
  const common = (name) => ({
    name,
    mode,
    devtool: production ? false : "inline-source-map",
    target: ["web", "es2022"],
    resolve: { extensions: [".ts", ".js"] },
    module: typescript,
    performance: { hints: false },
    optimization: {
      minimizer: [
        new MinimizerPlugin({
          minify: MinimizerPlugin.swcMinify,
          minimizerOptions: { compress: { passes: 2 }, mangle: true },
        }),
      ],
    },
    cache: {
      type: "filesystem",
      name: `${name}-${mode}`,
      buildDependencies: { config: [__filename] },
    },
    infrastructureLogging: { level: "error" },
  });
  return [
    {
      ...common("plugin"),
      entry: {
        desktop: "./src/desktop/index.ts",
        mobile: "./src/mobile/index.ts",
        config: "./src/config/index.ts",
      },
      output: { path: path.resolve(__dirname, "plugin/js"), filename: "[name].js", clean: true },
      plugins: [
        new webpack.DefinePlugin({
          __DEFAULT_PLUGIN_CONFIG__: JSON.stringify(defaultPluginConfigJson()),
        }),
      ],
    },
    {
      ...common("formbridge"),
      entry: { formbridge: "./src/formbridge/index.ts" },
      output: { path: path.resolve(__dirname, "dist"), filename: "[name].js" },
      plugins: [formBridgeBuildPlugin(formBridgeBuild())],
    },
  ];
};
