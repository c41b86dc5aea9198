import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import { type AuthContext, authenticate } from "../auth/authenticate";
import { verifyRequestToken } from "../auth/session";
import type { SandboxDb } from "../db/database";
import { type ParsedBody, type UploadedFile, parseQuery, readBody } from "./body";
import { assertSpacePath } from "../apps/store";
import { renderErrorPage } from "../pages/errorPage";
import { errors, KintoneError, type Lang, languageOf } from "./errors";

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";

/** One REST call, already authenticated, with its parameters from the query string or JSON body. */
export interface ApiRequest {
  method: HttpMethod;
  /** kintone endpoint name without `/k/v1/` and `.json`, e.g. `preview/app/form/fields`. */
  endpoint: string;
  params: Record<string, unknown>;
  files: UploadedFile[];
  guestSpaceId?: number;
  headers: IncomingHttpHeaders;
  /**
   * Language of messages: the user's kintone language setting; for API tokens (no user) and
   * before authentication, Accept-Language (ja unless it asks for en).
   */
  lang: Lang;
  auth: AuthContext;
  db: SandboxDb;
}

/** A non-JSON answer (file download). */
export class BinaryResponse {
  constructor(
    readonly body: Buffer,
    readonly contentType: string,
    readonly headers: Record<string, string> = {},
  ) {}
}

export type ApiHandler = (req: ApiRequest) => unknown;

export interface ApiRouteOptions {
  /**
   * The handler returns a Promise and opens its own write transaction (`db.transaction`).
   * Synchronous handlers of POST/PUT/DELETE run inside one transaction made by the router.
   */
  async?: boolean;
}

/** Called before authentication on every REST call; may answer it instead (fault injection). */
export type ApiHook = (call: {
  method: HttpMethod;
  endpoint: string;
  headers: IncomingHttpHeaders;
}) => KintoneError | { status: number; text: string } | undefined;

export type PageHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  match: { params: Record<string, string>; url: URL },
) => void | Promise<void>;

interface PageRoute {
  method: HttpMethod;
  pattern: RegExp;
  names: string[];
  handler: PageHandler;
}

const API_PATH = /^\/k\/(?:guest\/(\d+)\/)?v1\/(.+)\.json$/;
/** cybozu.com's common User API (`/v1/user/groups.json`), served as endpoints named `cybozu/...`. */
const USER_API_PATH = /^\/v1\/(.+)\.json$/;
export const CONCURRENCY_LIMIT = 100;

/**
 * Routes `/k/v1/<endpoint>.json` and `/k/guest/<space>/v1/<endpoint>.json` to REST handlers,
 * and any other path to page handlers (`/k/:app/` style patterns).
 */
export class Router {
  private readonly apis = new Map<string, { handler: ApiHandler; options: ApiRouteOptions }>();
  private readonly pages: PageRoute[] = [];
  private readonly hooks: ApiHook[] = [];
  private running = 0;

  constructor(
    private readonly db: SandboxDb,
    private readonly log: (line: string) => void = () => undefined,
  ) {}

  api(method: HttpMethod, endpoint: string, handler: ApiHandler, options: ApiRouteOptions = {}) {
    this.apis.set(`${method} ${endpoint}`, { handler, options });
  }

  page(method: HttpMethod, path: string | RegExp, handler: PageHandler) {
    if (path instanceof RegExp) {
      this.pages.push({ method, pattern: path, names: [], handler });
      return;
    }
    const names: string[] = [];
    const source = path
      .split(/(:[A-Za-z_]+)/)
      .map((part) => {
        if (part.startsWith(":")) {
          names.push(part.slice(1));
          return "([^/]+)";
        }
        return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      })
      .join("");
    this.pages.push({ method, pattern: new RegExp(`^${source}$`), names, handler });
  }

  hook(hook: ApiHook) {
    this.hooks.push(hook);
  }

