/**
 * The KintoneClient of the plugin's screens: a thin typed layer over `kintone.api`, which already
 * carries the user's session and request token, so the bundles need no REST library. Every path
 * goes through `kintone.api.url(path, true)`, which gives the guest-space path when the app is in
 * a guest space (bulkRequest's inner requests too). 429 GAIA_TO04 is retried with backoff.
 */
import type { BulkRequestItem, KintoneClient } from "../kintoneClient";
import { type RetryOptions, withRetry } from "../retry";

/** What the client needs of the `kintone` global (the part of kintoneApi.ts it uses). */
export interface KintoneRestGlobal {
  api: {
    (pathOrUrl: string, method: string, params: object): PromiseLike<unknown>;
    url(path: string, detectGuestSpace?: boolean): string;
  };
  getRequestToken(): string;
}

/** kintone's error answer as an Error: `code`, `message`, `errors`; `status` where the code implies it. */
export class KintoneApiError extends Error {
  readonly code?: string;
  readonly id?: string;
  readonly errors?: unknown;
  readonly status?: number;
  /** For a failed bulkRequest: which inner request kintone refused. */
  readonly bulkRequestIndex?: number;

  constructor(body: Record<string, unknown>, status?: number, bulkRequestIndex?: number) {
    super(typeof body.message === "string" ? body.message : `kintone error ${status ?? ""}`);
    this.name = "KintoneApiError";
    if (typeof body.code === "string") this.code = body.code;
    if (typeof body.id === "string") this.id = body.id;
    this.errors = body.errors;
    // kintone.api does not give the HTTP status; GAIA_TO04 is kintone's "too many requests" (429).
    this.status = status ?? (body.code === "GAIA_TO04" ? 429 : undefined);
    this.bulkRequestIndex = bulkRequestIndex;
  }
}

/** kintone.api rejects with kintone's JSON body; a failed bulkRequest with `{results: [{}, {code…}]}`. */
function toError(rejection: unknown): unknown {
  if (rejection instanceof Error || typeof rejection !== "object" || rejection === null) {
    return rejection;
  }
  const body = rejection as Record<string, unknown>;
  if (Array.isArray(body.results)) {
    const index = body.results.findIndex(
      (r: unknown) => typeof r === "object" && r !== null && "code" in r,
    );
    if (index >= 0) return new KintoneApiError(body.results[index], undefined, index);
  }
  return new KintoneApiError(body);
}

async function httpError(response: Response): Promise<KintoneApiError> {
  const text = await response.text();
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    body = { message: `${response.status}: ${text.slice(0, 200)}` };
  }
  return new KintoneApiError(body, response.status);
}

export function kintoneApiClient(k: KintoneRestGlobal, retry?: RetryOptions): KintoneClient {
  const url = (path: string) => k.api.url(path, true);
  const call = <T>(path: string, method: string, params: object): Promise<T> =>
    withRetry(async () => {
      try {
        return (await k.api(url(path), method, params)) as T;
      } catch (rejection) {
        throw toError(rejection);
      }
    }, retry);
  // Files are multipart and binary, which kintone.api does not carry: fetch with the session.
  const fetchFile = (input: string, init: RequestInit) =>
    withRetry(async () => {
      const response = await fetch(input, {
        credentials: "same-origin",
        ...init,
        headers: { "X-Requested-With": "XMLHttpRequest" },
      });
      if (!response.ok) throw await httpError(response);
      return response;
    }, retry);
  const bulkPath = (item: BulkRequestItem) =>
    new URL(url(`/k/v1/${item.endpointName}`), "http://kintone.invalid").pathname;

  return {
    record: {
      getRecord: (params) => call("/k/v1/record", "GET", params),
      getRecords: async (params) => {
        const answer = await call<{ records: []; totalCount?: string | null }>(
          "/k/v1/records",
          "GET",
          params,
        );
        return { records: answer.records, totalCount: answer.totalCount ?? null };
      },
      addRecords: (params) => call("/k/v1/records", "POST", params),
      updateRecords: (params) => call("/k/v1/records", "PUT", params),
      updateRecordStatus: (params) => call("/k/v1/record/status", "PUT", params),
      updateRecordsStatus: (params) => call("/k/v1/records/status", "PUT", params),
    },
    app: {
      getApps: (params) => call("/k/v1/apps", "GET", params),
      getFormFields: ({ preview, ...params }) =>
        call(preview ? "/k/v1/preview/app/form/fields" : "/k/v1/app/form/fields", "GET", params),
      getProcessManagement: (params) => call("/k/v1/app/status", "GET", params),
      getPlugins: (params) => call("/k/v1/app/plugins", "GET", params),
      getViews: ({ preview, ...params }) =>
        call(preview ? "/k/v1/preview/app/views" : "/k/v1/app/views", "GET", params),
    },
    file: {
      uploadFile: async ({ file }) => {
        const form = new FormData();
        form.append("__REQUEST_TOKEN__", k.getRequestToken());
        form.append("file", new Blob([file.data]), file.name);
        const response = await fetchFile(url("/k/v1/file"), { method: "POST", body: form });
        return (await response.json()) as { fileKey: string };
      },
      downloadFile: async ({ fileKey }) => {
        const query = new URLSearchParams({ fileKey }).toString();
        const response = await fetchFile(`${url("/k/v1/file")}?${query}`, { method: "GET" });
        return response.arrayBuffer();
      },
    },
    bulkRequest: (params) =>
      call("/k/v1/bulkRequest", "POST", {
        requests: params.requests.map((item) => ({
          method: item.method,
          api: bulkPath(item),
          payload: item.payload,
        })),
      }),
  };
}
