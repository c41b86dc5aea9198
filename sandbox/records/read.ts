/**
 * Reading records: the REST shape of a stored record, and query execution. A query that orders
 * by `$id` alone (the default, and what getAllRecords uses) streams rows in id order and stops
 * at `offset + limit`; other orders scan the app once, extracting only the fields the query
 * names (json_extract in SQLite), then sort in JS and load just the page.
 */
import type { SandboxDb } from "../db/database";
import {
  compileQuery,
  STRUCTURED_TYPES,
  type CompiledQuery,
  type Query,
  type QueryContext,
  type RecordValues,
} from "../query";
import { querySchema, type AppModel } from "./appModel";
import { findRecord, type StoredRecord } from "./store";
import { placedFields } from "../calc/compute";
import { type LoadSpec, queryValues } from "./valueCache";

export type ApiRecord = Record<string, { type: string; value: unknown }>;

const NOT_RETURNED = new Set(["REFERENCE_TABLE", "LABEL", "SPACER", "HR", "GROUP"]);
const PROCESS_TYPES = new Set(["STATUS", "STATUS_ASSIGNEE"]);

/** A stored record as kintone returns it, optionally limited to `only` field codes. */
export function toApiRecord(model: AppModel, record: StoredRecord, only?: Set<string>): ApiRecord {
  const out: ApiRecord = {};
  const wanted = (code: string) => !only || only.has(code);
  for (const property of Object.values(model.fields)) {
    const { code, type } = property;
    if (NOT_RETURNED.has(type) || !wanted(code)) continue;
    if (PROCESS_TYPES.has(type) && !model.process.enable) continue;
    if (type === "CATEGORY" && !property.enabled) continue;
    if (type === "RECORD_NUMBER") {
      out[code] = { type, value: String(record.id) };
    } else if (type === "STATUS") {
      out[code] = { type, value: record.fields[code]?.value ?? model.states[0]?.name ?? "" };
    } else {
      const stored = record.fields[code];
      out[code] = { type, value: readValue(type, stored ? stored.value : emptyOf(type)) };
    }
  }
  if (wanted("$id")) out.$id = { type: "__ID__", value: String(record.id) };
  if (wanted("$revision")) out.$revision = { type: "__REVISION__", value: String(record.revision) };
  return out;
}

/** An unselected drop-down reads as `null` in kintone, never `""`. */
function readValue(type: string, value: unknown): unknown {
  return type === "DROP_DOWN" && (value === "" || value === undefined) ? null : value;
}

/** Removes the fields the caller may not see (field permissions NONE). */
export function withoutHiddenFields(
  record: ApiRecord,
  rights: ReadonlyMap<string, { viewable: boolean }>,
): ApiRecord {
  for (const [code, right] of rights) if (!right.viewable) delete record[code];
  return record;
}

function emptyOf(type: string): unknown {
  return STRUCTURED_TYPES.has(type) && type !== "CREATOR" && type !== "MODIFIER" ? [] : "";
}

export function compileForApp(
  model: AppModel,
  query: string | Query,
  context: QueryContext,
): CompiledQuery {
  return compileQuery(query, querySchema(model), context);
}

/** Whether the caller may see a record (record permissions); absent = every record. */
export type Visible = (id: number) => boolean;

/** Ids of every matching record in query order (limit/offset not applied). */
export function matchingIds(
  db: SandboxDb,
  model: AppModel,
  compiled: CompiledQuery,
  visible?: Visible,
): number[] {
  return collect(db, model, compiled, { all: true, visible }).ids;
}

/** One page of a query, and the count of all matches when asked. */
export function findPage(
  db: SandboxDb,
  model: AppModel,
  compiled: CompiledQuery,
  withTotal: boolean,
  visible?: Visible,
): { records: StoredRecord[]; totalCount: number | null } {
  const { ids, total } = collect(db, model, compiled, { all: false, withTotal, visible });
  const records = ids.flatMap((id) => findRecord(db, model.app.id, id) ?? []);
  return { records, totalCount: withTotal ? total : null };
}

function collect(
  db: SandboxDb,
  model: AppModel,
  compiled: CompiledQuery,
  options: { all: boolean; withTotal?: boolean; visible?: Visible },
): { ids: number[]; total: number } {
  const statusCode = model.codes.status;
  const placed = placedFields(model.fields);
  const codes = new Map(
    compiled.fieldCodes.map((code): [string, LoadSpec] => {
      const where = placed.get(code);
      return [code, { type: where?.property.type ?? "", table: where?.table }];
    }),
  );
  const rows = queryValues(db, model.app.id, codes);
  const firstState = model.states[0]?.name ?? "";
  const { min, max } = compiled.idRange;
  const { limit, offset } = compiled;
  const matches = (values: RecordValues): boolean => {
    const id = values.$id as number;
    if (id < min || id > max) return false;
    if (statusCode && codes.has(statusCode) && values[statusCode] == null) {
      values[statusCode] = firstState;
    }
    return compiled.test(values) && (!options.visible || options.visible(id));
  };
  const inIdOrder = () => {
    const all = [...rows.values()];
    return compiled.idOrder === "desc" ? all.reverse() : all;
  };

  if (compiled.idOrder && !options.withTotal) {
    const ids: number[] = [];
    let skipped = 0;
    for (const values of inIdOrder()) {
      if (!matches(values)) continue;
      if (!options.all && skipped < offset) {
        skipped++;
        continue;
      }
      ids.push(values.$id as number);
      if (!options.all && ids.length >= limit) break;
    }
    return { ids, total: ids.length };
  }

  let found = (compiled.idOrder ? inIdOrder() : [...rows.values()]).filter(matches);
  if (!compiled.idOrder) {
    found = found
      .map((values) => ({ values, key: compiled.orderKey(values) }))
      .sort((a, b) => compiled.compareKeys(a.key, b.key))
      .map(({ values }) => values);
  }
  const page = options.all ? found : found.slice(offset, offset + limit);
  return { ids: page.map((v) => v.$id as number), total: found.length };
}
