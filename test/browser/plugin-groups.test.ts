/**
 * Permissions by group, with the built plugin on the sandbox: the settings allow 抽選 only to the
 * group `secretariat` (no user listed). A member of the group sees the button and may draw; a user
 * outside it does not see it. Groups come from kintone.user.getGroups(), or from the User API
 * (/v1/user/groups.json) where kintone.user is missing.
 */
import type { Browser, Page } from "playwright-core";
import { configurePlugin, openSettingsPage } from "../plugin/support/pluginSettings";
import { startProgramSandbox, type ProgramSandbox } from "../plugin/support/programSandbox";
import { launchBrowser, loggedIn, open, screenshot } from "./support/browser";

let p: ProgramSandbox;
let browser: Browser;

beforeAll(async () => {
  p = await startProgramSandbox();
  browser = await launchBrowser();
  await configurePlugin(browser, p, []);
  // 抽選: the group only. 審査: `viewer` by name, so each list screen shows when its buttons are done.
  const { context, page } = await loggedIn(browser, p.sandbox.baseUrl, "admin");
  await openSettingsPage(page, p, p.apps.applications);
  await page.fill('input[data-path="permissions.draw.users"]', "");
  await page.fill('input[data-path="permissions.draw.groups"]', "secretariat");
  await page.fill('input[data-path="permissions.screen.users"]', "staff2, viewer");
  await Promise.all([page.waitForURL("**/plugin/"), page.click("#followup-config-save")]);
  await context.close();
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await p?.close();
});

/** The list screen of the applications app once the plugin has placed its buttons. */
async function listScreen(user: string, options: { withoutKintoneUser?: boolean } = {}) {
  const { context, page } = await loggedIn(browser, p.sandbox.baseUrl, user);
  if (options.withoutKintoneUser) {
    // As on a kintone without kintone.user: the global is set once per page; drop `user` from it.
    await context.addInitScript(() => {
      let kept: unknown;
      Object.defineProperty(window, "kintone", {
        configurable: true,
        get: () => kept,
        set: (value: { user?: unknown }) => {
          delete value.user;
          kept = value;
        },
      });
    });
  }
  const groupReads: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/v1/user/groups")) groupReads.push(request.url());
  });
  await open(page, `/k/${p.apps.applications}/`);
  await page.waitForSelector("#followup-screen");
  return { context, page, groupReads };
}

/** The ids of the plugin's buttons on the list screen. */
const buttons = (page: Page) =>
  page.$$eval("#followup-list-buttons > *", (nodes) => nodes.map((node) => node.id));

/** What the page's kintone global offers as `kintone.user.getGroups`. */
const userApi = (page: Page) =>
  page.evaluate(() => {
    const { kintone } = window as unknown as { kintone: { user?: { getGroups?: unknown } } };
    return kintone.user === undefined ? "none" : typeof kintone.user.getGroups;
  });

test("a staff member allowed only through the group sees 抽選 and may draw", async () => {
  const { context, page } = await listScreen("staff2");
  expect(await userApi(page)).toBe("function");
  expect(await buttons(page)).toContain("followup-draw");
  await screenshot(page, "plugin-group-draw-button");
  await page.click("#followup-draw");
  await page.waitForSelector(".followup-dialog-ok, .followup-refusal");
  // Whatever the pool says, the lottery itself does not refuse this operator.
  expect(await page.textContent("body")).not.toContain("抽選を実行する権限がありません");
  await context.close();
});

test("a user outside the group does not see 抽選", async () => {
  const { context, page } = await listScreen("viewer");
  expect(await buttons(page)).toContain("followup-screen");
  expect(await buttons(page)).not.toContain("followup-draw");
  await context.close();
});

test("without kintone.user the groups come from the User API", async () => {
  const member = await listScreen("staff2", { withoutKintoneUser: true });
  expect(await userApi(member.page)).toBe("none");
  expect(member.groupReads.some((url) => url.includes("/v1/user/groups.json"))).toBe(true);
  expect(await buttons(member.page)).toContain("followup-draw");
  await member.context.close();

  const outsider = await listScreen("viewer", { withoutKintoneUser: true });
  expect(await buttons(outsider.page)).not.toContain("followup-draw");
  await outsider.context.close();
});
