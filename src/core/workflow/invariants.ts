/**
 * Every process guard is also an invariant (spec §3): REST, CSV import and FormBridge bypass the
 * plugin's guards, so `followup audit` and screening re-check all records with this function.
 */
import type { FieldResolver, KintoneRecordLike } from "../application";
import type { Localized } from "../i18n";
import type { StateKey } from "../vocabulary";
import { ELIGIBILITY_LABELS, LOTTERY_RESULTS } from "../vocabulary";
import {
  DEFAULT_PROCESS_NAMES,
  guardHolds,
  hasWaitlistValues,
  stateKeyOf,
  type GuardId,
  type ProcessNames,
  type WorkflowRecord,
} from "./process";
import { applicationNoKey, workflowRecordFromRecord } from "./record";

export type InvariantId =
  | "UNKNOWN_STATUS"
  | "WINNER_WITHOUT_RANK"
  | "WAITLIST_WITHOUT_NUMBER"
  | "INELIGIBLE_NOT_SCREENED_OUT"
  | "INELIGIBLE_IN_PROGRAM"
  | "CONFIRMED_WITHOUT_INTENT"
  | "DECLINED_WITHOUT_INTENT"
  | "ANSWERED_WITHOUT_QUESTIONNAIRE"
  | "VISITED_WITHOUT_RECORD"
  | "DRAWN_BUT_NOT_MOVED"
  | "NOT_FROM_COMPLETED_DRAW"
  | "WAITLIST_DUPLICATE"
  | "WAITLIST_SKIPPED";

export interface InvariantViolation {
  invariant: InvariantId;
  recordId: string;
  applicationNo: string;
  status: string;
  message: Localized;
}

export interface InvariantOptions {
  /** The Program's field resolver (default: the logical codes). */
  field?: FieldResolver;
  names?: ProcessNames;
  /**
   * The run ids of the completed draws in the lottery log (empty when none ran). Given, every
   * lottery result must come from one of them: only the draw makes winners.
   */
  completedDrawRunIds?: ReadonlySet<string>;
}

/** States reached only through winning the lottery (directly or by promotion). */
const WINNER_PATH: readonly StateKey[] = ["winner", "confirmed", "questionnaireDone", "visited"];

/** Which guard each state rests on: being in the state means the guard held when it was entered (and must still). */
const STATE_GUARDS: Array<{ states: readonly StateKey[]; guard: GuardId; invariant: InvariantId }> =
  [
    {
      states: ["ineligible"],
      guard: "ELIGIBILITY_INELIGIBLE",
      invariant: "INELIGIBLE_NOT_SCREENED_OUT",
    },
    {
      states: ["confirmed", "questionnaireDone", "visited"],
      guard: "INTENT_PARTICIPATE",
      invariant: "CONFIRMED_WITHOUT_INTENT",
    },
    { states: ["declined"], guard: "INTENT_DECLINE", invariant: "DECLINED_WITHOUT_INTENT" },
    {
      states: ["questionnaireDone", "visited"],
      guard: "QUESTIONNAIRE_EXISTS",
      invariant: "ANSWERED_WITHOUT_QUESTIONNAIRE",
    },
    { states: ["visited"], guard: "VISIT_RECORDED", invariant: "VISITED_WITHOUT_RECORD" },
  ];

