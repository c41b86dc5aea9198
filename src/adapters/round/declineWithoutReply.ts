/**
 * After the participation-intent deadline, staff record 辞退 for the winners who never replied,
 * on their behalf and with a reason (spec §3 辞退), after a confirmation; never by itself.
 * Each 100 records go in one bulk request (kintone runs it all or nothing): the intent and the
 * reason, then the 辞退 action, so no record is left with one and not the other.
 */
import { fieldText, type KintoneRecordLike } from "../../core/application";
import { PARTICIPATION_INTENTS } from "../../core/vocabulary";
import type { BulkRequestItem } from "../kintoneClient";
import { chunk } from "../kintoneLimits";
import { appOf, type Program } from "../program";

export interface Unreplied {
  id: string;
  revision: string;
  companyName: string;
}

/** The records of the no-reply figure (its condition), with what the confirmation shows. */
export async function readUnreplied(program: Program, condition: string): Promise<Unreplied[]> {
  const company = program.field("company_name");
  const { records } = await program.call(() =>
    program.client.record.getRecords({
      app: appOf(program, "applications"),
      fields: ["$id", "$revision", company],
      query: `${condition} order by $id asc limit ${program.limits.recordsPerRead}`,
    }),
  );
  return (records as KintoneRecordLike[]).map((record) => ({
    id: fieldText(record, "$id"),
    revision: fieldText(record, "$revision"),
    companyName: fieldText(record, company),
  }));
}

export async function declineUnreplied(
  program: Program,
  records: readonly Unreplied[],
  reason: string,
): Promise<number> {
  const appId = appOf(program, "applications");
  const { limits } = program;
  const requests: BulkRequestItem[] = chunk([...records], limits.recordsPerWrite).flatMap(
    (part) => [
      {
        method: "PUT" as const,
        endpointName: "records" as const,
        payload: {
          app: appId,
          records: part.map((record) => ({
            id: record.id,
            // The revision read for the confirmation: a record changed since is not overwritten.
            revision: record.revision,
            record: {
              [program.field("participation_intent")]: {
                value: PARTICIPATION_INTENTS.decline,
              },
              [program.field("withdrawal_reason")]: { value: reason },
            },
          })),
        },
      },
      {
        method: "PUT" as const,
        endpointName: "records/status" as const,
        payload: {
          app: appId,
          records: part.map((record) => ({ id: record.id, action: program.actions.decline })),
        },
      },
    ],
  );
  for (const bulk of chunk(requests, limits.requestsPerBulk)) {
    await program.call(() => program.client.bulkRequest({ requests: bulk }));
  }
  return records.length;
}
