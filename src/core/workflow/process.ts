/**
 * Process management of the applications app (spec §3) as data: which action leads from which
 * states to which state, and the guard each action must pass. kintone runs plugin guards only on its
 * own screens, so the same guards are re-checked as invariants over all records (invariants.ts).
 */
import type { Localized } from "../i18n";
import {
  ACTIONS,
  LOTTERY_RESULTS,
  PARTICIPATION_INTENTS,
  PLACE_STATES,
  STATES,
  ELIGIBILITY_LABELS,
  STAFF_DECISIONS,
  type ActionKey,
  type StateKey,
} from "../vocabulary";

/** The state and action names of an app (an existing app may call them differently; see the plugin config). */
export interface ProcessNames {
  states: Record<StateKey, string>;
  actions: Record<ActionKey, string>;
}

export const DEFAULT_PROCESS_NAMES: ProcessNames = {
  states: { ...STATES },
  actions: { ...ACTIONS },
};

/** What a guard needs to know about one application (logical values, option labels as in spec §2.1). */
export interface WorkflowRecord {
  /** `$id` */
  id: string;
  applicationNo: string;
  /** The process status as kintone names it in this app. */
  status: string;
  eligibility: string;
  /** staff_decision (spec v2 §2.1): a person's 適格とする / 対象外とする overrides the proposal. */
  staffDecision?: string;
  lotteryResult: string;
  lotteryRank: number | null;
  waitlistNo: number | null;
  lotteryRunId: string;
  participationIntent: string;
  visitDate: string;
  expertName: string;
  withdrawalReason: string;
}

export type GuardId =
  | "LOTTERY_RESULT_WINNER"
  | "LOTTERY_RESULT_WAITLIST"
  | "ELIGIBILITY_INELIGIBLE"
  | "BEFORE_DRAW"
  | "NEXT_IN_WAITLIST"
  | "INTENT_PARTICIPATE"
  | "INTENT_DECLINE"
  | "LATE_DECLINE"
  | "REASON_GIVEN"
  | "QUESTIONNAIRE_EXISTS"
  | "VISIT_RECORDED";

export interface Transition {
  action: ActionKey;
  from: readonly StateKey[];
  to: StateKey;
  guard: GuardId;
}

export const TRANSITIONS: readonly Transition[] = [
  { action: "registerWinner", from: ["applied"], to: "winner", guard: "LOTTERY_RESULT_WINNER" },
  {
    action: "registerWaitlist",
    from: ["applied"],
    to: "waitlisted",
    guard: "LOTTERY_RESULT_WAITLIST",
  },
  {
    action: "registerIneligible",
    from: ["applied"],
    to: "ineligible",
    guard: "ELIGIBILITY_INELIGIBLE",
  },
  { action: "sendBack", from: ["ineligible"], to: "applied", guard: "BEFORE_DRAW" },
  { action: "promote", from: ["waitlisted"], to: "winner", guard: "NEXT_IN_WAITLIST" },
  { action: "confirm", from: ["winner"], to: "confirmed", guard: "INTENT_PARTICIPATE" },
  { action: "decline", from: ["winner", "waitlisted"], to: "declined", guard: "INTENT_DECLINE" },
  // A 辞退 after confirming frees a place someone relied on: staff give the reason (spec §3).
  {
    action: "decline",
    from: ["confirmed", "questionnaireDone"],
    to: "declined",
    guard: "LATE_DECLINE",
  },
  {
    action: "cancel",
    from: ["winner", "waitlisted", "confirmed", "questionnaireDone"],
    to: "ineligible",
    guard: "REASON_GIVEN",
  },
  {
    action: "answerQuestionnaire",
    from: ["confirmed"],
    to: "questionnaireDone",
    guard: "QUESTIONNAIRE_EXISTS",
  },
  {
    action: "completeVisit",
    from: ["questionnaireDone"],
    to: "visited",
    guard: "VISIT_RECORDED",
  },
];

/** Facts a guard needs beyond the record itself. */
export interface GuardContext {
  /** Whether a questionnaire record links to this application. */
  hasQuestionnaire?: boolean;
  /** The run ids of the draws the lottery log shows completed (only the draw makes winners). */
  completedDrawRunIds?: ReadonlySet<string>;
  /** The lowest waitlist_no among records still in 補欠 (the next one to promote), or null if none. */
  nextWaitlistNo?: number | null;
}

export interface ProcessRefusal {
  guard: GuardId | "UNKNOWN_ACTION" | "WRONG_STATE";
  message: Localized;
}

