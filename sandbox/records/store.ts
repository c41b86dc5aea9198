/**
 * Record storage: one row per record, its field values as kintone-shaped JSON
 * (`{code: {type, value}}`, without `$id`, `$revision` and the record number, which come from
 * the row). Ids count per app and are never reused, as in kintone.
 */
import type Database from "better-sqlite3";
import type { SandboxDb } from "../db/database";
import { noteWrite, VERSION_SCHEMA } from "./valueCache";

export type StoredFields = Record<string, { type: string; value: unknown }>;

export interface StoredRecord {
  id: number;
  revision: number;
  fields: StoredFields;
}

const RECORDS_SCHEMA = `
CREATE TABLE IF NOT EXISTS records (
  app_id INTEGER NOT NULL,
  id INTEGER NOT NULL,
  revision INTEGER NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (app_id, id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS record_ids (
  app_id INTEGER PRIMARY KEY,
  last_id INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS subtable_row_ids (
  only INTEGER PRIMARY KEY CHECK (only = 1),
  last_id INTEGER NOT NULL
);
`;

export function createRecordTables(db: SandboxDb): void {
  db.exec(RECORDS_SCHEMA);
  db.exec(VERSION_SCHEMA);
}

const cachedStatements = new WeakMap<SandboxDb, Map<string, Database.Statement>>();

/** A prepared statement, made once per database handle and SQL text. */
export function statement(db: SandboxDb, text: string): Database.Statement {
  let byText = cachedStatements.get(db);
  if (!byText) {
    byText = new Map();
    cachedStatements.set(db, byText);
  }
  let prepared = byText.get(text);
  if (!prepared) {
    prepared = db.prepare(text);
    byText.set(text, prepared);
  }
  return prepared;
}

/** Prepared statements, made once per database handle. */
const statements = new WeakMap<SandboxDb, ReturnType<typeof prepare>>();

function prepare(db: SandboxDb) {
  return {
    get: db.prepare("SELECT id, revision, data FROM records WHERE app_id = ? AND id = ?"),
    insert: db.prepare("INSERT INTO records (app_id, id, revision, data) VALUES (?, ?, ?, ?)"),
    update: db.prepare("UPDATE records SET revision = ?, data = ? WHERE app_id = ? AND id = ?"),
    remove: db.prepare("DELETE FROM records WHERE app_id = ? AND id = ?"),
    lastId: db.prepare("SELECT last_id FROM record_ids WHERE app_id = ?"),
    setLastId: db.prepare(
      "INSERT INTO record_ids (app_id, last_id) VALUES (?, ?) ON CONFLICT(app_id) DO UPDATE SET last_id = excluded.last_id",
    ),
    count: db.prepare("SELECT COUNT(*) AS n FROM records WHERE app_id = ?"),
  };
}

function sql(db: SandboxDb) {
  let prepared = statements.get(db);
  if (!prepared) {
    prepared = prepare(db);
    statements.set(db, prepared);
  }
  return prepared;
}

interface Row {
  id: number;
  revision: number;
  data: string;
}

function toRecord(row: Row): StoredRecord {
  return { id: row.id, revision: row.revision, fields: JSON.parse(row.data) as StoredFields };
}

export function findRecord(db: SandboxDb, appId: number, id: number): StoredRecord | undefined {
  const row = sql(db).get.get(appId, id) as Row | undefined;
  return row ? toRecord(row) : undefined;
}

export function insertRecord(db: SandboxDb, appId: number, fields: StoredFields): StoredRecord {
  const prepared = sql(db);
  const last = prepared.lastId.get(appId) as { last_id: number } | undefined;
  const id = (last?.last_id ?? 0) + 1;
  prepared.setLastId.run(appId, id);
  prepared.insert.run(appId, id, 1, JSON.stringify(fields));
  noteWrite(db, appId, id, fields);
  return { id, revision: 1, fields };
}

export function saveRecord(db: SandboxDb, appId: number, record: StoredRecord): void {
  sql(db).update.run(record.revision, JSON.stringify(record.fields), appId, record.id);
  noteWrite(db, appId, record.id, record.fields);
}

export function deleteRecord(db: SandboxDb, appId: number, id: number): void {
  sql(db).remove.run(appId, id);
  noteWrite(db, appId, id, null);
}

/** Subtable row ids: one sequence for the whole domain, as kintone's ids never repeat. */
export function nextRowId(db: SandboxDb): number {
  const row = statement(
    db,
    `INSERT INTO subtable_row_ids (only, last_id) VALUES (1, 1)
       ON CONFLICT(only) DO UPDATE SET last_id = last_id + 1 RETURNING last_id`,
  ).get() as { last_id: number };
  return row.last_id;
}

export function countRecords(db: SandboxDb, appId: number): number {
  return (sql(db).count.get(appId) as { n: number }).n;
}

/** JSON path of a field's value; field codes never hold `"`. */
export function valuePath(code: string): string {
  return `$."${code}".value`;
}

/**
 * Records whose field `code` holds exactly `value` (scalar fields), for unique checks,
 * `updateKey` and lookups. Scans the app once in SQLite.
 */
export function findRecordIdsByValue(
  db: SandboxDb,
  appId: number,
  code: string,
  values: string[],
): Array<{ id: number; value: string }> {
  if (values.length === 0) return [];
  const placeholders = values.map(() => "?").join(", ");
  return statement(
    db,
    `SELECT id, json_extract(data, ?) AS value FROM records WHERE app_id = ? AND json_extract(data, ?) IN (${placeholders})`,
  ).all(valuePath(code), appId, valuePath(code), ...values) as Array<{
    id: number;
    value: string;
  }>;
}
