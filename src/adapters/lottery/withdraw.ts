/**
 * 取消 and 辞退 of a drawn application (spec §3), with the reason, logged in the hash chain as a
 * 取消 entry (a place freed, whoever asked): the entry, the reason and the status change go in one
 * bulkRequest, so none is written without the others. Vacancies are then filled by 繰り上げ.
 */
import { fieldText } from "../../core/application";
import {
  checkProcessAction,
  holdsPlace,
  stateKeyOf,
  type WorkflowRecord,
  workflowRecordFromRecord,
} from "../../core/workflow";
import {
  LOTTERY_ALGORITHM,
  LOTTERY_LOG_KINDS,
  LOTTERY_LOG_STATES,
  PARTICIPATION_INTENTS,
  type StateKey,
} from "../../core/vocabulary";
import { type LotteryOptions, newRunId, operatorAllowed, resolveContext } from "./context";
import { LotteryRefusal, notAllowed } from "./errors";
import { appendRequest, chainEntry, readLog } from "./log";
import { sendBulk } from "./writer";

export interface WithdrawalRequest {
  /** The application's record id. */
  recordId: string;
  /** 取消 (to 対象外) or 辞退 (to 辞退; staff record it on the applicant's behalf). */
  action: "cancel" | "decline";
  reason: string;
  /** Check and describe only; write nothing. */
  dryRun?: boolean;
}

export interface WithdrawalOutcome {
  runId: string;
  recordId: string;
  from: string;
  to: string;
  /** Whether the application held a place (so a vacancy opens for 繰り上げ). */
  freedPlace: boolean;
  chainHead: string;
}

/** What a 取消 entry records in its `ranking` (hashed with the rest of the entry). */
export interface WithdrawalLogRanking {
  key: string;
  action: "取消" | "辞退";
  from: string;
  to: string;
  rank: number | null;
  waitlist_no: number | null;
  lottery_run_id: string;
}

export async function withdrawApplication(
  options: LotteryOptions & WithdrawalRequest,
): Promise<WithdrawalOutcome> {
  const reason = options.reason.trim();
  if (reason === "") {
    throw new LotteryRefusal("reason-required", {
      ja: "取消・辞退の理由を入力してください（記録に残ります）",
      en: "give the reason for the cancellation or withdrawal (it is logged)",
    });
  }
  if (!operatorAllowed(options)) throw notAllowed();
  const context = resolveContext(options);
  const names = { states: context.states, actions: context.actions };
  const { record } = await context.call(() =>
    context.client.record.getRecord({ app: context.apps.applications, id: options.recordId }),
  );
  const current = workflowRecordFromRecord(record, context.field);
  const declining = options.action === "decline";
  // As the record will be when the action runs: the reason (and for 辞退 the applicant's word) set.
  const after = {
    ...current,
    withdrawalReason: reason,
    ...(declining ? { participationIntent: PARTICIPATION_INTENTS.decline } : {}),
  };
  const actionName = context.actions[options.action];
  const refusal = checkProcessAction(after, actionName, {}, names);
  if (refusal) throw new LotteryRefusal("wrong-state", refusal.message, [options.recordId]);

  const log = await readLog(context);
  const entry = await withdrawalEntry(log, context.states, current, options.action, reason);
  const to = entry.ranking.to;
  const runId = entry.runId;
  const outcome: WithdrawalOutcome = {
    runId,
    recordId: current.id,
    from: current.status,
    to,
    freedPlace: holdsPlace(stateKeyOf(current.status, names)),
    chainHead: entry.entry.entryHash,
  };
  if (options.dryRun) return outcome;
  const revision = fieldText(record, "$revision");
  const values: Record<string, { value: string }> = {
    [context.field("withdrawal_reason")]: { value: reason },
  };
  if (declining) {
    values[context.field("participation_intent")] = { value: PARTICIPATION_INTENTS.decline };
  }
  await sendBulk(context, {
    runId,
    requests: [
      appendRequest(context, entry.entry),
      {
        method: "PUT",
        endpointName: "record",
        payload: { app: context.apps.applications, id: current.id, revision, record: values },
      },
      {
        method: "PUT",
        endpointName: "record/status",
        payload: {
          app: context.apps.applications,
          id: current.id,
          action: actionName,
          revision: String(Number(revision) + 1),
        },
      },
    ],
    writes: [],
    appendSequence: entry.entry.content.sequence,
  });
  return outcome;
}

/** The 取消 entry recording a 取消 or 辞退 of `current`, chained onto `log`. */
async function withdrawalEntry(
  log: Awaited<ReturnType<typeof readLog>>,
  states: Record<StateKey, string>,
  current: WorkflowRecord,
  action: WithdrawalRequest["action"],
  reason: string,
) {
  const declining = action === "decline";
  const runId = newRunId(declining ? "decline" : "cancel");
  const ranking: WithdrawalLogRanking = {
    key: current.id,
    action: declining ? "辞退" : "取消",
    from: current.status,
    to: declining ? states.declined : states.ineligible,
    rank: current.lotteryRank,
    waitlist_no: current.waitlistNo,
    lottery_run_id: current.lotteryRunId,
  };
  const entry = await chainEntry(
    log,
    {
      run_id: runId,
      kind: LOTTERY_LOG_KINDS.cancellation,
      algorithm: LOTTERY_ALGORITHM,
      seed: "",
      pool_fingerprint: "",
      pool_size: null,
      quota: null,
      pool: null,
      ranking,
      reason,
    },
    LOTTERY_LOG_STATES.completed,
  );
  return { runId, ranking, entry };
}

/**
 * For kintone's own status bar (the plugin's process guard): logs the 取消 or 辞退 the screen is
 * about to make, once its guard has passed. kintone then changes the status; the entry comes first
 * so that no place is ever freed without a trace.
 */
export async function logWithdrawal(
  options: LotteryOptions & { record: WorkflowRecord; action: WithdrawalRequest["action"] },
): Promise<string> {
  const context = resolveContext(options);
  const log = await readLog(context);
  const { entry } = await withdrawalEntry(
    log,
    context.states,
    options.record,
    options.action,
    options.record.withdrawalReason.trim(),
  );
  const { app, record } = appendRequest(context, entry).payload;
  await context.call(() => context.client.record.addRecords({ app, records: [record] }));
  return entry.entryHash;
}
