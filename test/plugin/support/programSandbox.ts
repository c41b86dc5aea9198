/**
 * For the plugin's browser tests: the built plugin (webpack, then packed with a throw-away key) on a
 * fresh sandbox with the program's apps and the 120 demo applications, as an administrator would
 * install it. Its settings are made on the settings page by the tests themselves.
 */
import { execFileSync } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { KintoneRestAPIClient } from "@kintone/rest-api-client";
import { packPluginFromManifest } from "@kintone/plugin-packer/from-manifest";
import type { ProgramAppIds } from "../../../src/adapters/appIds";
import type { ApplicationsVariant } from "../../../src/apps/staffTableVariant";
import { DEMO_REFERENCE_DAY } from "../../../src/apps/demoApplications";
import { seedDemo } from "../../../src/setup/demo";
import { uploadPlugin } from "../../../src/setup/upload";
import { startTestSandbox, type TestSandbox } from "../../support/sandbox";

const ROOT = path.resolve(__dirname, "../../..");
const BUNDLES = ["plugin/js/desktop.js", "plugin/js/mobile.js", "plugin/js/config.js"];

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds the bundles when they are missing or older than the sources. */
export function ensurePluginBuilt(): void {
  const built = BUNDLES.map((file) => path.join(ROOT, file));
  const oldest = Math.min(...built.map((file) => (existsSync(file) ? statSync(file).mtimeMs : 0)));
  if (oldest > newestSource(path.join(ROOT, "src"))) return;
  execFileSync(
    process.execPath,
    [path.join(ROOT, "node_modules/webpack-cli/bin/cli.js"), "--mode", "production"],
    {
      cwd: ROOT,
      stdio: "inherit",
    },
  );
}

export interface ProgramSandbox {
  sandbox: TestSandbox;
  admin: KintoneRestAPIClient;
  apps: ProgramAppIds;
  pluginId: string;
  close(): Promise<void>;
}

/** The built plugin packed with a throw-away key, in a new temporary folder. */
export async function packBuiltPlugin(): Promise<{ zipPath: string; dir: string }> {
  ensurePluginBuilt();
  const { privateKey } = generateKeyPairSync("rsa", {
    modulusLength: 1024,
    privateKeyEncoding: { type: "pkcs1", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });
  const packed = await packPluginFromManifest(path.join(ROOT, "manifest.json"), privateKey);
  const dir = mkdtempSync(path.join(tmpdir(), "followup-plugin-"));
  const zipPath = path.join(dir, "plugin.zip");
  writeFileSync(zipPath, packed.plugin);
  return { zipPath, dir };
}

export async function startProgramSandbox(
  options: { variant?: ApplicationsVariant } = {},
): Promise<ProgramSandbox> {
  const { zipPath, dir } = await packBuiltPlugin();

  const sandbox = await startTestSandbox();
  const admin = sandbox.clientAs("admin");
  const { setup } = await seedDemo(
    { baseUrl: sandbox.baseUrl, auth: { username: "admin", password: "admin" } },
    // Dated like the spec's own round, so the default settings judge it.
    { cwd: dir, variant: options.variant, createdAt: DEMO_REFERENCE_DAY },
  );
  const { pluginId } = await uploadPlugin(admin, { zipPath, appIds: setup.appIds });
  return { sandbox, admin, apps: setup.appIds, pluginId, close: () => sandbox.close() };
}
