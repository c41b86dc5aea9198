import type { ChainedEntry } from "../../core/lottery";
import { type LotteryOptions, resolveContext } from "./context";
import { readLog, withDetachedValues } from "./log";

/**
 * Every lottery log entry with its full content (pool and ranking fetched from the bundle file
 * when the text fields could not hold them), ordered by sequence: ready for `verifyChain`.
 */
export async function readLotteryLog(
  options: Pick<LotteryOptions, "client" | "apps" | "retry">,
): Promise<Array<ChainedEntry & { state: string; recordId: string }>> {
  // The log needs no STATUS field code: naming one skips the form lookup.
  const context = await resolveContext({ ...options, statusField: "" });
  const log = await readLog(context);
  return Promise.all(log.map((entry) => withDetachedValues(context, entry)));
}
