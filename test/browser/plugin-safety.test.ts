/**
 * What must never happen, with the built plugin on the sandbox: a viewer gets no lottery button
 * and cannot draw over REST either; markup in a company name stays text on every page and dialog;
 * a refused process action says why and changes nothing. Plus the English screens.
 */
import type { KintoneRestAPIClient } from "@kintone/rest-api-client";
import type { Browser, Page } from "playwright-core";
import { drawLottery } from "../../src/adapters/lottery";
import { defaultProgram } from "../../src/adapters/defaultProgram";
import { DECLARATIONS, PARTICIPATION_CATEGORIES } from "../../src/core/vocabulary";
import { configurePlugin } from "../plugin/support/pluginSettings";
import { startProgramSandbox, type ProgramSandbox } from "../plugin/support/programSandbox";
import { launchBrowser, loggedIn, open, screenshot } from "./support/browser";

let p: ProgramSandbox;
let browser: Browser;

const MARKUP = `<img src=x onerror="window.__xss=1">"&'<b>太字</b>株式会社`;
type Rec = Record<string, { value: unknown; type?: string }>;
const status = (r: Rec) => String(Object.values(r).find((f) => f.type === "STATUS")?.value);

beforeAll(async () => {
  p = await startProgramSandbox();
  browser = await launchBrowser();
  // As an administrator would: the secretariat edits, everyone else only views.
  const rights = (edit: boolean) => ({
    appEditable: false,
    recordViewable: true,
    recordAddable: edit,
    recordEditable: edit,
    recordDeletable: false,
    recordImportable: false,
    recordExportable: false,
  });
  for (const app of [p.apps.applications, p.apps.questionnaires, p.apps.lotteryLog]) {
    await p.admin.app.updateAppAcl({
      app,
      rights: [
        { entity: { type: "GROUP", code: "secretariat" }, ...rights(true) },
        { entity: { type: "GROUP", code: "everyone" }, ...rights(false) },
      ],
    });
  }
  await p.admin.app.deployApp({
    apps: [p.apps.applications, p.apps.questionnaires, p.apps.lotteryLog].map((app) => ({ app })),
  });
  for (let i = 0; i < 50; i++) {
    const { apps } = await p.admin.app.getDeployStatus({ apps: [p.apps.applications] });
    if (apps.every((a) => a.status === "SUCCESS")) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await configurePlugin(browser, p, ["staff1", "staff_en"]);
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await p?.close();
});

async function page(user: string, path: string): Promise<Page> {
  const { page: opened } = await loggedIn(browser, p.sandbox.baseUrl, user);
  await open(opened, path);
  return opened;
}

/** Whether the list's button bar has settled (permissions are read asynchronously). */
async function buttonsOf(listPage: Page): Promise<string[]> {
  await listPage.waitForSelector("#followup-list-buttons", { state: "attached" });
  await listPage.waitForTimeout(300);
  return listPage.$$eval("#followup-list-buttons > *", (nodes) => nodes.map((n) => n.id));
}

test("a viewer sees no staff button, and a draw over REST is refused and changes nothing", async () => {
  const list = await page("viewer", `/k/${p.apps.applications}/`);
  expect(await buttonsOf(list)).toEqual([]);
  await screenshot(list, "plugin-viewer-list");
  const viewer: KintoneRestAPIClient = p.sandbox.clientAs("viewer");
  const { records } = await p.admin.record.getRecords({
    app: p.apps.applications,
    query: "limit 1",
  });
  const id = String(records[0]?.$id?.value);
  await expect(
    viewer.record.updateRecord({
      app: p.apps.applications,
      id,
      record: { lottery_result: { value: "当選" } },
    }),
  ).rejects.toMatchObject({ status: 403 });
  await expect(
    drawLottery({
      program: defaultProgram(viewer, {
        applications: p.apps.applications,
        lotteryLog: p.apps.lotteryLog,
      }),
      quota: 50,
    }),
  ).rejects.toThrow();
  const winners = await p.admin.record.getRecords({
    app: p.apps.applications,
    query: 'lottery_result in ("当選")',
  });
  expect(winners.records).toHaveLength(0);
  // The settings page logs its 設定 entries; no draw entry may appear.
  const log = await p.admin.record.getRecords({
    app: p.apps.lotteryLog,
    query: 'kind not in ("設定")',
  });
  expect(log.records).toHaveLength(0);
  await list.close();

  const staffList = await page("staff1", `/k/${p.apps.applications}/`);
  expect(await buttonsOf(staffList)).toEqual([
    "followup-screen",
    "followup-notice",
    "followup-draw",
    "followup-promote",
    "followup-sync",
  ]);
  await staffList.close();
});

test("an English-speaking user gets the screens in English", async () => {
  const list = await page("staff_en", `/k/${p.apps.applications}/`);
  await buttonsOf(list);
  await expect(list.textContent("#followup-draw")).resolves.toContain("Draw");
  await list.close();
});

test("a company name with markup shows as text on the list, the detail panel, the form and the screening dialog", async () => {
  const { id } = await p.admin.record.addRecord({
    app: p.apps.applications,
    record: {
      company_name: { value: MARKUP },
      entity_type: { value: "個人事業主" },
      postal_code: { value: "1638001" },
      prefecture: { value: "東京都" },
      // another prefecture in the address: a warning, so the application is listed as 要確認
      address: { value: "大阪府大阪市北区1-1" },
      industry: { value: "サービス業" },
      employees: { value: "3" },
      participation_category: { value: PARTICIPATION_CATEGORIES[1] },
      consent_survey: { value: ["同意する"] },
      declarations: { value: [...DECLARATIONS] },
      contact_email: { value: "markup@example.jp" },
      contact_phone: { value: "03-9999-0000" },
      applied_at: { value: "2024-07-20T01:00:00Z" },
    },
  });
  const noMarkup = async (view: Page) => {
    expect(await view.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
    expect(await view.$$('img[src="x"], b')).toHaveLength(0);
  };

  const detail = await page("staff1", `/k/${p.apps.applications}/show#record=${id}`);
  await detail.waitForSelector("#followup-detail-panel");
  await expect(detail.textContent("#followup-detail-panel")).resolves.toContain(MARKUP);
  await noMarkup(detail);
  await screenshot(detail, "plugin-markup-detail");

  await open(detail, `/k/${p.apps.applications}/show#record=${id}&mode=edit`);
  await noMarkup(detail);

  await open(detail, `/k/${p.apps.applications}/?offset=100`);
  await detail.click("#followup-screen");
  await detail.click(".followup-dialog-ok");
  await detail.waitForSelector("#followup-result");
  await expect(detail.textContent("#followup-needs-review")).resolves.toContain(MARKUP);
  await noMarkup(detail);
  await screenshot(detail, "plugin-markup-dialog");
  await detail.close();
});

test("a refused process action shows its reason and changes nothing", async () => {
  const { records } = await p.admin.record.getRecords({
    app: p.apps.applications,
    query: 'eligibility in ("適格") limit 1',
  });
  const id = String(records[0]?.$id?.value);
  // The record walks to 参加確定 over REST (as a finished draw and an intent form would leave it).
  await p.admin.record.updateRecord({
    app: p.apps.applications,
    id,
    record: { lottery_result: { value: "当選" }, lottery_rank: { value: "1" } },
  });
  await p.admin.record.updateRecordStatus({ app: p.apps.applications, id, action: "当選登録" });
  await p.admin.record.updateRecord({
    app: p.apps.applications,
    id,
    record: { participation_intent: { value: "参加する" } },
  });
  await p.admin.record.updateRecordStatus({ app: p.apps.applications, id, action: "参加確定" });
  const before = (await p.admin.record.getRecord({ app: p.apps.applications, id })).record as Rec;

  const detail = await page("staff1", `/k/${p.apps.applications}/show#record=${id}`);
  await detail.waitForSelector("#followup-detail-panel");
  await detail.click('.sb-action[data-action="質問票回答"]');
  await detail.waitForSelector(".sb-error-banner:not(:empty)");
  await expect(detail.textContent(".sb-error-banner")).resolves.toContain("質問票がまだありません");
  await screenshot(detail, "plugin-refused-action");
  const after = (await p.admin.record.getRecord({ app: p.apps.applications, id })).record as Rec;
  expect(status(after)).toBe("参加確定");
  expect(after.$revision?.value).toBe(before.$revision?.value);
  await detail.close();
});

test("on mobile a bad save is stopped with the message on its field", async () => {
  const { context, page: mobile } = await loggedIn(browser, p.sandbox.baseUrl, "staff1", {
    mobile: true,
  });
  // A record still in 申込受付: past it, findings no longer block a save.
  const { records } = await p.admin.record.getRecords({
    app: p.apps.applications,
    query: "order by $id asc limit 500",
  });
  const id = String(records.find((r) => status(r as Rec) === "申込受付")?.$id?.value);
  await open(mobile, `/k/m/${p.apps.applications}/show?record=${id}#mode=edit`);
  const before = (await p.admin.record.getRecord({ app: p.apps.applications, id })).record as Rec;
  await mobile.fill("[data-field-code=postal_code] input", "12");
  await mobile.click(".sb-save");
  await mobile.waitForSelector("[data-field-code=postal_code] .sb-field-error:not([hidden])");
  await expect(mobile.textContent("[data-field-code=postal_code]")).resolves.toContain("郵便番号");
  await screenshot(mobile, "plugin-mobile-save-error");
  const after = (await p.admin.record.getRecord({ app: p.apps.applications, id })).record as Rec;
  expect(after.$revision?.value).toBe(before.$revision?.value);
  await context.close();
});
