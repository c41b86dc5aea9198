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
  seedCommitment,
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
export { nextToPromote, vacancies, type DrawnApplication } from "./promotion";
export { bundleOfDrawEntry, commitmentBefore } from "./notice";
export { chainedEntryOfRecord } from "./logRecord";
