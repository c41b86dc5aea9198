import { randomBytes } from "node:crypto";
import type { SandboxDb } from "../db/database";

/** What an app's API token may do, as on kintone's API token settings page. */
export interface TokenPermissions {
  view: boolean;
  add: boolean;
  edit: boolean;
  delete: boolean;
  manage: boolean;
}

export interface ApiTokenGrant {
  token: string;
  appId: number;
  permissions: TokenPermissions;
}

export function createApiToken(
  db: SandboxDb,
  appId: number,
  permissions: Partial<TokenPermissions> = {},
): string {
  const token = randomBytes(30).toString("base64url").slice(0, 40);
  const p = { view: true, add: false, edit: false, delete: false, manage: false, ...permissions };
  db.prepare(
    'INSERT INTO api_tokens (token, app_id, view, "add", edit, "delete", manage) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(token, appId, +p.view, +p.add, +p.edit, +p.delete, +p.manage);
  return token;
}

/** The grants behind the given tokens; undefined when any token is unknown. */
export function findApiTokens(db: SandboxDb, tokens: string[]): ApiTokenGrant[] | undefined {
  const query = db.prepare("SELECT * FROM api_tokens WHERE token = ?");
  const grants: ApiTokenGrant[] = [];
  for (const token of tokens) {
    const row = query.get(token) as Record<string, number | string> | undefined;
    if (!row) return undefined;
    grants.push({
      token,
      appId: Number(row.app_id),
      permissions: {
        view: row.view === 1,
        add: row.add === 1,
        edit: row.edit === 1,
        delete: row.delete === 1,
        manage: row.manage === 1,
      },
    });
  }
  return grants;
}
