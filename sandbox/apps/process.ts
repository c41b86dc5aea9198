import { randomUUID } from "node:crypto";
import { findUser } from "../auth/users";
import type { SandboxDb } from "../db/database";
import { FieldErrorCollector } from "../http/errors";
import type { ApiRequest, Router } from "../http/router";
import { findRecord, findRecordIdsByValue, saveRecord } from "../records/store";
import { checkCondition } from "./conditions";
import type { FieldMap } from "./fields";
import { registerSettingsEndpoint } from "./settingsEndpoint";
import { readSettings, requireApp } from "./store";

export interface ProcessEntity {
  entity: { type: string; code: string | null };
  includeSubs?: boolean;
}

export interface ProcessState {
  /**
   * The sandbox's own identity of a state, never shown: it survives renames so that records
   * and actions follow a renamed state. States saved before it existed are known by their name.
   */
  id?: string;
  name: string;
  index: string;
  assignee: { type: "ONE" | "ALL" | "ANY"; entities: ProcessEntity[] };
  /** Names per display language, set on kintone's settings screen ("言語ごとの名称"). */
  names?: LocalizedNames;
}

export type NameLang = "ja" | "en" | "zh";
export type LocalizedNames = Partial<Record<NameLang, string>>;

export interface ProcessAction {
  name: string;
  from: string;
  to: string;
  filterCond: string;
  type: "PRIMARY" | "SECONDARY";
  executableUser?: { entities: ProcessEntity[] };
  names?: LocalizedNames;
}

export interface ProcessSettings {
  enable: boolean;
  /** A new app's default workflow, not yet saved: the GET reports `states: null`. */
  neverSaved?: boolean;
  states: Record<string, ProcessState>;
  actions: ProcessAction[];
}

/** The live process management of a deployed app (records use it for status changes). */
export function getDeployedProcess(db: SandboxDb, appId: number): ProcessSettings {
  requireApp(db, appId, "live");
  return readSettings<ProcessSettings>(db, appId, "live", "status");
}

/** The first state by index: where new records start when process management is on. */
export function initialState(process: ProcessSettings): ProcessState | undefined {
  return Object.values(process.states).sort((a, b) => Number(a.index) - Number(b.index))[0];
}

function stateId(state: ProcessState): string {
  return state.id ?? state.name;
}

/**
 * State renames between the live and the preview settings: live name → preview name of each
 * state that is kept under another name (what a deploy must carry over to the records).
 */
export function stateRenames(live: ProcessSettings, preview: ProcessSettings): Map<string, string> {
  const previewNames = new Map(Object.values(preview.states).map((s) => [stateId(s), s.name]));
  const renames = new Map<string, string>();
  for (const state of Object.values(live.states)) {
    const now = previewNames.get(stateId(state));
    if (now !== undefined && now !== state.name) renames.set(state.name, now);
  }
  return renames;
}

/**
 * On deploy: records in a state the preview renamed take its new name, as kintone keeps records
 * attached to a renamed state. Their revisions stay, as a settings change is no record edit.
 */
export function carryStateRenames(db: SandboxDb, appId: number): void {
  const renames = stateRenames(
    readSettings<ProcessSettings>(db, appId, "live", "status"),
    readSettings<ProcessSettings>(db, appId, "preview", "status"),
  );
  if (renames.size === 0) return;
  const fields = readSettings<FieldMap>(db, appId, "live", "fields");
  const statusCode = Object.values(fields).find((field) => field.type === "STATUS")?.code;
  if (!statusCode) return;
  for (const { id, value } of findRecordIdsByValue(db, appId, statusCode, [...renames.keys()])) {
    const record = findRecord(db, appId, id);
    const status = record?.fields[statusCode];
    if (!record || !status) continue;
    status.value = renames.get(value) ?? value;
    saveRecord(db, appId, record);
  }
}