function messageOf(invariant: InvariantId, r: WorkflowRecord): Localized {
  switch (invariant) {
    case "UNKNOWN_STATUS":
      return {
        ja: `ステータス「${r.status}」はプラグイン設定の状態名にありません。`,
        en: `The status "${r.status}" is not one of the state names in the plugin settings.`,
      };
    case "WINNER_WITHOUT_RANK":
      return {
        ja: `状態「${r.status}」ですが、抽選結果が「当選」でないか抽選順位がありません。`,
        en: `The status is ${r.status} but the lottery result is not 当選 or there is no rank.`,
      };
    case "WAITLIST_WITHOUT_NUMBER":
      return {
        ja: "状態「補欠」ですが、抽選結果が「補欠」でないか補欠順位がありません。",
        en: "The status is 補欠 but the lottery result is not 補欠 or there is no waitlist number.",
      };
    case "INELIGIBLE_NOT_SCREENED_OUT":
      return {
        ja: "状態「対象外」ですが、審査結果が「対象外」ではありません。",
        en: "The status is 対象外 but the screening result is not 対象外.",
      };
    case "INELIGIBLE_IN_PROGRAM":
      return {
        ja: `審査結果が「${r.eligibility}」の申込が状態「${r.status}」にあります。抽選の対象は「適格」だけです。`,
        en: `An application screened as ${r.eligibility} is in status ${r.status}; only 適格 applications are drawn.`,
      };
    case "CONFIRMED_WITHOUT_INTENT":
      return {
        ja: `状態「${r.status}」ですが、参加意思が「参加する」ではありません。`,
        en: `The status is ${r.status} but the participation intent is not 参加する.`,
      };
    case "DECLINED_WITHOUT_INTENT":
      return {
        ja: "状態「辞退」ですが、参加意思が「辞退する」ではありません。",
        en: "The status is 辞退 but the participation intent is not 辞退する.",
      };
    case "ANSWERED_WITHOUT_QUESTIONNAIRE":
      return {
        ja: `状態「${r.status}」ですが、この申込の質問票がありません。`,
        en: `The status is ${r.status} but no questionnaire links to this application.`,
      };
    case "VISITED_WITHOUT_RECORD":
      return {
        ja: "状態「訪問済」ですが、訪問日または訪問専門家が空です。",
        en: "The status is 訪問済 but the visit date or the expert is empty.",
      };
    case "DRAWN_BUT_NOT_MOVED":
      return {
        ja: `抽選結果「${r.lotteryResult}」が記録されていますが、状態が「${r.status}」のままです（抽選の書き込みが途中で止まった可能性があります）。`,
        en: `The lottery result ${r.lotteryResult} is recorded but the status is still ${r.status} (the draw may have stopped half-way).`,
      };
    case "NOT_FROM_COMPLETED_DRAW":
      return r.lotteryRunId === ""
        ? {
            ja: `抽選結果「${r.lotteryResult || r.status}」がありますが抽選IDがありません。当選・補欠は抽選だけが決めます（手で書かれた可能性があります）。`,
            en: `Has the lottery outcome ${r.lotteryResult || r.status} but no run id. Only the draw makes winners (it may have been written by hand).`,
          }
        : {
            ja: `抽選ID「${r.lotteryRunId}」の完了した抽選が抽選記録にありません（手で書かれたか、抽選記録が削除された可能性があります）。`,
            en: `The lottery log has no completed draw with run id "${r.lotteryRunId}" (written by hand, or the log entry was deleted).`,
          };
    case "WAITLIST_DUPLICATE":
      return {
        ja: `補欠順位 ${r.waitlistNo} が複数の申込に付いています。`,
        en: `Waitlist number ${r.waitlistNo} is given to more than one application.`,
      };
    case "WAITLIST_SKIPPED":
      return {
        ja: `補欠順位 ${r.waitlistNo} のこの申込より後の補欠が先に繰り上げられています。`,
        en: `An application later in the waitlist than this one (number ${r.waitlistNo}) was promoted first.`,
      };
  }
}

/**
 * A place is held by a winner of the draw (当選 with a rank) or by a promoted waitlisted application
 * (a rank and a waitlist number; promotion may leave lottery_result at 補欠 or set it to 当選).
 */
function holdsWinningPlace(r: WorkflowRecord): boolean {
  if (r.lotteryRank === null) return false;
  if (r.lotteryResult === LOTTERY_RESULTS.winner) return true;
  return r.lotteryResult === LOTTERY_RESULTS.waitlisted && r.waitlistNo !== null;
}

/** 取消 moves a drawn record to 対象外 with a reason whatever its screening said (spec §3). */
function cancelledAfterDraw(r: WorkflowRecord): boolean {
  return r.lotteryRunId !== "" && r.withdrawalReason.trim() !== "";
}

