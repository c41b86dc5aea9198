/**
 * 繰り上げ of one record from kintone's own status bar (the plugin's process guard): only the next
 * in waitlist order (checked by the guard) and only into a vacancy (checked here, against the
 * latest completed draw's quota). The promotion is logged before kintone changes the status, so
 * the audit finds a 繰り上げ entry for it.
 */
import { LOTTERY_LOG_KINDS, LOTTERY_LOG_STATES, PLACE_STATES } from "../../core/vocabulary";
import type { WorkflowRecord } from "../../core/workflow";
import { inList } from "../kintoneQuery";
import { type LotteryOptions, newRunId, resolveContext } from "./context";
import { LotteryRefusal } from "./errors";
import { appendRequest, promotionEntry, readLog } from "./log";

export async function logRecordPromotion(
  options: LotteryOptions & { record: WorkflowRecord },
): Promise<string> {
  const context = resolveContext(options);
  const log = await readLog(context);
  const draw = log.find(
    (entry) =>
      entry.kind === LOTTERY_LOG_KINDS.draw && entry.state === LOTTERY_LOG_STATES.completed,
  );
  if (!draw) {
    throw new LotteryRefusal("no-draw", {
      ja: "完了した抽選が抽選記録にありません。繰り上げは抽選の後に行えます",
      en: "there is no completed draw in the lottery log; promotion comes after the draw",
    });
  }
  const quota = draw.quota ?? 0;
  const places = PLACE_STATES.map((state) => context.states[state]);
  const { totalCount } = await context.call(() =>
    context.client.record.getRecords({
      app: context.apps.applications,
      fields: ["$id"],
      query: `${context.statusField} in ${inList(places)} limit 1`,
      totalCount: true,
    }),
  );
  const held = Number(totalCount ?? 0);
  if (held >= quota) {
    throw new LotteryRefusal("no-vacancy", {
      ja: `欠員がありません（当選枠 ${quota}件に対し ${held}件が枠を使っています）。繰り上げできません`,
      en: `no vacancy: ${held} applications hold the ${quota} places; nobody can be promoted`,
    });
  }
  const { record } = options;
  const entry = await promotionEntry(log, {
    runId: newRunId("promotion"),
    draw,
    quota,
    declined: [],
    promoted: [{ key: record.id, rank: record.lotteryRank, waitlist_no: record.waitlistNo }],
    reason: `詳細画面の繰り上げ: ${record.id}（補欠${record.waitlistNo ?? "-"}）、欠員 ${quota - held}件`,
  });
  const { app, record: values } = appendRequest(context, entry).payload;
  await context.call(() => context.client.record.addRecords({ app, records: [values] }));
  return entry.entryHash;
}
