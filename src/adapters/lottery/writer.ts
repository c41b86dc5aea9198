/**
 * Writes a ranking onto the applications with the fewest requests kintone allows, never leaving
 * a record half-written: each record's result fields and its status action travel in the same
 * bulkRequest (all or nothing), 100 records per call, 20 calls per bulk, i.e. 1,000 records.
 * Every update carries the revision read, so a record edited meanwhile fails its bulk (409)
 * instead of being overwritten.
 *
 * The log entry rides along: its append goes into the first bulk (the seed and ranking are
 * committed no later than the first record) and its 完了 update into the last one when there is
 * room, so a draw of up to 900 records is a single bulk with the log entry already 完了.
 */
import type { RankedEntry } from "../../core/lottery";
import { LOTTERY_LOG_STATES, LOTTERY_RESULTS } from "../../core/vocabulary";
import { type LotteryContext, readPages } from "./context";
import { fieldText } from "../../core/application";
import { RECORDS_PER_WRITE, REQUESTS_PER_BULK } from "../kintoneLimits";
import { isConflictError, isPermissionError, listIds, LotteryRefusal, notAllowed } from "./errors";
import { appendRequest, completeRequest, type LogRecord, type NewEntry, readLog } from "./log";

export interface PendingWrite {
  id: string;
  /** The revision read; the update fails if the record has changed since. */
  revision: string;
  entry: RankedEntry;
}

export interface BulkPlan {
  from: number;
  to: number;
  append: boolean;
  complete: boolean;
}

/** Splits `total` records into bulks: the first carries the log append, the last the 完了 update if it fits. */
export function planBulks(total: number, appendFirst: boolean): BulkPlan[] {
  const bulks: BulkPlan[] = [];
  let from = 0;
  let slotsLeft = 0;
  do {
    const append = bulks.length === 0 && appendFirst;
    const slots = REQUESTS_PER_BULK - (append ? 1 : 0);
    const count = Math.min(total - from, Math.floor(slots / 2) * RECORDS_PER_WRITE);
    slotsLeft = slots - 2 * Math.ceil(count / RECORDS_PER_WRITE);
    bulks.push({ from, to: from + count, append, complete: false });
    from += count;
  } while (from < total);
  const last = bulks[bulks.length - 1];
  if (last && slotsLeft > 0) last.complete = true;
  else bulks.push({ from: total, to: total, append: false, complete: true });
  return bulks;
}

export interface WriteRankingInput {
  runId: string;
  writes: PendingWrite[];
  /** A new draw: the entry to append with the first bulk. */
  append?: NewEntry;
  /** A resumed draw: its log record, to mark 完了 at the end. */
  logRecord?: Pick<LogRecord, "recordId" | "revision">;
  /** Called after each bulk is stored; throwing stops the run there (tests simulate a crash so). */
  onChunkWritten?: (chunk: number, chunks: number) => void | Promise<void>;
}

export interface WriteRankingResult {
  bulkRequests: number;
  logRecordId: string;
}

export async function writeRanking(
  context: LotteryContext,
  input: WriteRankingInput,
): Promise<WriteRankingResult> {
  const bulks = planBulks(input.writes.length, input.append !== undefined);
  // Status updates name the action in the caller's display language (resolved with the Program).
  const spoken = { ...context, actions: await context.program.callerActions() };
  let logRecord = input.logRecord;
  let bulkRequests = 0;
  for (const [index, bulk] of bulks.entries()) {
    const requests: unknown[] = [];
    if (bulk.append && input.append) {
      const state = bulk.complete ? LOTTERY_LOG_STATES.completed : LOTTERY_LOG_STATES.started;
      requests.push(appendRequest(context, { ...input.append, state }));
    }
    const slice = input.writes.slice(bulk.from, bulk.to);
    for (let i = 0; i < slice.length; i += RECORDS_PER_WRITE) {
      requests.push(...recordRequests(spoken, input.runId, slice.slice(i, i + RECORDS_PER_WRITE)));
    }
    if (bulk.complete && !bulk.append) {
      if (!logRecord) throw new Error("writeRanking: no log record to complete");
      requests.push(
        completeRequest(
          context,
          logRecord.recordId,
          logRecord.revision,
          LOTTERY_LOG_STATES.completed,
        ),
      );
    }
    const stored = await sendBulk(context, {
      runId: input.runId,
      requests,
      writes: slice,
      appendSequence: bulk.append ? input.append?.content.sequence : undefined,
      raceLost: concurrentDraw,
    });
    bulkRequests++;
    if (bulk.append) logRecord = stored.appended ?? logRecord;
    context.onProgress(bulk.to, input.writes.length);
    await input.onChunkWritten?.(index + 1, bulks.length);
  }
  return { bulkRequests, logRecordId: logRecord?.recordId ?? "" };
}

