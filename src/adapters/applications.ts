import type { KintoneClient } from "./kintoneClient";
import type { KintoneRecordLike } from "../core/application";
import { RECORDS_PER_READ } from "./kintoneLimits";
import { type RetryOptions, withRetry } from "./retry";

export interface ReadAllOptions {
  app: number | string;
  /** Field codes to fetch (`$id` is always added); all fields when omitted. */
  fields?: string[];
  /** A kintone query condition, without `order by` / `limit` / `offset`. */
  condition?: string;
  /** Called after each page with the number of records read so far, of the total. */
  onPage?: (readSoFar: number, total: number) => void;
  retry?: RetryOptions;
}

/**
 * Reads every record of an app in pages of 500 ordered by `$id` (`$id > last order by $id asc
 * limit 500`): no offset, so it works past 10,000 records, and no cursor, so it never holds one of
 * the domain's 10. Exactly ⌈N/500⌉ requests (at least one), each retried on 429/503.
 */
export async function readAllRecords(
  client: KintoneClient,
  options: ReadAllOptions,
): Promise<KintoneRecordLike[]> {
  const fields = options.fields && [...new Set(["$id", ...options.fields])];
  const records: KintoneRecordLike[] = [];
  let lastId = 0;
  let total: number | undefined;
  for (;;) {
    const conditions = [`$id > ${lastId}`];
    if (options.condition) conditions.push(`(${options.condition})`);
    const query = `${conditions.join(" and ")} order by $id asc limit ${RECORDS_PER_READ}`;
    // The first page also asks for the total, so a multiple of 500 needs no empty last read.
    const totalCount = total === undefined;
    const page = await withRetry(
      () =>
        client.record.getRecords({
          app: options.app,
          fields,
          query,
          totalCount,
        }),
      options.retry,
    );
    total ??= Number(page.totalCount ?? Number.POSITIVE_INFINITY);
    const pageRecords = page.records as KintoneRecordLike[];
    records.push(...pageRecords);
    options.onPage?.(records.length, total);
    if (pageRecords.length < RECORDS_PER_READ || records.length >= total) return records;
    lastId = Number(pageRecords[pageRecords.length - 1]?.$id?.value);
  }
}
