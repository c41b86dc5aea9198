/**
 * The first hour (issue 17): a whole round in the sandbox with the built plugin, as the
 * administrator (finds the unconfigured notice, sets the plugin up on its settings pages), as staff
 * (審査 → 対象外 confirmed → 抽選 → a 辞退 → 繰り上げ → 参加確定 → questionnaire → visit booked →
 * 訪問完了) and as a viewer (browses lists and details, tries administrators' URLs).
 *
 * It fails on any console error, any uncaught exception, any request answered ≥ 400 or not answered
 * (test/browser/support/watch.ts), any page wider than 1400 px (390 px on a phone), and any action that is offered and
 * then refused (an error banner or a refusal dialog after a button the screen offered). The only
 * refusals it accepts are the viewer's own navigations to administrators' URLs, which it makes on
 * purpose and which must answer with kintone's Japanese error page.
 * Screenshots: test-artifacts/first-hour/*.png.
 */
import { open } from "./support/browser";
import { programInBrowser } from "./support/programInBrowser";
import {
  acceptReviews,
  closeDialog,
  expectNoRefusal,
  type Rec,
  roundOn,
  status,
  value,
} from "./support/round";

const run = programInBrowser();

const { app, recordOf, allRecords, as, look, finish, proceed, listButton } = roundOn(
  () => run,
  "first-hour",
);

