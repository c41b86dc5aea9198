import type { CurrentAppState, FieldProperty } from "../../src/apps/model";
import {
  type AppPlan,
  isEmptyPlan,
  keyStates,
  matches,
  normalizeQuery,
  planApp,
} from "../../src/apps/plan";
import { withSecretariatGroup } from "../../src/apps/permissions";
import { PROGRAM_APP_KEYS, programApps } from "../../src/apps/program";
import { FOLLOWUP_PANEL_SPACE, LOTTERY_LOG_FIELDS, STATES } from "../../src/core/vocabulary";

const refs = { applications: "1", questionnaires: "2", lotteryLog: "3" };

/** A new kintone app as the preview APIs report it (Japanese default field codes). */
function newApp(): CurrentAppState {
  const builtIn = (type: string, code: string): FieldProperty => ({ type, code, label: code });
  return {
    properties: Object.fromEntries(
      [
        builtIn("RECORD_NUMBER", "レコード番号"),
        builtIn("CREATOR", "作成者"),
        builtIn("CREATED_TIME", "作成日時"),
        builtIn("MODIFIER", "更新者"),
        builtIn("UPDATED_TIME", "更新日時"),
        builtIn("STATUS", "ステータス"),
      ].map((field) => [field.code, field]),
    ),
    layout: [],
    views: {},
    // kintone reports a new app's process settings as never set.
    process: { enable: false, states: null, actions: null },
    permissions: [
      { entity: { type: "CREATOR", code: null }, appEditable: true, recordViewable: true },
      { entity: { type: "GROUP", code: "everyone" }, recordViewable: true, recordEditable: true },
    ],
  };
}

/** What kintone does with the writes of a plan (enough of it to check that a plan converges). */
function applyPlan(state: CurrentAppState, plan: AppPlan): CurrentAppState {
  const properties = { ...state.properties };
  for (const [code, change] of Object.entries(plan.updateFields)) {
    const before = properties[code];
    delete properties[code];
    properties[change.code] = { ...before, ...change };
  }
  Object.assign(properties, plan.addFields);
  const views = plan.views
    ? Object.fromEntries(Object.entries(plan.views).map(([name, view]) => [name, { ...view }]))
    : state.views;
  const process = plan.process
    ? {
        enable: plan.process.enable,
        states: Object.fromEntries(
          Object.values(plan.process.states).map((s) => [s.name, { ...s }]),
        ),
        actions: plan.process.actions.map((a) => ({ ...a })),
      }
    : state.process;
  return {
    properties,
    layout: (plan.layout as CurrentAppState["layout"]) ?? state.layout,
    views,
    process,
    permissions:
      (plan.permissions as unknown as CurrentAppState["permissions"]) ?? state.permissions,
    reports: plan.reports ?? state.reports,
  };
}

