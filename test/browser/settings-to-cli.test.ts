/**
 * Issue 15, acceptance 1 (the settings page half), with the built plugin: an administrator saves
 * the settings page with a new quota and a renamed state; the save lands in the lottery log as a
 * 設定 entry (with the STATUS field code read from the form), so `followup settings show` and
 * `diff` see it.
 */
import type { Browser } from "playwright-core";
import { startProgramSandbox, type ProgramSandbox } from "../plugin/support/programSandbox";
import { launchBrowser, loggedIn, open } from "./support/browser";
import { followup as runFollowup } from "./support/round";
import { watchProblems } from "./support/watch";

let p: ProgramSandbox;
let browser: Browser;

beforeAll(async () => {
  p = await startProgramSandbox();
  browser = await launchBrowser();
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await p?.close();
});

const followup = (args: string[]) => runFollowup(p.sandbox.baseUrl, args);

async function saveSettings(change: (page: import("playwright-core").Page) => Promise<void>) {
  const { context, page } = await loggedIn(browser, p.sandbox.baseUrl, "admin");
  const problems = watchProblems(context);
  await open(page, `/k/admin/app/${p.apps.applications}/plugin/config?pluginId=${p.pluginId}`);
  await page.waitForSelector("#followup-config-save");
  await page.fill('input[data-path="apps.questionnaires"]', String(p.apps.questionnaires));
  await page.fill('input[data-path="apps.lotteryLog"]', String(p.apps.lotteryLog));
  await change(page);
  await Promise.all([page.waitForURL("**/plugin/"), page.click("#followup-config-save")]);
  expect(problems).toEqual([]);
  await context.close();
}

it("a save on the settings page is what followup applies, and settings diff names the change", async () => {
  await saveSettings(async () => undefined);
  await saveSettings(async (page) => {
    await page.fill('input[data-path="program.quota"]', "7");
    await page.fill('input[data-path="states.waitlisted"]', "補欠（待機）");
  });

  const shown = await followup(["settings", "show"]);
  expect(shown.code).toBe(0);
  expect(shown.out).toMatch(/^# 抽選記録の通番 2（/);
  const diff = await followup(["settings", "diff"]);
  expect(diff.out).toContain("program.quota: 50 → 7");
  expect(diff.out).toContain('states.waitlisted: "補欠" → "補欠（待機）"');
  // Commands with no flag apply this document: test/operations/settingsInForce.test.ts.
  expect(JSON.parse(shown.out.slice(shown.out.indexOf("\n")))).toMatchObject({
    program: { quota: 7 },
    states: { waitlisted: "補欠（待機）" },
    statusField: "ステータス",
  });
});
