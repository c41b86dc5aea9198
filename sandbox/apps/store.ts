import type { SandboxDb } from "../db/database";
import { errors } from "../http/errors";
import { defaultSettings, type SettingsKind } from "./defaults";

/** `preview` is what the admin edits; `live` is what records and screens use after a deploy. */
export type Stage = "preview" | "live";

export interface AppRow {
  id: number;
  code: string;
  name: string;
  description: string;
  space_id: number | null;
  thread_id: number | null;
  /** The guest space the app lives in (its REST paths are /k/guest/<id>/v1/...), or null. */
  guest_space_id: number | null;
  creator: string;
  created_at: string;
  modifier: string;
  modified_at: string;
  preview_revision: number;
  live_revision: number;
  deployed: number;
  deploy_status: string | null;
  deploy_polls: number;
}

export const SETTINGS_KINDS: SettingsKind[] = [
  "settings",
  "fields",
  "layout",
  "views",
  "reports",
  "status",
  "plugins",
  "customize",
  "acl",
  "recordAcl",
  "fieldAcl",
];

/** Kinds added after apps may already have been stored: read as their default when missing. */
const LATER_KINDS = new Set<SettingsKind>(["recordAcl", "fieldAcl", "reports"]);

export function findApp(db: SandboxDb, appId: number): AppRow | undefined {
  return db.prepare("SELECT * FROM apps WHERE id = ?").get(appId) as AppRow | undefined;
}

/**
 * The app for a call on `stage`: a never-deployed app exists only in preview, as in kintone.
 * Unknown ids and ids that are not positive integers answer GAIA_AP01 / CB_VA01.
 */
export function requireApp(db: SandboxDb, appId: unknown, stage: Stage): AppRow {
  const id = Number(appId);
  if (!Number.isInteger(id) || id <= 0) {
    throw errors.validation({
      app: [{ ja: "必須です。", en: "Required field." }],
    });
  }
  const app = findApp(db, id);
  if (!app || (stage === "live" && !app.deployed)) throw errors.appNotFound(id);
  return app;
}

export function createApp(
  db: SandboxDb,
  input: {
    name: string;
    creator: string;
    spaceId?: number;
    threadId?: number;
    guestSpaceId?: number;
    lang: "ja" | "en";
  },
): AppRow {
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
  const info = db
    .prepare(
      `INSERT INTO apps (name, space_id, thread_id, guest_space_id, creator, created_at, modifier, modified_at, preview_revision)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 2)`,
    )
    .run(
      input.name,
      input.spaceId ?? input.guestSpaceId ?? null,
      input.threadId ?? null,
      input.guestSpaceId ?? null,
      input.creator,
      now,
      input.creator,
      now,
    );
  const appId = Number(info.lastInsertRowid);
  const insert = db.prepare(
    "INSERT INTO app_settings (app_id, stage, kind, json) VALUES (?, 'preview', ?, ?)",
  );
  for (const kind of SETTINGS_KINDS) {
    insert.run(appId, kind, JSON.stringify(defaultSettings(kind, input.name, input.lang)));
  }
  const app = findApp(db, appId);
  if (!app) throw new Error(`app ${appId} vanished while being created`);
  return app;
}

/** One kind of settings as stored (kintone's JSON shape without `revision`). */
export function readSettings<T>(db: SandboxDb, appId: number, stage: Stage, kind: SettingsKind): T {
  const row = db
    .prepare("SELECT json FROM app_settings WHERE app_id = ? AND stage = ? AND kind = ?")
    .get(appId, stage, kind) as { json: string } | undefined;
  if (!row && LATER_KINDS.has(kind) && findApp(db, appId))
    return defaultSettings(kind, "", "ja") as T;
  if (!row) throw errors.appNotFound(appId);
  return JSON.parse(row.json) as T;
}

export function revisionOf(app: AppRow, stage: Stage): string {
  return String(stage === "preview" ? app.preview_revision : app.live_revision);
}

/** Checks the caller's `revision` (absent or -1 skips the check), as kintone does for settings. */
export function checkRevision(app: AppRow, revision: unknown): void {
  if (revision === undefined || revision === null || revision === "") return;
  const wanted = Number(revision);
  if (wanted === -1) return;
  if (wanted !== app.preview_revision) throw errors.appRevisionConflict(app.id);
}

/** Replaces preview settings (one or more kinds) as ONE new app revision; returns it. */
export function writePreview(
  db: SandboxDb,
  app: AppRow,
  changes: Partial<Record<SettingsKind, unknown>>,
  modifier: string,
): string {
  // An upsert, so a kind added to the sandbox later (LATER_KINDS) is stored for older apps too.
  const update = db.prepare(
    `INSERT INTO app_settings (app_id, stage, kind, json) VALUES (?, 'preview', ?, ?)
     ON CONFLICT (app_id, stage, kind) DO UPDATE SET json = excluded.json`,
  );
  for (const [kind, value] of Object.entries(changes)) {
    update.run(app.id, kind, JSON.stringify(value));
  }
  const revision = app.preview_revision + 1;
  db.prepare(
    "UPDATE apps SET preview_revision = ?, modifier = ?, modified_at = ? WHERE id = ?",
  ).run(revision, modifier, new Date().toISOString().replace(/\.\d{3}Z$/, "Z"), app.id);
  app.preview_revision = revision;
  return String(revision);
}

/**
 * kintone serves an app of a guest space only under `/k/guest/<space>/v1/...` and every other app
 * only under `/k/v1/...`; a call on the other path is refused (the sandbox answers CB_NO02).
 */
export function assertSpacePath(db: SandboxDb, appIds: unknown[], guestSpaceId?: number): void {
  for (const raw of appIds) {
    const app = findApp(db, Number(raw));
    if (app && (app.guest_space_id ?? undefined) !== guestSpaceId) throw errors.noPrivilege();
  }
}
