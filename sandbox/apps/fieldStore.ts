import type { SandboxDb } from "../db/database";
import { readSettings, requireApp, type Stage } from "./store";

/** A field as kintone's form API returns it: `{type, code, label, ...}` with string-typed numbers. */
export type FieldProperty = Record<string, unknown> & { type: string; code: string; label: string };
export type FieldMap = Record<string, FieldProperty>;

interface ProcessEnable {
  enable: boolean;
}

/** The live fields of a deployed app (GAIA_AP01 when the app is unknown or never deployed). */
export function getDeployedFields(db: SandboxDb, appId: number): FieldMap {
  requireApp(db, appId, "live");
  return getFields(db, appId, "live");
}

/** Fields of one stage; STATUS/STATUS_ASSIGNEE report whether process management is on. */
export function getFields(db: SandboxDb, appId: number, stage: Stage): FieldMap {
  const fields = readSettings<FieldMap>(db, appId, stage, "fields");
  const process = readSettings<ProcessEnable>(db, appId, stage, "status");
  for (const field of Object.values(fields)) {
    if (field.type === "STATUS" || field.type === "STATUS_ASSIGNEE") field.enabled = process.enable;
  }
  return fields;
}
