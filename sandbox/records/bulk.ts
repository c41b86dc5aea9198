/**
 * `bulkRequest`: up to 20 record writes run in order inside ONE transaction (the router's),
 * all or nothing. On failure kintone answers with the failing request's status and
 * `{"results": [{}, …, {code, id, message, errors?}, {}, …]}` — rest-api-client reads the
 * non-empty entry and sets `bulkRequestIndex`.
 */
import { errors, KintoneError, type KintoneErrorBody, type Lang } from "../http/errors";
import { assertSpacePath } from "../apps/store";
import { appsNamed, type ApiHandler, type ApiRequest, type HttpMethod } from "../http/router";

export const BULK_LIMIT = 20;

const BULK_PATH = /^\/k\/(?:guest\/(\d+)\/)?v1\/(.+)\.json$/;

/** The failure of request `index`; thrown out of the transaction so everything rolls back. */
export class BulkRequestError extends KintoneError {
  constructor(
    readonly index: number,
    readonly count: number,
    readonly failure: KintoneError,
  ) {
    super(failure.status, failure.code, failure.text, failure.errors);
  }

  // kintone's bulk failure body is not the usual error shape; the router only serializes it.
  override body(lang: Lang): KintoneErrorBody {
    const results = Array.from({ length: this.count }, (_, i) =>
      i === this.index ? this.failure.body(lang) : {},
    );
    return { results } as unknown as KintoneErrorBody;
  }
}

function notAllowed(index: number): KintoneError {
  return errors.validation({
    [`requests[${index}].api`]: [
      {
        ja: "一括リクエストで実行できないAPIが指定されています。",
        en: "The specified API cannot be used in a bulk request.",
      },
    ],
  });
}

export function runBulkRequest(req: ApiRequest, handlers: Map<string, ApiHandler>): unknown {
  const raw = req.params.requests;
  const requests = Array.isArray(raw)
    ? (raw as Array<{ method?: unknown; api?: unknown; payload?: unknown }>)
    : undefined;
  if (!requests || requests.length === 0) {
    throw errors.validation({ requests: [{ ja: "必須です。", en: "Required field." }] });
  }
  if (requests.length > BULK_LIMIT) {
    throw errors.validation({
      requests: [
        {
          ja: "一度に実行できるリクエストは20件までです。",
          en: "A maximum of 20 requests can be sent at once.",
        },
      ],
    });
  }
  const results: unknown[] = [];
  requests.forEach((request, index) => {
    try {
      const method = String(request.method ?? "").toUpperCase() as HttpMethod;
      const path = BULK_PATH.exec(typeof request.api === "string" ? request.api : "");
      const guestSpace = path?.[1] ? Number(path[1]) : undefined;
      const handler = path ? handlers.get(`${method} ${path[2]}`) : undefined;
      if (!handler || guestSpace !== req.guestSpaceId) throw notAllowed(index);
      const payload =
        request.payload && typeof request.payload === "object"
          ? (request.payload as Record<string, unknown>)
          : {};
      assertSpacePath(req.db, appsNamed(path?.[2] ?? "", payload), guestSpace);
      results.push(
        handler({
          ...req,
          method,
          endpoint: path?.[2] ?? "",
          params: payload,
          guestSpaceId: guestSpace,
        }),
      );
    } catch (error) {
      if (error instanceof KintoneError) throw new BulkRequestError(index, requests.length, error);
      throw error;
    }
  });
  return { results };
}
