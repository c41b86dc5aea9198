import { type ContractTarget, startContractTarget } from "../support/contractTarget";
import { kintoneFailure } from "../support/kintoneError";

// Dual mode: a fresh sandbox, or a real kintone (see test/support/contractTarget.ts).
let t: ContractTarget;
beforeAll(async () => {
  t = await startContractTarget();
});
afterAll(() => t.close());

const admin = () => t.clientAs("admin");

async function newApp(name: string): Promise<string> {
  const { app } = await admin().app.addApp({ name });
  t.track(app);
  return app;
}

async function deploy(app: string) {
  await admin().app.deployApp({ apps: [{ app }] });
  while ((await admin().app.getDeployStatus({ apps: [app] })).apps[0]?.status === "PROCESSING");
}

describe("form fields", () => {
  test("every app has kintone's built-in fields, in the creator's language", async () => {
    const app = await newApp("組み込み");
    const { properties } = await admin().app.getFormFields({ app, preview: true });
    expect(properties["レコード番号"]).toMatchObject({
      type: "RECORD_NUMBER",
      code: "レコード番号",
    });
    expect(properties["ステータス"]).toMatchObject({ type: "STATUS", enabled: false });
    for (const type of [
      "CREATOR",
      "CREATED_TIME",
      "MODIFIER",
      "UPDATED_TIME",
      "STATUS_ASSIGNEE",
      "CATEGORY",
    ]) {
      expect(Object.values(properties).some((f) => f.type === type)).toBe(true);
    }
    const enApp = (await t.clientAs("staff_en").app.addApp({ name: "English" })).app;
    t.track(enApp);
    const en = await t.clientAs("staff_en").app.getFormFields({ app: enApp, preview: true });
    expect(en.properties.Record_number).toMatchObject({ type: "RECORD_NUMBER" });
  });

  test("added fields get kintone's default properties and go live on deploy", async () => {
    const app = await newApp("フィールド");
    await admin().app.addFormFields({
      app,
      properties: {
        company_name: {
          type: "SINGLE_LINE_TEXT",
          code: "company_name",
          label: "企業名",
          required: true,
        },
        capital_yen: {
          type: "NUMBER",
          code: "capital_yen",
          label: "資本金",
          minValue: "0",
          maxValue: "1000000000",
        },
        entity_type: {
          type: "RADIO_BUTTON",
          code: "entity_type",
          label: "事業形態",
          options: {
            法人: { label: "法人", index: "0" },
            個人事業主: { label: "個人事業主", index: "1" },
          },
        },
        declarations: {
          type: "CHECK_BOX",
          code: "declarations",
          label: "誓約",
          options: { ア: { label: "ア", index: "0" } },
        },
        applied_at: {
          type: "DATETIME",
          code: "applied_at",
          label: "申込日時",
          defaultNowValue: true,
        },
        contact_email: { type: "LINK", code: "contact_email", label: "メール", protocol: "MAIL" },
        bundle: { type: "FILE", code: "bundle", label: "検証バンドル" },
      },
    });
    expect((await admin().app.getFormFields({ app, preview: true })).properties).toMatchObject({
      company_name: { required: true, unique: false, maxLength: "", defaultValue: "" },
      capital_yen: { minValue: "0", maxValue: "1000000000", digit: false },
      entity_type: { defaultValue: "法人", options: { 法人: { label: "法人", index: "0" } } },
      declarations: { defaultValue: [], options: { ア: { index: "0" } } },
      applied_at: { defaultNowValue: true },
      contact_email: { protocol: "MAIL" },
      bundle: { type: "FILE" },
    });
    await expect(admin().app.getFormFields({ app })).rejects.toMatchObject({ code: "GAIA_AP01" });
    await deploy(app);
    const live = await admin().app.getFormFields({ app });
    expect(Object.keys(live.properties)).toEqual(
      expect.arrayContaining(["company_name", "bundle"]),
    );
    const layout = await admin().app.getFormLayout({ app });
    expect(layout.layout.map((row) => JSON.stringify(row).match(/"code":"(\w+)"/)?.[1])).toEqual([
      "company_name",
      "capital_yen",
      "entity_type",
      "declarations",
      "applied_at",
      "contact_email",
      "bundle",
    ]);
  });

  test("bad definitions are refused with every problem, and nothing is stored", async () => {
    const app = await newApp("検証");
    const error = await kintoneFailure(
      admin().app.addFormFields({
        app,
        properties: {
          "bad-code": { type: "SINGLE_LINE_TEXT", code: "bad-code", label: "記号" },
          ok_field: { type: "SINGLE_LINE_TEXT", code: "ok_field", label: "" },
          n: { type: "NUMBER", code: "n", label: "n", minValue: "10", maxValue: "1" },
          d: {
            type: "DROP_DOWN",
            code: "d",
            label: "d",
            options: { a: { label: "a", index: "0" } },
            defaultValue: "z",
          },
          [`x${"a".repeat(128)}`]: { type: "NUMBER", code: `x${"a".repeat(128)}`, label: "long" },
        },
      }),
    );
    expect(error.status).toBe(400);
    expect(error.code).toBe("CB_VA01");
    expect(Object.keys(error.errors as object)).toEqual(
      expect.arrayContaining([
        "properties.bad-code.code",
        "properties.ok_field.label",
        "properties.n.maxValue",
        "properties.d.defaultValue",
        `properties.x${"a".repeat(128)}.code`,
      ]),
    );
    const { properties } = await admin().app.getFormFields({ app, preview: true });
    expect(properties.ok_field).toBeUndefined();
  });

  test("a 128-character code with underscores is fine; duplicates and built-in types are not", async () => {
    const app = await newApp("コード");
    const code = `a_${"b".repeat(126)}`;
    await admin().app.addFormFields({
      app,
      properties: { [code]: { type: "NUMBER", code, label: "ok" } },
    });
    const duplicate = await kintoneFailure(
      admin().app.addFormFields({
        app,
        properties: { [code]: { type: "NUMBER", code, label: "dup" } },
      }),
    );
    expect(duplicate.code).toBe("CB_VA01");
    const builtIn = await kintoneFailure(
      admin().app.addFormFields({
        app,
        properties: { no2: { type: "RECORD_NUMBER", code: "no2", label: "x" } },
      }),
    );
    expect(builtIn.code).toBe("CB_VA01");
  });

  test("update renames a built-in field and changes options; delete removes a field", async () => {
    const app = await newApp("更新");
    await admin().app.addFormFields({
      app,
      properties: {
        eligibility: {
          type: "DROP_DOWN",
          code: "eligibility",
          label: "審査結果",
          options: { 未判定: { label: "未判定", index: "0" } },
        },
        memo: { type: "MULTI_LINE_TEXT", code: "memo", label: "メモ" },
      },
    });
    await admin().app.updateFormFields({
      app,
      properties: {
        レコード番号: { code: "application_no", label: "受付番号" },
        eligibility: {
          options: {
            未判定: { label: "未判定", index: "0" },
            適格: { label: "適格", index: "1" },
          },
          defaultValue: "未判定",
        },
      },
    });
    await admin().app.deleteFormFields({ app, fields: ["memo"] });
    const { properties } = await admin().app.getFormFields({ app, preview: true });
    expect(properties.application_no).toMatchObject({ type: "RECORD_NUMBER", label: "受付番号" });
    expect(properties["レコード番号"]).toBeUndefined();
    expect(Object.keys((properties.eligibility as { options: object }).options)).toEqual([
      "未判定",
      "適格",
    ]);
    expect(properties.memo).toBeUndefined();
    const layout = await admin().app.getFormLayout({ app, preview: true });
    expect(JSON.stringify(layout.layout)).not.toContain("memo");
    const typeChange = await kintoneFailure(
      admin().app.updateFormFields({ app, properties: { eligibility: { type: "RADIO_BUTTON" } } }),
    );
    expect(typeChange.code).toBe("CB_VA01");
    const builtInDelete = await kintoneFailure(
      admin().app.deleteFormFields({ app, fields: ["作成者"] }),
    );
    expect(builtInDelete.code).toBe("CB_VA01");
  });

  test("a stale revision on a field change is a 409 GAIA_CO02", async () => {
    const app = await newApp("競合");
    const { revision } = await admin().app.getFormFields({ app, preview: true });
    await admin().app.addFormFields({
      app,
      properties: { a: { type: "NUMBER", code: "a", label: "a" } },
      revision,
    });
    const error = await kintoneFailure(
      admin().app.addFormFields({
        app,
        properties: { b: { type: "NUMBER", code: "b", label: "b" } },
        revision,
      }),
    );
    expect(error.status).toBe(409);
    expect(error.code).toBe("GAIA_CO02");
  });

  test("lookup and reference table point at a deployed app's fields", async () => {
    const applications = await newApp("申込");
    await admin().app.addFormFields({
      app: applications,
      properties: {
        company_name: { type: "SINGLE_LINE_TEXT", code: "company_name", label: "企業名" },
      },
    });
    await admin().app.updateFormFields({
      app: applications,
      properties: { レコード番号: { code: "application_no" } },
    });
    await deploy(applications);
    const questionnaires = await newApp("質問票");
    await admin().app.addFormFields({
      app: questionnaires,
      properties: {
        company_name: { type: "SINGLE_LINE_TEXT", code: "company_name", label: "企業名" },
        application_no: {
          type: "NUMBER",
          code: "application_no",
          label: "受付番号",
          lookup: {
            relatedApp: { app: applications },
            relatedKeyField: "application_no",
            fieldMappings: [{ field: "company_name", relatedField: "company_name" }],
            lookupPickerFields: ["company_name"],
          },
        },
      },
    });
    const fields = (await admin().app.getFormFields({ app: questionnaires, preview: true }))
      .properties;
    expect(fields.application_no).toMatchObject({
      lookup: { relatedApp: { app: applications }, relatedKeyField: "application_no" },
    });
    const badKey = await kintoneFailure(
      admin().app.addFormFields({
        app: questionnaires,
        properties: {
          other: {
            type: "SINGLE_LINE_TEXT",
            code: "other",
            label: "x",
            lookup: {
              relatedApp: { app: applications },
              relatedKeyField: "company_name",
              fieldMappings: [],
            },
          },
        },
      }),
    );
    expect(Object.keys(badKey.errors as object)).toContain(
      "properties.other.lookup.relatedKeyField",
    );
    await deploy(questionnaires);
    await admin().app.addFormFields({
      app: applications,
      properties: {
        questionnaires: {
          type: "REFERENCE_TABLE",
          code: "questionnaires",
          label: "質問票",
          referenceTable: {
            relatedApp: { app: questionnaires },
            condition: { field: "application_no", relatedField: "application_no" },
            displayFields: ["company_name"],
          },
        },
      },
    });
    const table = (await admin().app.getFormFields({ app: applications, preview: true })).properties
      .questionnaires;
    expect(table).toMatchObject({
      referenceTable: { condition: { field: "application_no" }, size: "5" },
    });
  });
});

