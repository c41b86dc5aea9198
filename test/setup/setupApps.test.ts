import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { KintoneRestAPIClient } from "@kintone/rest-api-client";
import { APP_IDS_FILE, readAppIds, writeAppIds } from "../../src/adapters/appIds";
import { setupApps } from "../../src/setup/setupApps";
import { FOLLOWUP_PANEL_SPACE, LOTTERY_LOG_FIELDS, STATES } from "../../src/core/vocabulary";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";

/** Counts the settings writes a client sends (every app method that is not a read). */
function countingWrites(client: KintoneRestAPIClient): {
  client: KintoneRestAPIClient;
  writes: string[];
} {
  const writes: string[] = [];
  const app = new Proxy(client.app, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        if (!/^get/.test(String(name))) writes.push(String(name));
        return value.apply(target, args);
      };
    },
  });
  return {
    client: new Proxy(client, { get: (t, n, r) => (n === "app" ? app : Reflect.get(t, n, r)) }),
    writes,
  };
}

describe("setupApps on the sandbox", () => {
  let sandbox: TestSandbox;
  let cwd: string;
  const fast = { pollIntervalMs: 20 };

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    cwd = mkdtempSync(path.join(tmpdir(), "followup-setup-"));
  });
  afterAll(() => sandbox.close());

  test("builds the three apps on an empty kintone, then changes nothing on a second run", async () => {
    const admin = sandbox.clientAs("admin");
    const first = await setupApps(admin, { cwd, baseUrl: sandbox.baseUrl, ...fast });
    expect(first.created).toEqual(["applications", "questionnaires", "lotteryLog"]);
    expect(first.unconverged).toEqual([]);
    expect(readAppIds(cwd, sandbox.baseUrl)).toEqual(first.appIds);
    const { applications, questionnaires, lotteryLog } = first.appIds;

    const fields = (await admin.app.getFormFields({ app: applications })).properties;
    expect(fields.application_no?.type).toBe("RECORD_NUMBER");
    expect(fields.company_name).toMatchObject({ type: "SINGLE_LINE_TEXT", required: true });
    expect(fields.questionnaires).toMatchObject({
      type: "REFERENCE_TABLE",
      referenceTable: {
        relatedApp: { app: String(questionnaires) },
        condition: { field: "application_no", relatedField: "application_no" },
      },
    });
    const layout = (await admin.app.getFormLayout({ app: applications })).layout;
    expect(JSON.stringify(layout)).toContain(`"elementId":"${FOLLOWUP_PANEL_SPACE}"`);

    const process = await admin.app.getProcessManagement({ app: applications });
    expect(process.enable).toBe(true);
    expect(Object.keys(process.states ?? {}).sort()).toEqual(Object.values(STATES).sort());
    expect(process.actions?.find((a) => a.name === "当選登録")).toMatchObject({
      from: "申込受付",
      to: "当選",
      filterCond: 'lottery_result in ("当選")',
    });
    const views = (await admin.app.getViews({ app: applications })).views;
    expect(views["補欠（順位順）"]).toMatchObject({ sort: "waitlist_no asc" });
    expect(Object.keys(views)).toEqual(
      expect.arrayContaining(["全件", "未判定", "要確認", "当選者", "参加確定"]),
    );

    const link = (await admin.app.getFormFields({ app: questionnaires })).properties.application_no;
    expect(link).toMatchObject({
      type: "NUMBER",
      lookup: { relatedApp: { app: String(applications) }, relatedKeyField: "application_no" },
    });
    const log = (await admin.app.getFormFields({ app: lotteryLog })).properties;
    for (const code of LOTTERY_LOG_FIELDS) expect(log[code]).toBeDefined();
    expect(log.sequence).toMatchObject({ type: "NUMBER", unique: true });

    const again = countingWrites(admin);
    const second = await setupApps(again.client, { cwd, baseUrl: sandbox.baseUrl, ...fast });
    expect(second.created).toEqual([]);
    expect(second.appIds).toEqual(first.appIds);
    expect(Object.values(second.changes).flat()).toEqual([]);
    expect(again.writes).toEqual([]);
  });

  test("without the ids file, finds the apps by name instead of making new ones", async () => {
    const admin = sandbox.clientAs("admin");
    const elsewhere = mkdtempSync(path.join(tmpdir(), "followup-setup-"));
    const before = readAppIds(cwd, sandbox.baseUrl);
    const report = await setupApps(admin, { cwd: elsewhere, baseUrl: sandbox.baseUrl, ...fast });
    expect(report.created).toEqual([]);
    expect(report.appIds).toEqual(before);
    expect(JSON.parse(readFileSync(path.join(elsewhere, APP_IDS_FILE), "utf8"))).toEqual({
      [sandbox.baseUrl]: before,
    });
  });

  test("ids in the file that no longer exist are replaced by the apps found by name", async () => {
    const admin = sandbox.clientAs("admin");
    const stale = mkdtempSync(path.join(tmpdir(), "followup-setup-"));
    const real = readAppIds(cwd, sandbox.baseUrl);
    writeAppIds(stale, sandbox.baseUrl, {
      applications: 901,
      questionnaires: 902,
      lotteryLog: 903,
    });
    const report = await setupApps(admin, { cwd: stale, baseUrl: sandbox.baseUrl, ...fast });
    expect(report.created).toEqual([]);
    expect(readAppIds(stale, sandbox.baseUrl)).toEqual(real);
  });

  test("puts back a field label someone changed, and only that", async () => {
    const admin = sandbox.clientAs("admin");
    const ids = readAppIds(cwd, sandbox.baseUrl);
    if (!ids) throw new Error("setup first");
    await admin.app.updateFormFields({
      app: ids.lotteryLog,
      properties: { reason: { type: "MULTI_LINE_TEXT", label: "変更されたラベル" } },
    });
    await admin.app.deployApp({ apps: [{ app: ids.lotteryLog }] });
    const report = await setupApps(admin, { cwd, baseUrl: sandbox.baseUrl, ...fast });
    expect(report.changes.lotteryLog).toEqual([{ kind: "updateFields", items: ["reason"] }]);
    expect(report.changes.applications).toEqual([]);
    const fields = (await admin.app.getFormFields({ app: ids.lotteryLog, preview: true }))
      .properties;
    expect(fields.reason?.label).toBe("理由");
  });
});

describe("setup over a field of another type", () => {
  test("changes nothing and names the field", async () => {
    const sandbox = await startTestSandbox();
    try {
      const admin = sandbox.clientAs("admin");
      const { app } = await admin.app.addApp({ name: "抽選記録" });
      await admin.app.addFormFields({
        app,
        properties: { sequence: { type: "SINGLE_LINE_TEXT", code: "sequence", label: "連番" } },
      });
      await admin.app.deployApp({ apps: [{ app }] });
      await new Promise((resolve) => setTimeout(resolve, 200));
      const cwd = mkdtempSync(path.join(tmpdir(), "followup-setup-"));
      await expect(
        setupApps(admin, { cwd, baseUrl: sandbox.baseUrl, pollIntervalMs: 20 }),
      ).rejects.toMatchObject({
        name: "SetupConflictError",
        conflicts: ["抽選記録: sequence (SINGLE_LINE_TEXT → NUMBER)"],
      });
      const fields = (await admin.app.getFormFields({ app, preview: true })).properties;
      expect(Object.keys(fields)).not.toContain("run_id");
    } finally {
      await sandbox.close();
    }
  });
});
