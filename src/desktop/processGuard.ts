/**
 * `app.record.detail.process.proceed`: every guard of spec §3, with the reason shown when an
 * action is refused (event.error cancels the action and changes nothing).
 */
import {
  completedDrawRunIds,
  hasQuestionnaire,
  lowestWaitlistNo,
} from "../adapters/applicationFacts";
import { errorText } from "../adapters/kintone-js/session";
import { appOf, type Program } from "../adapters/program";
import { pick } from "../core/i18n";
import type { ActionKey } from "../core/vocabulary";
import {
  actionKeyOf,
  checkProcessAction,
  type GuardContext,
  stateKeyOf,
  type WorkflowRecord,
  workflowRecordFromRecord,
} from "../core/workflow";
import { defaultNameOf, readShownNames } from "../adapters/processNames";
import { logRecordPromotion, logWithdrawal, LotteryRefusal } from "../adapters/lottery";
import { visitCompletionRefusal } from "./visitChecks";

interface ProceedEvent {
  recordId?: number;
  record: Record<string, { value?: unknown; type?: string } | undefined>;
  action: { value: string };
  status: { value: string };
  nextStatus: { value: string };
  error?: string;
}

/**
 * The event names the action and status in the user's display language; the settings keep the
 * default names. Names the settings already know are used as they are (no request); others are
 * looked up in the app's process settings.
 */
async function inDefaultNames(
  event: ProceedEvent,
  program: Program,
): Promise<{ actionName: string; statusName: string }> {
  const actionName = event.action.value;
  const statusName = event.status.value;
  if (actionKeyOf(actionName, program) && stateKeyOf(statusName, program)) {
    return { actionName, statusName };
  }
  try {
    const shown = await readShownNames(program.client, appOf(program, "applications"));
    return {
      actionName: defaultNameOf(shown.actions, actionName) ?? actionName,
      statusName: defaultNameOf(shown.states, statusName) ?? statusName,
    };
  } catch {
    return { actionName, statusName };
  }
}

const NEEDS_DRAW_LOG: ReadonlyArray<ActionKey | undefined> = [
  "registerWinner",
  "registerWaitlist",
  "sendBack",
];

/** Looks up only the facts the action's guard needs. */
async function guardContext(
  program: Program,
  action: ActionKey | undefined,
  applicationNo: string,
): Promise<GuardContext> {
  if (action === "answerQuestionnaire") {
    return { hasQuestionnaire: await hasQuestionnaire(program, applicationNo) };
  }
  if (action === "promote") return { nextWaitlistNo: await lowestWaitlistNo(program) };
  if (NEEDS_DRAW_LOG.includes(action)) {
    const runIds = await completedDrawRunIds(program);
    return runIds ? { completedDrawRunIds: runIds } : {};
  }
  return {};
}

export async function guardProcessAction(
  event: ProceedEvent,
  program: Program,
): Promise<ProceedEvent> {
  const { lang } = program;
  const { actionName, statusName } = await inDefaultNames(event, program);
  const action = actionKeyOf(actionName, program);
  const record = {
    ...workflowRecordFromRecord(event.record, program.field, String(event.recordId ?? "")),
    status: statusName,
  };
  let context: GuardContext;
  try {
    context = await guardContext(program, action, record.applicationNo);
  } catch (error) {
    event.error = pick(lang, {
      ja: `条件を確認できなかったため「${event.action.value}」を中止しました：${errorText(error)}`,
      en: `"${event.action.value}" was stopped because its condition could not be checked: ${errorText(error)}`,
    });
    return event;
  }
  if (action === "answerQuestionnaire" && context.hasQuestionnaire === undefined) {
    // The event object is this handler's own until it is returned; no other code writes it meanwhile.
    // eslint-disable-next-line require-atomic-updates
    event.error = pick(lang, {
      ja: "プラグイン設定で質問票アプリが指定されていないため、質問票の有無を確認できません。",
      en: "The questionnaire app is not set in the plugin settings, so the questionnaire cannot be checked.",
    });
    return event;
  }
  const refusal = checkProcessAction(record, actionName, context, program);
  if (refusal) {
    // eslint-disable-next-line require-atomic-updates -- the event is this handler's until returned
    event.error = pick(lang, refusal.message);
    return event;
  }
  if (action === "completeVisit") {
    const visitRefusal = await visitCompletionRefusal(event.record, record.id, program).catch(
      (error: unknown) =>
        pick(lang, {
          ja: `訪問予定を確認できなかったため「${event.action.value}」を中止しました：${errorText(error)}`,
          en: `"${event.action.value}" was stopped because the visit could not be checked: ${errorText(error)}`,
        }),
    );
    // eslint-disable-next-line require-atomic-updates
    if (visitRefusal) event.error = visitRefusal;
  }
  const logRefusal = await logInChain(action, record, program).catch((error: unknown) =>
    error instanceof LotteryRefusal
      ? pick(lang, error.text)
      : pick(lang, {
          ja: `抽選記録に残せなかったため「${event.action.value}」を中止しました：${errorText(error)}`,
          en: `"${event.action.value}" was stopped because it could not be logged: ${errorText(error)}`,
        }),
  );
  // eslint-disable-next-line require-atomic-updates -- the event is this handler's until returned
  if (logRefusal) event.error = logRefusal;
  return event;
}

/**
 * Actions that move a place are logged in the hash chain before kintone makes them (spec §3, §5.9):
 * a 繰り上げ (into a vacancy only; lottery_result stays 補欠, the entry says it was promoted), a
 * 取消, and a 辞退 after confirmation. Returns a refusal text, or undefined when logged or not needed.
 */
async function logInChain(
  action: ActionKey | undefined,
  record: WorkflowRecord,
  program: Program,
): Promise<string | undefined> {
  const state = stateKeyOf(record.status, program);
  const late = action === "decline" && (state === "confirmed" || state === "questionnaireDone");
  if (action !== "promote" && action !== "cancel" && !late) return undefined;
  // appOf refuses with its own words when the log app is not set.
  appOf(program, "lotteryLog");
  if (action === "promote") await logRecordPromotion({ program, record });
  else await logWithdrawal({ program, record, action: action === "cancel" ? "cancel" : "decline" });
  return undefined;
}
