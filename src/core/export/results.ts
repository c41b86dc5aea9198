/**
 * The results file the secretariat merges into the result e-mails: the CURRENT outcome of every
 * application (a winner who declined is 辞退, a promoted one 繰り上げ当選), and with `--since RUN_ID`
 * only those whose outcome changed after that log entry (the promotion mailing).
 */
import { type FieldResolver, fieldText, type KintoneRecordLike, sameCodes } from "../application";
import type { ChainedEntry } from "../lottery";
import { ELIGIBILITY_LABELS, LOTTERY_LOG_KINDS, LOTTERY_RESULTS } from "../vocabulary";
import {
  DEFAULT_PROCESS_NAMES,
  type ProcessNames,
  recordIdOf,
  stateKeyOf,
  statusOf,
} from "../workflow";
import { toCsv } from "./csv";

/** Columns of the file the secretariat merges into the lottery-result e-mail. */
export const RESULT_COLUMNS = [
  "受付番号",
  "企業名",
  "担当者",
  "メール",
  "結果",
  "補欠順位",
  "抽選ID",
  "抽選記録のチェーンの先頭",
] as const;

export const OUTCOMES = {
  undrawn: LOTTERY_RESULTS.undrawn,
  winner: "当選",
  promoted: "繰り上げ当選",
  waitlisted: "補欠",
  declined: "辞退",
  cancelled: "対象外（取消）",
  ineligible: ELIGIBILITY_LABELS.ineligible,
} as const;
export type Outcome = (typeof OUTCOMES)[keyof typeof OUTCOMES];

/** The outcome as the e-mail words it, from the record's status under the app's state names. */
export function resultOf(
  record: KintoneRecordLike,
  names: ProcessNames = DEFAULT_PROCESS_NAMES,
  field: FieldResolver = sameCodes,
): Outcome {
  const drawn = fieldText(record, field("lottery_run_id")) !== "";
  const fromWaitlist = fieldText(record, field("waitlist_no")) !== "";
  switch (stateKeyOf(statusOf(record), names)) {
    case "winner":
    case "confirmed":
    case "questionnaireDone":
    case "visited":
      return fromWaitlist ? OUTCOMES.promoted : OUTCOMES.winner;
    case "waitlisted":
      return OUTCOMES.waitlisted;
    case "declined":
      return OUTCOMES.declined;
    case "ineligible":
      return drawn ? OUTCOMES.cancelled : OUTCOMES.ineligible;
    case "applied":
    case undefined:
      break;
  }
  const lottery = fieldText(record, field("lottery_result"));
  if (lottery === LOTTERY_RESULTS.winner) return OUTCOMES.winner;
  if (lottery === LOTTERY_RESULTS.waitlisted) return OUTCOMES.waitlisted;
  if (fieldText(record, field("eligibility")) === ELIGIBILITY_LABELS.ineligible)
    return OUTCOMES.ineligible;
  return OUTCOMES.undrawn;
}

export function resultRow(
  record: KintoneRecordLike,
  names: ProcessNames = DEFAULT_PROCESS_NAMES,
  chainHead = "",
  field: FieldResolver = sameCodes,
): string[] {
  const result = resultOf(record, names, field);
  const drawnOutcome = result !== OUTCOMES.undrawn && result !== OUTCOMES.ineligible;
  return [
    fieldText(record, field("application_no")),
    fieldText(record, field("company_name")),
    fieldText(record, field("contact_name")),
    fieldText(record, field("contact_email")),
    result,
    result === OUTCOMES.waitlisted ? fieldText(record, field("waitlist_no")) : "",
    drawnOutcome ? fieldText(record, field("lottery_run_id")) : "",
    chainHead,
  ];
}

/** Thrown by `outcomesAsOf` when the log has no entry with the run id given. */
export class UnknownRunError extends Error {
  constructor(readonly runId: string) {
    super(`no lottery log entry ${runId}`);
  }
}

/**
 * Each drawn application's outcome as the log stood right after the entry `runId`: the draw's
 * results, then promotions and 取消 entries in order. Applications the log says nothing of are absent.
 */
export function outcomesAsOf(log: readonly ChainedEntry[], runId: string): Map<string, Outcome> {
  const upTo = log.findIndex((entry) => entry.run_id === runId);
  if (upTo < 0) throw new UnknownRunError(runId);
  const outcomes = new Map<string, Outcome>();
  for (const entry of log.slice(0, upTo + 1)) {
    if (entry.kind === LOTTERY_LOG_KINDS.draw && Array.isArray(entry.ranking)) {
      for (const ranked of entry.ranking as Array<{ key: string; result: string }>) {
        outcomes.set(
          ranked.key,
          ranked.result === LOTTERY_RESULTS.winner ? OUTCOMES.winner : OUTCOMES.waitlisted,
        );
      }
    } else if (entry.kind === LOTTERY_LOG_KINDS.promotion) {
      const ranking = entry.ranking as {
        promoted?: Array<{ key: string }>;
        declined?: string[];
      } | null;
      // Places a promotion fills were freed before it; a 取消 has its own entry, so the rest declined.
      for (const key of ranking?.declined ?? []) {
        if (outcomes.get(key) !== OUTCOMES.cancelled) outcomes.set(key, OUTCOMES.declined);
      }
      for (const p of ranking?.promoted ?? []) outcomes.set(String(p.key), OUTCOMES.promoted);
    } else if (entry.kind === LOTTERY_LOG_KINDS.cancellation) {
      const withdrawal = entry.ranking as { key?: string; action?: string } | null;
      if (withdrawal?.key) {
        outcomes.set(
          withdrawal.key,
          withdrawal.action === "辞退" ? OUTCOMES.declined : OUTCOMES.cancelled,
        );
      }
    }
  }
  return outcomes;
}

export interface ResultsOptions {
  names?: ProcessNames;
  /** The app's field codes (the Program's resolver); the logical codes when omitted. */
  field?: FieldResolver;
  /** The log's newest entry_hash, carried on every row. */
  chainHead?: string;
  /** Only applications whose outcome differs from the one they had right after this entry. */
  since?: { runId: string; log: readonly ChainedEntry[] };
}

/** One row per application (or per changed one), in 受付番号 order. */
export function resultRows(
  records: readonly KintoneRecordLike[],
  options: ResultsOptions = {},
): string[][] {
  const names = options.names ?? DEFAULT_PROCESS_NAMES;
  const field = options.field ?? sameCodes;
  const before = options.since ? outcomesAsOf(options.since.log, options.since.runId) : undefined;
  const chosen = before
    ? records.filter((record) => {
        const then = before.get(recordIdOf(record));
        return then !== undefined && then !== resultOf(record, names, field);
      })
    : records;
  const rows = chosen.map((record) => resultRow(record, names, options.chainHead ?? "", field));
  rows.sort((a, b) => Number(a[0]) - Number(b[0]) || (a[0] ?? "").localeCompare(b[0] ?? ""));
  return rows;
}

/** The rows as CSV for Excel and mail-merge tools. */
export function resultsCsv(
  records: readonly KintoneRecordLike[],
  options: ResultsOptions = {},
): string {
  return toCsv(RESULT_COLUMNS, resultRows(records, options));
}
