/**
 * Issue 11 acceptance 2, with the built plugin on the sandbox: screening proposes and a person
 * decides. A record with a correctable error is proposed 対象外 and stays 申込受付 until staff
 * confirm it in the 審査 dialog (対象外登録, one bulk, progress bar). After a correction, 差し戻し
 * and 審査 make it 適格; a company's corrected re-application is not a duplicate of its excluded one.
 */
import type { Page } from "playwright-core";
import { DECLARATIONS, PARTICIPATION_CATEGORIES } from "../../src/core/vocabulary";
import { configurePlugin } from "../plugin/support/pluginSettings";
import { loggedIn, open, screenshot } from "./support/browser";
import { programInBrowser } from "./support/programInBrowser";

type Rec = Record<string, { value: unknown; type?: string }>;
const status = (r: Rec) => String(Object.values(r).find((f) => f.type === "STATUS")?.value);

const run = programInBrowser(undefined, ({ p, browser }) =>
  configurePlugin(browser, p, ["staff1"]),
);

function application(name: string, corporateNumber: string, changes: Record<string, string>) {
  const values: Record<string, unknown> = {
    company_name: name,
    entity_type: "会社",
    corporate_number: corporateNumber,
    postal_code: "160-0023",
    prefecture: "東京都",
    address: "東京都新宿区西新宿3-1-1",
    industry: "卸売業",
    business_description: "事務用品の卸売",
    capital_yen: "10000000",
    employees: "12",
    participation_category: PARTICIPATION_CATEGORIES[1],
    consent_survey: ["同意する"],
    declarations: [...DECLARATIONS],
    contact_email: `${corporateNumber}@example.jp`,
    contact_phone: "03-3333-4444",
    applied_at: "2024-08-01T01:00:00Z",
    ...changes,
  };
  return Object.fromEntries(Object.entries(values).map(([code, value]) => [code, { value }]));
}

const record = async (id: string) =>
  (await run.p.admin.record.getRecord({ app: run.p.apps.applications, id }))
    .record as unknown as Rec;

/** Runs 審査 as staff1 and returns the open result dialog's page (not yet closed). */
async function screen(page: Page): Promise<string> {
  await open(page, `/k/${run.p.apps.applications}/`);
  await page.click("#followup-screen");
  await page.waitForSelector(".followup-dialog-ok");
  await page.click(".followup-dialog-ok");
  await page.waitForSelector("#followup-result, .followup-refusal", { timeout: 60_000 });
  return (await page.textContent("#followup-result, .followup-refusal")) ?? "";
}

async function closeDialog(page: Page): Promise<void> {
  await Promise.all([
    page.waitForEvent("load").catch(() => undefined),
    page.click(".followup-dialog-close"),
  ]);
}

async function sendBackOnScreen(page: Page, id: string, reason: string): Promise<void> {
  await open(page, `/k/${run.p.apps.applications}/show#record=${id}`);
  await page.waitForSelector("#followup-send-back");
  await page.click("#followup-send-back");
  await page.waitForSelector("#followup-send-back-reason");
  await page.fill("#followup-send-back-reason", reason);
  await screenshot(page, "screening-send-back");
  await page.click(".followup-dialog-ok");
  await page.waitForSelector("#followup-send-back-done", { timeout: 30_000 });
  await closeDialog(page);
}

