import type { SandboxDb } from "../db/database";
import { readBody } from "../http/body";
import { type Router, sendJson } from "../http/router";
import type { LocalizedNames, ProcessSettings } from "./process";
import { findApp, readSettings, writePreview } from "./store";

type NamesByDefault = Record<string, LocalizedNames>;

/**
 * Test-only: kintone sets names per display language ("言語ごとの名称") for statuses and actions on
 * its settings screen, not over REST, so tests set them here, in the preview settings (deploy
 * after). `POST /__sandbox/process-names {app, states?: {名前: {en, ja?, zh?}}, actions?: {...}}`.
 */
export function registerTestProcessNameRoutes(router: Router, db: SandboxDb): void {
  router.page("POST", "/__sandbox/process-names", async (req, res) => {
    const { params } = await readBody(req);
    const app = findApp(db, Number(params.app));
    if (!app) {
      sendJson(res, 400, { message: "expected {app, states?, actions?}" });
      return;
    }
    const process = readSettings<ProcessSettings>(db, app.id, "preview", "status");
    const states = (params.states ?? {}) as NamesByDefault;
    const actions = (params.actions ?? {}) as NamesByDefault;
    for (const state of Object.values(process.states)) {
      if (states[state.name]) state.names = { ...state.names, ...states[state.name] };
    }
    for (const action of process.actions) {
      if (actions[action.name]) action.names = { ...action.names, ...actions[action.name] };
    }
    const revision = writePreview(db, app, { status: process }, app.creator);
    sendJson(res, 200, { revision });
  });
}
