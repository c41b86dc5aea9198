import type { Browser, Page } from "playwright-core";
import { loggedIn, open } from "../../browser/support/browser";
import type { ProgramSandbox } from "./programSandbox";

export async function openSettingsPage(
  page: Page,
  p: ProgramSandbox,
  appId: number,
): Promise<void> {
  await open(page, `/k/admin/app/${appId}/plugin/config?pluginId=${p.pluginId}`);
  await page.waitForSelector("#followup-config-save");
}

/**
 * Sets the plugin up as an administrator does on its settings pages: the applications app with the
 * other apps and the staff allowed to operate, the questionnaire app in its questionnaire role.
 */
export async function configurePlugin(
  browser: Browser,
  p: ProgramSandbox,
  staff: string[],
): Promise<void> {
  const { context, page } = await loggedIn(browser, p.sandbox.baseUrl, "admin");
  await openSettingsPage(page, p, p.apps.applications);
  await page.fill('input[data-path="apps.questionnaires"]', String(p.apps.questionnaires));
  await page.fill('input[data-path="apps.lotteryLog"]', String(p.apps.lotteryLog));
  for (const op of ["screen", "draw", "promote"]) {
    await page.fill(`input[data-path="permissions.${op}.users"]`, staff.join(", "));
  }
  await Promise.all([page.waitForURL("**/plugin/"), page.click("#followup-config-save")]);
  await openSettingsPage(page, p, p.apps.questionnaires);
  await page.selectOption('select[data-path="role"]', "questionnaires");
  await page.fill('input[data-path="apps.applications"]', String(p.apps.applications));
  await Promise.all([page.waitForURL("**/plugin/"), page.click("#followup-config-save")]);
  await context.close();
}
