import type { ChainedEntry } from "../../core/lottery";
import type { Program } from "../program";
import { resolveContext } from "./context";
import { readLog, withDetachedValues } from "./log";

/**
 * Every lottery log entry with its full content (pool and ranking fetched from the bundle file
 * when the text fields could not hold them), ordered by sequence: ready for `verifyChain`.
 */
export async function readLotteryLog(
  program: Program,
): Promise<Array<ChainedEntry & { state: string; recordId: string }>> {
  const context = resolveContext({ program });
  const log = await readLog(context);
  return Promise.all(log.map((entry) => withDetachedValues(context, entry)));
}