describe("planApp", () => {
  const apps = programApps(refs);

  test.each(PROGRAM_APP_KEYS)("builds %s on a new app and then reports no change", (key) => {
    const desired = apps[key];
    const first = planApp(desired, newApp());
    expect(first.conflicts).toEqual([]);
    expect(first.changes.map((c) => c.kind)).toEqual(
      expect.arrayContaining(["addFields", "layout", "views"]),
    );
    const after = applyPlan(newApp(), first);
    expect(isEmptyPlan(planApp(desired, after))).toBe(true);
  });

  test("renames kintone's record number field to application_no instead of adding one", () => {
    const plan = planApp(apps.applications, newApp());
    expect(plan.updateFields["レコード番号"]).toEqual({
      type: "RECORD_NUMBER",
      code: "application_no",
      label: "受付番号",
    });
    expect(plan.addFields.application_no).toBeUndefined();
  });

  test("the fields stage leaves lookups, related records, layout, views and process for later stages", () => {
    const fieldsOnly = planApp(apps.applications, newApp(), "fields");
    expect(fieldsOnly.addFields.questionnaires).toBeUndefined();
    expect(fieldsOnly.addFields.company_name).toBeDefined();
    expect(fieldsOnly.layout).toBeUndefined();
    expect(fieldsOnly.process).toBeUndefined();
    const questionnaires = planApp(apps.questionnaires, newApp(), "fields");
    expect(questionnaires.addFields.application_no).toBeUndefined();
    expect(planApp(apps.questionnaires, newApp()).addFields.application_no).toMatchObject({
      lookup: { relatedApp: { app: "1" }, relatedKeyField: "application_no" },
    });
  });

  test("the process renames kintone's first state and carries the spec §3 guards", () => {
    // A new app reports states: null, so setup must first learn the name of the first state.
    const fresh = planApp(apps.applications, newApp());
    expect(fresh.process?.firstStateUnknown).toBe(true);
    const shown = {
      未処理: { name: "未処理", index: "0" },
      処理中: { name: "処理中", index: "1" },
      完了: { name: "完了", index: "2" },
    };
    const keyed = keyStates(Object.values(fresh.process?.states ?? {}), shown);
    expect(keyed["未処理"]?.name).toBe(STATES.applied);
    const plan = planApp(apps.applications, {
      ...newApp(),
      process: { enable: true, states: shown, actions: [] },
    });
    expect(plan.process?.firstStateUnknown).toBe(false);
    expect(plan.process?.states["未処理"]?.name).toBe(STATES.applied);
    expect(Object.keys(plan.process?.states ?? {})).toHaveLength(8);
    const winner = plan.process?.actions.find((a) => a.name === "当選登録");
    expect(winner).toMatchObject({ from: "申込受付", to: "当選" });
    expect(winner?.filterCond).toBe('lottery_result in ("当選")');
    const declines = plan.process?.actions.filter((a) => a.name === "辞退") ?? [];
    expect(declines.map((a) => a.from).sort()).toEqual(
      ["参加確定", "質問票回答済", "当選", "補欠"].sort(),
    );
    const cancels = plan.process?.actions.filter((a) => a.name === "取消") ?? [];
    expect(cancels.map((a) => [a.from, a.to])).toEqual(
      ["当選", "補欠", "参加確定", "質問票回答済"].map((from) => [from, "対象外"]),
    );
    const sendBack = plan.process?.actions.find((a) => a.name === "差し戻し");
    expect(sendBack).toMatchObject({ from: "対象外", to: "申込受付" });
  });

  test("the layout carries the plugin's blank space first", () => {
    const layout = planApp(apps.applications, newApp()).layout as Array<{ fields: unknown[] }>;
    expect(layout[0]?.fields[0]).toMatchObject({ type: "SPACER", elementId: FOLLOWUP_PANEL_SPACE });
  });

  test("a changed label is updated; an extra field, view and layout row of the user's are kept", () => {
    const desired = apps.lotteryLog;
    let state = applyPlan(newApp(), planApp(desired, newApp()));
    state.properties.run_id = { type: "SINGLE_LINE_TEXT", code: "run_id", label: "old label" };
    state.properties.memo = { type: "MULTI_LINE_TEXT", code: "memo", label: "メモ" };
    state.layout = [
      ...state.layout,
      { type: "ROW", fields: [{ type: "MULTI_LINE_TEXT", code: "memo" }] },
    ];
    state.views = {
      ...state.views,
      全件: { type: "LIST", name: "全件", index: "0", ...state.views["全件"], sort: "run_id desc" },
      自分用: { type: "LIST", name: "自分用", index: "1", id: "99", fields: [] },
    };
    const plan = planApp(desired, state);
    expect(Object.keys(plan.updateFields)).toEqual(["run_id"]);
    expect(plan.addFields).toEqual({});
    expect(plan.layout).toBeUndefined();
    expect(plan.changes.find((c) => c.kind === "views")?.items).toEqual(["全件"]);
    expect(plan.views?.["自分用"]).toEqual({
      type: "LIST",
      name: "自分用",
      index: "1",
      fields: [],
    });
    state = applyPlan(state, plan);
    expect(state.properties.memo).toBeDefined();
    expect(isEmptyPlan(planApp(desired, state))).toBe(true);
  });

  test("a label kintone hands back wrapped in HTML is the same label", () => {
    const desired = apps.questionnaires;
    const state = applyPlan(newApp(), planApp(desired, newApp()));
    state.layout = state.layout.map((row) => ({
      ...row,
      fields: row.fields?.map((element) =>
        element.type === "LABEL" ? { ...element, label: `<div>${element.label}</div>` } : element,
      ),
    }));
    expect(planApp(desired, state).layout).toBeUndefined();
  });

  test("a field of another type is a conflict, never a silent change", () => {
    const state = applyPlan(newApp(), planApp(apps.lotteryLog, newApp()));
    state.properties.sequence = { type: "SINGLE_LINE_TEXT", code: "sequence", label: "連番" };
    expect(planApp(apps.lotteryLog, state).conflicts).toEqual([
      "抽選記録: sequence (SINGLE_LINE_TEXT → NUMBER)",
    ]);
  });

  test("the lottery log app has every field of the vocabulary, sequence and run_id unique", () => {
    const codes = apps.lotteryLog.fields.map((f) => f.code);
    expect(codes).toEqual([...LOTTERY_LOG_FIELDS]);
    const byCode = Object.fromEntries(apps.lotteryLog.fields.map((f) => [f.code, f]));
    expect(byCode.sequence).toMatchObject({ type: "NUMBER", unique: true });
    expect(byCode.run_id).toMatchObject({ unique: true });
    expect(byCode.bundle).toMatchObject({ type: "FILE" });
  });
});

describe("matches", () => {
  test("compares numbers as kintone's strings and only the keys the definition sets", () => {
    expect(matches({ index: "0", minValue: "1" }, { index: 0, minValue: "1", extra: true })).toBe(
      true,
    );
    expect(matches({ unique: false }, {})).toBe(true);
    expect(matches({ unique: true }, {})).toBe(false);
  });
  test("options must be the same set", () => {
    const want = { options: { a: { label: "a", index: "0" } } };
    const have = { options: { a: { label: "a", index: "0" }, b: { label: "b", index: "1" } } };
    expect(matches(want, have)).toBe(false);
  });
});

describe("normalizeQuery", () => {
  test("ignores spacing and keyword case, not quoted values", () => {
    expect(normalizeQuery('a in ( "X" ,"y" )  AND b != ""')).toBe(
      normalizeQuery('a in ("X","y") and b != ""'),
    );
    expect(normalizeQuery('a in ("X")')).not.toBe(normalizeQuery('a in ("x")'));
  });
});

describe("withSecretariatGroup", () => {
  test("puts another group code in the permissions and every status assignee, nothing else", () => {
    const apps = withSecretariatGroup(programApps(refs), "jimukyoku");
    const codes = (entries: Array<{ entity: { type: string; code: string | null } }>) =>
      entries.filter((e) => e.entity.type === "GROUP").map((e) => e.entity.code);
    expect(codes(apps.lotteryLog.permissions ?? [])).toEqual(["Administrators", "jimukyoku"]);
    expect(codes(apps.applications.permissions ?? [])).toEqual([
      "Administrators",
      "jimukyoku",
      "everyone",
    ]);
    const assignees = (apps.applications.process?.states ?? []).flatMap((state) =>
      codes(state.assignee.entities as Array<{ entity: { type: string; code: string } }>),
    );
    expect(new Set(assignees)).toEqual(new Set(["jimukyoku"]));
    expect(apps.applications.process?.states[0]?.assignee.entities).toEqual([]);
  });
});
