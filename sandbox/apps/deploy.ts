import { assertAppRight } from "../auth/permissions";
import type { SandboxDb } from "../db/database";
import { formulasInOrder } from "../calc/compute";
import { FormulaError } from "../calc/formula";
import { errors, KintoneError } from "../http/errors";
import type { FieldSchema } from "../query";
import type { ApiRequest, Router } from "../http/router";
import { carryStateRenames } from "./process";
import { type AppRow, checkRevision, findApp, readSettings, SETTINGS_KINDS } from "./store";

const MAX_APPS = 300;

/** kintone checks formulas when an app is deployed: GAIA_IL01 names the field and the reason. */
function checkFormulas(db: SandboxDb, app: AppRow): void {
  try {
    formulasInOrder(readSettings<FieldSchema>(db, app.id, "preview", "fields"));
  } catch (error) {
    if (error instanceof FormulaError) throw new KintoneError(400, "GAIA_IL01", error.reason);
    throw error;
  }
}

interface DeployTarget {
  app: AppRow;
}

/**
 * `POST preview/app/deploy {apps: [{app, revision?}], revert?}` applies preview settings to the
 * live app (or, with revert, throws the preview changes away); `GET preview/app/deploy {apps}`
 * reports PROCESSING on the first poll after a deploy, then SUCCESS, so clients exercise polling.
 */
export function registerDeployRoutes(router: Router): void {
  router.api("POST", "preview/app/deploy", (req) => {
    const entries = appList(req, "apps");
    const targets: DeployTarget[] = entries.map((entry, i) => {
      const source = entry as { app?: unknown; revision?: unknown };
      const app = findApp(req.db, Number(source?.app));
      if (!app) throw errors.appNotFound(String(source?.app ?? `apps[${i}]`));
      assertAppRight(req.db, req.auth, app.id, "manage", "preview");
      checkRevision(app, source.revision);
      return { app };
    });
    const revert = req.params.revert === true || req.params.revert === "true";
    if (!revert) targets.forEach(({ app }) => checkFormulas(req.db, app));
    for (const { app } of targets) {
      if (revert) revertPreview(req.db, app);
      else deployApp(req.db, app);
    }
    return {};
  });

  router.api("GET", "preview/app/deploy", (req) => {
    const ids = appList(req, "apps").map(Number);
    const apps = ids.map((id) => {
      const app = findApp(req.db, id);
      if (!app) throw errors.appNotFound(id);
      assertAppRight(req.db, req.auth, app.id, "manage", "preview");
      return { app: String(app.id), status: pollStatus(req.db, app) };
    });
    return { apps };
  });
}

function appList(req: ApiRequest, key: string): unknown[] {
  const value = req.params[key];
  let list: unknown[] | undefined;
  if (Array.isArray(value)) list = value;
  else if (value && typeof value === "object") list = Object.values(value);
  if (!list || list.length === 0 || list.length > MAX_APPS) {
    throw errors.validation({
      [key]: [
        {
          ja: `1件以上${MAX_APPS}件以下のアプリを指定してください。`,
          en: `Specify between 1 and ${MAX_APPS} apps.`,
        },
      ],
    });
  }
  return list;
}

/** Copies every preview setting to live; the live revision becomes the preview revision. */
export function deployApp(db: SandboxDb, app: AppRow): void {
  if (app.deployed) carryStateRenames(db, app.id);
  const copy = db.prepare(
    `INSERT INTO app_settings (app_id, stage, kind, json) VALUES (?, 'live', ?, ?)
     ON CONFLICT (app_id, stage, kind) DO UPDATE SET json = excluded.json`,
  );
  for (const kind of SETTINGS_KINDS) {
    copy.run(app.id, kind, JSON.stringify(readSettings(db, app.id, "preview", kind)));
  }
  const settings = readSettings<{ name: string; description: string }>(
    db,
    app.id,
    "preview",
    "settings",
  );
  db.prepare(
    `UPDATE apps SET live_revision = preview_revision, deployed = 1, name = ?, description = ?,
     deploy_status = 'PROCESSING', deploy_polls = 0 WHERE id = ?`,
  ).run(settings.name, settings.description, app.id);
}

/**
 * Discards preview changes: preview becomes the live settings again (nothing to do if never
 * deployed). Reported like a deploy: PROCESSING, then SUCCESS.
 */
function revertPreview(db: SandboxDb, app: AppRow): void {
  if (!app.deployed) {
    db.prepare("UPDATE apps SET deploy_status = 'PROCESSING', deploy_polls = 0 WHERE id = ?").run(
      app.id,
    );
    return;
  }
  const copy = db.prepare(
    "UPDATE app_settings SET json = ? WHERE app_id = ? AND stage = 'preview' AND kind = ?",
  );
  for (const kind of SETTINGS_KINDS) {
    copy.run(JSON.stringify(readSettings(db, app.id, "live", kind)), app.id, kind);
  }
  db.prepare(
    "UPDATE apps SET preview_revision = live_revision, deploy_status = 'PROCESSING', deploy_polls = 0 WHERE id = ?",
  ).run(app.id);
}

function pollStatus(db: SandboxDb, app: AppRow): string {
  const status = app.deploy_status ?? "SUCCESS";
  if (status !== "PROCESSING") return status;
  if (app.deploy_polls === 0) {
    db.prepare("UPDATE apps SET deploy_polls = 1 WHERE id = ?").run(app.id);
    return "PROCESSING";
  }
  db.prepare("UPDATE apps SET deploy_status = 'SUCCESS' WHERE id = ?").run(app.id);
  return "SUCCESS";
}