/**
 * Checks every record against the invariants of spec §3. `records` are kintone records (REST
 * shape: `$id`, the status field and the mapped fields); `questionnaireLinks` are the
 * application numbers that questionnaire records point to.
 */
export function findInvariantViolations(
  records: readonly KintoneRecordLike[],
  questionnaireLinks: Iterable<string | number>,
  options: InvariantOptions = {},
): InvariantViolation[] {
  const names = options.names ?? DEFAULT_PROCESS_NAMES;
  const answered = new Set<string>();
  for (const link of questionnaireLinks) answered.add(applicationNoKey(link));
  const violations: InvariantViolation[] = [];
  const report = (invariant: InvariantId, r: WorkflowRecord) =>
    violations.push({
      invariant,
      recordId: r.id,
      applicationNo: r.applicationNo,
      status: r.status,
      message: messageOf(invariant, r),
    });

  const parsed = records.map((record) => workflowRecordFromRecord(record, options.field));
  for (const r of parsed) {
    const state = stateKeyOf(r.status, names);
    if (!state) {
      report("UNKNOWN_STATUS", r);
      continue;
    }
    if (WINNER_PATH.includes(state) && !holdsWinningPlace(r)) report("WINNER_WITHOUT_RANK", r);
    // The values only: where they came from is NOT_FROM_COMPLETED_DRAW's question.
    if (state === "waitlisted" && !hasWaitlistValues(r)) report("WAITLIST_WITHOUT_NUMBER", r);
    const context = { hasQuestionnaire: answered.has(r.applicationNo) };
    for (const rule of STATE_GUARDS) {
      if (rule.invariant === "INELIGIBLE_NOT_SCREENED_OUT" && cancelledAfterDraw(r)) continue;
      if (rule.states.includes(state) && guardHolds(rule.guard, r, context) !== true) {
        report(rule.invariant, r);
      }
    }
    const drawnStates: readonly StateKey[] = [...WINNER_PATH, "waitlisted"];
    if (drawnStates.includes(state) && r.eligibility !== ELIGIBILITY_LABELS.eligible) {
      report("INELIGIBLE_IN_PROGRAM", r);
    }
    const drawn =
      r.lotteryResult === LOTTERY_RESULTS.winner || r.lotteryResult === LOTTERY_RESULTS.waitlisted;
    if (state === "applied" && drawn) report("DRAWN_BUT_NOT_MOVED", r);
    const drawnByState = drawnStates.includes(state);
    const completed = options.completedDrawRunIds;
    if (completed && (drawn || drawnByState) && !completed.has(r.lotteryRunId)) {
      report("NOT_FROM_COMPLETED_DRAW", r);
    }
  }
  reportWaitlistOrder(parsed, names, report);
  return violations;
}

/**
 * Waitlist numbers are unique, and promotion (補欠 → 当選) goes in their order: nobody still in 補欠
 * may have a lower number than someone already promoted. Declined records keep their number and do
 * not count either way.
 */
function reportWaitlistOrder(
  records: readonly WorkflowRecord[],
  names: ProcessNames,
  report: (invariant: InvariantId, r: WorkflowRecord) => void,
): void {
  const numbered = records.flatMap((r) => (r.waitlistNo === null ? [] : [{ r, no: r.waitlistNo }]));
  const byNumber = new Map<number, WorkflowRecord[]>();
  for (const { r, no } of numbered) byNumber.set(no, [...(byNumber.get(no) ?? []), r]);
  for (const group of byNumber.values()) {
    if (group.length > 1) group.forEach((r) => report("WAITLIST_DUPLICATE", r));
  }
  let highestPromoted = -Infinity;
  for (const { r, no } of numbered) {
    const state = stateKeyOf(r.status, names);
    if (state !== undefined && WINNER_PATH.includes(state))
      highestPromoted = Math.max(highestPromoted, no);
  }
  for (const { r, no } of numbered) {
    if (r.status === names.states.waitlisted && no < highestPromoted) report("WAITLIST_SKIPPED", r);
  }
}