/** A state's or action's name in a display language: its name for that language, else the default. */
export function nameIn(item: { name: string; names?: LocalizedNames }, lang?: NameLang): string {
  return (lang && item.names?.[lang]) || item.name;
}

/**
 * The language of the names a GET answers in (`lang`: ja/en/zh, `user` = the caller's display
 * language, `default` or omitted = the default names).
 */
function namesLang(req: ApiRequest): NameLang | undefined {
  const lang = req.params.lang;
  if (lang === "ja" || lang === "en" || lang === "zh") return lang;
  if (lang === "user" && !req.auth.viaToken) return req.auth.user.language;
  return undefined;
}

/** The settings as kintone shows them, in one language: without the sandbox's state ids. */
function shown(value: ProcessSettings, lang: NameLang | undefined) {
  const byName = new Map(Object.values(value.states).map((s) => [s.name, nameIn(s, lang)]));
  const ordered = Object.values(value.states).sort((a, b) => Number(a.index) - Number(b.index));
  const states = Object.fromEntries(
    ordered.map((state) => {
      const name = nameIn(state, lang);
      return [name, { name, index: state.index, assignee: state.assignee }];
    }),
  );
  const actions = value.actions.map(({ names: _names, ...action }) => ({
    ...action,
    name: nameIn({ name: action.name, names: _names }, lang),
    from: byName.get(action.from) ?? action.from,
    to: byName.get(action.to) ?? action.to,
  }));
  return { states, actions };
}

/**
 * `app/status` GET and `preview/app/status` GET/PUT. As in kintone: states given replace all
 * states (a state left out is deleted), actions given replace all actions, and every action
 * must go between existing states. A state is keyed by its current name; a `name` that differs
 * renames it (the only way to change the first state), and actions not given follow the rename.
 */
export function registerProcessRoutes(router: Router): void {
  registerSettingsEndpoint<ProcessSettings>(router, {
    endpoint: "app/status",
    kind: "status",
    present: (value, req) => {
      if (value.neverSaved) return { enable: value.enable, states: null, actions: null };
      return { enable: value.enable, ...shown(value, namesLang(req)) };
    },
    update: (req, current, app) => {
      const errorsOut = new FieldErrorCollector();
      const { neverSaved: _fresh, ...saved } = current;
      const next: ProcessSettings = { ...saved };
      if (req.params.enable !== undefined) {
        next.enable = req.params.enable === true || req.params.enable === "true";
      }
      const fields = readSettings<FieldMap>(req.db, app.id, "preview", "fields");
      if (req.params.states !== undefined) {
        next.states = checkStates(req.params.states, current.states, errorsOut, (entity) =>
          entityExists(req.db, fields, entity),
        );
        checkFirstState(current.states, next.states, errorsOut);
        checkDeletedStates(req.db, app.id, fields, current.states, next.states, errorsOut);
      }
      if (req.params.actions === undefined) {
        const renames = stateRenames(current, next);
        next.actions = next.actions.map((action) => ({
          ...action,
          from: renames.get(action.from) ?? action.from,
          to: renames.get(action.to) ?? action.to,
        }));
      }
      if (req.params.actions !== undefined) {
        next.actions = checkActions(req.params.actions, next.states, errorsOut).map((action) => {
          const before = current.actions.find((a) => a.name === action.name);
          return before?.names ? { ...action, names: before.names } : action;
        });
        next.actions.forEach((action, i) =>
          checkCondition(
            "filterCond",
            action.filterCond,
            fields,
            `actions[${i}].filterCond`,
            errorsOut,
            req.auth.user.code,
          ),
        );
      } else {
        next.actions.forEach((action, i) => checkEnds(action, i, next.states, errorsOut));
      }
      if (next.enable && Object.keys(next.states).length === 0) {
        errorsOut.add("states", {
          ja: "ステータスを1つ以上指定してください。",
          en: "Specify at least one status.",
        });
      }
      errorsOut.throwIfAny();
      return { value: next };
    },
  });
}

