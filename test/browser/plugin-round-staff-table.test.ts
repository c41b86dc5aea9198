/**
 * The plugin on an applications app a secretariat has extended (`followup setup --variant
 * staff-table`): a subtable of staff (担当者一覧) and two CALC fields. The settings page maps the
 * program's fields and offers none of the extra ones; 審査 → 抽選 → 辞退 → 繰り上げ run as on the
 * standard app, and kintone keeps the table and recomputes the CALC fields after the plugin's writes.
 */
import type { BrowserContext, Page } from "playwright-core";
import { loggedIn, open, screenshot } from "./support/browser";
import { programInBrowser } from "./support/programInBrowser";
import { acceptReviews, type Rec, status, value } from "./support/round";

let staff: BrowserContext;

type Row = { id: string; value: Record<string, { value: unknown }> };

const run = programInBrowser({ variant: "staff-table" });

const app = () => run.p.apps.applications;
const EXTRA_FIELDS = [
  "担当者一覧",
  "担当者名",
  "担当区分",
  "担当時間",
  "担当時間合計",
  "審査済フラグ",
];

async function allRecords(): Promise<Rec[]> {
  return (await run.p.admin.record.getAllRecords({ app: app() })) as unknown as Rec[];
}

async function newPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  page.on("pageerror", (error) => process.stderr.write(`[browser] ${error.message}\n`));
  return page;
}

async function settingsPage(page: Page, appId: number): Promise<void> {
  await open(page, `/k/admin/app/${appId}/plugin/config?pluginId=${run.p.pluginId}`);
  await page.waitForSelector("#followup-config-save");
}

/** Runs a list button through its confirmation; returns the result text. */
async function runListButton(page: Page, id: string): Promise<string> {
  await open(page, `/k/${app()}/`);
  await page.click(`#${id}`);
  await page.waitForSelector(".followup-dialog-ok");
  await page.click(".followup-dialog-ok");
  await page.waitForSelector("#followup-result, .followup-refusal", { timeout: 60_000 });
  const text = (await page.textContent("#followup-result, .followup-refusal")) ?? "";
  await Promise.all([
    page.waitForEvent("load").catch(() => undefined),
    page.click(".followup-dialog-close"),
  ]);
  return text;
}

/** 抽選: confirms the pool and waits for the bundle to be offered. */
async function draw(page: Page): Promise<void> {
  await open(page, `/k/${app()}/`);
  await page.click("#followup-draw");
  await page.waitForSelector("#followup-fingerprint");
  await page.click(".followup-dialog-ok");
  await page.waitForSelector("#followup-download-bundle", { timeout: 60_000 });
  await screenshot(page, "staff-table-draw-result");
  await page.click(".followup-dialog-close");
}

describe("a round on the app with a staff table and CALC fields (steps run in order)", () => {
  let staffed = "";

  test("the settings page maps the program's fields and lists none of the table's or CALC fields", async () => {
    const { context, page } = await loggedIn(run.browser, run.p.sandbox.baseUrl, "admin");
    await settingsPage(page, app());
    const offered = await page.$$eval('select[data-path^="fieldMap."] option', (options) =>
      options.map((o) => (o as HTMLOptionElement).value),
    );
    expect(offered).toContain("company_name");
    for (const code of EXTRA_FIELDS) expect(offered).not.toContain(code);
    await page.fill('input[data-path="program.quota"]', "50");
    await page.fill('input[data-path="apps.questionnaires"]', String(run.p.apps.questionnaires));
    await page.fill('input[data-path="apps.lotteryLog"]', String(run.p.apps.lotteryLog));
    for (const op of ["screen", "draw", "promote"]) {
      await page.fill(`input[data-path="permissions.${op}.users"]`, "staff1");
    }
    await screenshot(page, "staff-table-settings");
    await Promise.all([page.waitForURL("**/plugin/"), page.click("#followup-config-save")]);

    await settingsPage(page, run.p.apps.questionnaires);
    await page.selectOption('select[data-path="role"]', "questionnaires");
    await page.fill('input[data-path="apps.applications"]', String(app()));
    await Promise.all([page.waitForURL("**/plugin/"), page.click("#followup-config-save")]);
    await context.close();
    staff = (await loggedIn(run.browser, run.p.sandbox.baseUrl, "staff1")).context;
  });

  test("審査 screens every application; the screened flag (CALC) follows the plugin's writes", async () => {
    const [first] = await allRecords();
    staffed = value(first as Rec, "$id");
    await run.p.admin.record.updateRecord({
      app: app(),
      id: staffed,
      record: {
        担当者一覧: {
          value: [
            {
              value: {
                担当者名: { value: "佐藤" },
                担当区分: { value: "主担当" },
                担当時間: { value: "2" },
              },
            },
            { value: { 担当者名: { value: "鈴木" }, 担当時間: { value: "1.5" } } },
          ],
        },
      },
    });
    expect((await allRecords()).every((r) => value(r, "審査済フラグ") === "0")).toBe(true);

    // 審査 proposes; staff confirm the proposed 対象外 in its dialog (spec v2).
    const page = await newPage(staff);
    await open(page, `/k/${app()}/`);
    await page.click("#followup-screen");
    await page.waitForSelector(".followup-dialog-ok");
    await page.click(".followup-dialog-ok");
    await page.waitForSelector("#followup-result", { timeout: 60_000 });
    expect(await page.textContent("#followup-result")).toMatch(/120 件を審査しました/);
    await page.click("#followup-confirm-ineligible");
    await page.waitForSelector("#followup-confirm-done", { timeout: 60_000 });
    await Promise.all([
      page.waitForEvent("load").catch(() => undefined),
      page.click(".followup-dialog-close"),
    ]);
    const records = await allRecords();
    expect(records.every((r) => value(r, "審査済フラグ") === "1")).toBe(true);
    await acceptReviews(run.p, records);
    await page.close();
  });

  test("抽選 draws 50 winners; the staff table and its total are kept", async () => {
    const page = await newPage(staff);
    await draw(page);
    const records = await allRecords();
    expect(records.filter((r) => status(r) === "当選")).toHaveLength(50);
    const withStaff = records.find((r) => value(r, "$id") === staffed) as Rec;
    const rows = withStaff.担当者一覧?.value as Row[];
    expect(rows.map((r) => r.value.担当者名?.value)).toEqual(["佐藤", "鈴木"]);
    expect(value(withStaff, "担当時間合計")).toBe("3.5");
    await page.close();
  });

  test("繰り上げ fills a declined winner's place from the waitlist", async () => {
    const records = await allRecords();
    const winner = records.find((r) => status(r) === "当選") as Rec;
    const winnerId = value(winner, "$id");
    const { revision } = await run.p.admin.record.updateRecord({
      app: app(),
      id: winnerId,
      record: { participation_intent: { value: "辞退する" } },
    });
    await run.p.admin.record.updateRecordStatus({
      app: app(),
      id: winnerId,
      action: "辞退",
      revision,
    });
    const page = await newPage(staff);
    const text = await runListButton(page, "followup-promote");
    expect(text).toMatch(/補欠順位 1/);
    const after = await allRecords();
    expect(after.filter((r) => status(r) === "当選")).toHaveLength(50);
    await page.close();
  });
});
