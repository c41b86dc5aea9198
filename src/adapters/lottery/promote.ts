/**
 * 繰り上げ: fills places left by declined winners with the lowest waitlist numbers still in 補欠,
 * in one bulkRequest together with its log entry. Never re-draws.
 */
import { type DrawnApplication, nextToPromote, vacancies } from "../../core/lottery";
import { LOTTERY_LOG_KINDS, LOTTERY_LOG_STATES, LOTTERY_RESULTS } from "../../core/vocabulary";
import {
  type LotteryContext,
  type LotteryOptions,
  newRunId,
  numberValue,
  operatorAllowed,
  readPages,
  resolveContext,
} from "./context";
import { quote } from "../kintoneQuery";
import { fieldText } from "../../core/application";
import { RECORDS_PER_WRITE, REQUESTS_PER_BULK } from "../kintoneLimits";
import { listIds, LotteryRefusal } from "./errors";
import { appendRequest, type LogRecord, promotionEntry, readLog } from "./log";
import { sendBulk } from "./writer";

export interface PromotionRequest {
  /** How many to promote; default: every vacancy. */
  count?: number;
  /** Promote even without a vacancy (the secretariat decided to take more). */
  force?: boolean;
  /** Free text kept in the log entry. */
  note?: string;
  /** Work out who would be promoted, and write nothing (for the confirmation). */
  dryRun?: boolean;
}

export interface PromotionOutcome {
  runId: string;
  drawRunId: string;
  promoted: Array<{ key: string; waitlist_no: number }>;
  /** Declined or cancelled place holders whose places this promotion fills. */
  declined: string[];
  vacanciesBefore: number;
  /** Places asked for that the waitlist could not fill (it ran out); 0 when all were filled. */
  unfilled: number;
  /** The log's newest entry_hash once this promotion is logged (spec §5.9). */
  chainHead: string;
}

/** The most a single bulk can promote: 2 requests per 100 records, plus the log entry. */
export const MAX_PROMOTIONS = Math.floor((REQUESTS_PER_BULK - 1) / 2) * RECORDS_PER_WRITE;

interface PromotionLogRanking {
  declined?: string[];
}

export async function promoteFromWaitlist(
  options: LotteryOptions & PromotionRequest,
): Promise<PromotionOutcome> {
  if (
    options.count !== undefined &&
    (!Number.isSafeInteger(options.count) || options.count < 1 || options.count > MAX_PROMOTIONS)
  ) {
    throw new LotteryRefusal("invalid-count", {
      ja: `繰り上げ人数は1〜${MAX_PROMOTIONS}の整数で指定してください`,
      en: `the count must be an integer from 1 to ${MAX_PROMOTIONS}`,
    });
  }
  if (!operatorAllowed(options)) {
    throw new LotteryRefusal("not-allowed", {
      ja: "繰り上げを行う権限がありません",
      en: "you are not allowed to promote from the waitlist",
    });
  }
  const context = resolveContext(options);
  const log = await readLog(context);
  const draw = completedDraw(log);
  const quota = draw.quota ?? 0;
  const drawn = await readDrawn(context, draw.run_id);
  const names = { states: context.states, actions: context.actions };

  const free = vacancies(drawn, quota, names);
  if (free === 0 && !options.force) {
    throw new LotteryRefusal("no-vacancy", {
      ja: `欠員がありません（当選枠 ${quota}件はすべて埋まっています）。繰り上げは行いませんでした`,
      en: `no vacancy: all ${quota} places are taken; nobody was promoted`,
    });
  }
  const count = options.count ?? Math.max(free, 1);
  if (count > free && !options.force) {
    throw new LotteryRefusal("no-vacancy", {
      ja: `欠員は${free}件です。${count}件の繰り上げはできません`,
      en: `there are ${free} vacancies; ${count} cannot be promoted`,
    });
  }
  const chosen = nextToPromote(drawn, count, names);
  if (chosen.length === 0) {
    throw new LotteryRefusal("waitlist-empty", {
      ja: "補欠の申込が残っていません。繰り上げできません",
      en: "the waitlist is empty; nobody can be promoted",
    });
  }

  const covered = new Set(
    log
      .filter((entry) => entry.kind === LOTTERY_LOG_KINDS.promotion)
      .flatMap((entry) => (entry.ranking as PromotionLogRanking | null)?.declined ?? []),
  );
  // A place is freed by a 辞退 or a 取消 (spec §3) of someone who held one.
  const freedStates = [context.states.declined, context.states.ineligible];
  const declined = drawn
    .filter(
      (a) =>
        freedStates.includes(a.status) &&
        a.lottery_result === LOTTERY_RESULTS.winner &&
        !covered.has(a.key),
    )
    .map((a) => a.key);
  const promoted = chosen.map((a) => ({
    key: a.key,
    rank: a.rank ?? 0,
    waitlist_no: a.waitlist_no ?? 0,
    revision: a.revision,
  }));
  const runId = newRunId("promotion");
  const reason = promotionReason(declined, promoted, options);
  const entry = await promotionEntry(log, {
    runId,
    draw,
    quota,
    declined,
    promoted: promoted.map(({ key, rank, waitlist_no }) => ({ key, rank, waitlist_no })),
    reason,
  });
  const outcome: PromotionOutcome = {
    runId,
    drawRunId: draw.run_id,
    promoted: promoted.map(({ key, waitlist_no }) => ({ key, waitlist_no })),
    declined,
    vacanciesBefore: free,
    unfilled: Math.max(0, count - promoted.length),
    chainHead: entry.entryHash,
  };
  if (options.dryRun) return outcome;
  // The status update names the action in the caller's display language (resolved with the Program).
  const { promote } = await context.program.callerActions();
  const requests: unknown[] = [appendRequest(context, entry)];
  for (let i = 0; i < promoted.length; i += RECORDS_PER_WRITE) {
    const group = promoted.slice(i, i + RECORDS_PER_WRITE);
    requests.push(
      {
        method: "PUT",
        endpointName: "records",
        payload: {
          app: context.apps.applications,
          records: group.map((p) => ({
            id: p.key,
            revision: p.revision,
            record: { [context.field("lottery_result")]: { value: LOTTERY_RESULTS.winner } },
          })),
        },
      },
      {
        method: "PUT",
        endpointName: "records/status",
        payload: {
          app: context.apps.applications,
          records: group.map((p) => ({
            id: p.key,
            action: promote,
            revision: String(Number(p.revision) + 1),
          })),
        },
      },
    );
  }
  await sendBulk(context, {
    runId,
    requests,
    writes: promoted.map((p) => ({
      id: p.key,
      revision: p.revision,
      entry: {
        key: p.key,
        rank: p.rank,
        result: LOTTERY_RESULTS.winner,
        waitlist_no: p.waitlist_no,
      },
    })),
    appendSequence: entry.content.sequence,
  });
  context.onProgress(promoted.length, promoted.length);
  return outcome;
}

