import { randomBytes, scryptSync, timingSafeEqual } from "node:crypto";
import type { SandboxDb } from "../db/database";

export interface SandboxUser {
  id: number;
  code: string;
  name: string;
  email: string;
  language: "ja" | "en";
  /** kintone administrator (cybozu.com "Administrators"): may install plugins and manage every app. */
  isAdmin: boolean;
  groups: string[];
}

/** The synthetic user kintone records as author of API-token requests. */
export const TOKEN_USER: SandboxUser = {
  id: 0,
  code: "Administrator",
  name: "Administrator",
  email: "",
  language: "ja",
  isAdmin: false,
  groups: [],
};

/** Groups every sandbox user may belong to. `everyone` holds all users, as in kintone. */
export const DEMO_GROUPS = [
  { code: "Administrators", name: "Administrators" },
  { code: "everyone", name: "Everyone" },
  { code: "secretariat", name: "事務局" },
] as const;

/**
 * Demo users (sandbox only): each one's password is its own code. The administrator is also a
 * secretariat member: the one who runs the CLI (setup, draw, promotions) in the demo.
 */
export const DEMO_USERS = [
  {
    code: "admin",
    name: "管理者",
    language: "ja",
    isAdmin: true,
    groups: ["Administrators", "secretariat"],
  },
  { code: "staff1", name: "事務局 一郎", language: "ja", isAdmin: false, groups: ["secretariat"] },
  { code: "staff2", name: "事務局 二郎", language: "ja", isAdmin: false, groups: ["secretariat"] },
  { code: "viewer", name: "閲覧 花子", language: "ja", isAdmin: false, groups: [] },
  {
    code: "staff_en",
    name: "Secretariat Staff",
    language: "en",
    isAdmin: false,
    groups: ["secretariat"],
  },
] as const;

function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password, salt, 32, { N: 1024 });
  return `${salt.toString("hex")}:${hash.toString("hex")}`;
}

function passwordMatches(password: string, stored: string): boolean {
  const [saltHex, hashHex] = stored.split(":");
  if (!saltHex || !hashHex) return false;
  const expected = Buffer.from(hashHex, "hex");
  const actual = scryptSync(password, Buffer.from(saltHex, "hex"), expected.length, { N: 1024 });
  return timingSafeEqual(actual, expected);
}

/** Creates the demo users and groups once; a database that already has users is left alone. */
export function seedDemoUsers(db: SandboxDb): void {
  const insertGroup = db.prepare("INSERT OR IGNORE INTO groups (code, name) VALUES (?, ?)");
  for (const group of DEMO_GROUPS) insertGroup.run(group.code, group.name);
  const count = db.prepare("SELECT COUNT(*) AS n FROM users").get() as { n: number };
  if (count.n > 0) {
    // A data folder from before a demo user joined a group: the membership is added.
    const join = db.prepare(
      "INSERT OR IGNORE INTO group_members (group_code, user_code) SELECT ?, code FROM users WHERE code = ?",
    );
    for (const user of DEMO_USERS) for (const group of user.groups) join.run(group, user.code);
    return;
  }
  db.transaction(() => {
    for (const user of DEMO_USERS) {
      addUser(db, { ...user, password: user.code, groups: [...user.groups] });
    }
  })();
}

export function addUser(
  db: SandboxDb,
  user: {
    code: string;
    name: string;
    password: string;
    language?: string;
    isAdmin?: boolean;
    groups?: string[];
    email?: string;
  },
): void {
  db.prepare(
    "INSERT INTO users (code, name, email, password_hash, language, is_admin) VALUES (?, ?, ?, ?, ?, ?)",
  ).run(
    user.code,
    user.name,
    user.email ?? `${user.code}@sandbox.example`,
    hashPassword(user.password),
    user.language === "en" ? "en" : "ja",
    user.isAdmin ? 1 : 0,
  );
  const member = db.prepare(
    "INSERT OR IGNORE INTO group_members (group_code, user_code) VALUES (?, ?)",
  );
  for (const group of ["everyone", ...(user.groups ?? [])]) member.run(group, user.code);
}

interface UserRow {
  id: number;
  code: string;
  name: string;
  email: string;
  language: string;
  is_admin: number;
  password_hash: string;
}

function toUser(db: SandboxDb, row: UserRow): SandboxUser {
  const groups = db
    .prepare("SELECT group_code FROM group_members WHERE user_code = ? ORDER BY group_code")
    .pluck()
    .all(row.code) as string[];
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    email: row.email,
    language: row.language === "en" ? "en" : "ja",
    isAdmin: row.is_admin === 1,
    groups,
  };
}

export function findUser(db: SandboxDb, code: string): SandboxUser | undefined {
  const row = db.prepare("SELECT * FROM users WHERE code = ?").get(code) as UserRow | undefined;
  return row ? toUser(db, row) : undefined;
}

export function listUsers(db: SandboxDb): SandboxUser[] {
  const rows = db.prepare("SELECT * FROM users ORDER BY id").all() as UserRow[];
  return rows.map((row) => toUser(db, row));
}

/** The user with this code and password, or undefined. */
export function verifyPassword(
  db: SandboxDb,
  code: string,
  password: string,
): SandboxUser | undefined {
  const row = db.prepare("SELECT * FROM users WHERE code = ?").get(code) as UserRow | undefined;
  if (!row || !passwordMatches(password, row.password_hash)) return undefined;
  return toUser(db, row);
}

/** What `kintone.getLoginUser()` returns for this user. */
export function loginUserInfo(user: SandboxUser) {
  return {
    id: String(user.id),
    code: user.code,
    name: user.name,
    email: user.email,
    url: "",
    employeeNumber: "",
    phone: "",
    mobilePhone: "",
    extensionNumber: "",
    timezone: "Asia/Tokyo",
    isGuest: false,
    language: user.language,
  };
}
