/**
 * The checks of `followup doctor` on one app, as kintone reports it: fields (or the plugin's field
 * map), process management and its assignees (spec v2 §3), and app permissions (spec v2 §3).
 * Pure: the adapter reads, these compare.
 */
import type { Localized } from "../../core/i18n";
import { fieldMapProblems, type FormFieldInfo } from "../../core/settings/fieldTypes";
import { APPLICATION_FIELD_LABELS, type ApplicationField } from "../../core/vocabulary";
import { type ProcessNames, TRANSITIONS } from "../../core/workflow/process";
import { normalizeQuery } from "../plan";
import type { ProgramAppKey } from "../model";
import { PROGRAM_APP_NAMES } from "../program";
import { type Finding, ok, problem } from "./finding";

export interface CheckedApp {
  key: ProgramAppKey;
  id: number;
}

/** "申込管理（アプリ 12）のフィールド" / "申込管理 (app 12): fields". */
export function about(app: CheckedApp, topic: Localized): Localized {
  const name = PROGRAM_APP_NAMES[app.key];
  return {
    ja: `${name}（アプリ ${app.id}）の${topic.ja}`,
    en: `${name} (app ${app.id}) ${topic.en}`,
  };
}

const FIELDS = { ja: "フィールド", en: "fields" };
const RUN_SETUP = { ja: "followup setup を実行してください", en: "run followup setup" };

/** The app's fields against the program's definition of them (same code, same type). */
export function checkFields(
  app: CheckedApp,
  expected: readonly FormFieldInfo[],
  actual: readonly FormFieldInfo[],
): Finding[] {
  const byCode = new Map(actual.map((field) => [field.code, field]));
  const findings: Finding[] = [];
  for (const field of expected) {
    const found = byCode.get(field.code);
    if (!found) {
      findings.push(
        problem(
          about(app, FIELDS),
          {
            ja: `「${field.label}」（${field.code}）がありません`,
            en: `"${field.label}" (${field.code}) is missing`,
          },
          RUN_SETUP,
        ),
      );
    } else if (found.type !== field.type) {
      findings.push(
        problem(
          about(app, FIELDS),
          {
            ja: `「${found.label}」（${field.code}）の種類が ${found.type} です（${field.type} のはず）`,
            en: `"${found.label}" (${field.code}) is a ${found.type}, not a ${field.type}`,
          },
          {
            ja: "そのフィールドを削除するかフィールドコードを変えてから followup setup を実行してください",
            en: "delete the field or change its code, then run followup setup",
          },
        ),
      );
    }
  }
  if (findings.length > 0) return findings;
  return [
    ok(about(app, FIELDS), {
      ja: `プログラムの ${expected.length} 項目がそろっています`,
      en: `all ${expected.length} of the program's fields are there`,
    }),
  ];
}

/** The applications app through the plugin's field map (an existing app may use its own codes). */
export function checkFieldMap(
  app: CheckedApp,
  fieldMap: Partial<Record<ApplicationField, string>>,
  actual: readonly FormFieldInfo[],
): Finding[] {
  const problems = fieldMapProblems(fieldMap, actual);
  if (problems.length === 0) {
    return [
      ok(about(app, { ja: "フィールドの対応付け", en: "field mapping" }), {
        ja: "プログラムのすべての項目が使える種類のフィールドに対応しています",
        en: "every field of the program maps to a field of a usable type",
      }),
    ];
  }
  return problems.map(({ path, message }) => {
    const logical = path.replace(/^fieldMap\./, "") as ApplicationField;
    const code = fieldMap[logical] ?? logical;
    const label = APPLICATION_FIELD_LABELS[logical] ?? { ja: logical, en: logical };
    return problem(
      about(app, { ja: "フィールドの対応付け", en: "field mapping" }),
      { ja: `${label.ja}（${code}）: ${message.ja}`, en: `${label.en} (${code}): ${message.en}` },
      {
        ja: "プラグインの設定画面でフィールドを選び直して保存するか、followup setup を実行してください",
        en: "choose the field again on the plugin's settings page and save, or run followup setup",
      },
    );
  });
}

/** Process management as `GET app/status` returns it (names in the default language). */
export interface CurrentProcess {
  enable: boolean;
  states: Record<string, { name: string; index: string; assignee?: unknown }> | null;
  actions: Array<{ name: string; from: string; to: string; filterCond?: string }> | null;
}

interface Assignee {
  type?: string;
  entities?: Array<{ entity?: { type?: string; code?: string | null } }>;
}

const PROCESS = { ja: "プロセス管理", en: "process management" };
const ASSIGNEES = { ja: "ステータスの作業者", en: "status assignees" };

function expectedActions(names: ProcessNames) {
  return TRANSITIONS.flatMap((transition) =>
    transition.from.map((from) => ({
      name: names.actions[transition.action],
      from: names.states[from],
      to: names.states[transition.to],
    })),
  );
}

/** An action as doctor names it and keys it: "名前（元 → 先）". */
export const actionKey = (action: { name: string; from: string; to: string }) =>
  `${action.name}（${action.from} → ${action.to}）`;

/**
 * States and actions of spec §3 (in the app's names), the action conditions when the app uses the
 * program's field codes (`conditions`, keyed like `actionKey`), and the assignees: every status has
 * the secretariat group (else anyone who may view a record can run its actions).
 */