function checkStates(
  raw: unknown,
  current: Record<string, ProcessState>,
  errorsOut: FieldErrorCollector,
  knownEntity: (entity: ProcessEntity["entity"]) => boolean,
): Record<string, ProcessState> {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) {
    errorsOut.add("states", { ja: "必須です。", en: "Required field." });
    return {};
  }
  const states: Record<string, ProcessState> = {};
  const keyOfName = new Map<string, string>();
  for (const [key, value] of Object.entries(raw as Record<string, Record<string, unknown>>)) {
    const existing = current[key];
    const name = value?.name === undefined ? key : String(value.name);
    if (name.trim() === "" || [...name].length > 64) {
      errorsOut.add(`states.${key}.name`, {
        ja: "ステータス名は1文字以上64文字以下で指定してください。",
        en: "The status name must be 1 to 64 characters.",
      });
    } else if (!existing && name !== key) {
      errorsOut.add(`states.${key}.name`, {
        ja: `ステータス「${key}」はありません。新しいステータスの名前はキーと同じにしてください。`,
        en: `There is no status "${key}"; a new status must be named like its key.`,
      });
    } else if (keyOfName.has(name)) {
      errorsOut.add(`states.${key}.name`, {
        ja: `ステータス名「${name}」が重複しています。`,
        en: `The status name "${name}" is used twice.`,
      });
    }
    keyOfName.set(name, key);
    if (value?.index === undefined || !/^\d+$/.test(String(value.index))) {
      errorsOut.add(`states.${key}.index`, { ja: "必須です。", en: "Required field." });
    }
    const assignee = (value?.assignee ?? {}) as { type?: unknown; entities?: unknown };
    const type = ["ONE", "ALL", "ANY"].includes(String(assignee.type))
      ? (String(assignee.type) as "ONE" | "ALL" | "ANY")
      : "ONE";
    const entities = (
      Array.isArray(assignee.entities) ? (assignee.entities as ProcessEntity[]) : []
    ).map((entry) => ({
      entity: { type: String(entry?.entity?.type ?? ""), code: entry?.entity?.code ?? null },
      includeSubs:
        (entry?.includeSubs as unknown) === true || (entry?.includeSubs as unknown) === "true",
    }));
    entities.forEach((entry, i) => {
      if (!knownEntity(entry.entity)) {
        errorsOut.add(`states.${key}.assignee.entities[${i}].entity`, {
          ja: `作業者（${entry?.entity?.type ?? ""} ${entry?.entity?.code ?? ""}）が見つかりません。`,
          en: `The assignee (${entry?.entity?.type ?? ""} ${entry?.entity?.code ?? ""}) is not found.`,
        });
      }
    });
    // Stored under its (new) name, which actions and records use.
    states[name] = {
      id: existing ? stateId(existing) : randomUUID(),
      name,
      index: String(value?.index ?? ""),
      assignee: { type, entities },
      ...(existing?.names ? { names: existing.names } : {}),
    };
  }
  return states;
}

function firstOf(states: Record<string, ProcessState>): ProcessState | undefined {
  return Object.values(states).sort((a, b) => Number(a.index) - Number(b.index))[0];
}

/**
 * kintone: "先頭のステータスは新規に追加できません" — the first state stays the existing first one
 * (renamed at most). Its assignee can only be the record's creator or nobody ("作成者" or
 * "指定しない" on the settings screen), chosen as one user (type ONE).
 */
function checkFirstState(
  current: Record<string, ProcessState>,
  next: Record<string, ProcessState>,
  errorsOut: FieldErrorCollector,
): void {
  const was = firstOf(current);
  const now = firstOf(next);
  if (!now) return;
  const key = now.name;
  if (was && stateId(now) !== stateId(was)) {
    errorsOut.add(`states.${key}`, {
      ja: `先頭のステータスは新規に追加できません。既存の先頭のステータス「${was.name}」の名前を変更してください。`,
      en: `The first status cannot be added. Rename the existing first status "${was.name}" instead.`,
    });
  }
  const { type, entities } = now.assignee;
  if (type !== "ONE" || entities.some((e) => e.entity?.type !== "CREATOR")) {
    errorsOut.add(`states.${key}.assignee`, {
      ja: "先頭のステータスの作業者は、作成者か、指定しないかのどちらかです。",
      en: "The first status's assignee can only be the record's creator, or nobody.",
    });
  }
}

