/**
 * The sandbox's record screens for a subtable, calculated values and comments: the detail screen
 * shows the table and the computed values, the form edits the table (rows added and removed)
 * without offering the calculated fields, and the comments pane posts, lists and deletes.
 */
import type { Browser, Page } from "playwright-core";
import { deploy } from "../sandbox/records-fixtures";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";
import { launchBrowser, loggedIn, open, screenshot } from "./support/browser";

let sandbox: TestSandbox;
let browser: Browser;
let page: Page;
let app: string;
let id: string;

type Row = { value: Record<string, { value: unknown }> };

beforeAll(async () => {
  sandbox = await startTestSandbox();
  browser = await launchBrowser();
  const admin = sandbox.clientAs("admin");
  ({ app } = await admin.app.addApp({ name: "支援記録" }));
  await admin.app.addFormFields({
    app,
    properties: {
      担当者一覧: {
        type: "SUBTABLE",
        code: "担当者一覧",
        label: "担当者一覧",
        fields: {
          担当者名: { type: "SINGLE_LINE_TEXT", code: "担当者名", label: "担当者名" },
          担当時間: { type: "NUMBER", code: "担当時間", label: "担当時間" },
        },
      },
      担当時間合計: {
        type: "CALC",
        code: "担当時間合計",
        label: "担当時間合計",
        expression: "SUM(担当時間)",
      },
      一人あたり: {
        type: "CALC",
        code: "一人あたり",
        label: "一人あたり",
        expression: "担当時間合計 / 0",
      },
      合計表示: {
        type: "SINGLE_LINE_TEXT",
        code: "合計表示",
        label: "合計表示",
        expression: '"合計 " & 担当時間合計 & " 時間"',
      },
    } as never,
  });
  await deploy(admin, app);
  ({ id } = await admin.record.addRecord({
    app,
    record: {
      担当者一覧: {
        value: [
          { value: { 担当者名: { value: "佐藤" }, 担当時間: { value: "2" } } },
          { value: { 担当者名: { value: "<b>鈴木</b>" }, 担当時間: { value: "1.5" } } },
        ],
      },
    },
  }));
  ({ page } = await loggedIn(browser, sandbox.baseUrl, "admin"));
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
});

const cellTexts = (selector: string) =>
  page.$$eval(selector, (cells) => cells.map((c) => c.textContent ?? ""));

test("the detail screen shows the table row by row, the calculated values and a failed formula's marker", async () => {
  await open(page, `/k/${app}/show#record=${id}`);
  await page.waitForSelector(".sb-subtable");
  expect(await cellTexts(".sb-subtable tbody td[data-code=担当者名]")).toEqual([
    "佐藤",
    "<b>鈴木</b>",
  ]);
  expect(await page.textContent('[data-field-code="担当時間合計"] .sb-field-value')).toBe("3.5");
  expect(await page.textContent('[data-field-code="合計表示"] .sb-field-value')).toBe(
    "合計 3.5 時間",
  );
  // REST gives "" for a formula that failed; the screen shows kintone's marker.
  expect(await page.textContent('[data-field-code="一人あたり"] .sb-field-value')).toBe("#ERROR!");
  await screenshot(page, "sandbox-subtable-detail");
});

test("the form edits the table and leaves the calculated fields read-only", async () => {
  await open(page, `/k/${app}/show#record=${id}&mode=edit`);
  await page.waitForSelector(".sb-subtable-edit");
  expect(await page.$$('[data-field-code="合計表示"] input')).toHaveLength(0);
  expect(await page.$$('[data-field-code="担当時間合計"] input')).toHaveLength(0);
  await page.click(".sb-subtable-edit tbody tr:nth-child(2) .sb-row-add");
  await page.fill(".sb-subtable-edit tbody tr:nth-child(3) td[data-code=担当者名] input", "高橋");
  await page.fill(".sb-subtable-edit tbody tr:nth-child(3) td[data-code=担当時間] input", "4");
  await page.click(".sb-subtable-edit tbody tr:nth-child(1) .sb-row-remove");
  await screenshot(page, "sandbox-subtable-form");
  await page.click(".sb-save");
  await page.waitForFunction(() => !location.hash.includes("mode=edit"));
  const { record } = await sandbox.clientAs("admin").record.getRecord({ app, id });
  const rows = record.担当者一覧?.value as Row[];
  expect(rows.map((r) => r.value.担当者名?.value)).toEqual(["<b>鈴木</b>", "高橋"]);
  expect(record.担当時間合計?.value).toBe("5.5");
});

test("the comments pane posts, lists (as text) and deletes one's own comments", async () => {
  await open(page, `/k/${app}/show#record=${id}`);
  await page.waitForSelector(".sb-comments");
  await page.fill(".sb-comment-input", "訪問日を<i>調整</i>中");
  await page.click(".sb-comment-post");
  await page.waitForSelector(".sb-comment");
  expect(await cellTexts(".sb-comment-text")).toEqual(["訪問日を<i>調整</i>中"]);
  await screenshot(page, "sandbox-comments");
  await page.click(".sb-comment-delete");
  await page.waitForSelector(".sb-comments-empty");
  const { comments } = await sandbox
    .clientAs("admin")
    .record.getRecordComments({ app, record: id });
  expect(comments).toEqual([]);
});
