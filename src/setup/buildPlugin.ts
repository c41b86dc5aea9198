/**
 * `npm start`'s build, in the running process: webpack with the project's config (every entry in
 * one multi-config run, its filesystem cache making an unchanged rebuild quick), then the signed
 * zip, as `npm run build` makes them but with no npm, webpack-cli or second Node started.
 */
import path from "node:path";
import { packPlugin } from "../packaging/packPlugin";

export async function buildPlugin(projectDir: string, log: (line: string) => void): Promise<void> {
  const { default: webpack } = await import("webpack");
  const config = require(path.join(projectDir, "webpack.config.js")) as (
    env: object,
    argv: { mode: string },
  ) => object[];
  await new Promise<void>((done, fail) => {
    webpack(config({}, { mode: "production" }) as never, (error, stats) => {
      if (error) fail(error);
      else if (stats?.hasErrors()) fail(new Error(stats.toString("errors-only")));
      else done();
    });
  });
  await packPlugin({
    manifestPath: path.join(projectDir, "manifest.json"),
    keyPath: path.resolve(projectDir, process.env.PLUGIN_PPK || "private.ppk"),
    outPath: path.join(projectDir, "dist", "plugin.zip"),
    log,
  });
}
