import type { KintoneRestAPIClient } from "@kintone/rest-api-client";

/**
 * A small app for the event-contract tests: the field types the screens must handle, a blank
 * space `panel`, a list view, and a two-step process whose second state lets the user choose
 * one of two assignees.
 */
export async function createTestApp(
  client: KintoneRestAPIClient,
  pluginIds: string[],
  name = "イベント確認アプリ",
): Promise<number> {
  const app = Number((await client.app.addApp({ name })).app);
  await client.app.addFormFields({
    app,
    properties: {
      company_name: {
        type: "SINGLE_LINE_TEXT",
        code: "company_name",
        label: "企業名",
        required: true,
      },
      employees: { type: "NUMBER", code: "employees", label: "従業員数" },
      kind: {
        type: "DROP_DOWN",
        code: "kind",
        label: "区分",
        options: {
          法人: { label: "法人", index: "0" },
          個人事業主: { label: "個人事業主", index: "1" },
        },
      },
      memo: { type: "MULTI_LINE_TEXT", code: "memo", label: "メモ" },
      email: { type: "LINK", code: "email", label: "メール", protocol: "MAIL" },
      visit_date: { type: "DATE", code: "visit_date", label: "訪問日" },
    },
  } as never);
  await client.app.updateFormLayout({
    app,
    layout: [
      {
        type: "ROW",
        fields: [
          { type: "SINGLE_LINE_TEXT", code: "company_name" },
          { type: "NUMBER", code: "employees" },
        ],
      },
      {
        type: "ROW",
        fields: [
          { type: "DROP_DOWN", code: "kind" },
          { type: "LINK", code: "email" },
          { type: "DATE", code: "visit_date" },
        ],
      },
      { type: "ROW", fields: [{ type: "MULTI_LINE_TEXT", code: "memo" }] },
      { type: "ROW", fields: [{ type: "SPACER", elementId: "panel" }] },
    ],
  } as never);
  await client.app.updateViews({
    app,
    views: {
      一覧: {
        index: "0",
        type: "LIST",
        name: "一覧",
        fields: ["company_name", "employees", "kind"],
        sort: "$id asc",
      },
      法人のみ: {
        index: "1",
        type: "LIST",
        name: "法人のみ",
        fields: ["company_name", "kind"],
        filterCond: 'kind in ("法人")',
        sort: "$id asc",
      },
    },
  } as never);
  // A new app has no process yet (states: null): turn it on, then rename kintone's first status,
  // which is the only way to set it (a new first status is refused, sandbox/FIDELITY.md).
  await client.app.updateProcessManagement({ app, enable: true } as never);
  await client.app.updateProcessManagement({
    app,
    enable: true,
    states: {
      未処理: { name: "受付", index: "0", assignee: { type: "ONE", entities: [] } },
      確認中: {
        name: "確認中",
        index: "1",
        assignee: {
          type: "ONE",
          entities: [
            { entity: { type: "USER", code: "staff1" } },
            { entity: { type: "USER", code: "staff2" } },
          ],
        },
      },
      完了: { name: "完了", index: "2", assignee: { type: "ONE", entities: [] } },
    },
    actions: [
      { name: "確認へ", from: "受付", to: "確認中" },
      { name: "完了にする", from: "確認中", to: "完了", filterCond: 'employees >= "1"' },
    ],
  } as never);
  if (pluginIds.length > 0) await client.app.addPlugins({ app, ids: pluginIds });
  await client.app.deployApp({ apps: [{ app }] });
  for (let i = 0; i < 50; i++) {
    const { apps } = await client.app.getDeployStatus({ apps: [app] });
    if (apps[0]?.status === "SUCCESS") return app;
    if (apps[0]?.status === "FAIL") throw new Error("deploy failed");
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error("deploy did not finish");
}
