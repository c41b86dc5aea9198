/**
 * What a person does with a screening proposal (spec v2 §3, §4): confirm the proposed 対象外
 * (対象外登録, all in one bulk request), record a staff_decision with its reason, or bring a
 * confirmed 対象外 back to 申込受付 before the draw (差し戻し, logged in the lottery log).
 */
import { fieldText, type KintoneRecordLike } from "../../core/application";
import type { Localized } from "../../core/i18n";
import { LOTTERY_LOG_KINDS, LOTTERY_LOG_STATES, STAFF_DECISIONS } from "../../core/vocabulary";
import { statusOf } from "../../core/workflow/record";
import { chunk } from "../kintoneLimits";
import { type LotteryOptions, resolveContext } from "../lottery/context";
import { appendRequest, chainEntry, readLog } from "../lottery/log";
import { appOf, type Program } from "../program";

/** A refusal said to the person, in both languages. */
export class DecisionRefusal extends Error {
  constructor(readonly text: Localized) {
    super(text.en);
    this.name = "DecisionRefusal";
  }
}

export interface ConfirmIneligibleOptions {
  /** The records to move, with the revision they were screened at. */
  records: ReadonlyArray<{ id: string; revision?: string }>;
  onProgress?: (done: number, total: number) => void;
}

/**
 * 対象外登録 for the records a person confirmed: one bulk request (up to 2,000 records, so all or
 * nothing), more only past that. A record edited since it was screened fails the whole bulk (409).
 */
export async function confirmIneligible(
  program: Program,
  options: ConfirmIneligibleOptions,
): Promise<number> {
  const action = program.actions.registerIneligible;
  const app = appOf(program, "applications");
  const { limits } = program;
  const total = options.records.length;
  let done = 0;
  options.onProgress?.(0, total);
  for (const bulk of chunk(
    chunk([...options.records], limits.recordsPerWrite),
    limits.requestsPerBulk,
  )) {
    await program.call(() =>
      program.client.bulkRequest({
        requests: bulk.map((records) => ({
          method: "PUT" as const,
          endpointName: "records/status" as const,
          payload: {
            app,
            records: records.map(({ id, revision }) => ({
              id,
              action,
              ...(revision ? { revision } : {}),
            })),
          },
        })),
      }),
    );
    done += bulk.reduce((sum, records) => sum + records.length, 0);
    options.onProgress?.(done, total);
  }
  return done;
}

export type DecisionChoice = keyof typeof STAFF_DECISIONS;

export interface StaffDecisionOptions {
  id: string;
  decision: DecisionChoice;
  reason: string;
  /** The signature of the screening the person looked at: the decision holds while it is unchanged. */
  signature: string;
  revision?: string;
}

const REASON_LIMIT = 10_000;

/** Records a person's decision (or clears it with "none"); a decision needs a reason. */
export async function recordStaffDecision(
  program: Program,
  options: StaffDecisionOptions,
): Promise<void> {
  const reason = options.reason.trim();
  if (options.decision !== "none" && reason === "") {
    throw new DecisionRefusal({
      ja: "事務局の判断には理由が必要です。判断の理由を入力してください。",
      en: "A decision needs a reason. Enter the reason for the decision.",
    });
  }
  if (reason.length > REASON_LIMIT) {
    throw new DecisionRefusal({
      ja: `判断の理由は${REASON_LIMIT}文字以内にしてください（${reason.length}文字）。`,
      en: `The reason may have at most ${REASON_LIMIT} characters (it has ${reason.length}).`,
    });
  }
  const code = program.field;
  const record: Record<string, { value: string }> = {
    [code("staff_decision")]: { value: STAFF_DECISIONS[options.decision] },
    [code("staff_decision_reason")]: { value: reason },
  };
  if (code("screening_signature") !== "") {
    record[code("screening_signature")] = { value: options.signature };
  }
  await program.call(() =>
    program.client.record.updateRecords({
      app: appOf(program, "applications"),
      records: [
        {
          id: options.id,
          record,
          ...(options.revision ? { revision: options.revision } : {}),
        },
      ],
    }),
  );
}

export interface SendBackOptions extends LotteryOptions {
  id: string;
  reason: string;
}

/**
 * 差し戻し (対象外 → 申込受付) before the draw, with a reason, logged as a 差し戻し entry in the
 * lottery log. The status change, the cleared staff decision and the log entry go in one bulk
 * request, so none is written without the others. The record is then screened again as any other.
 */
export async function sendBack(options: SendBackOptions): Promise<{ runId: string }> {
  const reason = options.reason.trim();
  if (reason === "") {
    throw new DecisionRefusal({
      ja: "差し戻しには理由が必要です。理由を入力してください。",
      en: "Sending back needs a reason. Enter the reason.",
    });
  }
  const context = resolveContext(options);
  const { states } = context;
  const log = await readLog(context);
  if (log.some((e) => e.kind === LOTTERY_LOG_KINDS.draw)) {
    throw new DecisionRefusal({
      ja: "抽選が行われた後は差し戻しできません（抽選の母集団が確定しているため）。",
      en: "Nothing can be sent back after the draw (its pool is fixed).",
    });
  }
  const { record } = await context.call(() =>
    context.client.record.getRecord({ app: context.apps.applications, id: options.id }),
  );
  const current = record as KintoneRecordLike;
  if (statusOf(current) !== states.ineligible) {
    throw new DecisionRefusal({
      ja: `この申込は「${states.ineligible}」ではないため差し戻しできません（現在：${statusOf(current)}）。`,
      en: `This application is not in "${states.ineligible}" and cannot be sent back (now: ${statusOf(current)}).`,
    });
  }
  const runId = globalThis.crypto.randomUUID();
  const entry = await chainEntry(
    log,
    {
      run_id: runId,
      kind: LOTTERY_LOG_KINDS.sendBack,
      algorithm: "",
      seed: "",
      pool_fingerprint: "",
      pool_size: null,
      quota: null,
      pool: [options.id],
      ranking: null,
      reason,
    },
    LOTTERY_LOG_STATES.completed,
  );
  const revision = fieldText(current, "$revision");
  await context.call(() =>
    context.client.bulkRequest({
      requests: [
        {
          method: "PUT" as const,
          endpointName: "record" as const,
          payload: {
            app: context.apps.applications,
            id: options.id,
            ...(revision ? { revision } : {}),
            record: {
              [context.field("staff_decision")]: { value: STAFF_DECISIONS.none },
            },
          },
        },
        {
          method: "PUT" as const,
          endpointName: "record/status" as const,
          payload: {
            app: context.apps.applications,
            id: options.id,
            action: context.actions.sendBack,
          },
        },
        appendRequest(context, entry),
      ],
    }),
  );
  return { runId };
}
