/**
 * Record and field permissions (レコードのアクセス権, フィールドのアクセス権) as kintone documents
 * them: each list is in priority order, Everyone always comes last whatever its position, and a
 * user matched by no entity of a right gets nothing from it ("everyone" left out = not allowed).
 * A record matched by no record right falls back to the app's permissions; a field with no field
 * right is open to whoever may see the record. The sandbox also requires the app permission for
 * what a record right allows (the stricter reading).
 */
import { readSettings } from "../apps/store";
import type { SandboxDb } from "../db/database";
import { compileCondition } from "../query";
import { querySchema, type AppModel } from "../records/appModel";
import { valuesOf } from "../records/status";
import type { StoredRecord } from "../records/store";
import type { AuthContext } from "./authenticate";
import { hasAppRight } from "./permissions";

export interface AclEntity {
  type: string;
  code: string | null;
}

export interface RecordAclRight {
  filterCond?: string;
  entities: Array<{
    entity: AclEntity;
    viewable?: boolean;
    editable?: boolean;
    deletable?: boolean;
  }>;
}

export interface FieldAclRight {
  code: string;
  entities: Array<{ entity: AclEntity; accessibility: "READ" | "WRITE" | "NONE" }>;
}

export interface RecordRights {
  viewable: boolean;
  editable: boolean;
  deletable: boolean;
}

export interface FieldRight {
  viewable: boolean;
  editable: boolean;
}

/** Everyone last, the rest in the order given. */
export function inPriority<T extends { entity: AclEntity }>(entries: readonly T[]): T[] {
  const everyone = (e: T) => e.entity.type === "GROUP" && e.entity.code === "everyone";
  return [...entries.filter((e) => !everyone(e)), ...entries.filter(everyone)];
}

/** Whether an entity names the caller; FIELD_ENTITY looks at the record's user fields. */
export function entityNames(
  entity: AclEntity,
  auth: AuthContext,
  record?: StoredRecord,
  creator?: string,
): boolean {
  const code = entity.code ?? "";
  switch (entity.type) {
    case "USER":
      return auth.user.code === code;
    case "GROUP":
    case "ORGANIZATION":
      return auth.user.groups.includes(code);
    case "CREATOR":
      return creator !== undefined && auth.user.code === creator;
    case "FIELD_ENTITY": {
      const value = record?.fields[code]?.value;
      const users = (Array.isArray(value) ? value : [value]) as Array<{ code?: string } | null>;
      return users.some((user) => user?.code === auth.user.code);
    }
    default:
      return false;
  }
}

/** True when record and field permissions do not apply (API tokens, kintone administrators). */
function unrestricted(auth: AuthContext): boolean {
  return Boolean(auth.viaToken) || auth.user.isAdmin;
}

function recordAcl(db: SandboxDb, model: AppModel): RecordAclRight[] {
  return readSettings<RecordAclRight[]>(db, model.app.id, "live", "recordAcl");
}

function fieldAcl(db: SandboxDb, model: AppModel): FieldAclRight[] {
  return readSettings<FieldAclRight[]>(db, model.app.id, "live", "fieldAcl");
}

/** Whether the app has record permissions that could hide records from this caller. */
export function recordAclApplies(db: SandboxDb, auth: AuthContext, model: AppModel): boolean {
  return !unrestricted(auth) && recordAcl(db, model).length > 0;
}

/** What the caller may do with one record: the app's permissions narrowed by the record's. */
export function rightsOnRecord(
  db: SandboxDb,
  auth: AuthContext,
  model: AppModel,
  record: StoredRecord,
): RecordRights {
  const app = {
    viewable: hasAppRight(db, auth, model.app.id, "view"),
    editable: hasAppRight(db, auth, model.app.id, "edit"),
    deletable: hasAppRight(db, auth, model.app.id, "delete"),
  };
  if (unrestricted(auth)) return app;
  const context = { now: new Date(), timeZone: "Asia/Tokyo", loginUser: auth.user.code };
  for (const right of recordAcl(db, model)) {
    if (right.filterCond) {
      const holds = compileCondition(right.filterCond, querySchema(model), context);
      if (!holds(valuesOf(record))) continue;
    }
    const entry = inPriority(right.entities).find((e) => entityNames(e.entity, auth, record));
    return {
      viewable: app.viewable && Boolean(entry?.viewable),
      editable: app.editable && Boolean(entry?.viewable && entry.editable),
      deletable: app.deletable && Boolean(entry?.viewable && entry.deletable),
    };
  }
  return app;
}

/** The caller's right on each field that has field permissions (others: full access). */
export function rightsOnFields(
  db: SandboxDb,
  auth: AuthContext,
  model: AppModel,
  record?: StoredRecord,
): Map<string, FieldRight> {
  const rights = new Map<string, FieldRight>();
  if (unrestricted(auth)) return rights;
  for (const right of fieldAcl(db, model)) {
    const entry = inPriority(right.entities).find((e) => entityNames(e.entity, auth, record));
    const access = entry?.accessibility ?? "NONE";
    rights.set(right.code, { viewable: access !== "NONE", editable: access === "WRITE" });
  }
  return rights;
}