describe("form layout", () => {
  test("a layout with a SPACER element id is stored; unknown fields are refused", async () => {
    const app = await newApp("レイアウト");
    await admin().app.addFormFields({
      app,
      properties: {
        company_name: { type: "SINGLE_LINE_TEXT", code: "company_name", label: "企業名" },
      },
    });
    const layout = [
      {
        type: "ROW" as const,
        fields: [{ type: "SPACER" as const, elementId: "followup_panel", size: { width: "600" } }],
      },
      {
        type: "ROW" as const,
        fields: [
          { type: "SINGLE_LINE_TEXT" as const, code: "company_name", size: { width: "300" } },
        ],
      },
    ];
    await admin().app.updateFormLayout({ app, layout });
    await deploy(app);
    const live = await admin().app.getFormLayout({ app });
    expect(live.layout[0]).toEqual({
      type: "ROW",
      fields: [{ type: "SPACER", elementId: "followup_panel", size: { width: "600" } }],
    });
    const error = await kintoneFailure(
      admin().app.updateFormLayout({
        app,
        layout: [{ type: "ROW", fields: [{ type: "NUMBER", code: "ghost", size: {} }] }],
      }),
    );
    expect(Object.keys(error.errors as object)).toContain("layout[0].fields[0].code");
  });
});

