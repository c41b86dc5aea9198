// `npm run build`'s last step: signs and packs dist/plugin.zip. Key from PLUGIN_PPK (default ./private.ppk).
import path from "node:path";
import { packPlugin, PackError } from "../src/packaging/packPlugin";

const root = path.resolve(__dirname, "..");

packPlugin({
  manifestPath: path.join(root, "manifest.json"),
  keyPath: path.resolve(process.env.PLUGIN_PPK || path.join(root, "private.ppk")),
  outPath: path.join(root, "dist", "plugin.zip"),
  log: (line) => console.log(line),
}).catch((error: unknown) => {
  console.error(error instanceof PackError ? error.message : String(error));
  process.exitCode = 1;
});
