/**
 * Issue 15, acceptance 1 (the settings page half), with the built plugin: an administrator saves
 * the settings page with a new quota and a renamed state; the save lands in the lottery log as a
 * 設定 entry (with the STATUS field code read from the form), so `followup settings show` and
 * `diff` see it.
 */
import { loggedIn, open } from "./support/browser";
import { followup as runFollowup } from "./support/round";
import { programInBrowser } from "./support/programInBrowser";
import { watchProblems } from "./support/watch";

const run = programInBrowser();

const followup = (args: string[]) => runFollowup(run.p.sandbox.baseUrl, args);

async function saveSettings(change: (page: import("playwright-core").Page) => Promise<void>) {
  const { context, page } = await loggedIn(run.browser, run.p.sandbox.baseUrl, "admin");
  const problems = watchProblems(context);
  await open(
    page,
    `/k/admin/app/${run.p.apps.applications}/plugin/config?pluginId=${run.p.pluginId}`,
  );
  await page.waitForSelector("#followup-config-save");
  await page.fill('input[data-path="apps.questionnaires"]', String(run.p.apps.questionnaires));
  await page.fill('input[data-path="apps.lotteryLog"]', String(run.p.apps.lotteryLog));
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
