/**
 * The local kintone sandbox: kintone's REST API over SQLite, for development and tests only.
 *
 * For the other areas (records, pages):
 * - Plug REST routes in by adding one `registerXxxRoutes(router, deps)` call in `startSandbox` below:
 *   `router.api(method, endpoint, handler)` where endpoint is e.g. "records" or "record/status"
 *   (served at /k/v1/<endpoint>.json and /k/guest/<space>/v1/<endpoint>.json). The handler gets an
 *   `ApiRequest` {params, auth, lang, db, files} and returns the JSON body or throws `KintoneError`
 *   (sandbox/http/errors.ts: `errors.*`, `FieldErrorCollector` for CB_VA01). Sync handlers of
 *   POST/PUT/DELETE run in one SQLite transaction. Pages: `router.page("GET", "/k/:app/", handler)`.
 * - deps.db is the better-sqlite3 handle; create your own tables with `db.exec(...)` at register time.
 * - Field definitions: `getDeployedFields(db, appId)` (sandbox/apps/fields.ts); process settings:
 *   `getDeployedProcess(db, appId)` (sandbox/apps/process.ts); permissions: `assertAppRight`
 *   (sandbox/auth/permissions.ts); users/sessions: sandbox/auth/{users,session}.ts.
 * - Plugins for pages: `listAppPlugins`, `getPluginFile`, `getPluginConfig`/`setPluginConfig`
 *   (sandbox/plugins/*). Files for FILE fields: `describeFile`, `readFile` (sandbox/files/store.ts).
 * - cybozu.com User API (`/v1/user/groups.json`, ...) is served as endpoints named `cybozu/...`.
 * - testMode adds /__sandbox/faults, /__sandbox/stats(/reset) and /__sandbox/api-tokens; tests use
 *   `startTestSandbox()` (test/support/sandbox.ts).
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { registerTestProcessNameRoutes } from "./apps/processNames";
import { registerAppRoutes } from "./apps/routes";
import { registerTestAuthRoutes } from "./auth/routes";
import { registerUserApiRoutes } from "./auth/userApi";
import { seedDemoUsers } from "./auth/users";
import { openDatabase, type SandboxDb } from "./db/database";
import { registerFaultRoutes } from "./faults/faults";
import { registerFileRoutes } from "./files/routes";
import { registerFormBridgeRoutes } from "./formbridge/routes";
import { Router } from "./http/router";
import { registerPageRoutes } from "./pages/routes";
import { registerPluginRoutes } from "./plugins/routes";
import { registerRecordRoutes } from "./records/routes";

/** How long an idle keep-alive connection stays open (Node's default is 5 s). */
export const KEEP_ALIVE_MS = 65_000;

export interface SandboxOptions {
  /** 0 picks a free port. Default 3000. */
  port?: number;
  /** Loopback only: 127.0.0.1 (default) or ::1 / localhost. */
  host?: "127.0.0.1" | "::1" | "localhost";
  /** Directory of the SQLite file, or ":memory:". Default `.sandbox`. */
  dataDir?: string;
  /** Enables /__sandbox/* (fault injection, request counts, API tokens). */
  testMode?: boolean;
  log?: (line: string) => void;
}

export interface Sandbox {
  baseUrl: string;
  port: number;
  db: SandboxDb;
  router: Router;
  close(): Promise<void>;
}

/** What every area's `registerXxxRoutes(router, deps)` receives. */
export interface SandboxDeps {
  db: SandboxDb;
  testMode: boolean;
  log: (line: string) => void;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const host = options.host ?? "127.0.0.1";
  if (!["127.0.0.1", "::1", "localhost"].includes(host)) {
    throw new Error("the sandbox listens on loopback only");
  }
  const log = options.log ?? (() => undefined);
  const db = openDatabase(options.dataDir ?? ".sandbox");
  seedDemoUsers(db);
  const router = new Router(db, log);
  const deps: SandboxDeps = { db, testMode: Boolean(options.testMode), log };
  if (deps.testMode) {
    registerFaultRoutes(router);
    registerTestAuthRoutes(router, db);
    registerTestProcessNameRoutes(router, db);
  }
  registerAppRoutes(router);
  registerUserApiRoutes(router);
  registerFileRoutes(router);
  registerPluginRoutes(router);
  registerRecordRoutes(router, deps);
  registerFormBridgeRoutes(router, deps);
  // Other areas: add one `registerXxxRoutes(router, deps);` line here.
  registerPageRoutes(router, deps);

  const server = createServer((req, res) => {
    router.handle(req, res).catch((error: unknown) => log(String(error)));
  });
  // Idle keep-alive connections stay open longer than clients keep idle sockets (Node's agents and
  // undici: 4–5 s), so a client never reuses a socket the sandbox is closing (ECONNRESET).
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1000;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.port ?? 3000, host, () => resolve());
    });
  } catch (error) {
    db.close();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  return {
    baseUrl: `http://localhost:${port}`,
    port,
    db,
    router,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          db.close();
          resolve();
        });
      }),
  };
}
