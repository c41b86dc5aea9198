/**
 * One program round as the secretariat runs it in kintone, with the built plugin on the sandbox:
 * settings page → 審査 → 抽選 (50 winners) → a winner declines → 繰り上げ → 参加確定 → questionnaire
 * → 訪問完了. Each step is checked over REST; screenshots go to test-artifacts/.
 */
import { readFileSync } from "node:fs";
import type { BrowserContext, Page } from "playwright-core";
import type { LotteryBundle } from "../../src/core/lottery";
import { verifyBundle } from "../../src/core/lottery";
import { findInvariantViolations } from "../../src/core/workflow";
import { loggedIn, open, screenshot } from "./support/browser";
import { programInBrowser } from "./support/programInBrowser";
import { acceptReviews, type Rec, status, value } from "./support/round";

let staff: BrowserContext;
let bundle: LotteryBundle;

const run = programInBrowser();

const app = () => run.p.apps.applications;

async function allRecords(): Promise<Rec[]> {
  return (await run.p.admin.record.getAllRecords({ app: app() })) as unknown as Rec[];
}
async function recordOf(id: string): Promise<Rec> {
  return (await run.p.admin.record.getRecord({ app: app(), id })).record as unknown as Rec;
}

async function newPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  page.on("pageerror", (error) => process.stderr.write(`[browser] ${error.message}\n`));
  return page;
}

/** Opens the plugin's settings page of an app and waits for the form. */
async function settingsPage(page: Page, appId: number): Promise<void> {
  await open(page, `/k/admin/app/${appId}/plugin/config?pluginId=${run.p.pluginId}`);
  await page.waitForSelector("#followup-config-save");
}

/** Runs a list button through its confirmation; returns the result text. */
async function runListButton(page: Page, id: string, name: string): Promise<string> {
  await open(page, `/k/${app()}/`);
  await page.click(`#${id}`);
  await page.waitForSelector(".followup-dialog-ok");
  await screenshot(page, `plugin-${name}-confirm`);
  await page.click(".followup-dialog-ok");
  await page.waitForSelector("#followup-result, .followup-refusal", { timeout: 60_000 });
  await screenshot(page, `plugin-${name}-result`);
  const text = (await page.textContent("#followup-result, .followup-refusal")) ?? "";
  await Promise.all([
    page.waitForEvent("load").catch(() => undefined),
    page.click(".followup-dialog-close"),
  ]);
  return text;
}

/** Clicks a process action on the detail screen and waits until the screen shows its outcome. */
async function proceed(page: Page, id: string, action: string): Promise<void> {
  await open(page, `/k/${app()}/show#record=${id}`);
  await page.waitForSelector("#followup-detail-panel");
  const before = await page.textContent(".sb-status-value");
  await page.click(`.sb-action[data-action="${action}"]`);
  await page.waitForFunction(
    (was) =>
      document.querySelector(".sb-error-banner")?.textContent?.trim() ||
      document.querySelector(".sb-status-value")?.textContent !== was,
    before,
  );
}

