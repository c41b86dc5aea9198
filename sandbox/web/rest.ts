import qs from "qs";

/** The error body kintone answers with; `kintone.api` rejects with this object. */
export interface KintoneErrorBody {
  code?: string;
  id?: string;
  message: string;
  errors?: Record<string, { messages: string[] }>;
}

export class RestError extends Error {
  constructor(
    readonly status: number,
    readonly body: KintoneErrorBody,
  ) {
    super(body.message);
    this.name = "RestError";
  }
}

let requestToken = "";
let userLanguage = "ja";
let guestSpace: number | undefined;

/**
 * The session's request token, the user's language (kintone answers messages in it) and the
 * page's guest space (kintone's own screens call the guest-space paths there).
 */
export function setSession(token: string, lang: string, guestSpaceId?: number): void {
  requestToken = token;
  userLanguage = lang;
  guestSpace = guestSpaceId;
}

/** A kintone screen's own call: on a page of a guest space, `/k/v1/…` becomes its guest path. */
export function screenApi<T = any>(
  path: string,
  method: string,
  params: Record<string, unknown> = {},
): Promise<T> {
  return callApi<T>(screenPath(path), method, params);
}

export function screenPath(path: string): string {
  return guestSpace ? path.replace(/^\/k\/v1\//, `/k/guest/${guestSpace}/v1/`) : path;
}

/** `/k/v1/records` or `/k/v1/records.json` or a full URL → a same-origin path ending in `.json`. */
export function apiPath(pathOrUrl: string): string {
  const path = pathOrUrl.startsWith("http") ? new URL(pathOrUrl).pathname : pathOrUrl;
  return path.endsWith(".json") ? path : `${path}.json`;
}

/**
 * `kintone.api.url(path, detectGuestSpace)`: the API's full URL, `.json` added; with `true` on a
 * page of a guest space (`/k/guest/<space>/...`), the guest-space path `/k/guest/<space>/v1/...`.
 */
export function kintoneApiUrl(
  page: { origin: string; pathname: string },
  path: string,
  detectGuestSpace?: boolean,
): string {
  const space = detectGuestSpace ? /^\/k\/(?:m\/)?guest\/(\d+)\//.exec(page.pathname) : null;
  const local = space ? path.replace(/^\/k\/v1\//, `/k/guest/${space[1]}/v1/`) : path;
  return `${page.origin}${apiPath(local)}`;
}

export function queryString(params: Record<string, unknown>): string {
  return qs.stringify(params, { encodeValuesOnly: true, arrayFormat: "indices" });
}

/** One REST call with the browser session, the way kintone's own pages make them. */
export async function callApi<T = any>(
  pathOrUrl: string,
  method: string,
  params: Record<string, unknown> = {},
): Promise<T> {
  const verb = method.toUpperCase();
  const path = apiPath(pathOrUrl);
  const headers: Record<string, string> = {
    "X-Requested-With": "XMLHttpRequest",
    "Accept-Language": userLanguage,
  };
  let url = path;
  let body: string | undefined;
  if (verb === "GET") {
    const query = queryString(params);
    if (query) url = `${path}?${query}`;
  } else {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify({ ...params, __REQUEST_TOKEN__: requestToken });
  }
  const response = await fetch(url, { method: verb, headers, body, credentials: "same-origin" });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : {};
  } catch {
    parsed = { message: text || `${response.status}` };
  }
  if (!response.ok) throw new RestError(response.status, parsed as KintoneErrorBody);
  return parsed as T;
}
