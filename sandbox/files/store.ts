import { randomUUID } from "node:crypto";
import type { SandboxDb } from "../db/database";

export interface StoredFile {
  fileKey: string;
  name: string;
  contentType: string;
  size: string;
}

export function saveFile(
  db: SandboxDb,
  file: { name: string; contentType: string; data: Buffer },
): string {
  const fileKey = randomUUID();
  db.prepare(
    "INSERT INTO files (file_key, name, content_type, size, data, created_at) VALUES (?, ?, ?, ?, ?, ?)",
  ).run(
    fileKey,
    file.name,
    file.contentType,
    file.data.length,
    file.data,
    new Date().toISOString(),
  );
  return fileKey;
}

/** A FILE field's value entry for a stored file: `{contentType, fileKey, name, size}` as kintone gives. */
export function describeFile(db: SandboxDb, fileKey: string): StoredFile | undefined {
  const row = db
    .prepare("SELECT file_key, name, content_type, size FROM files WHERE file_key = ?")
    .get(fileKey) as
    { file_key: string; name: string; content_type: string; size: number } | undefined;
  return row
    ? {
        fileKey: row.file_key,
        name: row.name,
        contentType: row.content_type,
        size: String(row.size),
      }
    : undefined;
}

export function readFile(
  db: SandboxDb,
  fileKey: string,
): { name: string; contentType: string; data: Buffer } | undefined {
  const row = db
    .prepare("SELECT name, content_type, data FROM files WHERE file_key = ?")
    .get(fileKey) as { name: string; content_type: string; data: Buffer } | undefined;
  return row ? { name: row.name, contentType: row.content_type, data: row.data } : undefined;
}
