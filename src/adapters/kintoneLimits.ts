/** kintone's REST limits (spec and kintone's docs): every adapter plans its requests by these. */
export const RECORDS_PER_READ = 500;
export const RECORDS_PER_WRITE = 100;
export const REQUESTS_PER_BULK = 20;
/** A query's `offset` may not pass this; reads page by `$id` instead. */
export const MAX_QUERY_OFFSET = 10_000;

export const KINTONE_LIMITS = {
  recordsPerRead: RECORDS_PER_READ,
  recordsPerWrite: RECORDS_PER_WRITE,
  requestsPerBulk: REQUESTS_PER_BULK,
  maxQueryOffset: MAX_QUERY_OFFSET,
} as const;
export type KintoneLimits = typeof KINTONE_LIMITS;

/** Splits items into groups of at most `size`, in order (e.g. records per write, requests per bulk). */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