/** The transitions an action makes (辞退 has two: its guard depends on how far the record got). */
export function transitionsOf(action: ActionKey): Transition[] {
  return TRANSITIONS.filter((t) => t.action === action);
}

/** The states an action leaves from. */
export function fromStatesOf(action: ActionKey): StateKey[] {
  return transitionsOf(action).flatMap((t) => t.from);
}

/** The transition `action` makes from `state`, if it may leave from there. */
export function transitionFrom(action: ActionKey, state: StateKey): Transition | undefined {
  return TRANSITIONS.find((t) => t.action === action && t.from.includes(state));
}

/** The actions of spec §3 that can leave `state` (for a screen offering only what the state allows). */
export function actionsFrom(state: StateKey): ActionKey[] {
  return [...new Set(TRANSITIONS.filter((t) => t.from.includes(state)).map((t) => t.action))];
}

/** Whether a record in `state` holds one of the quota's places (spec §3). */
export function holdsPlace(state: StateKey | undefined): boolean {
  return state !== undefined && PLACE_STATES.includes(state);
}

/** How many records hold a place, by their status under the app's configured state names. */
export function placesHeld(statuses: Iterable<string>, names: ProcessNames): number {
  let count = 0;
  for (const status of statuses) if (holdsPlace(stateKeyOf(status, names))) count += 1;
  return count;
}

/** vacancies = quota − places held (never below zero; more places than the quota is an audit finding). */
export function vacancies(quota: number, held: number): number {
  return Math.max(0, quota - held);
}

export function actionKeyOf(actionName: string, names: ProcessNames): ActionKey | undefined {
  return (Object.keys(names.actions) as ActionKey[]).find((k) => names.actions[k] === actionName);
}

export function stateKeyOf(stateName: string, names: ProcessNames): StateKey | undefined {
  return (Object.keys(names.states) as StateKey[]).find((k) => names.states[k] === stateName);
}

const blank = (value: string) => value.trim() === "";

export function hasWinnerValues(record: WorkflowRecord): boolean {
  return record.lotteryResult === LOTTERY_RESULTS.winner && record.lotteryRank !== null;
}

export function hasWaitlistValues(record: WorkflowRecord): boolean {
  return record.lotteryResult === LOTTERY_RESULTS.waitlisted && record.waitlistNo !== null;
}

/** Whether the record's lottery_run_id names a completed draw; `undefined` when the log was not read. */
function drawnBy(record: WorkflowRecord, context: GuardContext): boolean | undefined {
  if (context.completedDrawRunIds === undefined) return undefined;
  return record.lotteryRunId !== "" && context.completedDrawRunIds.has(record.lotteryRunId);
}

/** Whether the guard holds; `undefined` when the context lacks the fact it needs. */
export function guardHolds(
  guard: GuardId,
  record: WorkflowRecord,
  context: GuardContext,
): boolean | undefined {
  switch (guard) {
    case "LOTTERY_RESULT_WINNER":
      return hasWinnerValues(record) ? drawnBy(record, context) : false;
    case "LOTTERY_RESULT_WAITLIST":
      return hasWaitlistValues(record) ? drawnBy(record, context) : false;
    case "ELIGIBILITY_INELIGIBLE":
      // 対象外 as proposed by screening, unless a person decided otherwise (spec v2 §4).
      if (record.staffDecision === STAFF_DECISIONS.ineligible) return true;
      return (
        record.eligibility === ELIGIBILITY_LABELS.ineligible &&
        record.staffDecision !== STAFF_DECISIONS.eligible
      );
    case "BEFORE_DRAW":
      if (context.completedDrawRunIds === undefined) return undefined;
      return context.completedDrawRunIds.size === 0;
    case "NEXT_IN_WAITLIST":
      if (context.nextWaitlistNo === undefined) return undefined;
      return record.waitlistNo !== null && record.waitlistNo === context.nextWaitlistNo;
    case "INTENT_PARTICIPATE":
      return record.participationIntent === PARTICIPATION_INTENTS.participate;
    case "INTENT_DECLINE":
      return record.participationIntent === PARTICIPATION_INTENTS.decline;
    case "LATE_DECLINE":
      return (
        record.participationIntent === PARTICIPATION_INTENTS.decline &&
        !blank(record.withdrawalReason)
      );
    case "REASON_GIVEN":
      return !blank(record.withdrawalReason);
    case "QUESTIONNAIRE_EXISTS":
      return context.hasQuestionnaire;
    case "VISIT_RECORDED":
      return !blank(record.visitDate) && !blank(record.expertName);
  }
}

