import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { ensureWebBundle } from "../../../sandbox/pages/bundle";

/** Debian's chromium, never a downloaded browser. */
export const CHROMIUM = "/usr/bin/chromium";
export const ARTIFACTS = resolve(__dirname, "../../../test-artifacts");

export async function launchBrowser(): Promise<Browser> {
  await ensureWebBundle();
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

const MOBILE = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  userAgent:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
};

/** A browser context logged in through the sandbox's login form. */
export async function loggedIn(
  browser: Browser,
  baseUrl: string,
  user: string,
  options: { mobile?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: "ja-JP",
    ...(options.mobile ? MOBILE : { viewport: { width: 1280, height: 900 } }),
  });
  const page = await context.newPage();
  page.on("pageerror", (error) => process.stderr.write(`[browser] ${error.message}\n`));
  await page.goto("/login");
  await page.fill("input[name=username]", user);
  await page.fill("input[name=password]", user);
  await Promise.all([page.waitForURL("**/k/**"), page.click(".sb-login-submit")]);
  return { context, page };
}

/** Goes to a sandbox page and waits until the page and its onload events are done. */
export async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.waitForSelector("body[data-sandbox-ready=true]");
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}
