import type { IncomingHttpHeaders } from "node:http";
import type { SandboxDb } from "../db/database";
import { errors } from "../http/errors";
import { type ApiTokenGrant, findApiTokens } from "./apiTokens";
import { type Session, findSession, readCookie, SESSION_COOKIE } from "./session";
import { findUser, type SandboxUser, TOKEN_USER, verifyPassword } from "./users";

/** Who is calling and how. API-token calls act as kintone's synthetic "Administrator". */
export interface AuthContext {
  user: SandboxUser;
  via: "password" | "session" | "apiToken";
  viaToken?: ApiTokenGrant[];
  session?: Session;
}

/**
 * Authenticates a REST request the way kintone does: password header, then API token, then session
 * cookie. A session write must carry the session's `__REQUEST_TOKEN__` (checked by the router).
 */
export function authenticate(db: SandboxDb, headers: IncomingHttpHeaders): AuthContext {
  const password = header(headers, "x-cybozu-authorization");
  if (password !== undefined) {
    const user = passwordUser(db, password);
    if (!user) throw errors.passwordFailed();
    return { user, via: "password" };
  }
  const tokenHeader = header(headers, "x-cybozu-api-token");
  if (tokenHeader !== undefined) {
    const tokens = tokenHeader
      .split(",")
      .map((t) => t.trim())
      .filter(Boolean);
    const grants = tokens.length ? findApiTokens(db, tokens) : undefined;
    if (!grants) throw errors.apiTokenMismatch();
    return { user: TOKEN_USER, via: "apiToken", viaToken: grants };
  }
  const sessionId = readCookie(headers.cookie, SESSION_COOKIE);
  const session = sessionId ? findSession(db, sessionId) : undefined;
  if (session) return { user: session.user, via: "session", session };
  throw errors.loginRequired();
}

/** Headers already checked, so each request does not pay for a password hash again. */
const verifiedHeaders = new WeakMap<SandboxDb, Map<string, string>>();

function passwordUser(db: SandboxDb, headerValue: string): SandboxUser | undefined {
  let verified = verifiedHeaders.get(db);
  if (!verified) {
    verified = new Map();
    verifiedHeaders.set(db, verified);
  }
  const known = verified.get(headerValue);
  if (known) return findUser(db, known);
  const decoded = Buffer.from(headerValue, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return undefined;
  const user = verifyPassword(db, decoded.slice(0, colon), decoded.slice(colon + 1));
  if (user) verified.set(headerValue, user.code);
  return user;
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}
