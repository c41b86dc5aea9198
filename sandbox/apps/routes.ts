import { assertAppRight, assertUser } from "../auth/permissions";
import { findUser } from "../auth/users";
import { errors } from "../http/errors";
import { listParam, pagingParams } from "../http/params";
import type { ApiRequest, Router } from "../http/router";
import { registerAppSettingsRoutes } from "./settingsRoutes";
import { registerDeployRoutes } from "./deploy";
import { registerFieldRoutes } from "./fieldRoutes";
import { type AppRow, createApp, requireApp } from "./store";

/** Apps: `app`, `apps`, `preview/app` and every settings endpoint of the apps area. */
export function registerAppRoutes(router: Router): void {
  router.api("GET", "app", (req) => {
    const app = requireApp(req.db, req.params.id, "live");
    assertAppRight(req.db, req.auth, app.id, "view");
    return appInfo(req, app);
  });
  router.api("GET", "apps", listApps);
  router.api("POST", "preview/app", (req) => {
    assertUser(req.auth);
    const name = req.params.name;
    if (typeof name !== "string" || name.trim() === "" || [...name].length > 64) {
      throw errors.validation({
        name: [
          {
            ja: "アプリ名は1文字以上64文字以下で指定してください。",
            en: "The app name must be between 1 and 64 characters.",
          },
        ],
      });
    }
    const app = createApp(req.db, {
      name,
      creator: req.auth.user.code,
      spaceId: req.params.space === undefined ? undefined : Number(req.params.space),
      threadId: req.params.thread === undefined ? undefined : Number(req.params.thread),
      guestSpaceId: req.guestSpaceId,
      lang: req.auth.user.language,
    });
    return { app: String(app.id), revision: String(app.preview_revision) };
  });
  registerDeployRoutes(router);
  registerAppSettingsRoutes(router);
  registerFieldRoutes(router);
}

function userRef(req: ApiRequest, code: string) {
  const user = findUser(req.db, code);
  return { code, name: user?.name ?? code };
}

function appInfo(req: ApiRequest, app: AppRow) {
  return {
    appId: String(app.id),
    code: app.code,
    name: app.name,
    description: app.description,
    spaceId: app.space_id === null ? null : String(app.space_id),
    threadId: app.thread_id === null ? null : String(app.thread_id),
    createdAt: app.created_at,
    creator: userRef(req, app.creator),
    modifiedAt: app.modified_at,
    modifier: userRef(req, app.modifier),
  };
}

/** `GET apps`: deployed apps the caller may view, filtered by ids/codes/name/spaceIds. */
function listApps(req: ApiRequest) {
  const { offset, limit } = pagingParams(req.params);
  const ids = listParam(req.params.ids)?.map(Number);
  const codes = listParam(req.params.codes);
  const spaceIds = listParam(req.params.spaceIds)?.map(Number);
  const name = typeof req.params.name === "string" ? req.params.name.toLowerCase() : undefined;
  const rows = req.db
    .prepare("SELECT * FROM apps WHERE deployed = 1 ORDER BY id")
    .all() as AppRow[];
  const visible = rows.filter(
    (app) =>
      (!ids || ids.includes(app.id)) &&
      (!codes || codes.includes(app.code)) &&
      (!spaceIds || (app.space_id !== null && spaceIds.includes(app.space_id))) &&
      (!name || app.name.toLowerCase().includes(name)) &&
      (app.guest_space_id ?? undefined) === req.guestSpaceId &&
      canView(req, app.id),
  );
  return { apps: visible.slice(offset, offset + limit).map((app) => appInfo(req, app)) };
}

function canView(req: ApiRequest, appId: number): boolean {
  if (req.auth.viaToken) return req.auth.viaToken.some((grant) => grant.appId === appId);
  try {
    assertAppRight(req.db, req.auth, appId, "view");
    return true;
  } catch {
    return false;
  }
}
