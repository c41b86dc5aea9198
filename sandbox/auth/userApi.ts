import type { SandboxDb } from "../db/database";
import { errors } from "../http/errors";
import { listParam } from "../http/params";
import type { ApiRequest, Router } from "../http/router";
import { findUser, listUsers, type SandboxUser } from "./users";

/**
 * The part of cybozu.com's common User API that kintone customizations call (password or
 * session auth; kintone API tokens are refused): `/v1/users.json`, `/v1/groups.json`,
 * `/v1/user/groups.json?code=` and `/v1/group/users.json?code=`. `everyone` is implicit in
 * cybozu.com and is not listed as a group.
 */
export function registerUserApiRoutes(router: Router): void {
  router.api("GET", "cybozu/users", (req) => {
    refuseTokens(req);
    const { offset, size } = userPaging(req);
    const codes = listParam(req.params.codes);
    const ids = listParam(req.params.ids);
    const users = listUsers(req.db).filter(
      (u) => (!codes || codes.includes(u.code)) && (!ids || ids.includes(String(u.id))),
    );
    return { users: users.slice(offset, offset + size).map(userEntry) };
  });
  router.api("GET", "cybozu/groups", (req) => {
    refuseTokens(req);
    const { offset, size } = userPaging(req);
    const codes = listParam(req.params.codes);
    const groups = allGroups(req.db).filter((g) => !codes || codes.includes(g.code));
    return { groups: groups.slice(offset, offset + size) };
  });
  router.api("GET", "cybozu/user/groups", (req) => {
    refuseTokens(req);
    const user = findUser(req.db, String(req.params.code ?? ""));
    if (!user) throw userNotFound(String(req.params.code ?? ""));
    const groups = allGroups(req.db).filter((g) => user.groups.includes(g.code));
    return { groups };
  });
  router.api("GET", "cybozu/group/users", (req) => {
    refuseTokens(req);
    const code = String(req.params.code ?? "");
    if (!allGroups(req.db).some((g) => g.code === code)) throw groupNotFound(code);
    const { offset, size } = userPaging(req);
    const users = listUsers(req.db).filter((u) => u.groups.includes(code));
    return { users: users.slice(offset, offset + size).map(userEntry) };
  });
}

function refuseTokens(req: ApiRequest): void {
  if (req.auth.viaToken) throw errors.loginRequired();
}

function userPaging(req: ApiRequest): { offset: number; size: number } {
  const size = req.params.size === undefined ? 100 : Number(req.params.size);
  const offset = req.params.offset === undefined ? 0 : Number(req.params.offset);
  if (
    !Number.isInteger(size) ||
    size < 1 ||
    size > 100 ||
    !Number.isInteger(offset) ||
    offset < 0
  ) {
    throw errors.validation({
      size: [
        { ja: "sizeは1から100、offsetは0以上です。", en: "size is 1 to 100 and offset 0 or more." },
      ],
    });
  }
  return { offset, size };
}

function allGroups(
  db: SandboxDb,
): Array<{ id: string; code: string; name: string; description: string }> {
  const rows = db
    .prepare("SELECT rowid AS id, code, name FROM groups WHERE code != 'everyone' ORDER BY rowid")
    .all() as Array<{ id: number; code: string; name: string }>;
  return rows.map((row) => ({
    id: String(row.id),
    code: row.code,
    name: row.name,
    description: "",
  }));
}

function userEntry(user: SandboxUser) {
  return {
    id: String(user.id),
    code: user.code,
    name: user.name,
    email: user.email,
    valid: true,
    localName: "",
    localNameLocale: user.language,
    timezone: "Asia/Tokyo",
    locale: user.language,
    description: "",
    phone: "",
    mobilePhone: "",
    extensionNumber: "",
    url: "",
    employeeNumber: "",
    birthDate: null,
    joinDate: null,
    primaryOrganization: null,
    sortOrder: null,
    customItemValues: [],
  };
}

function userNotFound(code: string) {
  return errors.validation({
    code: [{ ja: `ユーザー（${code}）が見つかりません。`, en: `The user (${code}) is not found.` }],
  });
}

function groupNotFound(code: string) {
  return errors.validation({
    code: [
      { ja: `グループ（${code}）が見つかりません。`, en: `The group (${code}) is not found.` },
    ],
  });
}
