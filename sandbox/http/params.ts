import { errors } from "./errors";

/**
 * A list parameter as it arrives: a JSON array, a qs-parsed `ids[0]=1&ids[1]=2` (array, or object
 * when indexes are sparse), or a single value. Undefined when absent.
 */
export function listParam(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) return value.map(String);
  if (value && typeof value === "object") return Object.values(value).map(String);
  return [String(value)];
}

/** `offset` (≥ 0, default 0) and `limit` (1..max, default max) of the listing APIs. */
export function pagingParams(
  params: Record<string, unknown>,
  max = 100,
): { offset: number; limit: number } {
  const limit = params.limit === undefined ? max : Number(params.limit);
  const offset = params.offset === undefined ? 0 : Number(params.offset);
  if (!Number.isInteger(limit) || limit < 1 || limit > max) {
    throw errors.validation({
      limit: [
        { ja: `1から${max}までの値を指定してください。`, en: `Must be between 1 and ${max}.` },
      ],
    });
  }
  if (!Number.isInteger(offset) || offset < 0) {
    throw errors.validation({
      offset: [{ ja: "0以上の値を指定してください。", en: "Must be 0 or more." }],
    });
  }
  return { offset, limit };
}