describe("views", () => {
  test("views are replaced as a whole, keep their ids and validate their fields", async () => {
    const app = await newApp("ビュー");
    await admin().app.addFormFields({
      app,
      properties: {
        company_name: { type: "SINGLE_LINE_TEXT", code: "company_name", label: "企業名" },
      },
    });
    const first = await admin().app.updateViews({
      app,
      views: {
        審査待ち: {
          type: "LIST",
          name: "審査待ち",
          index: 0,
          fields: ["company_name"],
          filterCond: "",
          sort: "",
        },
      },
    });
    const id = first.views["審査待ち"]?.id;
    expect(id).toMatch(/^\d+$/);
    const second = await admin().app.updateViews({
      app,
      views: {
        審査待ち: { type: "LIST", name: "審査待ち", index: 1, fields: ["company_name"] },
        全件: { type: "LIST", name: "全件", index: 0, fields: [] },
      },
    });
    expect(second.views["審査待ち"]?.id).toBe(id);
    await deploy(app);
    const live = await admin().app.getViews({ app });
    expect(live.views["審査待ち"]).toMatchObject({
      id,
      index: "1",
      type: "LIST",
      fields: ["company_name"],
    });
    const error = await kintoneFailure(
      admin().app.updateViews({
        app,
        views: { x: { type: "LIST", name: "x", index: 0, fields: ["ghost"] } },
      }),
    );
    expect(error.code).toBe("CB_VA01");
  });
});

