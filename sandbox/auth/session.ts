import { randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { SandboxDb } from "../db/database";
import { type SandboxUser, findUser, verifyPassword } from "./users";

/** Browser sessions, as kintone's login form gives them: a cookie plus a per-session request token. */
export const SESSION_COOKIE = "sandbox_session";

export interface Session {
  id: string;
  user: SandboxUser;
  /** What `kintone.getRequestToken()` returns; required as `__REQUEST_TOKEN__` on writes. */
  requestToken: string;
}

export function createSession(db: SandboxDb, userCode: string): Session {
  const user = findUser(db, userCode);
  if (!user) throw new Error(`unknown user: ${userCode}`);
  const id = randomBytes(24).toString("base64url");
  const requestToken = randomBytes(24).toString("base64url");
  db.prepare(
    "INSERT INTO sessions (id, user_code, request_token, created_at) VALUES (?, ?, ?, ?)",
  ).run(id, user.code, requestToken, new Date().toISOString());
  return { id, user, requestToken };
}

/** Checks a login form's credentials and opens a session, or returns undefined. */
export function loginWithPassword(
  db: SandboxDb,
  userCode: string,
  password: string,
): Session | undefined {
  const user = verifyPassword(db, userCode, password);
  return user ? createSession(db, user.code) : undefined;
}

export function findSession(db: SandboxDb, sessionId: string): Session | undefined {
  const row = db
    .prepare("SELECT id, user_code, request_token FROM sessions WHERE id = ?")
    .get(sessionId) as { id: string; user_code: string; request_token: string } | undefined;
  if (!row) return undefined;
  const user = findUser(db, row.user_code);
  return user ? { id: row.id, user, requestToken: row.request_token } : undefined;
}

export function deleteSession(db: SandboxDb, sessionId: string): void {
  db.prepare("DELETE FROM sessions WHERE id = ?").run(sessionId);
}

/** The session named by the request's cookie, if it is valid. */
export function sessionOfRequest(db: SandboxDb, req: IncomingMessage): Session | undefined {
  const id = readCookie(req.headers.cookie, SESSION_COOKIE);
  return id ? findSession(db, id) : undefined;
}

export function verifyRequestToken(session: Session, token: unknown): boolean {
  if (typeof token !== "string") return false;
  const expected = Buffer.from(session.requestToken);
  const actual = Buffer.from(token);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** `Set-Cookie` value for a new session (HttpOnly, loopback only so not Secure). */
export function sessionCookie(session: Session): string {
  return `${SESSION_COOKIE}=${session.id}; Path=/; HttpOnly; SameSite=Lax`;
}

export function clearedSessionCookie(): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=");
  }
  return undefined;
}
