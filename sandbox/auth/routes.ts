import { readBody } from "../http/body";
import { type Router, sendJson } from "../http/router";
import type { SandboxDb } from "../db/database";
import { createApiToken } from "./apiTokens";

/**
 * Test-only: kintone makes API tokens on an admin screen, so tests make them here.
 * `POST /__sandbox/api-tokens {app, permissions?: {view, add, edit, delete, manage}}` → `{token}`.
 */
export function registerTestAuthRoutes(router: Router, db: SandboxDb): void {
  router.page("POST", "/__sandbox/api-tokens", async (req, res) => {
    const { params } = await readBody(req);
    const appId = Number(params.app);
    if (!Number.isInteger(appId) || appId <= 0) {
      sendJson(res, 400, { message: "expected {app, permissions?}" });
      return;
    }
    const permissions =
      params.permissions && typeof params.permissions === "object"
        ? (params.permissions as Record<string, boolean>)
        : {};
    sendJson(res, 200, { token: createApiToken(db, appId, permissions) });
  });
}
