import type { KintoneRestAPIClient } from "@kintone/rest-api-client";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { startTestSandbox, type TestSandbox } from "../../support/sandbox";
import { launchBrowser, loggedIn, open } from "./browser";
import { createTestApp } from "./testApp";
import { installPlugin, packTestPlugin } from "./testPlugin";

/** One plan step of the test plugin (see fixtures/test-plugin/js/events.js). */
export type Step =
  | {
      do: "return" | "none" | "false" | "reject" | "throw" | "recordApis" | "disable";
      code?: string;
    }
  | { do: "delay" | "thenable"; then?: Step; ms?: number }
  | { do: "error"; message: string }
  | { do: "fieldError"; code: string; message: string }
  | { do: "set"; code: string; value: unknown }
  | { do: "url"; url: string };
export type Plan = Record<string, Array<Step | null>>;

export interface LogEntry {
  type?: string;
  handler?: number;
  plugin?: string;
  marker?: string;
  recordId?: number;
  action?: string;
  nextStatus?: string;
  size?: number;
  probe?: string[];
}

/** A sandbox with two copies of the test plugin (two keys, two ids) added to one app, and a browser. */
export interface Scenario {
  sandbox: TestSandbox;
  admin: KintoneRestAPIClient;
  browser: Browser;
  app: number;
  pluginIds: [string, string];
  context: BrowserContext;
  mobileContext: BrowserContext;
  close(): Promise<void>;
}

export async function startScenario(): Promise<Scenario> {
  const sandbox = await startTestSandbox();
  const admin = sandbox.clientAs("admin");
  const browser = await launchBrowser();
  const ids: string[] = [];
  for (let i = 0; i < 2; i++) ids.push(await installPlugin(admin, (await packTestPlugin()).zip));
  const app = await createTestApp(admin, ids);
  const desktop = await loggedIn(browser, sandbox.baseUrl, "admin");
  const mobile = await loggedIn(browser, sandbox.baseUrl, "admin", { mobile: true });
  await desktop.page.close();
  await mobile.page.close();
  return {
    sandbox,
    admin,
    browser,
    app,
    pluginIds: [ids[0] ?? "", ids[1] ?? ""],
    context: desktop.context,
    mobileContext: mobile.context,
    close: async () => {
      await browser.close();
      await sandbox.close();
    },
  };
}

/** A new page whose test plugin follows `plan`, opened at `path` once the screen is ready. */
export async function pageWithPlan(
  context: BrowserContext,
  path: string,
  plan: Plan = {},
): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(8000);
  page.on("console", (message) => {
    if (message.type() === "error") process.stderr.write(`[browser console] ${message.text()}\n`);
  });
  page.on("pageerror", (error) => process.stderr.write(`[browser] ${error.message}\n`));
  await page.addInitScript((value) => {
    (window as unknown as { __plan: unknown }).__plan = value;
  }, plan);
  await open(page, path);
  return page;
}

export function pluginLog(page: Page): Promise<LogEntry[]> {
  return page.evaluate(() => (window as unknown as { __pluginLog?: LogEntry[] }).__pluginLog ?? []);
}

export function eventsOf(log: LogEntry[], type: string): LogEntry[] {
  return log.filter((entry) => entry.type === type);
}

/** Waits until the plugin logged `count` calls of `type` (handlers of both plugins included). */
export async function waitForEvent(page: Page, type: string, count = 1): Promise<LogEntry[]> {
  await page.waitForFunction(
    ([wanted, n]) =>
      ((window as unknown as { __pluginLog?: LogEntry[] }).__pluginLog ?? []).filter(
        (e) => e.type === wanted,
      ).length >= Number(n),
    [type, count] as const,
  );
  return eventsOf(await pluginLog(page), type);
}
