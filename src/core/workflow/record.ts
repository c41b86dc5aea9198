import { type FieldResolver, type KintoneRecordLike, sameCodes } from "../application";
import type { ApplicationField } from "../vocabulary";
import type { WorkflowRecord } from "./process";

type TypedRecord = Record<string, { value?: unknown; type?: unknown } | undefined>;

function text(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  return "";
}

function numberOrNull(value: unknown): number | null {
  const raw = text(value).trim();
  if (raw === "") return null;
  const n = Number(raw);
  return Number.isFinite(n) ? n : null;
}

/**
 * The process status of a kintone record. Its field code depends on the user's language
 * (ステータス / Status), so it is found by its type; records without `type` fall back to both codes.
 */
export function statusOf(record: KintoneRecordLike): string {
  const typed = record as TypedRecord;
  for (const field of Object.values(typed)) {
    if (field && field.type === "STATUS") return text(field.value);
  }
  return text(typed["ステータス"]?.value ?? typed.Status?.value);
}

/** The record id (`$id`, or the `__ID__` typed field). */
export function recordIdOf(record: KintoneRecordLike): string {
  const typed = record as TypedRecord;
  if (typed.$id) return text(typed.$id.value);
  for (const field of Object.values(typed)) {
    if (field && field.type === "__ID__") return text(field.value);
  }
  return "";
}

/** The application number as a questionnaire links to it: a record number "APP-12" links as "12". */
export function applicationNoKey(value: unknown): string {
  const raw = text(value).trim();
  const match = /(\d+)$/.exec(raw);
  return match ? String(Number(match[1])) : raw;
}

/** Reads what the process guards need from a kintone record (REST or event), through the Program's field resolver. */
export function workflowRecordFromRecord(
  record: KintoneRecordLike,
  field: FieldResolver = sameCodes,
  fallbackId = "",
): WorkflowRecord {
  const valueOf = (logical: ApplicationField): unknown => {
    const code = field(logical);
    return code === "" ? undefined : record[code]?.value;
  };
  return {
    id: recordIdOf(record) || fallbackId,
    applicationNo: applicationNoKey(valueOf("application_no")),
    status: statusOf(record),
    eligibility: text(valueOf("eligibility")),
    staffDecision: text(valueOf("staff_decision")),
    lotteryResult: text(valueOf("lottery_result")),
    lotteryRank: numberOrNull(valueOf("lottery_rank")),
    waitlistNo: numberOrNull(valueOf("waitlist_no")),
    lotteryRunId: text(valueOf("lottery_run_id")).trim(),
    participationIntent: text(valueOf("participation_intent")),
    visitDate: text(valueOf("visit_date")),
    expertName: text(valueOf("expert_name")),
    withdrawalReason: text(valueOf("withdrawal_reason")),
  };
}
