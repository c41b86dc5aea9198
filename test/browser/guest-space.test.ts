/**
 * The built plugin on apps in a guest space. Such an app answers only on /k/guest/<space>/v1/...
 * (kintone refuses /k/v1/... for it), so every request the plugin makes, bulkRequest's inner
 * requests included, must take its path from kintone.api.url(path, true).
 */
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { KintoneRestAPIClient } from "@kintone/rest-api-client";
import { packPluginFromManifest } from "@kintone/plugin-packer/from-manifest";
import type { Browser } from "playwright-core";
import { setPluginConfig } from "../../sandbox/plugins/config";
import { createClient, type KintoneTarget } from "../../src/adapters/connection";
import { DEMO_REFERENCE_DAY } from "../../src/apps/demoApplications";
import { defaultPluginConfig, serializePluginConfig } from "../../src/core/settings/pluginConfig";
import { seedDemo } from "../../src/setup/demo";
import { uploadPlugin } from "../../src/setup/upload";
import { ensurePluginBuilt } from "../plugin/support/programSandbox";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";
import { launchBrowser, loggedIn, open, screenshot } from "./support/browser";

const SPACE = 7;
let t: TestSandbox;
let guest: KintoneRestAPIClient;
let apps: { applications: number; questionnaires: number; lotteryLog: number };
let browser: Browser;
let dir: string;

beforeAll(async () => {
  ensurePluginBuilt();
  dir = mkdtempSync(path.join(tmpdir(), "followup-guest-"));
  const { privateKey } = generateKeyPairSync("rsa", {
    modulusLength: 1024,
    privateKeyEncoding: { type: "pkcs1", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });
  const zipPath = path.join(dir, "plugin.zip");
  const manifest = path.resolve(__dirname, "../../manifest.json");
  writeFileSync(zipPath, (await packPluginFromManifest(manifest, privateKey)).plugin);

  t = await startTestSandbox();
  const target: KintoneTarget = {
    baseUrl: t.baseUrl,
    auth: { username: "admin", password: "admin" },
    guestSpaceId: SPACE,
  };
  guest = createClient(target);
  const { setup } = await seedDemo(target, { cwd: dir, createdAt: DEMO_REFERENCE_DAY });
  apps = setup.appIds;
  const { pluginId } = await uploadPlugin(guest, { zipPath, appIds: apps });
  // A guest space has no secretariat group: the buttons are allowed to the user by name.
  const allowed = { users: ["admin"], groups: [] };
  const config = {
    ...defaultPluginConfig(),
    role: "applications" as const,
    apps,
    permissions: { screen: allowed, draw: allowed, promote: allowed },
  };
  setPluginConfig(t.sandbox.db, apps.applications, pluginId, serializePluginConfig(config));
  browser = await launchBrowser();
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it("the apps answer only on the guest-space path", async () => {
  const outside = t.clientAs("admin");
  await expect(
    outside.record.getRecords({ app: apps.applications, query: "limit 1" }),
  ).rejects.toMatchObject({ status: 403 });
});

it("審査 from the list of a guest-space app reads and writes through the guest-space paths", async () => {
  const { page } = await loggedIn(browser, t.baseUrl, "admin");
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await open(page, `/k/guest/${SPACE}/${apps.applications}/`);
  await page.click("#followup-screen");
  await page.waitForSelector(".followup-dialog-ok");
  await page.click(".followup-dialog-ok");
  await page.waitForSelector("#followup-result, .followup-refusal", { timeout: 60_000 });
  await screenshot(page, "guest-space-screening");
  const text = (await page.textContent("#followup-result, .followup-refusal")) ?? "";
  expect(text).toMatch(/120 件を審査しました/);
  const { records } = await guest.record.getRecords({
    app: apps.applications,
    fields: ["eligibility"],
    query: "limit 500",
  });
  expect(records).toHaveLength(120);
  expect(records.filter((r) => ["", "未判定"].includes(String(r.eligibility?.value)))).toEqual([]);
  expect(errors).toEqual([]);
});