function guardMessage(guard: GuardId, record: WorkflowRecord, context: GuardContext): Localized {
  switch (guard) {
    case "LOTTERY_RESULT_WINNER":
      return {
        ja: "当選は抽選だけが決めます。完了した抽選（抽選記録にある抽選ID）で「当選」になった申込だけを当選登録できます。抽選は一覧画面の「抽選」ボタンか followup draw で行ってください。",
        en: "Only the draw makes winners: an application can be registered as a winner only when a completed draw in the lottery log made it 当選. Run the draw from the list screen or with followup draw.",
      };
    case "LOTTERY_RESULT_WAITLIST":
      return {
        ja: "補欠は抽選だけが決めます。完了した抽選（抽選記録にある抽選ID）で「補欠」になった申込だけを補欠登録できます。",
        en: "Only the draw makes the waitlist: an application can be waitlisted only when a completed draw in the lottery log made it 補欠.",
      };
    case "ELIGIBILITY_INELIGIBLE":
      return {
        ja: "審査結果が「対象外」の申込だけを対象外登録できます。",
        en: "Only an application screened as 対象外 (ineligible) can be registered as ineligible.",
      };
    case "BEFORE_DRAW":
      return {
        ja: "抽選が完了した後は差し戻しできません（抽選の母集団が確定しているため）。",
        en: "An application cannot be sent back once the draw has completed (the pool is fixed).",
      };
    case "LATE_DECLINE":
      return {
        ja: "参加確定後の辞退には、参加意思「辞退する」と「取消・辞退の理由」の入力が必要です。",
        en: "A withdrawal after confirmation needs the participation intent 辞退する and a reason for withdrawal.",
      };
    case "REASON_GIVEN":
      return {
        ja: "取消には理由が必要です。「取消・辞退の理由」を入力してから取消してください。",
        en: "A cancellation needs a reason. Enter the reason for cancellation first.",
      };
    case "NEXT_IN_WAITLIST": {
      const next = context.nextWaitlistNo;
      const mine = record.waitlistNo === null ? "なし" : String(record.waitlistNo);
      return {
        ja: `繰り上げは補欠順位の順に行います。次に繰り上げるのは補欠順位 ${next ?? "-"} の申込です（この申込の補欠順位: ${mine}）。`,
        en: `Promotion follows the waitlist order. The next to promote is waitlist number ${next ?? "-"} (this application: ${record.waitlistNo ?? "none"}).`,
      };
    }
    case "INTENT_PARTICIPATE":
      return {
        ja: "参加意思が「参加する」になっていません。参加意思を記録してから参加確定してください。",
        en: "The participation intent is not 参加する (participate). Record it before confirming.",
      };
    case "INTENT_DECLINE":
      return {
        ja: "参加意思が「辞退する」になっていません。参加意思を記録してから辞退にしてください。",
        en: "The participation intent is not 辞退する (decline). Record it before declining.",
      };
    case "QUESTIONNAIRE_EXISTS":
      return {
        ja: "この申込の質問票がまだありません。質問票の回答を登録してから進めてください。",
        en: "No questionnaire has been received for this application yet.",
      };
    case "VISIT_RECORDED":
      return {
        ja: "訪問日と訪問専門家を入力してから訪問完了にしてください。",
        en: "Enter the visit date and the expert before completing the visit.",
      };
  }
}

/**
 * Checks one process action against spec §3. Returns why it is refused, or null when it may proceed.
 * A guard whose fact is missing from `context` refuses: the plugin never lets an unchecked action through.
 */
export function checkProcessAction(
  record: WorkflowRecord,
  actionName: string,
  context: GuardContext = {},
  names: ProcessNames = DEFAULT_PROCESS_NAMES,
): ProcessRefusal | null {
  const action = actionKeyOf(actionName, names);
  if (!action) {
    return {
      guard: "UNKNOWN_ACTION",
      message: {
        ja: `アクション「${actionName}」はこのプラグインの設定にありません。プラグイン設定のアクション名を確認してください。`,
        en: `The action "${actionName}" is not in the plugin settings. Check the action names in the plugin settings.`,
      },
    };
  }
  const state = stateKeyOf(record.status, names);
  const transition = state && transitionFrom(action, state);
  if (!transition) {
    const from = fromStatesOf(action)
      .map((s) => names.states[s])
      .join("・");
    return {
      guard: "WRONG_STATE",
      message: {
        ja: `「${actionName}」は状態「${from}」からだけ実行できます（現在: ${record.status}）。`,
        en: `"${actionName}" is only possible from ${from} (now: ${record.status}).`,
      },
    };
  }
  if (guardHolds(transition.guard, record, context) === true) return null;
  return { guard: transition.guard, message: guardMessage(transition.guard, record, context) };
}