export function checkProcess(
  app: CheckedApp,
  current: CurrentProcess,
  names: ProcessNames,
  options: { conditions?: ReadonlyMap<string, string>; secretariatGroup: string },
): Finding[] {
  if (!current.enable || !current.states) {
    return [
      problem(about(app, PROCESS), { ja: "有効になっていません", en: "is not enabled" }, RUN_SETUP),
    ];
  }
  const findings: Finding[] = [];
  const states = Object.values(current.states);
  const stateNames = new Set(states.map((state) => state.name));
  const missingStates = Object.values(names.states).filter((name) => !stateNames.has(name));
  const want = expectedActions(names);
  const wanted = new Set(want.map(actionKey));
  const have = current.actions ?? [];
  const haveKeys = new Set(have.map(actionKey));
  const missingActions = [...wanted].filter((key) => !haveKeys.has(key));
  const extraActions = have.filter((action) => !wanted.has(actionKey(action))).map(actionKey);
  const conditionDiffers = have
    .filter((action) => {
      const condition = options.conditions?.get(actionKey(action));
      return (
        condition !== undefined &&
        normalizeQuery(condition) !== normalizeQuery(action.filterCond ?? "")
      );
    })
    .map(actionKey);
  const report = (list: string[], ja: string, en: string) => {
    if (list.length > 0) {
      findings.push(
        problem(
          about(app, PROCESS),
          { ja: `${ja}: ${list.join("、")}`, en: `${en}: ${list.join(", ")}` },
          RUN_SETUP,
        ),
      );
    }
  };
  report(missingStates, "ステータスがありません", "missing statuses");
  report(missingActions, "アクションがありません", "missing actions");
  report(
    extraActions,
    "プログラムにないアクションがあります（審査や抽選を通らずにステータスが変わります）",
    "actions the program does not have (they change a status without its checks)",
  );
  report(
    conditionDiffers,
    "アクションの実行条件がプログラムと違います",
    "action conditions differ from the program's",
  );
  if (findings.length === 0) {
    findings.push(
      ok(about(app, PROCESS), {
        ja: `ステータス ${stateNames.size} 個とアクション ${have.length} 個が仕様どおりです`,
        en: `${stateNames.size} statuses and ${have.length} actions as specified`,
      }),
    );
  }
  findings.push(...checkAssignees(app, states, options.secretariatGroup));
  return findings;
}

function assigneeEntities(state: { assignee?: unknown }): Array<{ type: string; code: string }> {
  return ((state.assignee as Assignee | undefined)?.entities ?? []).map((each) => ({
    type: String(each.entity?.type ?? ""),
    code: String(each.entity?.code ?? ""),
  }));
}

/**
 * Every status but the first has the secretariat group as assignee. kintone lets the first status
 * have only the record's creator or nobody (its actions are held by their conditions instead).
 */
function checkAssignees(
  app: CheckedApp,
  states: Array<{ name: string; index: string; assignee?: unknown }>,
  group: string,
): Finding[] {
  const [first, ...rest] = [...states].sort((a, b) => Number(a.index) - Number(b.index));
  const fix = {
    ja: `プロセス管理で各ステータスの作業者に事務局のグループ（${group}）を設定してください（followup setup が設定します）`,
    en: `set the secretariat group (${group}) as the assignee of every status in process management (followup setup does)`,
  };
  const findings: Finding[] = [];
  const without = rest.filter((state) => assigneeEntities(state).length === 0).map((s) => s.name);
  if (without.length > 0) {
    findings.push(
      problem(
        about(app, ASSIGNEES),
        {
          ja: `作業者のいないステータス: ${without.join("、")}（レコードを閲覧できる人なら誰でもアクションを実行できます）`,
          en: `statuses without an assignee: ${without.join(", ")} (anyone who may view a record can run their actions)`,
        },
        fix,
      ),
    );
  }
  const others = rest.filter(
    (state) =>
      assigneeEntities(state).length > 0 &&
      !assigneeEntities(state).some((e) => e.type === "GROUP" && e.code === group),
  );
  if (others.length > 0) {
    findings.push(
      problem(
        about(app, ASSIGNEES),
        {
          ja: `事務局のグループ（${group}）が作業者でないステータス: ${others.map((s) => s.name).join("、")}`,
          en: `statuses whose assignee is not the secretariat group (${group}): ${others.map((s) => s.name).join(", ")}`,
        },
        fix,
      ),
    );
  }
  if (first && assigneeEntities(first).some((e) => e.type !== "CREATOR")) {
    findings.push(
      problem(
        about(app, ASSIGNEES),
        {
          ja: `先頭のステータス「${first.name}」の作業者は作成者か、なしのはずです`,
          en: `the first status "${first.name}" may have only the record's creator or nobody as assignee`,
        },
        fix,
      ),
    );
  }
  if (findings.length > 0) return findings;
  return [
    ok(about(app, ASSIGNEES), {
      ja: `先頭の「${first?.name ?? ""}」を除くすべてのステータスの作業者が事務局のグループ（${group}）です`,
      en: `every status but the first ("${first?.name ?? ""}") has the secretariat group (${group}) as its assignee`,
    }),
  ];
}
