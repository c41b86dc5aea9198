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
  STATES,
  ELIGIBILITY_LABELS,
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
  lotteryResult: string;
  lotteryRank: number | null;
  waitlistNo: number | null;
  participationIntent: string;
  visitDate: string;
  expertName: string;
}

export type GuardId =
  | "LOTTERY_RESULT_WINNER"
  | "LOTTERY_RESULT_WAITLIST"
  | "ELIGIBILITY_INELIGIBLE"
  | "NEXT_IN_WAITLIST"
  | "INTENT_PARTICIPATE"
  | "INTENT_DECLINE"
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
  { action: "promote", from: ["waitlisted"], to: "winner", guard: "NEXT_IN_WAITLIST" },
  { action: "confirm", from: ["winner"], to: "confirmed", guard: "INTENT_PARTICIPATE" },
  {
    action: "decline",
    from: ["winner", "waitlisted", "confirmed"],
    to: "declined",
    guard: "INTENT_DECLINE",
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
  /** The lowest waitlist_no among records still in 補欠 (the next one to promote), or null if none. */
  nextWaitlistNo?: number | null;
}

export interface ProcessRefusal {
  guard: GuardId | "UNKNOWN_ACTION" | "WRONG_STATE";
  message: Localized;
}

export function transitionOf(action: ActionKey): Transition {
  const transition = TRANSITIONS.find((t) => t.action === action);
  if (!transition) throw new Error(`no transition for ${action}`);
  return transition;
}

export function actionKeyOf(actionName: string, names: ProcessNames): ActionKey | undefined {
  return (Object.keys(names.actions) as ActionKey[]).find((k) => names.actions[k] === actionName);
}

export function stateKeyOf(stateName: string, names: ProcessNames): StateKey | undefined {
  return (Object.keys(names.states) as StateKey[]).find((k) => names.states[k] === stateName);
}

const blank = (value: string) => value.trim() === "";

/** Whether the guard holds; `undefined` when the context lacks the fact it needs. */
export function guardHolds(
  guard: GuardId,
  record: WorkflowRecord,
  context: GuardContext,
): boolean | undefined {
  switch (guard) {
    case "LOTTERY_RESULT_WINNER":
      return record.lotteryResult === LOTTERY_RESULTS.winner && record.lotteryRank !== null;
    case "LOTTERY_RESULT_WAITLIST":
      return record.lotteryResult === LOTTERY_RESULTS.waitlisted && record.waitlistNo !== null;
    case "ELIGIBILITY_INELIGIBLE":
      return record.eligibility === ELIGIBILITY_LABELS.ineligible;
    case "NEXT_IN_WAITLIST":
      if (context.nextWaitlistNo === undefined) return undefined;
      return record.waitlistNo !== null && record.waitlistNo === context.nextWaitlistNo;
    case "INTENT_PARTICIPATE":
      return record.participationIntent === PARTICIPATION_INTENTS.participate;
    case "INTENT_DECLINE":
      return record.participationIntent === PARTICIPATION_INTENTS.decline;
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
        ja: "抽選結果が「当選」で抽選順位がある申込だけを当選登録できます。先に抽選を行ってください。",
        en: "Only an application whose lottery result is 当選 (with a rank) can be registered as a winner. Run the draw first.",
      };
    case "LOTTERY_RESULT_WAITLIST":
      return {
        ja: "抽選結果が「補欠」で補欠順位がある申込だけを補欠登録できます。先に抽選を行ってください。",
        en: "Only an application whose lottery result is 補欠 (with a waitlist number) can be waitlisted. Run the draw first.",
      };
    case "ELIGIBILITY_INELIGIBLE":
      return {
        ja: "審査結果が「対象外」の申込だけを対象外登録できます。",
        en: "Only an application screened as 対象外 (ineligible) can be registered as ineligible.",
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
  const transition = transitionOf(action);
  const state = stateKeyOf(record.status, names);
  if (!state || !transition.from.includes(state)) {
    const from = transition.from.map((s) => names.states[s]).join("・");
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
