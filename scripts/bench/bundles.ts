// Bundle sizes, gzipped, against their budgets (scripts/check-bundles.js, which CI enforces), and the
// FormBridge script's for reference. Build first (`npm run build`).
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { figureLine } from "../benchReport";

const ROOT = path.join(__dirname, "..", "..");
const { BUDGETS } = require("../check-bundles.js") as { BUDGETS: Record<string, number> };

const gzippedKb = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length / 1024;

export async function run(): Promise<void> {
  const pluginJs = path.join(ROOT, "plugin", "js");
  if (!existsSync(path.join(pluginJs, "desktop.js"))) {
    console.log("no bundles found: build first (npm run build)");
    return;
  }
  for (const [name, budget] of Object.entries(BUDGETS)) {
    console.log(
      figureLine(
        `plugin/js/${name} gzipped`,
        gzippedKb(path.join(pluginJs, name)),
        budget / 1024,
        "KB",
      ),
    );
  }
  const formbridge = path.join(ROOT, "dist", "formbridge.js");
  if (existsSync(formbridge)) {
    console.log(
      `${"dist/formbridge.js gzipped (no budget)".padEnd(44)}${gzippedKb(formbridge).toFixed(1).padStart(9)} KB`,
    );
  }
}
