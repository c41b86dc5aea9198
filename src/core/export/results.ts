import { fieldText, type KintoneRecordLike } from "../application";
import { ELIGIBILITY_LABELS, LOTTERY_RESULTS } from "../vocabulary";
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
] as const;

/**
 * What the e-mail tells the applicant: the lottery's result where there is one, 対象外 when
 * screening excluded the application from the draw, otherwise 未抽選 (not drawn yet).
 */
export function resultOf(record: KintoneRecordLike): string {
  const lottery = fieldText(record, "lottery_result");
  if (lottery === LOTTERY_RESULTS.winner || lottery === LOTTERY_RESULTS.waitlisted) return lottery;
  if (fieldText(record, "eligibility") === ELIGIBILITY_LABELS.ineligible) {
    return ELIGIBILITY_LABELS.ineligible;
  }
  return LOTTERY_RESULTS.undrawn;
}

export function resultRow(record: KintoneRecordLike): string[] {
  const result = resultOf(record);
  return [
    fieldText(record, "application_no"),
    fieldText(record, "company_name"),
    fieldText(record, "contact_name"),
    fieldText(record, "contact_email"),
    result,
    result === LOTTERY_RESULTS.waitlisted ? fieldText(record, "waitlist_no") : "",
    result === LOTTERY_RESULTS.undrawn || result === ELIGIBILITY_LABELS.ineligible
      ? ""
      : fieldText(record, "lottery_run_id"),
  ];
}

/** One row per application, in 受付番号 order, as CSV for Excel and mail-merge tools. */
export function resultsCsv(records: readonly KintoneRecordLike[]): string {
  const rows = records.map(resultRow);
  rows.sort((a, b) => Number(a[0]) - Number(b[0]) || (a[0] ?? "").localeCompare(b[0] ?? ""));
  return toCsv(RESULT_COLUMNS, rows);
}
