/**
 * The visit rules on kintone's screens, against the sandbox's REST API (the expert's other visits
 * come from real queries): save on desktop and mobile, and the 訪問完了 guard.
 */
import { JSDOM } from "jsdom";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defaultPluginConfig, serializePluginConfig } from "../../src/core/settings/pluginConfig";
import { registerDesktop } from "../../src/desktop/register";
import { registerMobile } from "../../src/mobile/register";
import { setupApps } from "../../src/setup/setupApps";
import { validApplicationValues } from "../plugin/support/applications";
import { eventRecord, fakeKintone } from "../plugin/support/fakeKintone";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";

type Fired = { error?: string | null; record: Record<string, { error?: string | null }> };

describe("visit checks on kintone's screens", () => {
  let sandbox: TestSandbox;
  let app: number;
  let fire: ReturnType<typeof fakeKintone>["fire"];

  beforeAll(async () => {
    // Node's HTTP reaches the sandbox (jsdom's XHR would refuse a cross-origin call); the fake
    // kintone global only needs a document for its spaces.
    Object.assign(globalThis, { document: new JSDOM().window.document });
    sandbox = await startTestSandbox();
    const admin = sandbox.clientAs("admin");
    const cwd = mkdtempSync(path.join(tmpdir(), "followup-visits-"));
    const { appIds } = await setupApps(admin, {
      cwd,
      baseUrl: sandbox.baseUrl,
      pollIntervalMs: 20,
    });
    app = appIds.applications;
    await admin.record.addRecord({
      app,
      record: {
        company_name: { value: "有限会社先約" },
        visit_date: { value: "2024-09-17" },
        visit_start: { value: "11:00" },
        visit_minutes: { value: "60" },
        expert_name: { value: "山田　太郎" },
      },
    });
    const config = defaultPluginConfig();
    config.apps = { applications: app, questionnaires: appIds.questionnaires, lotteryLog: null };
    const fake = fakeKintone({ config: serializePluginConfig(config), appId: app });
    const deps = { client: () => admin, notify: jest.fn() };
    registerDesktop(fake.k, "plugin-id", { ...deps, reload: jest.fn() });
    registerMobile(fake.k, "plugin-id", deps);
    fire = fake.fire;
  });
  afterAll(() => sandbox.close());

  const visit = (overrides: Record<string, string> = {}) => ({
    visit_date: "2024-09-17",
    visit_start: "10:00",
    visit_minutes: "90",
    expert_name: "鈴木 花子",
    ...overrides,
  });
  const save = async (type: string, values: Record<string, string>, status = "質問票回答済") =>
    (await fire(type, {
      appId: app,
      recordId: 999,
      record: eventRecord(validApplicationValues(values), status),
    })) as Fired;
  const complete = async (values: Record<string, string>) =>
    (await fire("app.record.detail.process.proceed", {
      appId: app,
      recordId: 999,
      record: eventRecord(
        validApplicationValues({ ...values, participation_intent: "参加する" }),
        "質問票回答済",
      ),
      action: { value: "訪問完了" },
      status: { value: "質問票回答済" },
      nextStatus: { value: "訪問済" },
    })) as Fired;

  const refused: Array<[string, Record<string, string>, RegExp, string]> = [
    ["New Year's Day", { visit_date: "2025-01-01" }, /祝日（元日）/, "visit_date"],
    ["a Saturday", { visit_date: "2024-09-21" }, /土日/, "visit_date"],
    ["敬老の日", { visit_date: "2024-09-16" }, /敬老の日/, "visit_date"],
    ["180 minutes", { visit_minutes: "180" }, /60〜120 分/, "visit_minutes"],
    ["18:00", { visit_start: "18:00" }, /対応時間 09:00〜17:00/, "visit_start"],
    [
      "an overlap with the same expert",
      { expert_name: "山田 太郎" },
      /有限会社先約/,
      "visit_start",
    ],
  ];

  it.each(refused)("refuses %s on save, on its field", async (_name, values, message, field) => {
    for (const type of ["app.record.edit.submit", "mobile.app.record.edit.submit"]) {
      const event = await save(type, visit(values));
      expect(event.error).toMatch(/訪問予定に 1 件の問題があります/);
      expect(event.record[field]?.error).toMatch(message);
    }
  });

  it.each(refused)("refuses 訪問完了 for %s with the reason", async (_name, values, message) => {
    const event = await complete(visit(values));
    expect(event.error).toMatch(/訪問完了にできません/);
    expect(event.error).toMatch(message);
  });

  it("lets a weekday 10:00 visit of 90 minutes through, on save and in the guard", async () => {
    const created = await save("app.record.create.submit", visit(), "");
    expect(created.error ?? null).toBeNull();
    const mobile = await save("mobile.app.record.edit.submit", visit());
    expect(mobile.error ?? null).toBeNull();
    expect((await complete(visit())).error ?? null).toBeNull();
  });

  it("lets the same expert visit right after the other company", async () => {
    const event = await save(
      "app.record.edit.submit",
      visit({ expert_name: "山田 太郎", visit_start: "12:00", visit_minutes: "60" }),
    );
    expect(event.error ?? null).toBeNull();
  });
});