function recordRequests(context: LotteryContext, runId: string, writes: PendingWrite[]) {
  const { field } = context;
  const update = {
    method: "PUT" as const,
    endpointName: "records" as const,
    payload: {
      app: context.apps.applications,
      records: writes.map(({ id, revision, entry }) => ({
        id,
        revision,
        record: {
          [field("lottery_result")]: { value: entry.result },
          [field("lottery_rank")]: { value: String(entry.rank) },
          [field("waitlist_no")]: {
            value: entry.waitlist_no === null ? "" : String(entry.waitlist_no),
          },
          [field("lottery_run_id")]: { value: runId },
        },
      })),
    },
  };
  const status = {
    method: "PUT" as const,
    endpointName: "records/status" as const,
    payload: {
      app: context.apps.applications,
      records: writes.map(({ id, revision, entry }) => ({
        id,
        action:
          entry.result === LOTTERY_RESULTS.winner
            ? context.actions.registerWinner
            : context.actions.registerWaitlist,
        revision: String(Number(revision) + 1),
      })),
    },
  };
  return [update, status];
}

export interface BulkInput {
  runId: string;
  requests: unknown[];
  /** The application updates inside, to name the ones that changed if the bulk conflicts. */
  writes: PendingWrite[];
  /** The sequence of the log entry appended in this bulk, if any. */
  appendSequence?: number;
  /** What to say when another entry took that sequence first (default: run again). */
  raceLost?: () => LotteryRefusal;
}

/**
 * Sends one bulkRequest (429/503 retried; it is all or nothing, so a retry is safe) and turns a
 * failure into what the operator must know: not allowed, a record changed (named), or another
 * log entry appended at the same moment.
 */
export async function sendBulk(
  context: LotteryContext,
  input: BulkInput,
): Promise<{ appended?: Pick<LogRecord, "recordId" | "revision"> }> {
  const appends = input.appendSequence !== undefined;
  try {
    const { results } = await context.call(() =>
      context.client.bulkRequest({
        requests: input.requests as Parameters<typeof context.client.bulkRequest>[0]["requests"],
      }),
    );
    const first = results[0] as { id?: string; revision?: string } | undefined;
    return appends && first?.id
      ? { appended: { recordId: first.id, revision: first.revision ?? "1" } }
      : {};
  } catch (error) {
    if (isPermissionError(error)) throw notAllowed();
    // A bulk retried after kintone had stored it (the answer was lost) fails on revisions or on
    // the log's unique sequence: look at what is there before calling it a failure.
    if (appends) {
      const log = await readLog(context);
      const ours = log.find((entry) => entry.run_id === input.runId);
      if (ours) return { appended: ours };
      if ((log.at(-1)?.sequence ?? 0) >= (input.appendSequence ?? 0)) {
        throw input.raceLost?.() ?? concurrentAppend();
      }
    }
    if (isConflictError(error)) {
      const changed = await changedRecords(context, input.runId, input.writes);
      if (changed.length === 0 && !appends) return {};
      if (changed.length > 0) throw conflict(changed);
    }
    throw error;
  }
}

/** Records of `writes` that someone else changed since they were read (ours already written are fine). */
async function changedRecords(
  context: LotteryContext,
  runId: string,
  writes: PendingWrite[],
): Promise<string[]> {
  const runIdField = context.field("lottery_run_id");
  const changed: string[] = [];
  for (let i = 0; i < writes.length; i += RECORDS_PER_WRITE) {
    const group = writes.slice(i, i + RECORDS_PER_WRITE);
    const records = await readPages(
      context,
      context.apps.applications,
      `$id in (${group.map((w) => w.id).join(", ")})`,
      [runIdField],
    );
    const current = new Map(records.map((r) => [fieldText(r, "$id"), r]));
    for (const write of group) {
      const record = current.get(write.id);
      const ours = record && fieldText(record, runIdField) === runId;
      if (!ours && fieldText(record ?? {}, "$revision") !== write.revision) changed.push(write.id);
    }
  }
  return changed;
}

function conflict(ids: string[]): LotteryRefusal {
  const list = listIds(ids);
  return new LotteryRefusal(
    "conflict",
    {
      ja: `抽選の書き込み中に他の操作でレコードが更新されたため中止しました。確認するレコード: ${list.ja}。内容を確認してから再開してください`,
      en: `stopped: these records were changed by someone else while the draw was being written: ${list.en}. Check them, then resume`,
    },
    ids,
  );
}

function concurrentDraw(): LotteryRefusal {
  return new LotteryRefusal("draw-exists", {
    ja: "同時に別の抽選が開始されたため、この抽選は行いませんでした（抽選は1回だけです）",
    en: "another draw was started at the same moment; this one was not made (a round is drawn once)",
  });
}

function concurrentAppend(): LotteryRefusal {
  return new LotteryRefusal("concurrent-append", {
    ja: "同時に抽選記録へ別の書き込みがあったため中止しました。もう一度実行してください",
    en: "another lottery log entry was written at the same moment; nothing was changed, please run again",
  });
}