/**
 * kintone help ("プロセス管理の設定を変更する場合の注意"): only a status that no record is in can be
 * deleted.
 */
function checkDeletedStates(
  db: SandboxDb,
  appId: number,
  fields: FieldMap,
  current: Record<string, ProcessState>,
  next: Record<string, ProcessState>,
  errorsOut: FieldErrorCollector,
): void {
  const statusCode = Object.values(fields).find((field) => field.type === "STATUS")?.code;
  if (!statusCode) return;
  const kept = new Set(Object.values(next).map(stateId));
  const gone = Object.values(current).filter((state) => !kept.has(stateId(state)));
  for (const state of gone) {
    if (findRecordIdsByValue(db, appId, statusCode, [state.name]).length === 0) continue;
    errorsOut.add("states", {
      ja: `ステータス「${state.name}」のレコードがあるため、このステータスは削除できません。`,
      en: `The status "${state.name}" cannot be deleted: records are in it.`,
    });
  }
}

/** Users and groups must exist; a field entity must be a field of the app. */
function entityExists(
  db: SandboxDb,
  fields: FieldMap,
  entity: { type: string; code: string | null },
): boolean {
  const code = entity.code ?? "";
  switch (entity.type) {
    case "USER":
      return Boolean(findUser(db, code));
    case "GROUP":
      return Boolean(db.prepare("SELECT 1 FROM groups WHERE code = ?").get(code));
    case "FIELD_ENTITY":
      return Boolean(fields[code]);
    case "CREATOR":
    case "CUSTOM_FIELD":
      return true;
    default:
      return false;
  }
}

function checkActions(
  raw: unknown,
  states: Record<string, ProcessState>,
  errorsOut: FieldErrorCollector,
): ProcessAction[] {
  if (!Array.isArray(raw)) {
    errorsOut.add("actions", { ja: "配列を指定してください。", en: "Specify an array." });
    return [];
  }
  const names = new Set<string>();
  return raw.map((value: Record<string, unknown>, i) => {
    const action: ProcessAction = {
      name: String(value?.name ?? ""),
      from: String(value?.from ?? ""),
      to: String(value?.to ?? ""),
      filterCond: String(value?.filterCond ?? ""),
      type: value?.type === "SECONDARY" ? "SECONDARY" : "PRIMARY",
      ...(value?.executableUser
        ? { executableUser: value.executableUser as { entities: ProcessEntity[] } }
        : {}),
    };
    if (action.name.trim() === "" || [...action.name].length > 64) {
      errorsOut.add(`actions[${i}].name`, {
        ja: "アクション名は1文字以上64文字以下で指定してください。",
        en: "The action name must be 1 to 64 characters.",
      });
    }
    if (names.has(`${action.from}\u0000${action.name}`)) {
      errorsOut.add(`actions[${i}].name`, {
        ja: `同じステータスからのアクション名「${action.name}」が重複しています。`,
        en: `The action name "${action.name}" is used twice from the same status.`,
      });
    }
    names.add(`${action.from}\u0000${action.name}`);
    checkEnds(action, i, states, errorsOut);
    return action;
  });
}

function checkEnds(
  action: ProcessAction,
  i: number,
  states: Record<string, ProcessState>,
  errorsOut: FieldErrorCollector,
): void {
  for (const end of ["from", "to"] as const) {
    if (!states[action[end]]) {
      errorsOut.add(`actions[${i}].${end}`, {
        ja: `ステータス「${action[end]}」が見つかりません。`,
        en: `The status "${action[end]}" is not found.`,
      });
    }
  }
}
