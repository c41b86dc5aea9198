/** kintone's REST limits (spec and kintone's docs): every adapter plans its requests by these. */
export const RECORDS_PER_READ = 500;
export const RECORDS_PER_WRITE = 100;
export const REQUESTS_PER_BULK = 20;

/** Splits items into groups of at most `size`, in order (e.g. records per write, requests per bulk). */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
