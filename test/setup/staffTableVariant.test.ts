/**
 * `followup setup --variant staff-table` on the sandbox: the applications app with a subtable
 * (担当者一覧) and two CALC fields, built once and left alone on a second run; the demo
 * applications go in, and kintone computes the calculated fields.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { seedDemo } from "../../src/setup/demo";
import { setupApps } from "../../src/setup/setupApps";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";

let sandbox: TestSandbox;
const fast = { pollIntervalMs: 20 };

beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());

test("builds the variant, keeps it on a re-run, and kintone computes its CALC fields", async () => {
  const cwd = mkdtempSync(path.join(tmpdir(), "followup-variant-"));
  const target = { baseUrl: sandbox.baseUrl, auth: { username: "admin", password: "admin" } };
  const { setup, added } = await seedDemo(target, { cwd, variant: "staff-table" });
  expect(setup.unconverged).toEqual([]);
  expect(added).toBeGreaterThan(0);
  const admin = sandbox.clientAs("admin");
  const app = setup.appIds.applications;

  const { properties } = await admin.app.getFormFields({ app });
  expect(properties.担当者一覧).toMatchObject({ type: "SUBTABLE" });
  expect(Object.keys((properties.担当者一覧 as unknown as { fields: object }).fields)).toEqual([
    "担当者名",
    "担当区分",
    "担当時間",
  ]);
  expect(properties.担当時間合計).toMatchObject({ type: "CALC", expression: "SUM(担当時間)" });
  expect(properties.審査済フラグ).toMatchObject({ type: "CALC" });
  expect(properties.company_name).toMatchObject({ type: "SINGLE_LINE_TEXT" });

  const again = await setupApps(admin, {
    cwd,
    baseUrl: sandbox.baseUrl,
    variant: "staff-table",
    ...fast,
  });
  expect(again.changes.applications).toEqual([]);

  const { records } = await admin.record.getRecords({ app, query: "limit 1", fields: ["$id"] });
  const id = String(records[0]?.$id?.value);
  await admin.record.updateRecord({
    app,
    id,
    record: {
      担当者一覧: {
        value: [
          {
            value: {
              担当者名: { value: "佐藤" },
              担当区分: { value: "主担当" },
              担当時間: { value: "2" },
            },
          },
          { value: { 担当者名: { value: "鈴木" }, 担当時間: { value: "1.5" } } },
        ],
      },
    },
  });
  const { record } = await admin.record.getRecord({ app, id });
  expect(record.担当時間合計?.value).toBe("3.5");
  expect(record.審査済フラグ?.value).toBe(
    ["", "未判定"].includes(String(record.eligibility?.value ?? "")) ? "0" : "1",
  );
});

test("the standard app stays as the program defines it (no table, no CALC)", async () => {
  const cwd = mkdtempSync(path.join(tmpdir(), "followup-standard-"));
  const fresh = await startTestSandbox();
  try {
    const report = await setupApps(fresh.clientAs("admin"), {
      cwd,
      baseUrl: fresh.baseUrl,
      ...fast,
    });
    const { properties } = await fresh
      .clientAs("admin")
      .app.getFormFields({ app: report.appIds.applications });
    expect(Object.values(properties).map((p) => p.type)).not.toContain("SUBTABLE");
    expect(Object.values(properties).map((p) => p.type)).not.toContain("CALC");
  } finally {
    await fresh.close();
  }
});
