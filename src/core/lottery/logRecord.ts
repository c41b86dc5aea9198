/**
 * A lottery log record as kintone returns it, read back into the hashed content of its entry
 * (chain.ts) plus the stored `entry_hash`: the one reading shared by the lottery, the settings
 * entries and audit, so every reader hashes exactly what the writer hashed.
 */
import { fieldText, type KintoneRecordLike } from "../application";
import type { ChainedEntry } from "./chain";

function numberOrNull(record: KintoneRecordLike, code: string): number | null {
  const text = fieldText(record, code);
  if (text === "") return null;
  const number = Number(text);
  return Number.isFinite(number) ? number : null;
}

function parseJson(text: string): unknown {
  if (text === "") return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text; // kept as found, so the hash check reports the entry instead of crashing
  }
}

export function chainedEntryOfRecord(record: KintoneRecordLike): ChainedEntry {
  return {
    sequence: numberOrNull(record, "sequence") ?? 0,
    run_id: fieldText(record, "run_id"),
    kind: fieldText(record, "kind"),
    algorithm: fieldText(record, "algorithm"),
    seed: fieldText(record, "seed"),
    pool_fingerprint: fieldText(record, "pool_fingerprint"),
    pool_size: numberOrNull(record, "pool_size"),
    quota: numberOrNull(record, "quota"),
    pool: parseJson(fieldText(record, "pool")) as string[] | null,
    ranking: parseJson(fieldText(record, "ranking")),
    reason: fieldText(record, "reason"),
    previous_hash: fieldText(record, "previous_hash"),
    entry_hash: fieldText(record, "entry_hash"),
  };
}
