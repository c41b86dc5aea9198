/**
 * The lottery log's hash chain (spec §2.3). Every entry (draw, promotion, cancellation) is
 * appended once; its `entry_hash` commits to its content and to the previous entry's hash,
 * so changing or removing any earlier entry breaks every later link.
 *
 * Definition, for an auditor to recompute:
 *
 *   entry_hash = lowercase hex SHA-256( UTF-8( canonicalJson(content) ) )
 *
 *   content = {
 *     "sequence":         integer, 1 for the first entry, previous sequence + 1 after,
 *     "run_id":           string,
 *     "kind":             "抽選" | "繰り上げ" | "取消" | "設定",
 *     "algorithm":        string ("hmac-sha256-rank/v1"),
 *     "seed":             string (64 hex; "" for entries that draw nothing),
 *     "pool_fingerprint": string,
 *     "pool_size":        integer or null,
 *     "quota":            integer or null,
 *     "pool":             array of key strings, or null,
 *     "ranking":          JSON value (a draw: the bundle's ranking; a promotion:
 *                         {"declined": [keys], "promoted": [{key, rank, waitlist_no}]}; a 設定
 *                         entry: the settings document saved on the settings page), or null,
 *     "reason":           string ("" when none),
 *     "previous_hash":    string (the previous entry's entry_hash; GENESIS_HASH for the first)
 *   }
 *
 *   canonicalJson = JSON with object keys sorted by UTF-16 code units at every level, no
 *   whitespace, strings and numbers exactly as JavaScript's JSON.stringify writes them.
 *
 * `pool` and `ranking` are the full values even when the log record keeps them only in the
 * `bundle` file (text fields have a size limit). The `state` field (開始 → 完了, the only update
 * an entry ever gets), kintone's own fields and the bundle file key are not hashed.
 */
import { canonicalJson, sha256Hex } from "./canonical";

export const GENESIS_HASH = "0".repeat(64);

export interface LogEntryContent {
  sequence: number;
  run_id: string;
  kind: string;
  algorithm: string;
  seed: string;
  pool_fingerprint: string;
  pool_size: number | null;
  quota: number | null;
  pool: string[] | null;
  ranking: unknown;
  reason: string;
  previous_hash: string;
}

export interface ChainedEntry extends LogEntryContent {
  entry_hash: string;
}

export function entryHash(content: LogEntryContent): Promise<string> {
  const hashed: LogEntryContent = {
    sequence: content.sequence,
    run_id: content.run_id,
    kind: content.kind,
    algorithm: content.algorithm,
    seed: content.seed,
    pool_fingerprint: content.pool_fingerprint,
    pool_size: content.pool_size,
    quota: content.quota,
    pool: content.pool,
    ranking: content.ranking ?? null,
    reason: content.reason,
    previous_hash: content.previous_hash,
  };
  return sha256Hex(canonicalJson(hashed));
}

export type ChainVerdict = { ok: true } | { ok: false; sequence: number; problem: string };

/** Checks entries (any order; sorted by sequence here): 1, 2, 3 … with every link and hash intact. */
export async function verifyChain(entries: readonly ChainedEntry[]): Promise<ChainVerdict> {
  const sorted = [...entries].sort((a, b) => a.sequence - b.sequence);
  let previous = GENESIS_HASH;
  for (const [i, entry] of sorted.entries()) {
    if (entry.sequence !== i + 1) {
      return {
        ok: false,
        sequence: entry.sequence,
        problem: `sequence ${i + 1} expected, found ${entry.sequence}`,
      };
    }
    if (entry.previous_hash !== previous) {
      return {
        ok: false,
        sequence: entry.sequence,
        problem: `previous_hash does not match entry ${i}'s entry_hash`,
      };
    }
    const recomputed = await entryHash(entry);
    if (entry.entry_hash !== recomputed) {
      return {
        ok: false,
        sequence: entry.sequence,
        problem: `entry_hash: expected ${recomputed}, found ${entry.entry_hash}`,
      };
    }
    previous = entry.entry_hash;
  }
  return { ok: true };
}
