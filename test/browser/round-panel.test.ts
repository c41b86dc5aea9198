/**
 * The round at a glance, with the built plugin on the sandbox: at each step of a round (applied,
 * screened, drawn, replies, questionnaires and visits, the reply deadline passed) the panel's
 * figures equal counts taken over REST from all records, and a refresh costs at most 15
 * requests. After the deadline the no-reply list holds exactly the winners without a reply, and
 * its button records their 辞退 after a confirmation. Screenshots go to test-artifacts/.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough, Writable } from "node:stream";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { writeAppIds } from "../../src/adapters/appIds";
import { DEMO_REFERENCE_DAY, demoWindow } from "../../src/apps/demoApplications";
import { main } from "../../src/cli/main";
import { japanWallClock } from "../../src/core/settings/japanWallClock";
import { holidayOn } from "../../src/core/visits";
import { startProgramSandbox, type ProgramSandbox } from "../plugin/support/programSandbox";
import { ARTIFACTS, launchBrowser, loggedIn, open, screenshot } from "./support/browser";

type Rec = Record<string, { value: unknown; type?: string }>;

let p: ProgramSandbox;
let browser: Browser;
let staff: BrowserContext;
let phone: BrowserContext;
let cwd: string;
/** The demo round's application window (the program sandbox dates its demo data from this day). */
const applicationWindow = demoWindow(DEMO_REFERENCE_DAY);

beforeAll(async () => {
  p = await startProgramSandbox();
  browser = await launchBrowser();
  cwd = mkdtempSync(path.join(tmpdir(), "followup-round-panel-"));
  writeAppIds(cwd, p.sandbox.baseUrl, p.apps);
  // The CLI screens and draws with the same window as the plugin's settings page below.
  writeFileSync(
    path.join(cwd, "settings.json"),
    JSON.stringify({ version: 1, window: applicationWindow }),
  );
}, 600_000);
/** Requests of one panel refresh at each step, kept as a test artifact. */
const requestCounts: Record<string, number> = {};

afterAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(
    path.join(ARTIFACTS, "round-panel-requests.json"),
    `${JSON.stringify(requestCounts, null, 2)}\n`,
  );
  await browser?.close();
  await p?.close();
});

const app = () => p.apps.applications;
const status = (r: Rec) => String(Object.values(r).find((f) => f.type === "STATUS")?.value);
const value = (r: Rec, code: string) => String(r[code]?.value ?? "");
const allRecords = async () =>
  (await p.admin.record.getAllRecords({ app: app() })) as unknown as Rec[];

async function followup(...args: string[]): Promise<void> {
  let err = "";
  const sink = (write: (text: string) => void) =>
    new Writable({
      write(chunk, _encoding, done) {
        write(String(chunk));
        done();
      },
    });
  const stdin = new PassThrough();
  stdin.end("");
  const code = await main(args, {
    stdout: sink(() => undefined),
    stderr: sink((text) => (err += text)),
    stdin,
    env: {
      KINTONE_BASE_URL: p.sandbox.baseUrl,
      KINTONE_USERNAME: "admin",
      KINTONE_PASSWORD: "admin",
    },
    cwd,
    interactive: false,
  });
  if (code !== 0) throw new Error(`followup ${args.join(" ")} failed: ${err}`);
}

