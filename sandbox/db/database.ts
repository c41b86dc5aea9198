import { chmodSync, existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";

export type SandboxDb = Database.Database;

/**
 * Opens the sandbox database: `:memory:` for tests, otherwise `<dataDir>/sandbox.sqlite`. The
 * folder is its owner's only (0700) and the database files too (0600): they hold password hashes,
 * sessions and every record.
 */
export function openDatabase(dataDir: string): SandboxDb {
  if (dataDir === ":memory:") return prepare(new Database(":memory:"));
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
  const file = join(dataDir, "sandbox.sqlite");
  // SQLite gives its -wal and -shm files the mode of the database file, so that is set first.
  const previous = process.umask(0o077);
  let db: SandboxDb;
  try {
    db = new Database(file);
    chmodSync(file, 0o600);
    db.pragma("journal_mode = WAL");
  } finally {
    process.umask(previous);
  }
  for (const extra of [`${file}-wal`, `${file}-shm`])
    if (existsSync(extra)) chmodSync(extra, 0o600);
  return prepare(db);
}

function prepare(db: SandboxDb): SandboxDb {
  db.pragma("foreign_keys = ON");
  db.exec(CORE_SCHEMA);
  const appColumns = db.prepare("PRAGMA table_info(apps)").all() as Array<{ name: string }>;
  if (!appColumns.some((column) => column.name === "guest_space_id")) {
    db.exec("ALTER TABLE apps ADD COLUMN guest_space_id INTEGER");
  }
  const sessionColumns = db.prepare("PRAGMA table_info(sessions)").all() as Array<{ name: string }>;
  if (!sessionColumns.some((column) => column.name === "last_used_at")) {
    db.exec("ALTER TABLE sessions ADD COLUMN last_used_at TEXT NOT NULL DEFAULT ''");
  }
  return db;
}

/** Tables of the infrastructure and app administration; records tables belong to the records area. */
const CORE_SCHEMA = `
CREATE TABLE IF NOT EXISTS users (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  email TEXT NOT NULL DEFAULT '',
  password_hash TEXT NOT NULL,
  language TEXT NOT NULL DEFAULT 'ja',
  is_admin INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS groups (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS group_members (
  group_code TEXT NOT NULL REFERENCES groups(code),
  user_code TEXT NOT NULL REFERENCES users(code),
  PRIMARY KEY (group_code, user_code)
);
CREATE TABLE IF NOT EXISTS sessions (
  id TEXT PRIMARY KEY,
  user_code TEXT NOT NULL REFERENCES users(code),
  request_token TEXT NOT NULL,
  created_at TEXT NOT NULL
);
-- Sessions are stored by the SHA-256 of their id (64 hex digits); older rows held the id itself.
DELETE FROM sessions WHERE length(id) != 64;
CREATE TABLE IF NOT EXISTS api_tokens (
  token TEXT PRIMARY KEY,
  app_id INTEGER NOT NULL,
  view INTEGER NOT NULL DEFAULT 1,
  "add" INTEGER NOT NULL DEFAULT 0,
  edit INTEGER NOT NULL DEFAULT 0,
  "delete" INTEGER NOT NULL DEFAULT 0,
  manage INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS apps (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  code TEXT NOT NULL DEFAULT '',
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  space_id INTEGER,
  thread_id INTEGER,
  creator TEXT NOT NULL,
  created_at TEXT NOT NULL,
  modifier TEXT NOT NULL,
  modified_at TEXT NOT NULL,
  preview_revision INTEGER NOT NULL DEFAULT 1,
  live_revision INTEGER NOT NULL DEFAULT 0,
  deployed INTEGER NOT NULL DEFAULT 0,
  deploy_status TEXT,
  deploy_polls INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS app_settings (
  app_id INTEGER NOT NULL REFERENCES apps(id),
  stage TEXT NOT NULL CHECK (stage IN ('preview', 'live')),
  kind TEXT NOT NULL,
  json TEXT NOT NULL,
  PRIMARY KEY (app_id, stage, kind)
);
CREATE TABLE IF NOT EXISTS files (
  file_key TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size INTEGER NOT NULL,
  data BLOB NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS plugins (
  id TEXT PRIMARY KEY,
  version TEXT NOT NULL,
  manifest_json TEXT NOT NULL,
  installed_at TEXT NOT NULL,
  installed_order INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS plugin_files (
  plugin_id TEXT NOT NULL REFERENCES plugins(id) ON DELETE CASCADE,
  path TEXT NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (plugin_id, path)
);
CREATE TABLE IF NOT EXISTS plugin_configs (
  app_id INTEGER NOT NULL,
  plugin_id TEXT NOT NULL,
  json TEXT NOT NULL,
  PRIMARY KEY (app_id, plugin_id)
);
`;
