/**
 * Settings that prove themselves (issue 17), with the built plugin: an app where the plugin was
 * added but never configured shows one notice on its list (a link to the settings for an
 * administrator, whom to ask for staff); the settings page checks the other apps' ids against
 * kintone before saving and says what is wrong beside the input, without a refused request.
 */
import { join } from "node:path";
import { ARTIFACTS, loggedIn, open, screenshot } from "./support/browser";
import { programInBrowser } from "./support/programInBrowser";
import { watchProblems } from "./support/watch";

const run = programInBrowser();

const notice = "#followup-unconfigured";

it("shows staff one notice saying whom to ask, with no link to settings they cannot open", async () => {
  const { context, page } = await loggedIn(run.browser, run.p.sandbox.baseUrl, "staff1");
  const problems = watchProblems(context);
  await open(page, `/k/${run.p.apps.applications}/`);
  await page.waitForSelector(`${notice}:has-text("管理者")`);
  await expect(page.locator(notice).count()).resolves.toBe(1);
  await expect(page.locator(`${notice} a`).count()).resolves.toBe(0);
  await expect(page.locator(notice).textContent()).resolves.toContain(
    "申込・抽選管理プラグインはまだ設定されていません。",
  );
  await page.click(".sb-next").catch(() => undefined); // paging fires the list event again
  await page.waitForTimeout(300);
  await expect(page.locator(notice).count()).resolves.toBe(1);
  await screenshot(page, "first-hour/unconfigured-staff");
  expect(problems).toEqual([]);
  await context.close();
});

it("refuses app id 999 and blank app ids beside their inputs, then saves good ids and the notice goes", async () => {
  const { context, page } = await loggedIn(run.browser, run.p.sandbox.baseUrl, "admin");
  const problems = watchProblems(context);
  await open(page, `/k/${run.p.apps.applications}/`);
  await page.waitForSelector(`${notice} a`);
  await Promise.all([page.waitForURL("**/plugin/config?pluginId=*"), page.click(`${notice} a`)]);
  await page.waitForSelector("#followup-config-save");

  await page.fill('input[data-path="apps.questionnaires"]', "");
  await page.fill('input[data-path="apps.lotteryLog"]', "999");
  await page.click("#followup-config-save");
  const lotteryLogError = page.locator('div.followup-config-error[data-path="apps.lotteryLog"]');
  await page.waitForFunction(
    () =>
      document.querySelector('div.followup-config-error[data-path="apps.lotteryLog"]')
        ?.textContent !== "",
  );
  await expect(lotteryLogError.textContent()).resolves.toBe(
    "アプリ（ID: 999）が見つかりません。抽選記録アプリのアプリIDを確認してください。",
  );
  await expect(
    page.locator('div.followup-config-error[data-path="apps.questionnaires"]').textContent(),
  ).resolves.toBe("質問票アプリのアプリIDを入力してください。");
  expect(page.url()).toContain("/plugin/config?pluginId=");
  await page.locator('input[data-path="apps.lotteryLog"]').scrollIntoViewIfNeeded();
  await screenshot(page, "first-hour/settings-app-999");
  // The related-apps section alone, readable at a glance.
  await page
    .locator('fieldset:has(input[data-path="apps.lotteryLog"])')
    .screenshot({ path: join(ARTIFACTS, "first-hour", "settings-app-999-inputs.png") });

  await page.fill('input[data-path="apps.questionnaires"]', String(run.p.apps.questionnaires));
  await page.fill('input[data-path="apps.lotteryLog"]', String(run.p.apps.lotteryLog));
  await Promise.all([page.waitForURL("**/plugin/"), page.click("#followup-config-save")]);

  await open(page, `/k/${run.p.apps.applications}/`);
  await page.waitForTimeout(500);
  await expect(page.locator(notice).count()).resolves.toBe(0);
  expect(problems).toEqual([]);
  await context.close();
});
