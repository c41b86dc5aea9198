/** What the records endpoints need to know about a deployed app: its fields and process settings. */
import { getDeployedFields } from "../apps/fields";
import { placedFields } from "../calc/compute";
import { getDeployedProcess } from "../apps/process";
import { requireApp, type AppRow } from "../apps/store";
import type { SandboxDb } from "../db/database";
import type { FieldProperty, FieldSchema } from "../query";

export interface StateSettings {
  name: string;
  index: string | number;
  assignee?: {
    type: "ONE" | "ALL" | "ANY";
    entities: Array<{ entity: { type: string; code: string | null }; includeSubs?: boolean }>;
  };
}

export interface ActionSettings {
  name: string;
  from: string;
  to: string;
  filterCond?: string;
  type?: string;
  executableUser?: { entities: Array<{ entity: { type: string; code: string | null } }> };
  names?: Partial<Record<"ja" | "en" | "zh", string>>;
}

export interface ProcessSettings {
  enable: boolean;
  states: Record<string, StateSettings> | null;
  actions: ActionSettings[] | null;
}

export interface AppModel {
  app: AppRow;
  fields: FieldSchema;
  process: ProcessSettings;
  /** Codes of the system fields, found by type (they differ with the creator's language). */
  codes: {
    recordNumber?: string;
    creator?: string;
    createdTime?: string;
    modifier?: string;
    updatedTime?: string;
    status?: string;
    assignee?: string;
    category?: string;
  };
  /** States in index order; the first is where new records start. */
  states: StateSettings[];
}

const SYSTEM_CODE_KEYS: Record<string, keyof AppModel["codes"]> = {
  RECORD_NUMBER: "recordNumber",
  CREATOR: "creator",
  CREATED_TIME: "createdTime",
  MODIFIER: "modifier",
  UPDATED_TIME: "updatedTime",
  STATUS: "status",
  STATUS_ASSIGNEE: "assignee",
  CATEGORY: "category",
};

/** The live (deployed) app; an app never deployed answers GAIA_AP01 like kintone. */
export function loadAppModel(db: SandboxDb, appId: unknown): AppModel {
  const app = requireApp(db, appId, "live");
  const fields = getDeployedFields(db, app.id) as unknown as FieldSchema;
  const process: ProcessSettings = getDeployedProcess(db, app.id);
  const codes: AppModel["codes"] = {};
  for (const property of Object.values(fields)) {
    const key = SYSTEM_CODE_KEYS[property.type];
    if (key) codes[key] = property.code;
  }
  const states = Object.values(process.states ?? {}).sort(
    (a, b) => Number(a.index) - Number(b.index),
  );
  return { app, fields, process, codes, states };
}

/** The schema queries see: STATUS knows whether process management is on and its state names. */
export function querySchema(model: AppModel): FieldSchema {
  const statusCode = model.codes.status;
  const withCells = withTableCells(model.fields);
  if (!statusCode) return withCells;
  const status = model.fields[statusCode] as FieldProperty;
  const options = Object.fromEntries(
    model.states.map((s) => [s.name, { label: s.name, index: s.index }]),
  );
  return {
    ...withCells,
    [statusCode]: { ...status, enabled: model.process.enable, options },
  };
}

/** Subtable fields are queried by their own codes; `subtable` names their table. */
function withTableCells(fields: FieldSchema): FieldSchema {
  const schema: FieldSchema = { ...fields };
  for (const [code, placed] of placedFields(fields)) {
    if (placed.table) schema[code] = { ...placed.property, subtable: placed.table };
  }
  return schema;
}