test("proposed 対象外 waits for a person; 差し戻し + 審査 after a correction make it 適格; a re-application is no duplicate", async () => {
  const app = run.p.apps.applications;
  const staff = run.p.sandbox.clientAs("staff1");
  const extension = await run.p.admin.record.addRecord({
    app,
    record: application("株式会社あおば技研", "7010705000725", {
      contact_phone: "03-1234-5678（内線12）",
    }),
  });
  const typo = await run.p.admin.record.addRecord({
    app,
    record: application("株式会社みどり商事", "4011001098993", { postal_code: "160-002" }),
  });
  const { page } = await loggedIn(run.browser, run.p.sandbox.baseUrl, "staff1");
  page.on("pageerror", (error) => process.stderr.write(`[browser] ${error.message}\n`));

  // 1. Screening proposes: both listed as 対象外 with the reason, nothing moved yet.
  const first = await screen(page);
  expect(first).toContain("状態は変えていません");
  const proposed = page.locator("#followup-proposed-ineligible");
  const extensionItem = proposed.locator(`li[data-record-id="${extension.id}"]`);
  await expect(extensionItem.textContent()).resolves.toContain("内線番号などは書かないでください");
  await expect(
    proposed.locator(`li[data-record-id="${typo.id}"]`).textContent(),
  ).resolves.toContain("郵便番号は7桁");
  await screenshot(page, "screening-proposed-ineligible");
  for (const id of [extension.id, typo.id]) {
    const r = await record(id);
    expect([r.eligibility?.value, status(r)]).toEqual(["対象外", "申込受付"]);
  }

  // 2. A person confirms them: 対象外登録 in one go, with a progress bar.
  await page.click("#followup-confirm-ineligible");
  await page.waitForSelector("#followup-confirm-done", { timeout: 60_000 });
  expect(await page.isVisible("#followup-confirm-progress")).toBe(true);
  await screenshot(page, "screening-confirmed");
  await closeDialog(page);
  for (const id of [extension.id, typo.id]) expect(status(await record(id))).toBe("対象外");

  // 3. The phone is corrected, the record is sent back (logged) and screened again: 適格.
  await staff.record.updateRecord({
    app,
    id: extension.id,
    record: { contact_phone: { value: "03-1234-5678" } },
  });
  // 差し戻し from the record's detail screen, with a reason that goes into the lottery log.
  await sendBackOnScreen(page, extension.id, "電話番号の内線表記を事務局で訂正");
  const log = await run.p.admin.record.getRecords({
    app: run.p.apps.lotteryLog,
    query: 'kind in ("差し戻し")',
  });
  expect(log.records).toHaveLength(1);
  expect(log.records[0]?.reason?.value).toBe("電話番号の内線表記を事務局で訂正");
  expect(status(await record(extension.id))).toBe("申込受付");

  // 4. The company with the postal code typo applies again, corrected.
  const again = await run.p.admin.record.addRecord({
    app,
    record: application("株式会社みどり商事", "4011001098993", {
      applied_at: "2024-08-05T01:00:00Z",
    }),
  });
  const second = await screen(page);
  expect(second).not.toContain("株式会社みどり商事");
  await screenshot(page, "screening-after-send-back");
  await closeDialog(page);
  const corrected = await record(extension.id);
  expect([corrected.eligibility?.value, status(corrected)]).toEqual(["適格", "申込受付"]);
  const reapplied = await record(again.id);
  expect([reapplied.eligibility?.value, status(reapplied)]).toEqual(["適格", "申込受付"]);
  expect(String(reapplied.eligibility_notes?.value)).not.toContain("法人番号");
});

test("a new application typed after the round closed is refused with the window in 西暦 and 和暦", async () => {
  const { page } = await loggedIn(run.browser, run.p.sandbox.baseUrl, "staff1");
  const before = (
    await run.p.admin.record.getRecords({ app: run.p.apps.applications, totalCount: true })
  ).totalCount;
  await open(page, `/k/${run.p.apps.applications}/edit`);
  await page.fill("[data-field-code=company_name] input", "株式会社きょうの申込");
  await page.click(".sb-save");
  const error = page.locator("[data-field-code=applied_at] .sb-field-error:not([hidden])");
  await error.waitFor();
  const text = (await error.textContent()) ?? "";
  expect(text).toContain(
    "申込受付期間（2024年（令和6年）7月12日（金）00:00〜2024年（令和6年）8月9日（金）17:00）は終了しているため、お申込みいただけません",
  );
  await screenshot(page, "screening-late-application");
  const after = (
    await run.p.admin.record.getRecords({ app: run.p.apps.applications, totalCount: true })
  ).totalCount;
  expect(after).toBe(before);
});

test("a decision flagged after the data changed is kept for the new data with one click", async () => {
  const app = run.p.apps.applications;
  const staff = run.p.sandbox.clientAs("staff1");
  const warned = await run.p.admin.record.addRecord({
    app,
    record: application("株式会社さいたま寄り", "2010001008774", {
      address: "埼玉県川口市栄町1-2-3",
      staff_decision: "適格とする",
      staff_decision_reason: "本社は都内（登記簿で確認）",
    }),
  });
  const { page } = await loggedIn(run.browser, run.p.sandbox.baseUrl, "staff1");
  await screen(page);
  const flagged = page.locator(`#followup-flagged li[data-record-id="${warned.id}"]`);
  await expect(flagged.textContent()).resolves.toContain("本社は都内（登記簿で確認）");
  await flagged.locator(".followup-keep-decision").click();
  await flagged.getByText("維持しました。").waitFor();
  await screenshot(page, "screening-keep-decision");
  await closeDialog(page);
  const second = await screen(page);
  expect(second).not.toContain("判断の見直しが必要");
  await closeDialog(page);
  const kept = (await staff.record.getRecord({ app, id: warned.id })).record as unknown as Rec;
  expect(kept.staff_decision?.value).toBe("適格とする");
  expect(String(kept.eligibility_notes?.value)).not.toContain(
    "事務局の判断の後に申込内容が変わりました",
  );
});