/** `YYYY-MM-DD` in Japan, `days` from today. */
function japanDate(days: number): string {
  return new Date(Date.now() + 9 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** The Sunday-first week (kintone's THIS_WEEK) of a Japan date, as [first, last]. */
function weekOf(date: string): [string, string] {
  const day = new Date(`${date}T00:00:00Z`);
  const sunday = new Date(day.getTime() - day.getUTCDay() * 86_400_000);
  const saturday = new Date(sunday.getTime() + 6 * 86_400_000);
  return [sunday.toISOString().slice(0, 10), saturday.toISOString().slice(0, 10)];
}

/** A working day (no weekend, holiday or year-end closure) in the week starting `sunday`. */
function workingDayIn(sunday: string): string {
  for (let i = 1; i <= 5; i++) {
    const date = new Date(Date.parse(`${sunday}T00:00:00Z`) + i * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const md = date.slice(5);
    if (!holidayOn(date) && !(md >= "12-29" || md <= "01-03")) return date;
  }
  return new Date(Date.parse(`${sunday}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** Each figure counted independently of the plugin, from every record. */
async function restCounts(): Promise<Record<string, number>> {
  const records = await allRecords();
  const count = (test: (r: Rec) => boolean) => records.filter(test).length;
  const today = japanDate(0);
  const [thisFrom, thisTo] = weekOf(today);
  const [nextFrom, nextTo] = weekOf(japanDate(7));
  const visiting = (r: Rec) => ["参加確定", "質問票回答済", "訪問済"].includes(status(r));
  const overdue = Date.now() - 14 * 86_400_000;
  return {
    received: records.length,
    screened: count((r) => !["", "未判定"].includes(value(r, "eligibility"))),
    toDecide: count(
      (r) => status(r) === "申込受付" && ["", "未判定", "要確認"].includes(value(r, "eligibility")),
    ),
    placesHeld: count((r) => ["当選", "参加確定", "質問票回答済", "訪問済"].includes(status(r))),
    waitlistLeft: count((r) => status(r) === "補欠"),
    repliesPending: count(
      (r) => status(r) === "当選" && ["", "未回答"].includes(value(r, "participation_intent")),
    ),
    questionnairesPending: count((r) => status(r) === "参加確定"),
    questionnairesOverdue: count(
      (r) => status(r) === "参加確定" && Date.parse(value(r, "更新日時")) < overdue,
    ),
    visitsThisWeek: count(
      (r) => visiting(r) && value(r, "visit_date") >= thisFrom && value(r, "visit_date") <= thisTo,
    ),
    visitsNextWeek: count(
      (r) => visiting(r) && value(r, "visit_date") >= nextFrom && value(r, "visit_date") <= nextTo,
    ),
  };
}

/** The panel's figures as shown, after its next drawing (renders > `after`). */
async function panelFigures(page: Page, after = 0): Promise<Record<string, number>> {
  await page.waitForFunction(
    (n) =>
      Number(document.querySelector(".followup-round-host")?.getAttribute("data-renders") ?? 0) > n,
    after,
    { timeout: 60_000 },
  );
  return page.$$eval("[data-figure]", (cards) =>
    Object.fromEntries(
      cards.map((card) => [
        card.getAttribute("data-figure") ?? "",
        Number((card.querySelector(".followup-round-value")?.textContent ?? "").split("/")[0]),
      ]),
    ),
  );
}

async function listPage(context: BrowserContext, url = `/k/${app()}/`): Promise<Page> {
  const page = await context.newPage();
  page.on("pageerror", (error) => process.stderr.write(`[browser] ${error.message}\n`));
  await open(page, url);
  return page;
}

/** Shows the list, checks every figure against REST, and counts the requests of one refresh. */
async function checkStep(name: string): Promise<Page> {
  const page = await listPage(staff);
  expect(await panelFigures(page)).toEqual(await restCounts());
  // A refresh (paging fires the list event again) makes the panel read everything once more.
  const requests: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith("/k/v1/")) requests.push(`${url.pathname}?${url.search}`);
  });
  const renders = Number(await page.getAttribute(".followup-round-host", "data-renders"));
  await page.click(".sb-next");
  await panelFigures(page, renders);
  // The page's own read of the next 20 records is not the panel's.
  const panelRequests = requests.filter((r) => !decodeURIComponent(r).includes("limit 20"));
  expect(panelRequests.length).toBeGreaterThan(0);
  expect(panelRequests.length).toBeLessThanOrEqual(15);
  requestCounts[name] = panelRequests.length;
  await screenshot(page, `round-panel-${name}`);
  return page;
}

describe("the round at a glance (steps run in order)", () => {
  test("settings: the other apps, who may act, and a reply deadline still ahead", async () => {
    const { context, page } = await loggedIn(browser, p.sandbox.baseUrl, "admin");
    await open(page, `/k/admin/app/${app()}/plugin/config?pluginId=${p.pluginId}`);
    await page.waitForSelector("#followup-config-save");
    await page.fill('input[data-path="apps.questionnaires"]', String(p.apps.questionnaires));
    await page.fill('input[data-path="apps.lotteryLog"]', String(p.apps.lotteryLog));
    for (const op of ["screen", "draw", "promote"]) {
      await page.fill(`input[data-path="permissions.${op}.users"]`, "staff1");
    }
    await page.fill(
      'input[data-path="program.window.opensAt"]',
      japanWallClock(applicationWindow.opensAt),
    );
    await page.fill(
      'input[data-path="program.window.closesAt"]',
      japanWallClock(applicationWindow.closesAt),
    );
    await page.fill('input[data-path="program.replies.intentDeadline"]', "2099-09-06T17:00");
    await Promise.all([page.waitForURL("**/plugin/"), page.click("#followup-config-save")]);
    await context.close();
    staff = (await loggedIn(browser, p.sandbox.baseUrl, "staff1")).context;
    phone = (await loggedIn(browser, p.sandbox.baseUrl, "staff1", { mobile: true })).context;
  });

  test("applied: 120 applications, none screened", async () => {
    const page = await checkStep("applied");
    expect(await page.textContent('[data-figure="received"] .followup-round-value')).toBe("120");
    await page.close();
  });

  test("screened and decided, then drawn", async () => {
    await followup("screen", "--settings", "settings.json", "--yes");
    const review = await p.admin.record.getAllRecords({
      app: app(),
      condition: 'eligibility in ("要確認")',
    });
    if (review.length > 0) {
      await p.admin.record.updateAllRecords({
        app: app(),
        records: review.map((r) => ({
          id: String(r.$id?.value),
          record: { eligibility: { value: "適格" } },
        })),
      });
    }
    (await checkStep("screened")).close();
    await followup("draw", "--settings", "settings.json", "--yes");
    (await checkStep("drawn")).close();
  });

  test("replies, questionnaires and visits this week and next", async () => {
    const records = await allRecords();
    const winners = records.filter((r) => status(r) === "当選").map((r) => value(r, "$id"));
    const [decline, ...rest] = winners;
    const confirmed = rest.slice(0, 12);
    await p.admin.record.updateRecord({
      app: app(),
      id: String(decline),
      record: { participation_intent: { value: "辞退する" } },
    });
    await p.admin.record.updateRecordStatus({ app: app(), id: String(decline), action: "辞退" });
    for (const id of confirmed) {
      await p.admin.record.updateRecord({
        app: app(),
        id,
        record: { participation_intent: { value: "参加する" } },
      });
      await p.admin.record.updateRecordStatus({ app: app(), id, action: "参加確定" });
    }
    const thisWeek = workingDayIn(weekOf(japanDate(0))[0]);
    const nextWeek = workingDayIn(weekOf(japanDate(7))[0]);
    const answered = confirmed.slice(0, 6);
    for (const [i, id] of answered.entries()) {
      const record = (await p.admin.record.getRecord({ app: app(), id })).record as unknown as Rec;
      await p.admin.record.addRecord({
        app: p.apps.questionnaires,
        record: { application_no: { value: value(record, "application_no") } },
      });
      await p.admin.record.updateRecord({
        app: app(),
        id,
        record: {
          visit_date: { value: i < 4 ? thisWeek : nextWeek },
          visit_start: { value: `${String(9 + (i % 4) * 2).padStart(2, "0")}:00` },
          visit_minutes: { value: "90" },
          expert_name: { value: i % 2 === 0 ? "山田 太郎" : "鈴木 花子" },
        },
      });
      await p.admin.record.updateRecordStatus({ app: app(), id, action: "質問票回答" });
    }
    const page = await checkStep("visits");
    const figures = await panelFigures(page);
    expect((figures.visitsThisWeek ?? 0) + (figures.visitsNextWeek ?? 0)).toBe(6);
    await page.close();

    const calendarId = Object.values((await p.admin.app.getViews({ app: app() })).views).find(
      (view) => view.name === "訪問カレンダー",
    )?.id;
    const calendar = await listPage(
      staff,
      `/k/${app()}/?view=${calendarId}&date=${thisWeek.slice(0, 7)}`,
    );
    await calendar.waitForSelector(".sb-calendar-item");
    expect(await calendar.locator(`[data-date="${thisWeek}"] .sb-calendar-item`).count()).toBe(4);
    await screenshot(calendar, "round-calendar-view");
    await calendar.close();

    const mobile = await listPage(phone, `/k/m/${app()}/`);
    expect(await panelFigures(mobile)).toEqual(await restCounts());
    await screenshot(mobile, "round-panel-phone");
    await mobile.close();
  });

  test("訪問完了 on the detail screen: refused on 敬老の日 with the reason, done on a working day", async () => {
    const booked = (await allRecords()).find(
      (r) => status(r) === "質問票回答済" && value(r, "visit_date") !== "",
    );
    const id = value(booked ?? {}, "$id");
    const workingDay = value(booked ?? {}, "visit_date");
    await p.admin.record.updateRecord({
      app: app(),
      id,
      record: { visit_date: { value: "2024-09-16" } },
    });
    const page = await listPage(staff, `/k/${app()}/show#record=${id}`);
    const action = async () => {
      const before = await page.textContent(".sb-status-value");
      await page.click('.sb-action[data-action="訪問完了"]');
      await page.waitForFunction(
        (was) =>
          document.querySelector(".sb-error-banner")?.textContent?.trim() ||
          document.querySelector(".sb-status-value")?.textContent !== was,
        before,
      );
    };
    await action();
    expect(await page.textContent(".sb-error-banner")).toContain("敬老の日");
    await screenshot(page, "round-visit-refused");
    const refused = (await p.admin.record.getRecord({ app: app(), id })).record as unknown as Rec;
    expect(status(refused)).toBe("質問票回答済");

    await p.admin.record.updateRecord({
      app: app(),
      id,
      record: { visit_date: { value: workingDay } },
    });
    // Same URL: a reload, so the screen reads the corrected record.
    await page.reload();
    await page.waitForSelector("body[data-sandbox-ready=true]");
    await action();
    const done = (await p.admin.record.getRecord({ app: app(), id })).record as unknown as Rec;
    expect(status(done)).toBe("訪問済");
    await page.close();
  });

  test("after the deadline the no-reply list holds exactly the winners without a reply, and they decline on one confirmation", async () => {
    const { context, page: admin } = await loggedIn(browser, p.sandbox.baseUrl, "admin");
    await open(admin, `/k/admin/app/${app()}/plugin/config?pluginId=${p.pluginId}`);
    await admin.waitForSelector("#followup-config-save");
    await admin.fill('input[data-path="program.replies.intentDeadline"]', "2024-09-06T17:00");
    await Promise.all([admin.waitForURL("**/plugin/"), admin.click("#followup-config-save")]);
    await context.close();

    const unreplied = (await allRecords())
      .filter(
        (r) => status(r) === "当選" && ["", "未回答"].includes(value(r, "participation_intent")),
      )
      .map((r) => value(r, "$id"))
      .sort();
    expect(unreplied.length).toBeGreaterThan(0);
    const view = Object.values((await p.admin.app.getViews({ app: app() })).views).find(
      (v) => v.name === "参加意思の返信待ち",
    );
    const listed = (
      (await p.admin.record.getAllRecords({
        app: app(),
        condition: String(view?.filterCond ?? ""),
      })) as unknown as Rec[]
    )
      .map((r) => value(r, "$id"))
      .sort();
    expect(listed).toEqual(unreplied);

    const page = await checkStep("deadline-passed");
    // The figure links to that view, which lists the same number.
    const [viewPage] = await Promise.all([
      page.waitForEvent("load").then(() => page),
      page.click('[data-figure="repliesPending"] a'),
    ]);
    await viewPage.waitForSelector("body[data-sandbox-ready=true]");
    expect(await viewPage.textContent(".sb-page-info")).toContain(`/ ${unreplied.length}`);

    await open(page, `/k/${app()}/`);
    await page.click(".followup-round-decline-button");
    await page.waitForSelector(".followup-round-confirm");
    expect(await page.locator(".followup-round-decline li").count()).toBe(unreplied.length);
    await screenshot(page, "round-panel-decline-confirm");
    await Promise.all([page.waitForEvent("load"), page.click(".followup-round-confirm")]);
    await page.waitForSelector("body[data-sandbox-ready=true]");
    for (const id of unreplied) {
      const record = (await p.admin.record.getRecord({ app: app(), id })).record as unknown as Rec;
      expect([status(record), value(record, "participation_intent")]).toEqual(["辞退", "辞退する"]);
      expect(value(record, "withdrawal_reason")).toContain("回答期限");
    }
    expect((await panelFigures(page)).repliesPending).toBe(0);
    await page.close();
  });
});
