import { readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

/** Where the browser code lives and where its bundle goes (an ignored directory). */
export const WEB_SOURCE_DIR = resolve(__dirname, "../web");
export const WEB_OUTPUT_DIR = resolve(__dirname, "../../.sandbox/web");
export const WEB_BUNDLE = join(WEB_OUTPUT_DIR, "kintone.js");
/** The sandbox's FormBridge page runtime (sandbox/web/formbridge). */
export const FORMBRIDGE_BUNDLE = join(WEB_OUTPUT_DIR, "formbridge.js");
export const WEB_STYLESHEET = join(WEB_SOURCE_DIR, "kintone.css");

function newestSourceTime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceTime(path));
    else if (/\.(ts|js)$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** True when the bundle is missing or older than a source file of sandbox/web. */
export function webBundleIsStale(): boolean {
  try {
    // The screens also bundle the sandbox's formula engine (calculated-field markers).
    const newest = Math.max(
      newestSourceTime(WEB_SOURCE_DIR),
      newestSourceTime(resolve(WEB_SOURCE_DIR, "../calc")),
    );
    return statSync(WEB_BUNDLE).mtimeMs < newest;
  } catch {
    return true;
  }
}

let building: Promise<void> | undefined;

/** Builds sandbox/web with its webpack config when needed; concurrent callers share one build. */
export function ensureWebBundle(): Promise<void> {
  if (!webBundleIsStale()) return Promise.resolve();
  building ??= buildWebBundle().finally(() => {
    building = undefined;
  });
  return building;
}

/** Builds into a private directory and renames, so another process never reads a half-written bundle. */
async function buildWebBundle(): Promise<void> {
  const { default: webpack } = await import("webpack");
  const config = require(join(WEB_SOURCE_DIR, "webpack.config.js")) as (env: object) => object;
  const buildDir = join(WEB_OUTPUT_DIR, `build-${process.pid}-${Date.now()}`);
  try {
    await new Promise<void>((done, fail) => {
      webpack(config({ outDir: buildDir }) as never, (error, stats) => {
        if (error) fail(error);
        else if (stats?.hasErrors()) fail(new Error(stats.toString("errors-only")));
        else done();
      });
    });
    renameSync(join(buildDir, "formbridge.js"), FORMBRIDGE_BUNDLE);
    renameSync(join(buildDir, "kintone.js"), WEB_BUNDLE);
  } finally {
    rmSync(buildDir, { recursive: true, force: true });
  }
}
