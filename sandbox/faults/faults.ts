import { readBody } from "../http/body";
import { errors } from "../http/errors";
import { type Router, sendJson } from "../http/router";

/** A plan of forced failures: the next N calls, or a share of calls, of some or all endpoints. */
interface FaultPlan {
  remaining?: number;
  share?: number;
  status: 429 | 503;
  endpoints?: string[];
}

/** `/k/v1/records.json`, `records.json` and `records` all name the endpoint `records`. */
function endpointName(path: string): string {
  return path
    .replace(/^\/?k\/(?:guest\/\d+\/)?v1\//, "")
    .replace(/\.json$/, "")
    .replace(/^\//, "");
}

/**
 * Test-only control of the sandbox (registered only in testMode):
 * `POST /__sandbox/faults {status: 429|503, next?: N, share?: 0..1, endpoints?: string[]}`
 * (`next: 0` clears the plan), `GET /__sandbox/stats` → `{requests: {"GET records": 3}}`,
 * `POST /__sandbox/stats/reset`.
 */
export function registerFaultRoutes(router: Router, random: () => number = Math.random): void {
  let plan: FaultPlan | undefined;
  let stats: Record<string, number> = {};

  router.hook(({ method, endpoint }) => {
    const key = `${method} ${endpoint}`;
    stats[key] = (stats[key] ?? 0) + 1;
    if (!plan) return undefined;
    if (plan.endpoints && !plan.endpoints.includes(endpoint)) return undefined;
    if (plan.remaining !== undefined) {
      if (plan.remaining <= 0) return undefined;
      plan.remaining -= 1;
    } else if (random() >= (plan.share ?? 0)) {
      return undefined;
    }
    if (plan.status === 429) return errors.tooManyRequests();
    return { status: 503, text: "Service Unavailable" };
  });

  router.page("POST", "/__sandbox/faults", async (req, res) => {
    const { params: body } = await readBody(req);
    const status = [429, 503].includes(Number(body.status))
      ? (Number(body.status) as 429 | 503)
      : undefined;
    const next = body.next === undefined ? undefined : Number(body.next);
    const share = body.share === undefined ? undefined : Number(body.share);
    const valid =
      status !== undefined &&
      (next === undefined || (Number.isInteger(next) && next >= 0)) &&
      (share === undefined || (share >= 0 && share <= 1));
    if (!valid) {
      sendJson(res, 400, {
        message: "expected {status: 429|503, next?: N, share?: 0..1, endpoints?: string[]}",
      });
      return;
    }
    const endpoints = Array.isArray(body.endpoints)
      ? body.endpoints.map((e: unknown) => endpointName(String(e)))
      : undefined;
    plan =
      next === 0 || (next === undefined && !share)
        ? undefined
        : { status, remaining: next, share, endpoints };
    sendJson(res, 200, { ok: true });
  });
  router.page("GET", "/__sandbox/stats", (_req, res) => {
    sendJson(res, 200, { requests: stats });
  });
  router.page("POST", "/__sandbox/stats/reset", (_req, res) => {
    stats = {};
    sendJson(res, 200, { ok: true });
  });
}
