export { canonicalJson, sha256Hex } from "./canonical";
export {
  buildBundle,
  compareKeys,
  generateSeed,
  isValidQuota,
  normalizeSeed,
  poolFingerprint,
  poolKeys,
  rankPool,
  scoreKeys,
  type DrawResult,
  type LotteryBundle,
  type RankedEntry,
} from "./draw";
export { verifyBundle, type BundleVerdict } from "./verify";
export {
  entryHash,
  GENESIS_HASH,
  verifyChain,
  type ChainedEntry,
  type ChainVerdict,
  type LogEntryContent,
} from "./chain";
export { nextToPromote, PLACE_HOLDING_STATES, vacancies, type DrawnApplication } from "./promotion";