  hasApi(method: HttpMethod, endpoint: string): boolean {
    return this.apis.has(`${method} ${endpoint}`);
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.running += 1;
    res.setHeader("X-ConcurrencyLimit-Limit", String(CONCURRENCY_LIMIT));
    res.setHeader("X-ConcurrencyLimit-Running", String(this.running));
    try {
      const url = new URL(req.url ?? "/", "http://localhost");
      const api = API_PATH.exec(url.pathname);
      const userApi = USER_API_PATH.exec(url.pathname);
      if (api) await this.handleApi(req, res, url, api[2] ?? "", api[1]);
      else if (userApi) await this.handleApi(req, res, url, `cybozu/${userApi[1]}`, undefined);
      else await this.handlePage(req, res, url);
    } catch (error) {
      if (error instanceof URIError && !res.headersSent) {
        // A malformed %-escape in the URL is the client's mistake, not the server's.
        sendPage(res, 400, renderErrorPage(400, languageOf(req.headers["accept-language"])));
        return;
      }
      this.log(`sandbox: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
      if (!res.headersSent) sendJson(res, 500, { message: "internal error" });
      else res.end();
    } finally {
      this.running -= 1;
    }
  }

  private async handleApi(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    endpoint: string,
    guestSpace: string | undefined,
  ): Promise<void> {
    let lang = languageOf(req.headers["accept-language"]);
    try {
      let method = (req.method ?? "GET").toUpperCase() as HttpMethod;
      const override = req.headers["x-http-method-override"];
      for (const hook of this.hooks) {
        const answer = hook({ method, endpoint, headers: req.headers });
        if (answer instanceof KintoneError) throw answer;
        if (answer) {
          res.writeHead(answer.status, { "Content-Type": "text/plain; charset=utf-8" });
          res.end(answer.text);
          return;
        }
      }
      // kintone answers GAIA_TO04 beyond 100 requests in progress per domain.
      if (this.running > CONCURRENCY_LIMIT) throw errors.tooManyRequests();
      const auth = authenticate(this.db, req.headers);
      if (!auth.viaToken) lang = auth.user.language;
      const body: ParsedBody = method === "GET" ? { params: {}, files: [] } : await readBody(req);
      if (method === "POST" && typeof override === "string" && override.toUpperCase() === "GET") {
        method = "GET";
      }
      const params = { ...parseQuery(url.search), ...body.params };
      if (auth.session && method !== "GET") {
        if (!verifyRequestToken(auth.session, params.__REQUEST_TOKEN__)) {
          throw errors.requestTokenInvalid();
        }
      }
      delete params.__REQUEST_TOKEN__;
      const guestSpaceId = guestSpace ? Number(guestSpace) : undefined;
      if (!endpoint.startsWith("cybozu/") && !endpoint.startsWith("sandbox/")) {
        assertSpacePath(this.db, appsNamed(endpoint, params), guestSpaceId);
      }
      const route = this.apis.get(`${method} ${endpoint}`);
      if (!route) {
        throw [...this.apis.keys()].some((key) => key.endsWith(` ${endpoint}`))
          ? errors.methodNotAllowed()
          : errors.notFoundApi();
      }
      const request: ApiRequest = {
        method,
        endpoint,
        params,
        files: body.files,
        guestSpaceId,
        headers: req.headers,
        lang,
        auth,
        db: this.db,
      };
      let result: unknown;
      if (route.options.async) result = await route.handler(request);
      else if (method === "GET") result = route.handler(request);
      else result = this.db.transaction(() => route.handler(request))();
      if (result instanceof BinaryResponse) {
        res.writeHead(200, {
          "Content-Type": result.contentType,
          "Content-Length": String(result.body.length),
          ...result.headers,
        });
        res.end(result.body);
      } else {
        sendJson(res, 200, result ?? {});
      }
    } catch (error) {
      if (error instanceof KintoneError) {
        sendJson(res, error.status, error.body(lang));
        return;
      }
      throw error;
    }
  }

  private async handlePage(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const method = (req.method ?? "GET").toUpperCase();
    for (const route of this.pages) {
      if (route.method !== method) continue;
      const match = route.pattern.exec(url.pathname);
      if (!match) continue;
      const params: Record<string, string> = {};
      route.names.forEach((name, i) => {
        params[name] = decodeURIComponent(match[i + 1] ?? "");
      });
      await route.handler(req, res, { params, url });
      return;
    }
    sendPage(res, 404, renderErrorPage(404, languageOf(req.headers["accept-language"])));
  }
}

function sendPage(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    "Content-Type": "text/html; charset=utf-8",
    "Content-Length": String(Buffer.byteLength(html)),
  });
  res.end(html);
}

/** The apps a REST call names: `app`, or `id` of `app`, or each entry of a deploy's `apps`. */
export function appsNamed(endpoint: string, params: Record<string, unknown>): unknown[] {
  if (endpoint === "app") return [params.id];
  if (endpoint === "preview/app/deploy") {
    const apps = params.apps;
    let list: unknown[] = [];
    if (Array.isArray(apps)) list = apps;
    else if (apps && typeof apps === "object") list = Object.values(apps);
    return list.map((entry) =>
      entry && typeof entry === "object" ? (entry as { app?: unknown }).app : entry,
    );
  }
  return params.app === undefined ? [] : [params.app];
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": String(Buffer.byteLength(text)),
  });
  res.end(text);
}
