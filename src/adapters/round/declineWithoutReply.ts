/**
 * After the participation-intent deadline, staff record 辞退 for the winners who never replied,
 * on their behalf and with a reason (spec §3 辞退), after a confirmation; never by itself.
 * Each 100 records go in one bulk request (kintone runs it all or nothing): the intent and the
 * reason, then the 辞退 action, so no record is left with one and not the other.
 */
import { fieldText, type KintoneRecordLike } from "../../core/application";
import { type PluginConfig, fieldCodeOf } from "../../core/settings/pluginConfig";
import { PARTICIPATION_INTENTS } from "../../core/vocabulary";
import type { BulkRequestItem, KintoneClient } from "../kintoneClient";
import { chunk, RECORDS_PER_READ, RECORDS_PER_WRITE, REQUESTS_PER_BULK } from "../kintoneLimits";

export interface Unreplied {
  id: string;
  revision: string;
  companyName: string;
}

/** The records of the no-reply figure (its condition), with what the confirmation shows. */
export async function readUnreplied(
  client: KintoneClient,
  appId: number | string,
  config: PluginConfig,
  condition: string,
): Promise<Unreplied[]> {
  const company = fieldCodeOf(config, "company_name");
  const { records } = await client.record.getRecords({
    app: appId,
    fields: ["$id", "$revision", company],
    query: `${condition} order by $id asc limit ${RECORDS_PER_READ}`,
  });
  return (records as KintoneRecordLike[]).map((record) => ({
    id: fieldText(record, "$id"),
    revision: fieldText(record, "$revision"),
    companyName: fieldText(record, company),
  }));
}

export async function declineUnreplied(
  client: KintoneClient,
  appId: number | string,
  config: PluginConfig,
  records: readonly Unreplied[],
  reason: string,
): Promise<number> {
  const requests: BulkRequestItem[] = chunk([...records], RECORDS_PER_WRITE).flatMap((part) => [
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
            [fieldCodeOf(config, "participation_intent")]: {
              value: PARTICIPATION_INTENTS.decline,
            },
            [fieldCodeOf(config, "withdrawal_reason")]: { value: reason },
          },
        })),
      },
    },
    {
      method: "PUT" as const,
      endpointName: "records/status" as const,
      payload: {
        app: appId,
        records: part.map((record) => ({ id: record.id, action: config.actions.decline })),
      },
    },
  ]);
  for (const bulk of chunk(requests, REQUESTS_PER_BULK))
    await client.bulkRequest({ requests: bulk });
  return records.length;
}
