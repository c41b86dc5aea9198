/** Apps for the records contract tests, created over REST like `followup setup` would. */
import type { KintoneRestAPIClient } from "@kintone/rest-api-client";

export async function deploy(client: KintoneRestAPIClient, app: string): Promise<void> {
  await client.app.deployApp({ apps: [{ app }] });
  for (let i = 0; i < 20; i++) {
    const { apps } = await client.app.getDeployStatus({ apps: [app] });
    if (apps[0]?.status === "SUCCESS") return;
    if (apps[0]?.status !== "PROCESSING") throw new Error(`deploy ${apps[0]?.status}`);
  }
  throw new Error("deploy did not finish");
}

const options = (...labels: string[]) =>
  Object.fromEntries(labels.map((label, index) => [label, { label, index: String(index) }]));

/** A small applications app (spec §2.1 subset) with the spec §3 process. */
export async function createApplicationsApp(client: KintoneRestAPIClient): Promise<string> {
  const { app } = await client.app.addApp({ name: "申込管理" });
  await client.app.addFormFields({
    app,
    properties: {
      company_name: {
        type: "SINGLE_LINE_TEXT",
        code: "company_name",
        label: "企業名",
        required: true,
        maxLength: "20",
      },
      corporate_number: {
        type: "SINGLE_LINE_TEXT",
        code: "corporate_number",
        label: "法人番号",
        unique: true,
      },
      entity_type: {
        type: "RADIO_BUTTON",
        code: "entity_type",
        label: "事業形態",
        options: options("法人", "個人事業主"),
        defaultValue: "法人",
      },
      employees: {
        type: "NUMBER",
        code: "employees",
        label: "従業員数",
        minValue: "0",
        maxValue: "100000",
      },
      industry: {
        type: "DROP_DOWN",
        code: "industry",
        label: "業種",
        options: options("製造業・建設業・運輸業・その他", "卸売業", "サービス業", "小売業"),
      },
      declarations: {
        type: "CHECK_BOX",
        code: "declarations",
        label: "誓約",
        options: options("ア", "イ", "ウ"),
      },
      applied_at: {
        type: "DATETIME",
        code: "applied_at",
        label: "申込日時",
        defaultNowValue: true,
      },
      eligibility: {
        type: "DROP_DOWN",
        code: "eligibility",
        label: "審査結果",
        options: options("未判定", "適格", "要確認", "対象外"),
        defaultValue: "未判定",
      },
      lottery_result: {
        type: "DROP_DOWN",
        code: "lottery_result",
        label: "抽選結果",
        options: options("未抽選", "当選", "補欠"),
        defaultValue: "未抽選",
      },
      participation_intent: {
        type: "RADIO_BUTTON",
        code: "participation_intent",
        label: "参加意思",
        options: options("未回答", "参加する", "辞退する"),
        defaultValue: "未回答",
      },
      visit_date: { type: "DATE", code: "visit_date", label: "訪問日" },
      expert_name: { type: "SINGLE_LINE_TEXT", code: "expert_name", label: "訪問専門家" },
      notes: { type: "MULTI_LINE_TEXT", code: "notes", label: "メモ" },
      bundle: { type: "FILE", code: "bundle", label: "添付" },
    },
  });
  const secretariat = {
    type: "ONE" as const,
    entities: [{ entity: { type: "GROUP" as const, code: "secretariat" } }],
  };
  await client.app.updateProcessManagement({
    app,
    enable: true,
    states: {
      // A new app's first state (kintone's default 未処理) can only be renamed, never added.
      未処理: { name: "申込受付", index: "0", assignee: { type: "ONE", entities: [] } },
      当選: { name: "当選", index: "1", assignee: { type: "ANY", entities: secretariat.entities } },
      補欠: { name: "補欠", index: "2", assignee: { type: "ONE", entities: [] } },
      参加確定: { name: "参加確定", index: "3", assignee: { type: "ONE", entities: [] } },
      辞退: { name: "辞退", index: "4", assignee: { type: "ONE", entities: [] } },
    },
    actions: [
      { name: "当選登録", from: "申込受付", to: "当選", filterCond: 'lottery_result in ("当選")' },
      { name: "補欠登録", from: "申込受付", to: "補欠", filterCond: 'lottery_result in ("補欠")' },
      {
        name: "参加確定",
        from: "当選",
        to: "参加確定",
        filterCond: 'participation_intent in ("参加する")',
      },
      {
        name: "辞退",
        from: "当選",
        to: "辞退",
        filterCond: 'participation_intent in ("辞退する")',
      },
    ],
  });
  await deploy(client, app);
  return app;
}

/** Questionnaires: application_no looks up the applications app and copies company_name. */
export async function createQuestionnairesApp(
  client: KintoneRestAPIClient,
  applicationsApp: string,
): Promise<string> {
  const { app } = await client.app.addApp({ name: "質問票" });
  const { properties } = await client.app.getFormFields({ app: applicationsApp });
  const recordNumber =
    Object.values(properties).find((p) => p.type === "RECORD_NUMBER")?.code ?? "";
  await client.app.addFormFields({
    app,
    properties: {
      company_name: { type: "SINGLE_LINE_TEXT", code: "company_name", label: "企業名" },
      application_no: {
        type: "NUMBER",
        code: "application_no",
        label: "受付番号",
        lookup: {
          relatedApp: { app: applicationsApp },
          relatedKeyField: recordNumber,
          fieldMappings: [{ field: "company_name", relatedField: "company_name" }],
          lookupPickerFields: ["company_name"],
          filterCond: "",
          sort: "",
        },
      },
      pcs: { type: "NUMBER", code: "pcs", label: "PC台数" },
    },
  });
  await deploy(client, app);
  return app;
}
