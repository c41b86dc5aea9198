import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { SandboxDb } from "../db/database";
import { type SandboxUser, findUser, verifyPassword } from "./users";

/** Browser sessions, as kintone's login form gives them: a cookie plus a per-session request token. */
export const SESSION_COOKIE = "sandbox_session";

/**
 * How long a session lives. cybozu.com documents no fixed length for this (only that automatic
 * login is off unless an administrator allows it), so the sandbox takes a strict reading: the
 * cookie ends with the browser, and the server forgets a session after 2 hours unused or 12 hours
 * in all.
 */
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
export const SESSION_MAX_MS = 12 * 60 * 60 * 1000;

/** Session ids are stored only as their SHA-256, so the database never holds a usable cookie. */
function digest(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** The request token belongs to the session: derived from its id, so it need not be stored. */
function requestTokenOf(sessionId: string): string {
  return createHmac("sha256", sessionId).update("__REQUEST_TOKEN__").digest("base64url");
}

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
  const requestToken = requestTokenOf(id);
  const now = new Date().toISOString();
  db.prepare(
    "INSERT INTO sessions (id, user_code, request_token, created_at, last_used_at) VALUES (?, ?, ?, ?, ?)",
  ).run(digest(id), user.code, digest(requestToken), now, now);
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

/** The live session with this id; an expired one is deleted and not found. */
export function findSession(
  db: SandboxDb,
  sessionId: string,
  now: Date = new Date(),
): Session | undefined {
  const key = digest(sessionId);
  const row = db
    .prepare("SELECT user_code, created_at, last_used_at FROM sessions WHERE id = ?")
    .get(key) as { user_code: string; created_at: string; last_used_at: string } | undefined;
  if (!row) return undefined;
  const lastUsed = Date.parse(row.last_used_at || row.created_at);
  if (
    now.getTime() - lastUsed > SESSION_IDLE_MS ||
    now.getTime() - Date.parse(row.created_at) > SESSION_MAX_MS
  ) {
    db.prepare("DELETE FROM sessions WHERE id = ?").run(key);
    return undefined;
  }
  // Written at most once a minute, so reads stay reads.
  if (now.getTime() - lastUsed > 60_000) {
    db.prepare("UPDATE sessions SET last_used_at = ? WHERE id = ?").run(now.toISOString(), key);
  }
  const user = findUser(db, row.user_code);
  return user ? { id: sessionId, user, requestToken: requestTokenOf(sessionId) } : undefined;
}

export function deleteSession(db: SandboxDb, sessionId: string): void {
  db.prepare("DELETE FROM sessions WHERE id = ?").run(digest(sessionId));
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
