/**
 * Driving a round on the sandbox's screens as its users, with the built plugin: each user's
 * problems (test/browser/support/watch.ts) and pages wider than the screen are collected, every
 * step's screenshot goes to test-artifacts/<shots>/, and an action the screen offered must not be
 * refused. Also `followup` run in-process as the operator, from a folder of one's choice.
 */
import { PassThrough } from "node:stream";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { main } from "../../../src/cli/main";
import type { ProgramSandbox } from "../../plugin/support/programSandbox";
import { loggedIn, open, screenshot } from "./browser";
import { watchProblems } from "./watch";

export type Rec = Record<string, { value: unknown; type?: string }>;
export const status = (r: Rec) => String(Object.values(r).find((f) => f.type === "STATUS")?.value);
export const value = (r: Rec, code: string) => String(r[code]?.value ?? "");

export interface User {
  context: BrowserContext;
  page: Page;
  problems: string[];
  widths: string[];
}

/** A person looked at each 要確認 among `records` and accepted it (the draw waits until none is left). */
export async function acceptReviews(p: ProgramSandbox, records: Rec[]): Promise<void> {
  const review = records.filter((r) => value(r, "eligibility") === "要確認");
  if (review.length === 0) return;
  await p.admin.record.updateRecords({
    app: p.apps.applications,
    records: review.map((r) => ({
      id: value(r, "$id"),
      record: { eligibility: { value: "適格" } },
    })),
  });
}

/** Nothing refused on the screen after a button the screen offered. */
export async function expectNoRefusal(page: Page): Promise<void> {
  await expect(page.locator(".sb-error-banner:visible").count()).resolves.toBe(0);
  await expect(page.locator(".followup-refusal").count()).resolves.toBe(0);
}

export async function closeDialog(page: Page): Promise<void> {
  await Promise.all([
    page.waitForEvent("load").catch(() => undefined),
    page.click(".followup-dialog-close"),
  ]);
}

/** `followup ARGS` as the sandbox's administrator, run in `cwd`. */
export async function followup(
  baseUrl: string,
  args: string[],
  cwd = "/",
): Promise<{ code: number; out: string }> {
  let out = "";
  const stdout = new PassThrough();
  stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  const code = await main(args, {
    stdout,
    stderr: new PassThrough(),
    env: { KINTONE_BASE_URL: baseUrl, KINTONE_USERNAME: "admin", KINTONE_PASSWORD: "admin" },
    cwd,
    interactive: false,
  });
  return { code, out };
}

/** The round's steps on the applications app; `on()` is read when a step runs (after beforeAll). */
export function roundOn(
  on: () => { p: ProgramSandbox; browser: Browser },
  shots: string,
  maxWidth = 1400,
) {
  const app = () => on().p.apps.applications;
  const recordOf = async (id: string) =>
    (await on().p.admin.record.getRecord({ app: app(), id })).record as unknown as Rec;
  const allRecords = async () =>
    (await on().p.admin.record.getAllRecords({ app: app() })) as unknown as Rec[];

  async function as(login: string, mobile = false): Promise<User> {
    const { p, browser } = on();
    const { context, page } = await loggedIn(browser, p.sandbox.baseUrl, login, { mobile });
    return { context, page, problems: watchProblems(context), widths: [] };
  }

  /** Lets the plugin's asynchronous drawing finish, checks the width, saves a screenshot. */
  async function look(user: User, name: string, width = maxWidth): Promise<void> {
    await user.page.waitForLoadState("networkidle").catch(() => undefined);
    const scroll = await user.page.evaluate(() => document.documentElement.scrollWidth);
    if (scroll > width) user.widths.push(`${name}: ${scroll}px at ${user.page.url()}`);
    await screenshot(user.page, `${shots}/${name}`);
  }

  async function finish(user: User): Promise<void> {
    expect(user.problems).toEqual([]);
    expect(user.widths).toEqual([]);
    await user.context.close();
  }

  /** A process action offered on the detail screen: pressed, it must go through. */
  async function proceed(user: User, id: string, action: string, shot: string): Promise<void> {
    const { page } = user;
    await open(page, `/k/${app()}/show#record=${id}`);
    await page.waitForSelector("#followup-detail-panel");
    const button = page.locator(`.sb-action[data-action="${action}"]`);
    await expect(button.count()).resolves.toBe(1);
    const before = await page.textContent(".sb-status-value");
    await button.click();
    await page.waitForFunction(
      (was) =>
        document.querySelector(".sb-error-banner")?.textContent?.trim() ||
        document.querySelector(".sb-status-value")?.textContent !== was,
      before,
    );
    await expectNoRefusal(page);
    await page.waitForSelector("#followup-detail-panel");
    await look(user, shot);
  }

  /** A list button: confirmed, run, its result read, then closed. */
  async function listButton(user: User, id: string, shot: string): Promise<string> {
    const { page } = user;
    await open(page, `/k/${app()}/`);
    await page.click(`#${id}`);
    await page.waitForSelector(".followup-dialog-ok");
    await look(user, `${shot}-confirm`);
    await page.click(".followup-dialog-ok");
    await page.waitForSelector("#followup-result, .followup-refusal", { timeout: 60_000 });
    await look(user, `${shot}-result`);
    await expectNoRefusal(page);
    return (await page.textContent("#followup-result")) ?? "";
  }

  return { app, recordOf, allRecords, as, look, finish, proceed, listButton };
}
