/**
 * Gives the demo apps their plugin settings the way kintone does it: through the plugin's
 * settings page. kintone has no REST API for a plugin's settings (only
 * `kintone.plugin.app.setConfig` on the settings page), so this logs in as the administrator,
 * opens the settings page for its request token, and sends what setConfig sends there
 * (`PUT /k/v1/sandbox/plugin/config`, the sandbox's server side of setConfig). Then, as the
 * settings page does on save, the document goes into the lottery log as a 設定 entry.
 */
import { createClient, type KintoneTarget } from "../../src/adapters/connection";
import { createProgram } from "../../src/adapters/program";
import { appendSettingsEntry } from "../../src/adapters/settingsLog";
import {
  type PluginConfig,
  parsePluginConfig,
  serializePluginConfig,
} from "../../src/core/settings/pluginConfig";

interface SettingsPage {
  cookie: string;
  requestToken: string;
  stored: Record<string, string>;
}

async function openSettingsPage(
  baseUrl: string,
  login: { username: string; password: string },
  app: number,
  pluginId: string,
): Promise<SettingsPage> {
  const loggedIn = await fetch(`${baseUrl}/login`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ...login, redirect: "/" }).toString(),
    redirect: "manual",
  });
  const cookie = (loggedIn.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  if (cookie === "") throw new Error(`could not log in to ${baseUrl} as ${login.username}`);
  const page = await fetch(
    `${baseUrl}/k/admin/app/${app}/plugin/config?pluginId=${encodeURIComponent(pluginId)}`,
    { headers: { cookie } },
  );
  const html = await page.text();
  const json = /<script id="sandbox-bootstrap" type="application\/json">(.*?)<\/script>/s.exec(
    html,
  );
  const boot = JSON.parse(json?.[1] ?? "{}") as {
    requestToken?: string;
    pluginConfigs?: Record<string, Record<string, string>>;
  };
  if (!boot.requestToken) throw new Error(`no settings page for plugin ${pluginId} in app ${app}`);
  return { cookie, requestToken: boot.requestToken, stored: boot.pluginConfigs?.[pluginId] ?? {} };
}

/**
 * Saves `config` for the plugin in `app` unless the app already has settings (a restart keeps
 * what the administrator saved). Returns whether it saved.
 */
export async function configurePluginOnce(
  target: KintoneTarget & { auth: { username: string; password: string } },
  app: number,
  pluginId: string,
  config: PluginConfig,
): Promise<boolean> {
  const page = await openSettingsPage(target.baseUrl, target.auth, app, pluginId);
  if (Object.keys(page.stored).length > 0) return false;
  const parsed = parsePluginConfig(serializePluginConfig(config));
  if (!parsed.success) throw new Error("the demo settings do not validate");
  if (config.role === "applications" && config.apps.lotteryLog !== null) {
    const program = createProgram({
      client: createClient(target),
      config: parsed.config,
      lang: "ja",
      source: { kind: "plugin" },
      apps: { applications: app },
    });
    await appendSettingsEntry(program, parsed.config, "npm start（デモの初期設定）");
  }
  const saved = await fetch(`${target.baseUrl}/k/v1/sandbox/plugin/config.json`, {
    method: "PUT",
    headers: {
      cookie: page.cookie,
      "Content-Type": "application/json",
      "X-Requested-With": "XMLHttpRequest",
    },
    body: JSON.stringify({
      app,
      pluginId,
      config: serializePluginConfig(parsed.config),
      __REQUEST_TOKEN__: page.requestToken,
    }),
  });
  if (!saved.ok) throw new Error(`saving the plugin settings failed: ${await saved.text()}`);
  return true;
}