function completedDraw(log: readonly LogRecord[]): LogRecord {
  const draw = log.find((entry) => entry.kind === LOTTERY_LOG_KINDS.draw);
  if (!draw) {
    throw new LotteryRefusal("no-draw", {
      ja: "抽選がまだ行われていません。繰り上げは抽選の後に行えます",
      en: "there has been no draw yet; promotion comes after the draw",
    });
  }
  if (draw.state !== LOTTERY_LOG_STATES.completed) {
    throw new LotteryRefusal("draw-incomplete", {
      ja: `抽選 ${draw.run_id} の書き込みが途中です。先に再開して完了させてください（followup draw --resume）`,
      en: `draw ${draw.run_id} is unfinished; resume it first (followup draw --resume)`,
    });
  }
  return draw;
}

async function readDrawn(
  context: LotteryContext,
  runId: string,
): Promise<Array<DrawnApplication & { revision: string; rank: number | null }>> {
  const { field, statusField } = context;
  const records = await readPages(
    context,
    context.apps.applications,
    `${field("lottery_run_id")} = ${quote(runId)}`,
    [statusField, field("lottery_result"), field("lottery_rank"), field("waitlist_no")],
  );
  return records.map((r) => ({
    key: fieldText(r, "$id"),
    revision: fieldText(r, "$revision"),
    status: fieldText(r, statusField),
    lottery_result: fieldText(r, field("lottery_result")),
    rank: numberValue(r, field("lottery_rank")),
    waitlist_no: numberValue(r, field("waitlist_no")),
  }));
}

function promotionReason(
  declined: string[],
  promoted: Array<{ key: string; waitlist_no: number }>,
  options: PromotionRequest,
): string {
  const who = promoted.map((p) => `${p.key}（補欠${p.waitlist_no}）`).join(", ");
  const lines = [
    declined.length > 0
      ? `辞退・取消で空いた枠: ${listIds(declined, 1000).ja}`
      : "辞退・取消で空いた枠: なし",
    `繰り上げ: ${who}`,
  ];
  if (options.force) lines.push("欠員なしでの繰り上げ（強制）");
  if (options.note) lines.push(options.note);
  return lines.join("\n");
}
