/**
 * 抽選予告 (spec §5.1): before the application window closes, the operator logs SHA-256 of the
 * seed they will draw with. The draw then accepts only that seed, so nobody can have picked the
 * seed after seeing the pool. One 予告 per round: several would let the operator choose later.
 */
import { LOTTERY_ALGORITHM, LOTTERY_LOG_KINDS, LOTTERY_LOG_STATES } from "../../core/vocabulary";
import { japanTimeWithOffset } from "../../core/settings/japanWallClock";
import { type LotteryOptions, newRunId, operatorAllowed, resolveContext } from "./context";
import type { DrawTiming } from "./draw";
import { LotteryRefusal, notAllowed } from "./errors";
import { appendRequest, chainEntry, readLog } from "./log";

export interface NoticeOutcome {
  runId: string;
  commitment: string;
  /** The log's newest entry_hash once the 予告 is logged. */
  chainHead: string;
}

const COMMITMENT_PATTERN = /^[0-9a-f]{64}$/;

export async function commitSeed(
  options: LotteryOptions & DrawTiming & { commitment: string; quota?: number; note?: string },
): Promise<NoticeOutcome> {
  const commitment = options.commitment.trim().toLowerCase();
  if (!COMMITMENT_PATTERN.test(commitment)) {
    throw new LotteryRefusal("invalid-commitment", {
      ja: "予告する値はシードのSHA-256（16進数64文字）で指定してください",
      en: "the commitment must be the seed's SHA-256 (64 hexadecimal characters)",
    });
  }
  if (!operatorAllowed(options)) throw notAllowed();
  const now = options.now ?? new Date();
  if (options.closesAt !== undefined && now.getTime() > Date.parse(options.closesAt)) {
    throw new LotteryRefusal("window-closed", {
      ja: `申込期間は終わっています（締切 ${japanTimeWithOffset(options.closesAt)}）。抽選予告は締切の前にだけ記録できます。何も書き込んでいません`,
      en: `the application window has closed (${japanTimeWithOffset(options.closesAt)}); a 予告 can only be logged before it closes. Nothing was written`,
    });
  }
  const context = resolveContext(options);
  const log = await readLog(context);
  const earlier = log.find(
    (entry) => entry.kind === LOTTERY_LOG_KINDS.notice || entry.kind === LOTTERY_LOG_KINDS.draw,
  );
  if (earlier) {
    throw new LotteryRefusal("commitment-exists", {
      ja: `この回には既に${earlier.kind}の記録があります（${earlier.run_id}）。抽選予告は抽選の前に1回だけです`,
      en: `this round already has a ${earlier.kind} entry (${earlier.run_id}); a 予告 is made once, before the draw`,
    });
  }
  const runId = newRunId("notice");
  const entry = await chainEntry(
    log,
    {
      run_id: runId,
      kind: LOTTERY_LOG_KINDS.notice,
      algorithm: LOTTERY_ALGORITHM,
      seed: "",
      pool_fingerprint: "",
      pool_size: null,
      quota: options.quota ?? null,
      pool: null,
      ranking: { seed_sha256: commitment },
      reason: [`抽選予告: シードのSHA-256 ${commitment}`, options.note ?? ""]
        .filter((line) => line !== "")
        .join("\n"),
    },
    LOTTERY_LOG_STATES.completed,
  );
  const { app, record } = appendRequest(context, entry).payload;
  await context.call(() => context.client.record.addRecords({ app, records: [record] }));
  return { runId, commitment, chainHead: entry.entryHash };
}
