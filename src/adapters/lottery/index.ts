/**
 * The lottery against kintone (spec §5), shared by the CLI (`followup draw/promote`) and the
 * plugin's 抽選 / 繰り上げ buttons. Every function takes a KintoneClient (rest-api-client in the CLI,
 * kintone.api on the plugin's screens) and the two app ids; refusals are LotteryRefusal with ja/en text.
 *
 * - prepareDraw({client, apps, quota, ...}) → DrawPlan {poolSize, poolFingerprint, ...}: reads and
 *   refuses, writes nothing (show poolSize and poolFingerprint in the confirmation).
 * - drawLottery({..., quota, seed?, plan?, onProgress?}) → DrawOutcome {runId, bundle, ...}.
 * - resumeDraw({...}) → DrawOutcome: finishes a draw whose log entry is still 開始.
 * - promoteFromWaitlist({..., count?, force?, note?, dryRun?}) → PromotionOutcome.
 * - readLotteryLog({client, apps}) → every log entry with full content, for verifyChain.
 */
export type { LotteryApps, LotteryOptions } from "./context";
export { LotteryRefusal, type LotteryRefusalCode } from "./errors";
export {
  prepareDraw,
  drawLottery,
  resumeDraw,
  type DrawPlan,
  type DrawOutcome,
  type DrawHooks,
  type DrawTiming,
} from "./draw";
export {
  promoteFromWaitlist,
  MAX_PROMOTIONS,
  type PromotionRequest,
  type PromotionOutcome,
} from "./promote";
export { commitSeed, type NoticeOutcome } from "./notice";
export { logRecordPromotion } from "./recordPromotion";
export {
  logWithdrawal,
  withdrawApplication,
  type WithdrawalOutcome,
  type WithdrawalRequest,
  type WithdrawalLogRanking,
} from "./withdraw";
export { readLotteryLog } from "./audit";
export { planBulks } from "./writer";
