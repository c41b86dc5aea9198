import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { hasAppRight } from "../auth/permissions";
import {
  clearedSessionCookie,
  deleteSession,
  loginWithPassword,
  readCookie,
  type Session,
  SESSION_COOKIE,
  sessionCookie,
  sessionOfRequest,
} from "../auth/session";
import { listUsers, loginUserInfo } from "../auth/users";
import { findApp } from "../apps/store";
import type { SandboxDb } from "../db/database";
import { readBody } from "../http/body";
import type { Router } from "../http/router";
import { getPluginConfig } from "../plugins/config";
import {
  getPluginFile,
  type InstalledPlugin,
  listAppPlugins,
  pluginDescription,
  pluginName,
} from "../plugins/store";
import { ensureWebBundle, WEB_BUNDLE, WEB_STYLESHEET } from "./bundle";
import { proxyConfigsOf, registerPluginPageEndpoints } from "./pluginEndpoints";
import { renderErrorPage } from "./errorPage";
import { renderShell } from "./shell";

type PageKind = "portal" | "index" | "show" | "create" | "config" | "plugins";

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, {
    "Content-Type": type,
    "Content-Length": String(Buffer.byteLength(body)),
    "Cache-Control": "no-store",
  });
  res.end(body);
}

function redirect(res: ServerResponse, location: string, cookie?: string): void {
  res.writeHead(302, { Location: location, ...(cookie ? { "Set-Cookie": cookie } : {}) });
  res.end();
}

/** Only same-site paths: an open redirect after login would be a phishing aid. */
function safeReturnPath(value: unknown): string {
  const path = typeof value === "string" ? value : "";
  return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\") ? path : "/k/";
}

function allowed(
  db: SandboxDb,
  session: Session,
  appId: number,
  right: "view" | "add" | "edit" | "delete" | "manage",
): boolean {
  try {
    return hasAppRight(db, { user: session.user, via: "session", session }, appId, right);
  } catch {
    return false;
  }
}

function notFound(res: ServerResponse): void {
  errorPage(res, 404, "ja");
}

function errorPage(res: ServerResponse, status: 403 | 404, lang: "ja" | "en"): void {
  send(res, status, "text/html; charset=utf-8", renderErrorPage(status, lang));
}

function pluginAssetUrl(pluginId: string, path: string): string {
  return /^https:\/\//.test(path)
    ? path
    : `/k/plugin-files/${pluginId}/${path.split("/").map(encodeURIComponent).join("/")}`;
}

/** The app's live plugins with their configs, for `getConfig`; undefined when the app does not exist. */
function appPlugins(db: SandboxDb, appId: number): InstalledPlugin[] | undefined {
  const app = findApp(db, appId);
  if (!app) return undefined;
  return listAppPlugins(db, appId, app.deployed ? "live" : "preview");
}

/**
 * The kintone screens of the sandbox (kintone's URLs), the login form, the browser bundle and the
 * installed plugins' files. Every page but /login needs a session.
 */
