/**
 * Query values kept in memory: for each app, every record id (in id order) with the values of
 * the fields queries have named so far. A query then filters and sorts 50,000 records in JS
 * without touching their JSON in SQLite. Filled lazily, one SQL scan per newly named field.
 *
 * Consistency with transactions: every write bumps a per-app version row in the SAME SQLite
 * transaction and applies its change here in lockstep. A rolled-back write reverts the SQL
 * version but not this cache, so the versions differ and the cache is rebuilt on next use.
 */
import type { SandboxDb } from "../db/database";
import { STRUCTURED_TYPES, type RecordValues } from "../query";
import { statement, type StoredFields } from "./store";

interface AppValues {
  version: number;
  /** id → values; insertion order is id order (ids only grow). */
  rows: Map<number, RecordValues>;
  /** Field code → how it is read, for the fields loaded so far. */
  loaded: Map<string, LoadSpec>;
}

/** A field's type, and for a subtable field its table (its values are that column's). */
export interface LoadSpec {
  type: string;
  table?: string;
}

function columnOf(rows: unknown, code: string): unknown[] {
  return Array.isArray(rows)
    ? rows.map((row: { value?: Record<string, { value?: unknown }> }) => row?.value?.[code]?.value)
    : [];
}

const cachesByDb = new WeakMap<SandboxDb, Map<number, AppValues>>();

function cachesOf(db: SandboxDb): Map<number, AppValues> {
  let caches = cachesByDb.get(db);
  if (!caches) {
    caches = new Map();
    cachesByDb.set(db, caches);
  }
  return caches;
}

export const VERSION_SCHEMA = `
CREATE TABLE IF NOT EXISTS record_versions (
  app_id INTEGER PRIMARY KEY,
  version INTEGER NOT NULL
);
`;

function currentVersion(db: SandboxDb, appId: number): number {
  const row = statement(db, "SELECT version FROM record_versions WHERE app_id = ?").get(appId) as
    { version: number } | undefined;
  return row?.version ?? 0;
}

/** Called by every record write, inside its transaction. `fields` null = deleted. */
export function noteWrite(
  db: SandboxDb,
  appId: number,
  id: number,
  fields: StoredFields | null,
): void {
  const { version } = statement(
    db,
    `INSERT INTO record_versions (app_id, version) VALUES (?, 1)
       ON CONFLICT(app_id) DO UPDATE SET version = version + 1 RETURNING version`,
  ).get(appId) as { version: number };
  const caches = cachesOf(db);
  const cache = caches.get(appId);
  if (!cache) return;
  if (cache.version !== version - 1) {
    caches.delete(appId);
    return;
  }
  cache.version = version;
  if (fields === null) {
    cache.rows.delete(id);
    return;
  }
  const values: RecordValues = { $id: id };
  for (const [code, spec] of cache.loaded) {
    values[code] = spec.table ? columnOf(fields[spec.table]?.value, code) : fields[code]?.value;
  }
  cache.rows.set(id, values);
}

/** The app's rows with at least `codes` loaded (code → field type). */
export function queryValues(
  db: SandboxDb,
  appId: number,
  codes: Map<string, LoadSpec>,
): Map<number, RecordValues> {
  const caches = cachesOf(db);
  const version = currentVersion(db, appId);
  let cache = caches.get(appId);
  if (!cache || cache.version !== version) {
    const rows = new Map<number, RecordValues>();
    for (const { id } of statement(
      db,
      "SELECT id FROM records WHERE app_id = ? ORDER BY id",
    ).iterate(appId) as Iterable<{
      id: number;
    }>) {
      rows.set(id, { $id: id });
    }
    cache = { version, rows, loaded: new Map() };
    caches.set(appId, cache);
  }
  for (const [code, spec] of codes) {
    if (cache.loaded.has(code)) continue;
    const parse = STRUCTURED_TYPES.has(spec.type) || spec.table !== undefined;
    const extract = statement(
      db,
      "SELECT id, json_extract(data, ?) AS value FROM records WHERE app_id = ?",
    );
    const path = `$."${spec.table ?? code}".value`;
    for (const { id, value } of extract.iterate(path, appId) as Iterable<{
      id: number;
      value: unknown;
    }>) {
      const row = cache.rows.get(id);
      if (!row) continue;
      const parsed = parse && typeof value === "string" ? JSON.parse(value) : value;
      row[code] = spec.table ? columnOf(parsed, code) : parsed;
    }
    cache.loaded.set(code, spec);
  }
  return cache.rows;
}