describe("one program round in kintone (steps run in order)", () => {
  test("the administrator sets the plugin up; a bad value is shown beside its input", async () => {
    const { context, page } = await loggedIn(run.browser, run.p.sandbox.baseUrl, "admin");
    await settingsPage(page, app());
    await page.fill('input[data-path="program.quota"]', "0");
    await page.click("#followup-config-save");
    await expect(page.textContent('div[data-path="program.quota"]')).resolves.toMatch(
      /0 より大きい/,
    );
    await screenshot(page, "plugin-settings-error");

    await page.fill('input[data-path="program.quota"]', "50");
    await page.fill('input[data-path="apps.questionnaires"]', String(run.p.apps.questionnaires));
    await page.fill('input[data-path="apps.lotteryLog"]', String(run.p.apps.lotteryLog));
    for (const op of ["screen", "draw", "promote"]) {
      await page.fill(`input[data-path="permissions.${op}.users"]`, "staff1, staff_en");
    }
    await screenshot(page, "plugin-settings");
    await Promise.all([page.waitForURL("**/plugin/"), page.click("#followup-config-save")]);

    await settingsPage(page, run.p.apps.questionnaires);
    await page.selectOption('select[data-path="role"]', "questionnaires");
    await page.fill('input[data-path="apps.applications"]', String(app()));
    await Promise.all([page.waitForURL("**/plugin/"), page.click("#followup-config-save")]);

    await settingsPage(page, app());
    await expect(page.inputValue('input[data-path="apps.lotteryLog"]')).resolves.toBe(
      String(run.p.apps.lotteryLog),
    );
    await context.close();
    staff = (await loggedIn(run.browser, run.p.sandbox.baseUrl, "staff1")).context;
  });

  test("審査 proposes; staff confirm the proposed 対象外 in its dialog, which moves them to 対象外", async () => {
    const page = await newPage(staff);
    await open(page, `/k/${app()}/`);
    await page.waitForSelector("#followup-draw");
    await screenshot(page, "plugin-list-buttons");
    await page.click("#followup-screen");
    await page.waitForSelector(".followup-dialog-ok");
    await page.click(".followup-dialog-ok");
    await page.waitForSelector("#followup-result", { timeout: 60_000 });
    expect(await page.textContent("#followup-result")).toMatch(/120 件を審査しました（提案）/);
    // Screening alone moves nothing: the proposed 対象外 are still 申込受付 until confirmed.
    const proposed = (await allRecords()).filter((r) => value(r, "eligibility") === "対象外");
    expect(proposed.length).toBeGreaterThan(0);
    expect(proposed.every((r) => status(r) === "申込受付")).toBe(true);
    await page.click("#followup-confirm-ineligible");
    await page.waitForSelector("#followup-confirm-done", { timeout: 60_000 });
    await screenshot(page, "plugin-screening-result");
    await Promise.all([
      page.waitForEvent("load").catch(() => undefined),
      page.click(".followup-dialog-close"),
    ]);
    const records = await allRecords();
    expect(records.filter((r) => ["", "未判定"].includes(value(r, "eligibility")))).toHaveLength(0);
    const ineligible = records.filter((r) => value(r, "eligibility") === "対象外");
    expect(ineligible.length).toBeGreaterThan(0);
    expect(ineligible.every((r) => status(r) === "対象外")).toBe(true);
    expect(ineligible.every((r) => value(r, "eligibility_notes").includes("【不備】"))).toBe(true);
    await acceptReviews(run.p, records);
    await page.close();
  });

  test("抽選 shows the pool and its fingerprint, draws 50 winners and offers the bundle", async () => {
    const page = await newPage(staff);
    await open(page, `/k/${app()}/`);
    await page.click("#followup-draw");
    await page.waitForSelector("#followup-fingerprint");
    const fingerprint = (await page.textContent("#followup-fingerprint")) ?? "";
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    await screenshot(page, "plugin-draw-confirm");
    await page.click(".followup-dialog-ok");
    await page.waitForSelector("#followup-download-bundle", { timeout: 60_000 });
    await screenshot(page, "plugin-draw-result");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click("#followup-download-bundle"),
    ]);
    bundle = JSON.parse(readFileSync(await download.path(), "utf8")) as LotteryBundle;
    expect(bundle.pool_fingerprint).toBe(fingerprint);
    expect((await verifyBundle(bundle)).ok).toBe(true);
    await page.click(".followup-dialog-close");

    const records = await allRecords();
    const winners = records.filter((r) => status(r) === "当選");
    expect(winners).toHaveLength(50);
    expect(winners.every((r) => value(r, "lottery_result") === "当選")).toBe(true);
    const waitlisted = records.filter((r) => status(r) === "補欠");
    expect(waitlisted).toHaveLength(bundle.pool.length - 50);
    const numbers = waitlisted.map((r) => Number(value(r, "waitlist_no"))).sort((a, b) => a - b);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    await page.close();
  });

  const winner = () => bundle.ranking[0]?.key ?? "";
  const waitlisted = (no: number) => bundle.ranking.find((e) => e.waitlist_no === no)?.key ?? "";

  test("a winner declines: 辞退 after the intent is recorded", async () => {
    await run.p.admin.record.updateRecord({
      app: app(),
      id: winner(),
      record: { participation_intent: { value: "辞退する" } },
    });
    const page = await newPage(staff);
    await proceed(page, winner(), "辞退");
    await screenshot(page, "plugin-declined");
    expect(status(await recordOf(winner()))).toBe("辞退");
    await page.close();
  });

  test("繰り上げ on the list promotes waitlist number 1", async () => {
    const page = await newPage(staff);
    const text = await runListButton(page, "followup-promote", "promotion");
    expect(text).toMatch(/補欠順位 1/);
    const promoted = await recordOf(waitlisted(1));
    expect([status(promoted), value(promoted, "lottery_result")]).toEqual(["当選", "当選"]);
    expect(status(await recordOf(waitlisted(2)))).toBe("補欠");
    await page.close();
  });

  test("参加確定 once the promoted applicant says 参加する", async () => {
    await run.p.admin.record.updateRecord({
      app: app(),
      id: waitlisted(1),
      record: { participation_intent: { value: "参加する" } },
    });
    const page = await newPage(staff);
    await proceed(page, waitlisted(1), "参加確定");
    expect(status(await recordOf(waitlisted(1)))).toBe("参加確定");
    await page.close();
  });

  test("the questionnaire opened from the panel fills the number and, once saved, moves the application", async () => {
    const page = await newPage(staff);
    await open(page, `/k/${app()}/show#record=${waitlisted(1)}`);
    const link = page.locator("#followup-detail-panel a", { hasText: "質問票を入力する" });
    await link.waitFor();
    const applicationNo = value(await recordOf(waitlisted(1)), "application_no");
    const href = (await link.getAttribute("href")) ?? "";
    expect(href).toBe(`/k/${run.p.apps.questionnaires}/edit?application_no=${applicationNo}`);
    await screenshot(page, "plugin-panel-confirmed");
    await open(page, href);
    await expect(page.inputValue("[data-field-code=application_no] input")).resolves.toBe(
      applicationNo,
    );
    await screenshot(page, "plugin-questionnaire-new");
    await page.click(".sb-save");
    await page.waitForFunction(
      () => !location.pathname.endsWith("/edit") || location.hash.includes("record="),
    );
    for (let i = 0; i < 50 && status(await recordOf(waitlisted(1))) !== "質問票回答済"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(status(await recordOf(waitlisted(1)))).toBe("質問票回答済");
    const questionnaires = await run.p.admin.record.getRecords({ app: run.p.apps.questionnaires });
    expect(questionnaires.records.map((q) => String(q.application_no?.value))).toEqual([
      applicationNo,
    ]);
    await page.close();
  });

  test("同期 moves a confirmed application whose questionnaire came through the public form", async () => {
    const second = bundle.ranking[1]?.key ?? "";
    const { revision } = await run.p.admin.record.updateRecord({
      app: app(),
      id: second,
      record: { participation_intent: { value: "参加する" } },
    });
    await run.p.admin.record.updateRecordStatus({
      app: app(),
      id: second,
      action: "参加確定",
      revision,
    });
    // FormBridge writes over REST: no kintone event fires for it.
    await run.p.admin.record.addRecord({
      app: run.p.apps.questionnaires,
      record: { application_no: { value: value(await recordOf(second), "application_no") } },
    });
    expect(status(await recordOf(second))).toBe("参加確定");
    const page = await newPage(staff);
    const text = await runListButton(page, "followup-sync", "sync");
    expect(text).toMatch(/1 件を進めました/);
    expect(status(await recordOf(second))).toBe("質問票回答済");
    await page.close();
  });

  test("訪問完了 once the whole visit is booked on a working day", async () => {
    const book = (visit_date: string) =>
      run.p.admin.record.updateRecord({
        app: app(),
        id: waitlisted(1),
        record: {
          visit_date: { value: visit_date },
          visit_start: { value: "10:00" },
          visit_minutes: { value: "90" },
          expert_name: { value: "点検 太郎" },
        },
      });
    const page = await newPage(staff);
    // 2024-09-16 is 敬老の日: the guard refuses and says why.
    await book("2024-09-16");
    await proceed(page, waitlisted(1), "訪問完了");
    await expect(page.textContent(".sb-error-banner")).resolves.toContain("敬老の日");
    expect(status(await recordOf(waitlisted(1)))).toBe("質問票回答済");
    await page.close();
    await book("2024-09-10");
    const again = await newPage(staff);
    await proceed(again, waitlisted(1), "訪問完了");
    expect(status(await recordOf(waitlisted(1)))).toBe("訪問済");
    await again.waitForSelector("#followup-detail-panel");
    await expect(again.textContent("#followup-detail-panel")).resolves.toContain(
      "訪問は完了しています",
    );
    await screenshot(again, "plugin-visited");
    await again.close();
  });

  test("the round leaves every record consistent with the process invariants", async () => {
    const questionnaires = await run.p.admin.record.getAllRecords({
      app: run.p.apps.questionnaires,
    });
    const links = questionnaires.map((q) => String(q.application_no?.value));
    expect(findInvariantViolations(await allRecords(), links)).toEqual([]);
  });
});
