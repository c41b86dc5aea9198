// Bundle sizes: raw and gzipped, for each plugin bundle (plugin/js/*.js) and the FormBridge script
// (dist/formbridge.js). Build first (`npm run build` or `npx webpack --mode production`).
// Budget: desktop.js under 100 KB gzipped.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

const ROOT = path.join(__dirname, "..", "..");
const DESKTOP_BUDGET_GZIP = 100 * 1024;

function bundleFiles(): string[] {
  const pluginJs = path.join(ROOT, "plugin", "js");
  const files = existsSync(pluginJs)
    ? readdirSync(pluginJs)
        .filter((f) => f.endsWith(".js"))
        .sort()
        .map((f) => path.join(pluginJs, f))
    : [];
  const formbridge = path.join(ROOT, "dist", "formbridge.js");
  if (existsSync(formbridge)) files.push(formbridge);
  return files;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export async function run(): Promise<void> {
  const files = bundleFiles();
  if (files.length === 0) {
    console.log("no bundles found: build first (npx webpack --mode production)");
    return;
  }
  console.log(`${"bundle".padEnd(28)}${"raw".padStart(12)}${"gzip".padStart(12)}`);
  for (const file of files) {
    const content = readFileSync(file);
    const gzipped = gzipSync(content, { level: 9 }).length;
    const name = path.relative(ROOT, file);
    const note =
      path.basename(file) === "desktop.js"
        ? `  (budget ${kb(DESKTOP_BUDGET_GZIP)}: ${gzipped <= DESKTOP_BUDGET_GZIP ? "within" : "OVER"})`
        : "";
    console.log(
      `${name.padEnd(28)}${kb(content.length).padStart(12)}${kb(gzipped).padStart(12)}${note}`,
    );
  }
}
