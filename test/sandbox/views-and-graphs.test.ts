import { kintoneFailure } from "../support/kintoneError";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";

/** Views (calendar, status conditions) and graphs (app reports) as kintone documents them. */
let t: TestSandbox;
let app: string;
beforeAll(async () => {
  t = await startTestSandbox();
  ({ app } = await admin().app.addApp({ name: "一覧とグラフ" }));
  await admin().app.addFormFields({
    app,
    properties: {
      industry: {
        type: "DROP_DOWN",
        code: "industry",
        label: "業種",
        options: { 卸売業: { label: "卸売業", index: "0" } },
      },
      visit_date: { type: "DATE", code: "visit_date", label: "訪問日" },
    },
  });
});
afterAll(() => t.close());

const admin = () => t.clientAs("admin");
const industryPie = {
  name: "業種別",
  index: "0",
  chartType: "PIE",
  groups: [{ code: "industry" }],
  aggregations: [{ type: "COUNT" }],
  filterCond: "",
  sorts: [{ by: "TOTAL", order: "DESC" }],
};

describe("graphs (app reports)", () => {
  test("are written in preview, keep their id, and a PUT without one deletes it", async () => {
    const byDay = {
      ...industryPie,
      name: "日別",
      index: "1",
      chartType: "COLUMN",
      chartMode: "NORMAL",
      groups: [{ code: "visit_date", per: "DAY" }],
    };
    const first = await admin().app.updateReports({
      app,
      reports: { 業種別: industryPie, 日別: byDay } as never,
    });
    const got = await admin().app.getReports({ app, preview: true });
    expect(Object.keys(got.reports).sort()).toEqual(["日別", "業種別"]);
    expect(got.reports["日別"]).toMatchObject({ chartMode: "NORMAL", groups: [{ per: "DAY" }] });
    expect(got.reports["業種別"]?.id).toBe(first.reports["業種別"]?.id);
    await admin().app.updateReports({ app, reports: { 業種別: industryPie } as never });
    const after = await admin().app.getReports({ app, preview: true });
    expect(Object.keys(after.reports)).toEqual(["業種別"]);
    expect(after.reports["業種別"]?.id).toBe(first.reports["業種別"]?.id);
  });

  test("refuses an unknown chart type, a missing mode, an unknown field and a date without its unit", async () => {
    const failure = await kintoneFailure(
      admin().app.updateReports({
        app,
        reports: {
          a: { ...industryPie, name: "a", chartType: "DONUT" },
          b: { ...industryPie, name: "b", index: "1", chartType: "BAR" },
          c: { ...industryPie, name: "c", index: "2", groups: [{ code: "nothing" }] },
          d: { ...industryPie, name: "d", index: "3", groups: [{ code: "visit_date" }] },
        } as never,
      }),
    );
    expect(failure.code).toBe("CB_VA01");
    expect(Object.keys(failure.errors as object).sort()).toEqual([
      "reports.a.chartType",
      "reports.b.chartMode",
      "reports.c.groups[0].code",
      "reports.d.groups[0].per",
    ]);
  });
});

describe("views", () => {
  test("a calendar view without date and title takes the updated time and the record number", async () => {
    await admin().app.updateViews({
      app,
      views: { 予定: { type: "CALENDAR", name: "予定", index: "0" } } as never,
    });
    const { views } = await admin().app.getViews({ app, preview: true });
    expect(views["予定"]).toMatchObject({
      type: "CALENDAR",
      date: "更新日時",
      title: "レコード番号",
    });
  });

  test("a status condition is refused while process management is off, accepted once it is on", async () => {
    const view = {
      当選: {
        type: "LIST",
        name: "当選",
        index: "0",
        fields: [],
        filterCond: 'ステータス in ("完了")',
      },
    };
    const failure = await kintoneFailure(admin().app.updateViews({ app, views: view as never }));
    expect(Object.keys(failure.errors as object)).toEqual(["views.当選.filterCond"]);
    await admin().app.updateProcessManagement({ app, enable: true });
    await expect(admin().app.updateViews({ app, views: view as never })).resolves.toBeDefined();
  });
});
