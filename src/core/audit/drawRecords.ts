/**
 * Do the applications still say what the lottery log says? The log is hash-chained, the records
 * are not: a CSV import or REST call can give an application a result or rank the draw never gave
 * it. Compares every record with the latest completed draw's ranking and the promotions logged
 * after it.
 */
import { type FieldResolver, fieldText, type KintoneRecordLike, sameCodes } from "../application";
import type { Localized } from "../i18n";
import type { ChainedEntry, RankedEntry } from "../lottery";
import { LOTTERY_LOG_KINDS, LOTTERY_RESULTS } from "../vocabulary";
import {
  DEFAULT_PROCESS_NAMES,
  holdsPlace,
  type ProcessNames,
  recordIdOf,
  stateKeyOf,
  statusOf,
} from "../workflow";

export type DrawMismatchId =
  "DRAWN_RECORD_MISSING" | "DRAW_VALUES_CHANGED" | "RESULT_NOT_FROM_DRAW" | "PROMOTION_NOT_LOGGED";

export interface DrawMismatch {
  kind: DrawMismatchId;
  recordId: string;
  applicationNo: string;
  status: string;
  message: Localized;
}

function numberText(value: number | null): string {
  return value === null ? "" : String(value);
}

/** Keys promoted (補欠 → 当選) by promotion entries logged after the draw. */
function promotedKeys(draw: ChainedEntry, log: readonly ChainedEntry[]): Set<string> {
  const keys = new Set<string>();
  for (const entry of log) {
    if (entry.kind !== LOTTERY_LOG_KINDS.promotion || entry.sequence < draw.sequence) continue;
    const promoted = (entry.ranking as { promoted?: Array<{ key?: unknown }> } | null)?.promoted;
    for (const p of Array.isArray(promoted) ? promoted : []) keys.add(String(p.key));
  }
  return keys;
}

export function findDrawMismatches(
  records: readonly KintoneRecordLike[],
  draw: ChainedEntry,
  log: readonly ChainedEntry[],
  names: ProcessNames = DEFAULT_PROCESS_NAMES,
  field: FieldResolver = sameCodes,
): DrawMismatch[] {
  const ranking = (Array.isArray(draw.ranking) ? draw.ranking : []) as RankedEntry[];
  const byKey = new Map(ranking.map((entry) => [entry.key, entry]));
  const promoted = promotedKeys(draw, log);
  const mismatches: DrawMismatch[] = [];
  const seen = new Set<string>();
  for (const record of records) {
    const id = recordIdOf(record);
    seen.add(id);
    const report = (kind: DrawMismatchId, message: Localized) =>
      mismatches.push({
        kind,
        recordId: id,
        applicationNo: fieldText(record, field("application_no")),
        status: statusOf(record),
        message,
      });
    const result = fieldText(record, field("lottery_result"));
    const entry = byKey.get(id);
    if (!entry) {
      if (result === LOTTERY_RESULTS.winner || result === LOTTERY_RESULTS.waitlisted) {
        report("RESULT_NOT_FROM_DRAW", {
          ja: `抽選結果「${result}」がありますが、抽選 ${draw.run_id} の母集団に入っていません。`,
          en: `Has the lottery result ${result} but is not in the pool of draw ${draw.run_id}.`,
        });
      }
      continue;
    }
    const status = statusOf(record);
    if (
      entry.result === LOTTERY_RESULTS.waitlisted &&
      !promoted.has(id) &&
      holdsPlace(stateKeyOf(status, names))
    ) {
      report("PROMOTION_NOT_LOGGED", {
        ja: `補欠順位 ${entry.waitlist_no ?? "-"} の補欠ですが、繰り上げの記録がないまま「${status}」になっています（画面やREST・CSVで状態だけが変えられた可能性があります）。`,
        en: `Waitlisted (number ${entry.waitlist_no ?? "-"}) but in ${status} without a logged promotion (its status was changed outside the 繰り上げ button or command).`,
      });
    }
    // A logged promotion made by the 繰り上げ command sets 当選; one made on kintone's status bar
    // cannot change fields and leaves 補欠. Either is what the log says.
    const promotedResult =
      entry.result === LOTTERY_RESULTS.waitlisted && promoted.has(id) && result === entry.result
        ? entry.result
        : LOTTERY_RESULTS.winner;
    const expectedResult =
      entry.result === LOTTERY_RESULTS.waitlisted && promoted.has(id)
        ? promotedResult
        : entry.result;
    const found = {
      result,
      rank: fieldText(record, field("lottery_rank")),
      waitlistNo: fieldText(record, field("waitlist_no")),
      runId: fieldText(record, field("lottery_run_id")),
    };
    const expected = {
      result: expectedResult,
      rank: String(entry.rank),
      waitlistNo: numberText(entry.waitlist_no),
      runId: draw.run_id,
    };
    if (JSON.stringify(found) !== JSON.stringify(expected)) {
      const show = (v: typeof found) =>
        `${v.result || "-"} / ${v.rank || "-"} / ${v.waitlistNo || "-"} / ${v.runId || "-"}`;
      report("DRAW_VALUES_CHANGED", {
        ja: `抽選結果・抽選順位・補欠順位・抽選ID が抽選記録と違います（記録: ${show(expected)}、レコード: ${show(found)}）。`,
        en: `Lottery result, rank, waitlist number or run id differ from the log (log: ${show(expected)}, record: ${show(found)}).`,
      });
    }
  }
  for (const entry of ranking) {
    if (seen.has(entry.key)) continue;
    mismatches.push({
      kind: "DRAWN_RECORD_MISSING",
      recordId: entry.key,
      applicationNo: "",
      status: "",
      message: {
        ja: `抽選 ${draw.run_id} で順位 ${entry.rank} の申込（レコードID ${entry.key}）が見つかりません（削除された可能性があります）。`,
        en: `The application ranked ${entry.rank} in draw ${draw.run_id} (record ${entry.key}) no longer exists.`,
      },
    });
  }
  return mismatches;
}
