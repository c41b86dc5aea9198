import { assertAppRight } from "../auth/permissions";
import type { ApiRequest, Router } from "../http/router";
import type { SettingsKind } from "./defaults";
import { deployApp } from "./deploy";
import {
  type AppRow,
  checkRevision,
  readSettings,
  requireApp,
  revisionOf,
  type Stage,
  writePreview,
} from "./store";

export interface SettingsEndpoint<T> {
  /** e.g. "app/views": served live at app/views and in preview at preview/app/views. */
  endpoint: string;
  kind: SettingsKind;
  /** The GET body without `revision`. */
  present(value: T, req: ApiRequest, app: AppRow, stage: Stage): Record<string, unknown>;
  /** Validates the PUT/POST and returns the new stored value plus extra response fields. */
  update?(
    req: ApiRequest,
    current: T,
    app: AppRow,
  ): { value: T; response?: Record<string, unknown> };
  /** Right needed to read the live settings (preview reads and writes need "manage"). */
  liveReadRight?: "view" | "manage";
  /** Method of the write; kintone uses PUT for most settings. */
  writeMethod?: "PUT" | "POST";
  /**
   * Also served on the live path: kintone writes the preview and then deploys every preview
   * setting of the app, not only this one (the permissions APIs document this).
   */
  liveWriteDeploys?: boolean;
}

/** Registers GET (live + preview) and the preview write of one kind of app settings. */
export function registerSettingsEndpoint<T>(router: Router, spec: SettingsEndpoint<T>): void {
  const read = (stage: Stage) => (req: ApiRequest) => {
    const app = requireApp(req.db, req.params.app, stage);
    assertAppRight(
      req.db,
      req.auth,
      app.id,
      stage === "live" ? (spec.liveReadRight ?? "view") : "manage",
      stage,
    );
    const value = readSettings<T>(req.db, app.id, stage, spec.kind);
    return { ...spec.present(value, req, app, stage), revision: revisionOf(app, stage) };
  };
  router.api("GET", spec.endpoint, read("live"));
  router.api("GET", `preview/${spec.endpoint}`, read("preview"));
  const update = spec.update;
  if (!update) return;
  const write = (live: boolean) => (req: ApiRequest) => {
    const app = requireApp(req.db, req.params.app ?? req.params.id, "preview");
    assertAppRight(req.db, req.auth, app.id, "manage", "preview");
    checkRevision(app, req.params.revision);
    const current = readSettings<T>(req.db, app.id, "preview", spec.kind);
    const { value, response } = update(req, current, app);
    const revision = writePreview(req.db, app, { [spec.kind]: value }, req.auth.user.code);
    if (live) deployApp(req.db, app);
    return { ...response, revision };
  };
  router.api(spec.writeMethod ?? "PUT", `preview/${spec.endpoint}`, write(false));
  if (spec.liveWriteDeploys) router.api(spec.writeMethod ?? "PUT", spec.endpoint, write(true));
}
