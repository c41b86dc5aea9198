import { assertKintoneAdmin } from "../auth/permissions";
import { registerSettingsEndpoint } from "../apps/settingsEndpoint";
import { readFile } from "../files/store";
import { errors, KintoneError } from "../http/errors";
import { listParam, pagingParams } from "../http/params";
import type { ApiRequest, Router } from "../http/router";
import { readPluginPackage } from "./package";
import {
  deletePlugin,
  findPlugin,
  type InstalledPlugin,
  listPlugins,
  pluginDescription,
  pluginName,
  savePlugin,
} from "./store";

/**
 * System plugins (`plugin` POST/PUT/DELETE, `plugins`, `plugins/required`, `plugin/apps`) and app
 * plugins (`app/plugins` GET, `preview/app/plugins` GET/POST).
 */
export function registerPluginRoutes(router: Router): void {
  router.api("POST", "plugin", (req) => installFromFile(req, undefined), { async: true });
  router.api(
    "PUT",
    "plugin",
    (req) => {
      const id = String(req.params.id ?? "");
      if (!findPlugin(req.db, id)) throw pluginNotFound(id);
      return installFromFile(req, id);
    },
    { async: true },
  );
  router.api("DELETE", "plugin", (req) => {
    assertKintoneAdmin(req.auth);
    const id = String(req.params.id ?? "");
    if (!findPlugin(req.db, id)) throw pluginNotFound(id);
    deletePlugin(req.db, id);
    return {};
  });
  router.api("GET", "plugins", (req) => {
    assertKintoneAdmin(req.auth);
    const { offset, limit } = pagingParams(req.params);
    const ids = listParam(req.params.ids);
    const plugins = listPlugins(req.db).filter((p) => !ids || ids.includes(p.id));
    return { plugins: plugins.slice(offset, offset + limit).map((p) => describe(p, req)) };
  });
  router.api("GET", "plugins/required", (req) => {
    assertKintoneAdmin(req.auth);
    const installed = new Set(listPlugins(req.db).map((p) => p.id));
    const apps = req.db
      .prepare("SELECT json FROM app_settings WHERE kind = 'plugins'")
      .pluck()
      .all() as string[];
    const missing = [...new Set(apps.flatMap((json) => JSON.parse(json) as string[]))].filter(
      (id) => !installed.has(id),
    );
    const { offset, limit } = pagingParams(req.params);
    return {
      plugins: missing
        .slice(offset, offset + limit)
        .map((id) => ({ id, name: id, description: "", isMarketPlugin: false, version: "" })),
    };
  });
  router.api("GET", "plugin/apps", (req) => {
    assertKintoneAdmin(req.auth);
    const id = String(req.params.id ?? "");
    if (!findPlugin(req.db, id)) throw pluginNotFound(id);
    const { offset, limit } = pagingParams(req.params);
    const rows = req.db
      .prepare(
        `SELECT apps.id, apps.name, app_settings.json FROM apps JOIN app_settings
         ON app_settings.app_id = apps.id AND app_settings.kind = 'plugins' AND app_settings.stage = 'live'
         ORDER BY apps.id`,
      )
      .all() as Array<{ id: number; name: string; json: string }>;
    const apps = rows
      .filter((row) => (JSON.parse(row.json) as string[]).includes(id))
      .map((row) => ({ id: String(row.id), name: row.name }));
    return { apps: apps.slice(offset, offset + limit) };
  });

  registerSettingsEndpoint<string[]>(router, {
    endpoint: "app/plugins",
    kind: "plugins",
    liveReadRight: "manage",
    writeMethod: "POST",
    present: (ids, req) => ({
      plugins: ids.map((id) => {
        const plugin = findPlugin(req.db, id);
        return { id, name: plugin ? pluginName(plugin, req.lang) : id, enabled: Boolean(plugin) };
      }),
    }),
    update: (req, current) => {
      const ids = listParam(req.params.ids);
      if (!ids || ids.length === 0) {
        throw errors.validation({ ids: [{ ja: "必須です。", en: "Required field." }] });
      }
      const unknown = ids.filter((id) => !findPlugin(req.db, id));
      if (unknown.length) {
        throw errors.validation({
          ids: unknown.map((id) => ({
            ja: `プラグイン（id: ${id}）が読み込まれていません。`,
            en: `The plugin (ID: ${id}) is not installed.`,
          })),
        });
      }
      return { value: [...current, ...ids.filter((id) => !current.includes(id))] };
    },
  });
}

async function installFromFile(req: ApiRequest, expectedId: string | undefined) {
  assertKintoneAdmin(req.auth);
  const fileKey = String(req.params.fileKey ?? "");
  const file = fileKey ? readFile(req.db, fileKey) : undefined;
  if (!file) {
    throw errors.validation({
      fileKey: [{ ja: "ファイルキーが正しくありません。", en: "The file key is invalid." }],
    });
  }
  const pkg = await readPluginPackage(file.data);
  if (expectedId !== undefined && pkg.id !== expectedId) {
    throw errors.validation({
      fileKey: [
        {
          ja: `プラグインIDが一致しません。ファイルのプラグインIDは${pkg.id}です。`,
          en: `The plugin ID does not match. The plugin ID of the file is ${pkg.id}.`,
        },
      ],
    });
  }
  return req.db.transaction(() => {
    if (expectedId === undefined && findPlugin(req.db, pkg.id)) {
      throw errors.validation({
        fileKey: [
          {
            ja: `プラグイン（id: ${pkg.id}）はすでに読み込まれています。更新してください。`,
            en: `The plugin (ID: ${pkg.id}) is already installed. Update it instead.`,
          },
        ],
      });
    }
    const plugin = savePlugin(req.db, pkg);
    return { id: plugin.id, version: plugin.version };
  })();
}

function describe(plugin: InstalledPlugin, req: ApiRequest) {
  return {
    id: plugin.id,
    name: pluginName(plugin, req.lang),
    description: pluginDescription(plugin, req.lang),
    isMarketPlugin: false,
    version: plugin.version,
  };
}

function pluginNotFound(id: string) {
  return new KintoneError(404, "GAIA_PL01", {
    ja: `指定したプラグイン（id: ${id}）が見つかりません。`,
    en: `The specified plugin (ID: ${id}) not found.`,
  });
}