describe("the first hour: a whole round as administrator, staff and viewer (in order)", () => {
  let winner = "";
  let promoted = "";

  test("administrator: the unconfigured notice leads to the settings, which are saved for both apps", async () => {
    const admin = await as("admin");
    const { page } = admin;
    await open(page, `/k/${app()}/`);
    await page.waitForSelector("#followup-unconfigured a");
    await look(admin, "01-admin-unconfigured-list");
    await Promise.all([
      page.waitForURL("**/plugin/config?pluginId=*"),
      page.click("#followup-unconfigured a"),
    ]);
    await page.waitForSelector("#followup-config-save");
    await look(admin, "02-admin-settings");
    await page.fill('input[data-path="apps.questionnaires"]', String(run.p.apps.questionnaires));
    await page.fill('input[data-path="apps.lotteryLog"]', String(run.p.apps.lotteryLog));
    for (const op of ["screen", "draw", "promote"]) {
      await page.fill(`input[data-path="permissions.${op}.groups"]`, "secretariat");
    }
    await Promise.all([page.waitForURL("**/plugin/"), page.click("#followup-config-save")]);
    await look(admin, "03-admin-plugins");

    await open(
      page,
      `/k/admin/app/${run.p.apps.questionnaires}/plugin/config?pluginId=${run.p.pluginId}`,
    );
    await page.waitForSelector("#followup-config-save");
    await page.selectOption('select[data-path="role"]', "questionnaires");
    await page.fill('input[data-path="apps.applications"]', String(app()));
    await look(admin, "04-admin-questionnaire-settings");
    await Promise.all([page.waitForURL("**/plugin/"), page.click("#followup-config-save")]);

    await open(page, `/k/${app()}/`);
    await page.waitForSelector("#followup-draw");
    await expect(page.locator("#followup-unconfigured").count()).resolves.toBe(0);
    await look(admin, "05-admin-list");
    await finish(admin);
  });

  test("staff: 審査, then the proposed 対象外 confirmed in the same dialog", async () => {
    const staff = await as("staff1");
    const { page } = staff;
    await open(page, `/k/${app()}/`);
    await page.waitForSelector("#followup-screen");
    await look(staff, "10-staff-list");
    const text = await listButton(staff, "followup-screen", "11-staff-screening");
    expect(text).toMatch(/120 件を審査しました/);
    if ((await page.locator("#followup-confirm-ineligible").count()) > 0) {
      await page.click("#followup-confirm-ineligible");
      await page.waitForSelector("#followup-confirm-done", { timeout: 60_000 });
      await look(staff, "12-staff-ineligible-confirmed");
      await expectNoRefusal(page);
    }
    await closeDialog(page);
    const records = await allRecords();
    const ineligible = records.filter((r) => value(r, "eligibility") === "対象外");
    expect(ineligible.length).toBeGreaterThan(0);
    expect(ineligible.every((r) => status(r) === "対象外")).toBe(true);
    await acceptReviews(run.p, records);
    const excluded = value(ineligible[0] as Rec, "$id");
    await open(page, `/k/${app()}/show#record=${excluded}`);
    await page.waitForSelector("#followup-detail-panel");
    await look(staff, "13-staff-ineligible-detail");
    await finish(staff);
  });

  test("staff: 抽選, a winner's 辞退, 繰り上げ, 参加確定", async () => {
    const staff = await as("staff1");
    const { page } = staff;
    await open(page, `/k/${app()}/`);
    await page.click("#followup-draw");
    await page.waitForSelector("#followup-fingerprint");
    await look(staff, "20-staff-draw-confirm");
    await page.click(".followup-dialog-ok");
    await page.waitForSelector("#followup-download-bundle, .followup-refusal", {
      timeout: 60_000,
    });
    await expectNoRefusal(page);
    await look(staff, "21-staff-draw-result");
    await closeDialog(page);

    const records = await allRecords();
    const winners = records.filter((r) => status(r) === "当選");
    expect(winners.length).toBeGreaterThan(0);
    winner = value(winners[0] as Rec, "$id");
    await run.p.admin.record.updateRecord({
      app: app(),
      id: winner,
      record: { participation_intent: { value: "辞退する" } },
    });
    await proceed(staff, winner, "辞退", "22-staff-declined");
    expect(status(await recordOf(winner))).toBe("辞退");

    const text = await listButton(staff, "followup-promote", "23-staff-promotion");
    expect(text).toMatch(/補欠順位 1/);
    await closeDialog(page);
    const after = await allRecords();
    const first = after.find(
      (r) =>
        status(r) === "当選" &&
        value(r, "lottery_result") === "当選" &&
        value(r, "waitlist_no") === "1",
    );
    promoted = value(first as Rec, "$id");
    expect(promoted).not.toBe("");

    await run.p.admin.record.updateRecord({
      app: app(),
      id: promoted,
      record: { participation_intent: { value: "参加する" } },
    });
    await proceed(staff, promoted, "参加確定", "24-staff-confirmed");
    expect(status(await recordOf(promoted))).toBe("参加確定");
    await finish(staff);
  });

  test("staff: the questionnaire from the panel, the visit booked, 訪問完了", async () => {
    const staff = await as("staff1");
    const { page } = staff;
    await open(page, `/k/${app()}/show#record=${promoted}`);
    const link = page.locator("#followup-detail-panel a", { hasText: "質問票を入力する" });
    await link.waitFor();
    const href = (await link.getAttribute("href")) ?? "";
    await open(page, href);
    await look(staff, "30-staff-questionnaire-new");
    await page.click(".sb-save");
    await page.waitForFunction(
      () => !location.pathname.endsWith("/edit") || location.hash.includes("record="),
    );
    for (let i = 0; i < 50 && status(await recordOf(promoted)) !== "質問票回答済"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(status(await recordOf(promoted))).toBe("質問票回答済");
    await look(staff, "31-staff-questionnaire-saved");

    await run.p.admin.record.updateRecord({
      app: app(),
      id: promoted,
      record: {
        visit_date: { value: "2024-09-10" },
        visit_start: { value: "10:00" },
        visit_minutes: { value: "90" },
        expert_name: { value: "点検 太郎" },
      },
    });
    await proceed(staff, promoted, "訪問完了", "32-staff-visited");
    expect(status(await recordOf(promoted))).toBe("訪問済");
    await expect(page.textContent("#followup-detail-panel")).resolves.toContain(
      "訪問は完了しています",
    );
    await open(page, `/k/${app()}/`);
    await look(staff, "33-staff-list-after-round");
    await finish(staff);
  });

  test("viewer: browses lists and details; administrators' URLs answer with Japanese error pages", async () => {
    const viewer = await as("viewer");
    const { page } = viewer;
    await open(page, `/k/${app()}/`);
    await look(viewer, "40-viewer-list");
    await expect(page.locator("#followup-list-buttons button").count()).resolves.toBe(0);
    for (const [id, name] of [
      [promoted, "41-viewer-visited-detail"],
      [winner, "42-viewer-declined-detail"],
    ] as const) {
      await open(page, `/k/${app()}/show#record=${id}`);
      await page.waitForSelector("#followup-detail-panel");
      await expect(page.locator(".sb-action").count()).resolves.toBe(0);
      await look(viewer, name);
    }

    const adminUrls = [
      `/k/admin/app/${app()}/plugin/config?pluginId=${run.p.pluginId}`,
      `/k/admin/app/${app()}/plugin/`,
    ];
    const before = viewer.problems.length;
    for (const [i, url] of adminUrls.entries()) {
      const response = await page.goto(url);
      expect(response?.status()).toBe(403);
      await expect(page.locator("html").getAttribute("lang")).resolves.toBe("ja");
      await look(viewer, `4${3 + i}-viewer-admin-url-refused`);
    }
    // Only the refusals of those deliberate navigations, nothing else.
    const refused = viewer.problems.splice(before);
    expect(refused.every((line) => adminUrls.some((url) => line.includes(url)))).toBe(true);
    await finish(viewer);
  });

  test("staff and viewer on a phone: the list and a visited record fit the 390 px screen", async () => {
    for (const login of ["staff1", "viewer"]) {
      const user = await as(login, true);
      await open(user.page, `/k/m/${app()}/`);
      await look(user, `50-${login}-mobile-list`, 390);
      await open(user.page, `/k/m/${app()}/show?record=${promoted}`);
      await look(user, `51-${login}-mobile-visited-detail`, 390);
      await finish(user);
    }
  });
});
