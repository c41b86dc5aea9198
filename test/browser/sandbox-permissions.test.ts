/**
 * The sandbox's own screens offer only what kintone would offer the user: a viewer gets no add,
 * edit or status-action buttons (kintone shows actions to the record's assignees only), the
 * secretariat gets them; and the detail page fits the window.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { ACTIONS } from "../../src/core/vocabulary";
import { setupApps } from "../../src/setup/setupApps";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";
import { launchBrowser, loggedIn, open } from "./support/browser";

let sandbox: TestSandbox;
let browser: Browser;
let app: number;
let waitlisted: string;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  const admin = sandbox.clientAs("admin");
  const cwd = mkdtempSync(path.join(tmpdir(), "sandbox-permissions-"));
  const { appIds } = await setupApps(admin, { cwd, baseUrl: sandbox.baseUrl, pollIntervalMs: 20 });
  app = appIds.applications;
  const staff = sandbox.clientAs("staff1");
  ({ id: waitlisted } = await staff.record.addRecord({
    app,
    record: {
      company_name: { value: "株式会社補欠" },
      lottery_result: { value: "補欠" },
      lottery_run_id: { value: "run-1" },
    },
  }));
  await staff.record.updateRecordStatus({ app, id: waitlisted, action: ACTIONS.registerWaitlist });
  // A questionnaire, so the detail page's related-records table has a row with every column.
  await staff.record.addRecord({
    app: appIds.questionnaires,
    record: { application_no: { value: waitlisted }, concerns: { value: "社内のPC管理" } },
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
});

async function offered(user: string) {
  const { context, page } = await loggedIn(browser, sandbox.baseUrl, user);
  try {
    await open(page, `/k/${app}/`);
    const list = {
      add: await page.locator(".sb-add").count(),
      inlineEdit: await page.locator(".sb-inline-edit").count(),
    };
    await open(page, `/k/${app}/show#record=${waitlisted}`);
    await page.waitForSelector(".sb-status-bar");
    const detail = {
      edit: await page.locator(".sb-edit").count(),
      actions: await page.locator(".sb-action").allTextContents(),
      overflow: await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      ),
    };
    return { list, detail };
  } finally {
    await context.close();
  }
}

test("a viewer is offered no add, edit or 繰り上げ; the secretariat is", async () => {
  const viewer = await offered("viewer");
  expect(viewer.list).toEqual({ add: 0, inlineEdit: 0 });
  expect(viewer.detail.edit).toBe(0);
  expect(viewer.detail.actions).toEqual([]);

  const staff = await offered("staff1");
  expect(staff.list.add).toBe(1);
  expect(staff.list.inlineEdit).toBeGreaterThan(0);
  expect(staff.detail.edit).toBe(1);
  expect(staff.detail.actions).toContain(ACTIONS.promote);
});

test("the detail page is no wider than the window (its related-records table scrolls inside)", async () => {
  const staff = await offered("staff1");
  expect(staff.detail.overflow).toBeLessThanOrEqual(0);
});
