/**
 * npm start gives the demo apps their plugin settings as an administrator would: on the settings
 * page (its request token, the server side of setConfig), never by writing the sandbox database;
 * and the document goes into the lottery log as a 設定 entry, so the CLI applies the same rules.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { readLatestSettings } from "../../src/adapters/settingsLog";
import { setupApps } from "../../src/setup/setupApps";
import { uploadPlugin } from "../../src/setup/upload";
import { configurePluginOnce } from "../../tools/dev/configurePlugin";
import { demoPluginConfig } from "../../tools/dev/start";
import { packTestPlugin } from "../browser/support/testPlugin";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());

test("saves the demo settings through the settings page once, and logs them", async () => {
  const admin = sandbox.clientAs("admin");
  const cwd = mkdtempSync(path.join(tmpdir(), "followup-start-"));
  const { appIds } = await setupApps(admin, { cwd, baseUrl: sandbox.baseUrl, pollIntervalMs: 20 });
  const packed = await packTestPlugin();
  const zipPath = path.join(cwd, "plugin.zip");
  writeFileSync(zipPath, packed.zip);
  const { pluginId } = await uploadPlugin(admin, { zipPath, appIds, pollIntervalMs: 20 });
  const target = { baseUrl: sandbox.baseUrl, auth: { username: "admin", password: "admin" } };
  const config = demoPluginConfig("applications", appIds);

  expect(await configurePluginOnce(target, appIds.applications, pluginId, config)).toBe(true);
  const saved = await readLatestSettings(admin, appIds.lotteryLog);
  expect(saved?.config.apps).toEqual(appIds);
  expect(saved?.config.permissions.draw.groups).toContain("secretariat");

  // A restart keeps what is there: nothing saved, nothing logged again.
  expect(await configurePluginOnce(target, appIds.applications, pluginId, config)).toBe(false);
  const log = await admin.record.getRecords({ app: appIds.lotteryLog });
  expect(log.records).toHaveLength(1);

  // Only an administrator of the app can: staff1 has no settings page.
  const staff = { ...target, auth: { username: "staff1", password: "staff1" } };
  await expect(
    configurePluginOnce(staff, appIds.questionnaires, pluginId, config),
  ).rejects.toThrow();
});
