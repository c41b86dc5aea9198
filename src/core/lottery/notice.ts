/**
 * 抽選予告 entries (spec §5.1): kind 予告, `ranking` = {"seed_sha256": seedCommitment(seed)}.
 */
import { LOTTERY_LOG_KINDS } from "../vocabulary";
import type { ChainedEntry } from "./chain";
import type { LotteryBundle } from "./draw";

/** The commitment of the latest 予告 logged before `sequence` (the whole log when omitted). */
export function commitmentBefore(
  log: readonly ChainedEntry[],
  sequence = Infinity,
): string | undefined {
  const notices = log.filter(
    (entry) => entry.kind === LOTTERY_LOG_KINDS.notice && entry.sequence < sequence,
  );
  const ranking = notices[notices.length - 1]?.ranking as { seed_sha256?: unknown } | null;
  return typeof ranking?.seed_sha256 === "string" ? ranking.seed_sha256 : undefined;
}

/** The verification bundle of spec §5.8 as a draw's log entry records it (the hash chain covers it). */
export function bundleOfDrawEntry(
  entry: ChainedEntry,
  log: readonly ChainedEntry[] = [],
): LotteryBundle {
  const commitment = commitmentBefore(log, entry.sequence);
  return {
    algorithm: entry.algorithm,
    seed: entry.seed,
    quota: entry.quota,
    pool: entry.pool,
    pool_fingerprint: entry.pool_fingerprint,
    ranking: entry.ranking,
    ...(commitment === undefined ? {} : { commitment }),
  } as LotteryBundle;
}
