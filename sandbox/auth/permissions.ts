import { readSettings, requireApp, type Stage } from "../apps/store";
import type { SandboxDb } from "../db/database";
import { errors } from "../http/errors";
import type { TokenPermissions } from "./apiTokens";
import type { AuthContext } from "./authenticate";
import { entityNames, inPriority } from "./recordRights";

export type RecordRight = "view" | "add" | "edit" | "delete";

interface AclEntry {
  entity: { type: string; code: string | null };
  appEditable: boolean;
  recordViewable: boolean;
  recordAddable: boolean;
  recordEditable: boolean;
  recordDeletable: boolean;
}

const ACL_FLAG: Record<RecordRight | "manage", keyof AclEntry> = {
  view: "recordViewable",
  add: "recordAddable",
  edit: "recordEditable",
  delete: "recordDeletable",
  manage: "appEditable",
};

/**
 * Whether the caller may do `right` in the app. API tokens need a token of that app carrying the
 * permission (no token of the app → GAIA_IA02, lacking permission → GAIA_NO01, like kintone);
 * users (CB_NO02 when refused) follow the app's live
 * permissions (first matching entry wins, Everyone last), kintone administrators may do everything.
 */
export function assertAppRight(
  db: SandboxDb,
  auth: AuthContext,
  appId: number,
  right: RecordRight | "manage",
  stage: Stage = "live",
): void {
  if (hasAppRight(db, auth, appId, right, stage)) return;
  throw auth.viaToken ? errors.apiTokenNotAllowed() : errors.noPrivilege();
}

export function hasAppRight(
  db: SandboxDb,
  auth: AuthContext,
  appId: number,
  right: RecordRight | "manage",
  stage: Stage = "live",
): boolean {
  if (auth.viaToken) {
    const grants = auth.viaToken.filter((grant) => grant.appId === appId);
    if (grants.length === 0) throw errors.apiTokenWrongApp(appId);
    return grants.some((grant) => grant.permissions[right as keyof TokenPermissions]);
  }
  if (auth.user.isAdmin) return true;
  const app = requireApp(db, appId, stage);
  const aclStage: Stage = app.deployed ? "live" : "preview";
  const acl = readSettings<AclEntry[]>(db, appId, aclStage, "acl");
  // kintone: the first matching entry decides, and Everyone always comes last.
  const entry = inPriority(acl).find((e) => entityNames(e.entity, auth, undefined, app.creator));
  return Boolean(entry?.[ACL_FLAG[right]]);
}

/** kintone administrators only, by password or session (API tokens are refused). */
export function assertKintoneAdmin(auth: AuthContext): void {
  if (auth.viaToken) throw errors.apiTokenNotAllowed();
  if (!auth.user.isAdmin) throw errors.noPrivilege();
}

/** Creating apps: any logged-in user (kintone's default "everyone may create apps"), never a token. */
export function assertUser(auth: AuthContext): void {
  if (auth.viaToken) throw errors.apiTokenNotAllowed();
}