export function registerPageRoutes(router: Router, deps: { db: SandboxDb }): void {
  const { db } = deps;
  registerPluginPageEndpoints(router, db);

  router.page("GET", "/", (_req, res) => redirect(res, "/k/"));
  router.page("GET", "/login", (_req, res, { url }) => {
    const bootstrap = {
      page: "login",
      mobile: false,
      lang: /^en\b/i.test(String(_req.headers["accept-language"] ?? "")) ? "en" : "ja",
      pluginConfigs: {},
      users: [],
      redirect: safeReturnPath(url.searchParams.get("redirect")),
      loginFailed: url.searchParams.get("failed") === "1",
    };
    send(res, 200, "text/html; charset=utf-8", renderShell({ title: "kintone", bootstrap }));
  });
  router.page("POST", "/login", async (req, res) => {
    const { params } = await readBody(req);
    const back = safeReturnPath(params.redirect);
    const session = loginWithPassword(
      db,
      String(params.username ?? ""),
      String(params.password ?? ""),
    );
    if (!session) {
      redirect(res, `/login?failed=1&redirect=${encodeURIComponent(back)}`);
      return;
    }
    redirect(res, back, sessionCookie(session));
  });
  router.page("GET", "/logout", (req, res) => {
    const id = readCookie(req.headers.cookie, SESSION_COOKIE);
    if (id) deleteSession(db, id);
    redirect(res, "/login", clearedSessionCookie());
  });

  router.page("GET", "/sandbox-web/kintone.js", async (_req, res) => {
    await ensureWebBundle();
    send(res, 200, "text/javascript; charset=utf-8", readFileSync(WEB_BUNDLE));
  });
  router.page("GET", "/sandbox-web/kintone.css", (_req, res) => {
    send(res, 200, "text/css; charset=utf-8", readFileSync(WEB_STYLESHEET));
  });

  router.page("GET", /^\/k\/plugin-files\/([a-p]{32})\/(.+)$/, (req, res, { url }) => {
    if (!sessionOfRequest(db, req)) {
      send(res, 401, "text/plain; charset=utf-8", "login required");
      return;
    }
    const [, pluginId = "", rawPath = ""] =
      /^\/k\/plugin-files\/([a-p]{32})\/(.+)$/.exec(url.pathname) ?? [];
    const path = rawPath.split("/").map(decodeURIComponent).join("/");
    const file = getPluginFile(db, pluginId, path);
    if (!file) {
      notFound(res);
      return;
    }
    if (path.endsWith(".js")) {
      // As kintone does, each plugin script runs with kintone.$PLUGIN_ID set to its plugin's id
      // (prepended on the same line so that line numbers stay those of the file).
      const wrapped = Buffer.concat([
        Buffer.from(`kintone.$PLUGIN_ID=${JSON.stringify(pluginId)};`),
        file,
      ]);
      send(res, 200, "text/javascript; charset=utf-8", wrapped);
      return;
    }
    send(res, 200, contentType(path), file);
  });

  const page = (path: string, kind: PageKind, mobile: boolean) =>
    router.page("GET", path, (req, res, match) => appPage(req, res, match, kind, mobile));
  page("/k/", "portal", false);
  page("/k/m/", "portal", true);
  page("/k/m/:app/", "index", true);
  page("/k/m/:app/show", "show", true);
  page("/k/m/:app/edit", "create", true);
  page("/k/admin/app/:app/plugin/", "plugins", false);
  page("/k/admin/app/:app/plugin/config", "config", false);
  router.page("GET", "/k/admin/app/flow", (_req, res, { url }) =>
    redirect(res, `/k/admin/app/${Number(url.searchParams.get("app")) || 0}/plugin/`),
  );
  page("/k/:app/", "index", false);
  page("/k/:app/show", "show", false);
  page("/k/:app/edit", "create", false);
  // Apps of a guest space live under the space's path, as on kintone.
  page("/k/guest/:space/:app/", "index", false);
  page("/k/guest/:space/:app/show", "show", false);
  page("/k/guest/:space/:app/edit", "create", false);
  page("/k/m/guest/:space/:app/", "index", true);
  page("/k/m/guest/:space/:app/show", "show", true);
  page("/k/m/guest/:space/:app/edit", "create", true);

  function appPage(
    req: IncomingMessage,
    res: ServerResponse,
    match: { params: Record<string, string>; url: URL },
    kind: PageKind,
    mobile: boolean,
  ): void {
    const session = sessionOfRequest(db, req);
    if (!session) {
      redirect(res, `/login?redirect=${encodeURIComponent(match.url.pathname + match.url.search)}`);
      return;
    }
    if (kind === "portal") {
      send(
        res,
        200,
        "text/html; charset=utf-8",
        renderShell({ title: "kintone", mobile, bootstrap: baseBootstrap(session, kind, mobile) }),
      );
      return;
    }
    const appId = Number(match.params.app);
    const plugins = Number.isInteger(appId) && appId > 0 ? appPlugins(db, appId) : undefined;
    const guestSpaceId = match.params.space === undefined ? undefined : Number(match.params.space);
    // A guest space's app answers only under its space's path, and other apps only outside one.
    const inPlace = (findApp(db, appId)?.guest_space_id ?? undefined) === guestSpaceId;
    if (!plugins || !inPlace || !allowed(db, session, appId, "view")) {
      errorPage(res, 404, session.user.language);
      return;
    }
    const bootstrap = {
      ...baseBootstrap(session, kind, mobile),
      appId,
      guestSpaceId,
      // What the user may do in the app, so the screens offer only that (kintone hides the rest).
      rights: {
        add: allowed(db, session, appId, "add"),
        edit: allowed(db, session, appId, "edit"),
        delete: allowed(db, session, appId, "delete"),
        manage: allowed(db, session, appId, "manage"),
      },
      recordId: match.url.searchParams.get("record") ?? undefined,
      pluginConfigs: Object.fromEntries(
        plugins.map((plugin) => [plugin.id, getPluginConfig(db, appId, plugin.id)]),
      ),
      plugins: plugins.map((plugin) => ({
        id: plugin.id,
        name: pluginName(plugin, session.user.language),
        description: pluginDescription(plugin, session.user.language),
        hasConfig: Boolean(plugin.manifest.config?.html),
        configured: (plugin.manifest.config?.required_params ?? []).every(
          (key) => (getPluginConfig(db, appId, plugin.id)[key] ?? "") !== "",
        ),
      })),
    };
    if (kind === "plugins" || kind === "config") {
      if (!allowed(db, session, appId, "manage")) {
        errorPage(res, 403, session.user.language);
        return;
      }
    }
    if (kind === "plugins") {
      send(res, 200, "text/html; charset=utf-8", renderShell({ title: "kintone", bootstrap }));
      return;
    }
    if (kind === "config") {
      const pluginId = match.url.searchParams.get("pluginId") ?? "";
      const plugin = plugins.find((each) => each.id === pluginId);
      const html = plugin?.manifest.config?.html
        ? getPluginFile(db, pluginId, plugin.manifest.config.html)
        : undefined;
      if (!plugin || !html) {
        notFound(res);
        return;
      }
      const section = plugin.manifest.config ?? {};
      send(
        res,
        200,
        "text/html; charset=utf-8",
        renderShell({
          title: pluginName(plugin, session.user.language),
          bootstrap: { ...bootstrap, pluginId, proxyConfigs: proxyConfigsOf(db, appId, pluginId) },
          stylesheets: (section.css ?? []).map((path) => pluginAssetUrl(pluginId, path)),
          scripts: (section.js ?? []).map((path) => pluginAssetUrl(pluginId, path)),
          trustedHtml: html.toString("utf8"),
        }),
      );
      return;
    }
    // App pages load each added plugin's JS and CSS for the device, in the order plugins were added.
    const stylesheets: string[] = [];
    const scripts: string[] = [];
    for (const plugin of plugins) {
      const section = mobile ? plugin.manifest.mobile : plugin.manifest.desktop;
      for (const path of section?.css ?? []) stylesheets.push(pluginAssetUrl(plugin.id, path));
      for (const path of section?.js ?? []) scripts.push(pluginAssetUrl(plugin.id, path));
    }
    send(
      res,
      200,
      "text/html; charset=utf-8",
      renderShell({ title: "kintone", mobile, bootstrap, stylesheets, scripts }),
    );
  }

  function baseBootstrap(session: Session, kind: PageKind, mobile: boolean) {
    return {
      page: kind,
      mobile,
      lang: session.user.language,
      loginUser: loginUserInfo(session.user),
      requestToken: session.requestToken,
      pluginConfigs: {},
      users: listUsers(db).map((user) => ({
        code: user.code,
        name: user.name,
        groups: user.groups,
      })),
    };
  }
}

function contentType(path: string): string {
  const extension = path.slice(path.lastIndexOf(".") + 1).toLowerCase();
  const types: Record<string, string> = {
    css: "text/css; charset=utf-8",
    html: "text/html; charset=utf-8",
    png: "image/png",
    jpg: "image/jpeg",
    jpeg: "image/jpeg",
    gif: "image/gif",
    svg: "image/svg+xml",
    json: "application/json",
  };
  return types[extension] ?? "application/octet-stream";
}
