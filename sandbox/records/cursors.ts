/**
 * Record cursors (`records/cursor`): the matching ids are fixed when the cursor is made; each
 * GET hands out the next `size` records. At most 10 live cursors per sandbox, each valid for
 * 10 minutes; a cursor read to the end is deleted, as in kintone.
 */
import type { SandboxDb } from "../db/database";
import { recordErrors } from "./messages";

export const MAX_CURSORS = 10;
export const CURSOR_LIFETIME_MS = 10 * 60_000;

export interface Cursor {
  id: string;
  appId: number;
  /** Who made it: only they may read it. */
  owner: string;
  ids: number[];
  fields: string[] | undefined;
  size: number;
  position: number;
  expiresAt: number;
}

const cursorsByDb = new WeakMap<SandboxDb, Map<string, Cursor>>();

function cursorsOf(db: SandboxDb): Map<string, Cursor> {
  let cursors = cursorsByDb.get(db);
  if (!cursors) {
    cursors = new Map();
    cursorsByDb.set(db, cursors);
  }
  const now = Date.now();
  for (const [id, cursor] of cursors) if (cursor.expiresAt <= now) cursors.delete(id);
  return cursors;
}

export function openCursor(
  db: SandboxDb,
  cursor: Omit<Cursor, "id" | "position" | "expiresAt">,
): Cursor {
  const cursors = cursorsOf(db);
  if (cursors.size >= MAX_CURSORS) throw recordErrors.tooManyCursors();
  const made: Cursor = {
    ...cursor,
    id: crypto.randomUUID(),
    position: 0,
    expiresAt: Date.now() + CURSOR_LIFETIME_MS,
  };
  cursors.set(made.id, made);
  return made;
}

export function takeNextIds(
  db: SandboxDb,
  id: unknown,
  owner: string,
): { cursor: Cursor; ids: number[]; next: boolean } {
  const cursors = cursorsOf(db);
  const cursor = typeof id === "string" ? cursors.get(id) : undefined;
  if (!cursor || cursor.owner !== owner) throw recordErrors.cursorNotFound();
  const ids = cursor.ids.slice(cursor.position, cursor.position + cursor.size);
  cursor.position += ids.length;
  const next = cursor.position < cursor.ids.length;
  if (!next) cursors.delete(cursor.id);
  return { cursor, ids, next };
}

export function closeCursor(db: SandboxDb, id: unknown, owner: string): void {
  const cursors = cursorsOf(db);
  const cursor = typeof id === "string" ? cursors.get(id) : undefined;
  if (!cursor || cursor.owner !== owner) throw recordErrors.cursorNotFound();
  cursors.delete(cursor.id);
}
