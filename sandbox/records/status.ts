/**
 * Process management on records: where a new record starts, who its assignees are, and
 * running an action (`record/status`), with kintone's checks: process on (GAIA_ST02), the action
 * exists from the current state and its condition holds (GAIA_IL03), the caller is an assignee
 * when the record has any (CB_NO02; an API token acts as "Administrator", so only records
 * without assignees), and a chosen assignee when the next state needs one (GAIA_SA01).
 */
import type { AuthContext } from "../auth/authenticate";
import type { SandboxDb } from "../db/database";
import { errors } from "../http/errors";
import { compileCondition, type QueryContext, type RecordValues } from "../query";
import { querySchema, type AppModel, type StateSettings } from "./appModel";
import { recordErrors } from "./messages";
import { statement, type StoredFields, type StoredRecord } from "./store";
import { userEntry } from "./values";

type Entry = { code: string; name: string };

/** Sets the first state and its assignees on a new record (when process management is on). */
export function startProcess(db: SandboxDb, model: AppModel, fields: StoredFields): void {
  const first = model.states[0];
  if (!model.process.enable || !first) return;
  if (model.codes.status) fields[model.codes.status] = { type: "STATUS", value: first.name };
  if (model.codes.assignee) {
    fields[model.codes.assignee] = {
      type: "STATUS_ASSIGNEE",
      value: candidatesOf(db, model, first, fields),
    };
  }
}

export function currentState(model: AppModel, record: StoredRecord): string {
  const code = model.codes.status;
  const value = code ? record.fields[code]?.value : undefined;
  return typeof value === "string" && value !== "" ? value : (model.states[0]?.name ?? "");
}

export function currentAssignees(model: AppModel, record: StoredRecord): Entry[] {
  const code = model.codes.assignee;
  const value = code ? record.fields[code]?.value : undefined;
  return Array.isArray(value) ? (value as Entry[]) : [];
}

/** Users named by a state's assignee entities (users, group members, user fields, the creator). */
function candidatesOf(
  db: SandboxDb,
  model: AppModel,
  state: StateSettings,
  fields: StoredFields,
): Entry[] {
  const found = new Map<string, Entry>();
  const add = (code: string | undefined) => {
    const user = code ? userEntry(db, code) : undefined;
    if (user) found.set(user.code, user);
  };
  for (const { entity } of state.assignee?.entities ?? []) {
    switch (entity.type) {
      case "USER":
        add(entity.code ?? undefined);
        break;
      case "GROUP":
      case "ORGANIZATION":
        for (const row of db
          .prepare("SELECT user_code FROM group_members WHERE group_code = ?")
          .all(entity.code) as Array<{ user_code: string }>) {
          add(row.user_code);
        }
        break;
      case "CREATOR":
        add(creatorCode(model, fields));
        break;
      case "FIELD_ENTITY": {
        const value = entity.code ? fields[entity.code]?.value : undefined;
        const entries: unknown[] = Array.isArray(value) ? value : [value].filter(Boolean);
        for (const item of entries as Array<{ code?: string }>) add(item?.code);
        break;
      }
      default:
        break;
    }
  }
  return [...found.values()];
}

function creatorCode(model: AppModel, fields: StoredFields): string | undefined {
  const value = model.codes.creator ? fields[model.codes.creator]?.value : undefined;
  return (value as { code?: string } | undefined)?.code;
}

/** The REST shape of stored fields, for evaluating an action's condition. */
export function valuesOf(record: StoredRecord): RecordValues {
  const values: RecordValues = { $id: record.id };
  for (const [code, field] of Object.entries(record.fields)) values[code] = field.value;
  return values;
}

export interface ActionRequest {
  action: unknown;
  assignee: unknown;
}

/** Runs one action on `record` (mutating its fields); the caller saves with revision + 2. */
export function runAction(
  db: SandboxDb,
  model: AppModel,
  record: StoredRecord,
  request: ActionRequest,
  auth: AuthContext,
  context: QueryContext,
): void {
  if (!model.process.enable) throw recordErrors.processDisabled();
  const from = currentState(model, record);
  // The action is named in the caller's display language (API tokens: the default names).
  const lang = auth.viaToken ? undefined : auth.user.language;
  const action = (model.process.actions ?? []).find(
    (a) => a.from === from && ((lang && a.names?.[lang]) || a.name) === request.action,
  );
  if (!action) throw recordErrors.statusChangeFailed();

  const assignees = currentAssignees(model, record);
  if (assignees.length > 0 && !assignees.some((a) => a.code === auth.user.code))
    throw errors.noPrivilege();
  const executors = action.executableUser?.entities ?? [];
  if (executors.length > 0) {
    const allowed = candidatesOf(
      db,
      model,
      { name: "", index: 0, assignee: { type: "ANY", entities: executors } },
      record.fields,
    );
    if (!allowed.some((u) => u.code === auth.user.code)) throw errors.noPrivilege();
  }
  if (action.filterCond) {
    const holds = compileCondition(action.filterCond, querySchema(model), context);
    if (!holds(valuesOf(record))) throw recordErrors.statusChangeFailed();
  }

  const next = model.states.find((s) => s.name === action.to);
  if (!next) throw recordErrors.statusChangeFailed();
  const candidates = candidatesOf(db, model, next, record.fields);
  let nextAssignees = candidates;
  if ((next.assignee?.type ?? "ONE") === "ONE") {
    const chosen =
      typeof request.assignee === "string" && request.assignee !== ""
        ? request.assignee
        : undefined;
    if (chosen) {
      const user =
        candidates.find((c) => c.code === chosen) ??
        (candidates.length === 0 ? userEntry(db, chosen) : undefined);
      if (!user) throw recordErrors.assigneeRequired();
      nextAssignees = [user];
    } else if (candidates.length > 1) {
      throw recordErrors.assigneeRequired();
    }
  }
  if (model.codes.status) record.fields[model.codes.status] = { type: "STATUS", value: next.name };
  if (model.codes.assignee)
    record.fields[model.codes.assignee] = { type: "STATUS_ASSIGNEE", value: nextAssignees };
}

/** `record/assignees`: replaces the assignees of the current state. */
export function setAssignees(
  db: SandboxDb,
  model: AppModel,
  record: StoredRecord,
  codes: unknown,
): void {
  if (!model.process.enable) throw recordErrors.processDisabled();
  const list = Array.isArray(codes) ? codes : [];
  const users = list.map((code) => {
    const user = typeof code === "string" ? userEntry(db, code) : undefined;
    if (!user) {
      throw errors.validation({
        assignees: [
          {
            ja: `ユーザー（${String(code)}）が見つかりません。`,
            en: `The user (${String(code)}) is not found.`,
          },
        ],
      });
    }
    return user;
  });
  if (model.codes.assignee)
    record.fields[model.codes.assignee] = { type: "STATUS_ASSIGNEE", value: users };
}