describe("process management", () => {
  const nobody = { type: "ONE" as const, entities: [] };
  const states = {
    申込受付: { name: "申込受付", index: "0", assignee: nobody },
    当選: { name: "当選", index: "1", assignee: nobody },
    補欠: { name: "補欠", index: "2", assignee: nobody },
  };
  /** The states above for a new app: its default first state 未処理 renamed to 申込受付. */
  const onNewApp = { ...states, 未処理: states.申込受付 } as Record<string, typeof states.当選>;
  delete onNewApp.申込受付;

  test("a new app reports states: null; its first state can be renamed but never added anew", async () => {
    const app = await newApp("新規プロセス");
    const fresh = await admin().app.getProcessManagement({ app, preview: true });
    expect([fresh.enable, fresh.states, fresh.actions]).toEqual([false, null, null]);
    const added = await kintoneFailure(
      admin().app.updateProcessManagement({ app, enable: true, states }),
    );
    expect(added.code).toBe("CB_VA01");
    expect(Object.keys(added.errors as object)).toEqual(["states.申込受付"]);
    expect((await admin().app.getProcessManagement({ app, preview: true })).states).toBeNull();

    // Turning process management on shows the default workflow, whose first state is renamed.
    await admin().app.updateProcessManagement({ app, enable: true });
    const shown = await admin().app.getProcessManagement({ app, preview: true });
    expect(Object.keys(shown.states ?? {})).toEqual(["未処理", "処理中", "完了"]);
    await admin().app.updateProcessManagement({ app, states: onNewApp });
    const renamed = await admin().app.getProcessManagement({ app, preview: true });
    expect(Object.keys(renamed.states ?? {})).toEqual(["申込受付", "当選", "補欠"]);
    const reordered = await kintoneFailure(
      admin().app.updateProcessManagement({
        app,
        states: {
          当選: { ...states.当選, index: "0" },
          申込受付: { ...states.申込受付, index: "1" },
        },
      }),
    );
    expect(Object.keys(reordered.errors as object)).toEqual(["states.当選"]);
  });

  test("a status that records are in cannot be deleted; an empty one can", async () => {
    const app = await newApp("削除");
    await admin().app.updateProcessManagement({
      app,
      enable: true,
      states: onNewApp,
      actions: [{ name: "当選登録", from: "申込受付", to: "当選" }],
    });
    await deploy(app);
    const { id } = await admin().record.addRecord({ app, record: {} });
    await admin().record.updateRecordStatus({ app, id, action: "当選登録" });
    const { 当選: _won, ...withoutWon } = states;
    const refused = await kintoneFailure(
      admin().app.updateProcessManagement({ app, states: withoutWon, actions: [] }),
    );
    expect(refused.code).toBe("CB_VA01");
    const { 補欠: _waiting, ...withoutWaiting } = states;
    await admin().app.updateProcessManagement({
      app,
      states: withoutWaiting,
      actions: [{ name: "当選登録", from: "申込受付", to: "当選" }],
    });
  });

  test("the first state's assignee is the creator or nobody", async () => {
    const app = await newApp("先頭の作業者");
    const group = { entity: { type: "GROUP" as const, code: t.secretariatGroup } };
    const refused = await kintoneFailure(
      admin().app.updateProcessManagement({
        app,
        states: {
          ...onNewApp,
          未処理: { ...states.申込受付, assignee: { type: "ONE", entities: [group] } },
        },
      }),
    );
    expect(Object.keys(refused.errors as object)).toEqual(["states.申込受付.assignee"]);
    const creator = {
      type: "ONE" as const,
      entities: [{ entity: { type: "CREATOR" as const, code: null } }],
    };
    await admin().app.updateProcessManagement({
      app,
      states: { ...onNewApp, 未処理: { ...states.申込受付, assignee: creator } },
    });
  });

  test("states and actions go live on deploy and turn the STATUS field on", async () => {
    const app = await newApp("プロセス");
    await admin().app.addFormFields({
      app,
      properties: {
        lottery_result: {
          type: "DROP_DOWN",
          code: "lottery_result",
          label: "抽選結果",
          options: { 当選: { label: "当選", index: "0" }, 補欠: { label: "補欠", index: "1" } },
        },
      },
    });
    await admin().app.updateProcessManagement({
      app,
      enable: true,
      states: onNewApp,
      actions: [
        {
          name: "当選登録",
          from: "申込受付",
          to: "当選",
          filterCond: 'lottery_result in ("当選")',
        },
        {
          name: "補欠登録",
          from: "申込受付",
          to: "補欠",
          filterCond: 'lottery_result in ("補欠")',
        },
      ],
    });
    expect((await admin().app.getProcessManagement({ app, preview: true })).enable).toBe(true);
    await deploy(app);
    const live = await admin().app.getProcessManagement({ app });
    expect(live.enable).toBe(true);
    expect(Object.keys(live.states ?? {})).toEqual(["申込受付", "当選", "補欠"]);
    expect((live.actions ?? []).map((a) => a.name)).toEqual(["当選登録", "補欠登録"]);
    const fields = await admin().app.getFormFields({ app });
    expect(Object.values(fields.properties).find((f) => f.type === "STATUS")).toMatchObject({
      enabled: true,
    });
  });

  test("a state keyed by its old name is renamed, the first one too; actions and records follow it", async () => {
    const app = await newApp("改名");
    await admin().app.updateProcessManagement({
      app,
      enable: true,
      states: onNewApp,
      actions: [{ name: "当選登録", from: "申込受付", to: "当選" }],
    });
    await deploy(app);
    const waiting = await admin().record.addRecord({ app, record: {} });
    const won = await admin().record.addRecord({ app, record: {} });
    await admin().record.updateRecordStatus({ app, id: won.id, action: "当選登録" });

    await admin().app.updateProcessManagement({
      app,
      states: {
        申込受付: { ...states.申込受付, name: "受付" },
        当選: { ...states.当選, name: "当選者" },
        補欠: states.補欠,
      },
    });
    const preview = await admin().app.getProcessManagement({ app, preview: true });
    expect(preview.states).toEqual({
      受付: { ...states.申込受付, name: "受付" },
      当選者: { ...states.当選, name: "当選者" },
      補欠: states.補欠,
    });
    expect(preview.actions).toMatchObject([{ name: "当選登録", from: "受付", to: "当選者" }]);
    const status = async (id: string) => {
      const { record } = await admin().record.getRecord({ app, id });
      return [record.ステータス?.value, record.$revision?.value];
    };
    const before = await status(won.id);
    expect(before[0]).toBe("当選");

    await deploy(app);
    await expect(status(waiting.id)).resolves.toEqual(["受付", "1"]);
    await expect(status(won.id)).resolves.toEqual(["当選者", before[1]]);
    await admin().record.updateRecordStatus({ app, id: waiting.id, action: "当選登録" });
    await expect(status(waiting.id)).resolves.toEqual(["当選者", "3"]);
    const fresh = await admin().record.addRecord({ app, record: {} });
    await expect(status(fresh.id)).resolves.toEqual(["受付", "1"]);
  });

  test("a new state named unlike its key, or two states of one name, are refused", async () => {
    const app = await newApp("改名不可");
    await admin().app.updateProcessManagement({ app, states: onNewApp });
    const unknown = await kintoneFailure(
      admin().app.updateProcessManagement({
        app,
        states: { ...states, 新規: { ...states.補欠, name: "別名", index: "3" } },
      }),
    );
    expect(Object.keys(unknown.errors as object)).toEqual(["states.新規.name"]);
    const twice = await kintoneFailure(
      admin().app.updateProcessManagement({
        app,
        states: { ...states, 補欠: { ...states.補欠, name: "当選" } },
      }),
    );
    expect(Object.keys(twice.errors as object)).toEqual(["states.補欠.name"]);
  });

  test("an action condition on an unknown field or a bad view filter is refused", async () => {
    const app = await newApp("条件");
    const action = await kintoneFailure(
      admin().app.updateProcessManagement({
        app,
        enable: true,
        states: onNewApp,
        actions: [{ name: "当選登録", from: "申込受付", to: "当選", filterCond: 'ghost in ("x")' }],
      }),
    );
    expect(Object.keys(action.errors as object)).toContain("actions[0].filterCond");
    const view = await kintoneFailure(
      admin().app.updateViews({
        app,
        views: {
          壊れた: { type: "LIST", name: "壊れた", index: 0, filterCond: "company_name = " },
        },
      }),
    );
    expect(Object.keys(view.errors as object)).toContain("views.壊れた.filterCond");
  });

  test("assignees must be existing users, groups or fields", async () => {
    const app = await newApp("作業者");
    const assignee = (type: string, code: string) => ({
      type: "ONE" as const,
      entities: [{ entity: { type: type as "USER", code } }],
    });
    await admin().app.updateProcessManagement({
      app,
      states: {
        未処理: { name: "申込受付", index: "0", assignee: { type: "ONE", entities: [] } },
        当選: { name: "当選", index: "1", assignee: assignee("GROUP", t.secretariatGroup) },
        補欠: { name: "補欠", index: "2", assignee: assignee("USER", t.loginName("staff1")) },
      },
    });
    const error = await kintoneFailure(
      admin().app.updateProcessManagement({
        app,
        states: {
          申込受付: { name: "申込受付", index: "0", assignee: { type: "ONE", entities: [] } },
          当選: { name: "当選", index: "1", assignee: assignee("USER", "ghost") },
        },
      }),
    );
    expect(Object.keys(error.errors as object)).toEqual([
      "states.当選.assignee.entities[0].entity",
    ]);
  });

  test("an action between unknown states is refused", async () => {
    const app = await newApp("不正プロセス");
    const error = await kintoneFailure(
      admin().app.updateProcessManagement({
        app,
        enable: true,
        states: onNewApp,
        actions: [{ name: "謎", from: "申込受付", to: "存在しない" }],
      }),
    );
    expect(error.code).toBe("CB_VA01");
    expect(Object.keys(error.errors as object)).toContain("actions[0].to");
  });
});
