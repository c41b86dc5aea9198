export type { LotteryApps, LotteryOptions } from "./context";
export { LotteryRefusal, type LotteryRefusalCode } from "./errors";
export {
  prepareDraw,
  drawLottery,
  resumeDraw,
  type DrawPlan,
  type DrawOutcome,
  type DrawHooks,
} from "./draw";
export {
  promoteFromWaitlist,
  MAX_PROMOTIONS,
  type PromotionRequest,
  type PromotionOutcome,
} from "./promote";
export { readLotteryLog } from "./audit";
export { planBulks } from "./writer";
