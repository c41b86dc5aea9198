import type { BrowserContext, Page } from "playwright-core";

/**
 * Collects what a user would see go wrong on every page of a context: console errors, uncaught
 * exceptions, requests answered with HTTP ≥ 400 and requests that got no answer. A request the
 * browser itself cancels because the page navigated away (net::ERR_ABORTED) is not a failure.
 */
export function watchProblems(context: BrowserContext): string[] {
  const problems: string[] = [];
  const watchPage = (page: Page) => {
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(`console on ${page.url()}: ${m.text()}`);
    });
    page.on("pageerror", (e) => problems.push(`uncaught on ${page.url()}: ${e.message}`));
    page.on("requestfailed", (r) => {
      const reason = r.failure()?.errorText ?? "";
      if (reason !== "net::ERR_ABORTED")
        problems.push(`no answer (${reason}): ${r.method()} ${r.url()}`);
    });
    page.on("response", (r) => {
      if (r.status() >= 400)
        problems.push(`HTTP ${r.status()}: ${r.request().method()} ${r.url()}`);
    });
  };
  context.pages().forEach(watchPage);
  context.on("page", watchPage);
  return problems;
}
