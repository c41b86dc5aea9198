import { hasAppRight } from "../auth/permissions";
import type { SandboxDb } from "../db/database";
import { errors } from "../http/errors";
import type { ApiRequest, Router } from "../http/router";
import { setPluginConfig } from "../plugins/config";
import { listAppPlugins } from "../plugins/store";

/**
 * What kintone's JS API does on the server for plugins, as sandbox-only endpoints under
 * /k/v1/sandbox/… (session auth and request token checked by the router):
 * `kintone.plugin.app.setConfig`, `setProxyConfig` and `proxy`.
 */
export function registerPluginPageEndpoints(router: Router, db: SandboxDb): void {
  db.exec(`CREATE TABLE IF NOT EXISTS page_plugin_proxy_configs (
    app_id INTEGER NOT NULL,
    plugin_id TEXT NOT NULL,
    method TEXT NOT NULL,
    url TEXT NOT NULL,
    headers_json TEXT NOT NULL,
    data_json TEXT NOT NULL,
    PRIMARY KEY (app_id, plugin_id, method, url)
  )`);

  router.api("PUT", "sandbox/plugin/config", (req) => {
    const { appId, pluginId } = pluginOfApp(req, true);
    setPluginConfig(req.db, appId, pluginId, req.params.config as Record<string, unknown>);
    return {};
  });

  router.api("PUT", "sandbox/plugin/proxy/config", (req) => {
    const { appId, pluginId } = pluginOfApp(req, true);
    const method = String(req.params.method ?? "").toUpperCase();
    const url = String(req.params.url ?? "");
    if (!["GET", "POST", "PUT", "DELETE"].includes(method) || !/^https?:\/\//.test(url)) {
      throw errors.badRequest();
    }
    req.db
      .prepare(
        `INSERT INTO page_plugin_proxy_configs (app_id, plugin_id, method, url, headers_json, data_json)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (app_id, plugin_id, method, url) DO UPDATE
         SET headers_json = excluded.headers_json, data_json = excluded.data_json`,
      )
      .run(
        appId,
        pluginId,
        method,
        url,
        JSON.stringify(stringMap(req.params.headers)),
        JSON.stringify(stringMap(req.params.data)),
      );
    return {};
  });

  router.api("POST", "sandbox/plugin/proxy", (req) => proxyCall(req), { async: true });
}

function stringMap(value: unknown): Record<string, string> {
  if (!value || typeof value !== "object") return {};
  return Object.fromEntries(Object.entries(value).map(([key, each]) => [key, String(each)]));
}

function pluginOfApp(req: ApiRequest, manage: boolean): { appId: number; pluginId: string } {
  if (req.auth.via !== "session") throw errors.noPrivilege();
  const appId = Number(req.params.app);
  const pluginId = String(req.params.pluginId ?? "");
  if (!hasAppRight(req.db, req.auth, appId, manage ? "manage" : "view")) throw errors.noPrivilege();
  if (pluginId !== "" && !listAppPlugins(req.db, appId).some((plugin) => plugin.id === pluginId)) {
    throw errors.badRequest({
      ja: "このアプリに追加されていないプラグインです。",
      en: "The plug-in is not added to this app.",
    });
  }
  return { appId, pluginId };
}

/** Saved proxy settings of a plugin, keyed `METHOD url`, for `getProxyConfig` on the settings page. */
export function proxyConfigsOf(
  db: SandboxDb,
  appId: number,
  pluginId: string,
): Record<string, { headers: Record<string, string>; data: Record<string, string> }> {
  const rows = db
    .prepare(
      "SELECT method, url, headers_json, data_json FROM page_plugin_proxy_configs WHERE app_id = ? AND plugin_id = ?",
    )
    .all(appId, pluginId) as Array<{
    method: string;
    url: string;
    headers_json: string;
    data_json: string;
  }>;
  return Object.fromEntries(
    rows.map((row) => [
      `${row.method} ${row.url}`,
      { headers: JSON.parse(row.headers_json), data: JSON.parse(row.data_json) },
    ]),
  );
}

/** `kintone.plugin.app.proxy`: the saved settings whose URL prefixes the request's are merged in and win. */
async function proxyCall(req: ApiRequest) {
  const { appId, pluginId } = pluginOfApp(req, false);
  const method = String(req.params.method ?? "GET").toUpperCase();
  const url = String(req.params.url ?? "");
  if (!/^https?:\/\//.test(url)) throw errors.badRequest();
  const headers = stringMap(req.params.headers);
  let data: unknown = req.params.data ?? {};
  if (pluginId !== "") {
    const saved = Object.entries(proxyConfigsOf(req.db, appId, pluginId))
      .filter(
        ([key]) => key.startsWith(`${method} `) && url.startsWith(key.slice(method.length + 1)),
      )
      .sort(([a], [b]) => b.length - a.length)[0]?.[1];
    if (saved) {
      Object.assign(headers, saved.headers);
      if (typeof data === "object" && data !== null) data = { ...data, ...saved.data };
    }
  }
  const hasBody = method === "POST" || method === "PUT";
  const body = typeof data === "string" ? data : JSON.stringify(data);
  const response = await fetch(url, { method, headers, body: hasBody ? body : undefined });
  return {
    body: await response.text(),
    status: response.status,
    headers: Object.fromEntries(response.headers.entries()),
  };
}
