/**
 * `app.record.detail.process.proceed`: every guard of spec §3, with the reason shown when an
 * action is refused (event.error cancels the action and changes nothing).
 */
import type { KintoneClient } from "../adapters/kintoneClient";
import type { KintoneRecordLike } from "../core/application";
import { type Lang, pick } from "../core/i18n";
import { type PluginConfig, fieldCodeOf, processNamesOf } from "../core/settings/pluginConfig";
import { type ActionKey, LOTTERY_LOG_KINDS, LOTTERY_LOG_STATES } from "../core/vocabulary";
import {
  actionKeyOf,
  checkProcessAction,
  type GuardContext,
  type ProcessNames,
  stateKeyOf,
  workflowRecordFromRecord,
} from "../core/workflow";
import { defaultNameOf, readShownNames } from "../adapters/processNames";
import { errorText } from "../adapters/kintone-js/session";
import { inList, quote } from "../adapters/kintoneQuery";
import { visitCompletionRefusal } from "./visitChecks";

interface ProceedEvent {
  appId?: number;
  recordId?: number;
  record: Record<string, { value?: unknown; type?: string } | undefined>;
  action: { value: string };
  status: { value: string };
  nextStatus: { value: string };
  error?: string;
}

function statusFieldCode(record: ProceedEvent["record"]): string {
  const entry = Object.entries(record).find(([, field]) => field?.type === "STATUS");
  return entry?.[0] ?? "ステータス";
}

/** Whether a questionnaire record links to this application. */
export async function hasQuestionnaire(
  client: KintoneClient,
  config: PluginConfig,
  applicationNo: string,
): Promise<boolean | undefined> {
  if (config.apps.questionnaires === null || applicationNo === "") return undefined;
  const { records } = await client.record.getRecords({
    app: config.apps.questionnaires,
    fields: ["$id"],
    query: `${config.questionnaireLinkField} = ${quote(applicationNo)} limit 1`,
  });
  return records.length > 0;
}

/** The lowest waitlist number among applications still in 補欠, or null when none is left. */
export async function nextWaitlistNo(
  client: KintoneClient,
  config: PluginConfig,
  appId: number | string,
  statusCode: string,
): Promise<number | null> {
  const waitlistCode = fieldCodeOf(config, "waitlist_no");
  let lowest: number | null = null;
  let lastId = 0;
  for (;;) {
    const { records } = await client.record.getRecords({
      app: appId,
      fields: ["$id", waitlistCode],
      query: `$id > ${lastId} and ${statusCode} in ${inList([config.states.waitlisted])} order by $id asc limit 500`,
    });
    for (const record of records as KintoneRecordLike[]) {
      const n = Number(record[waitlistCode]?.value);
      if (
        record[waitlistCode]?.value !== "" &&
        Number.isFinite(n) &&
        (lowest === null || n < lowest)
      )
        lowest = n;
    }
    if (records.length < 500) return lowest;
    lastId = Number((records[records.length - 1] as KintoneRecordLike).$id?.value);
  }
}

/** The run ids of the completed draws in the lottery log; `undefined` when no log app is set. */
export async function completedDrawRunIds(
  client: KintoneClient,
  config: PluginConfig,
): Promise<Set<string> | undefined> {
  if (config.apps.lotteryLog === null) return undefined;
  // A round has one completed draw (spec §5); 500 leaves room for test rounds kept in the same app.
  const { records } = await client.record.getRecords({
    app: config.apps.lotteryLog,
    fields: ["run_id"],
    query: `kind in ${inList([LOTTERY_LOG_KINDS.draw])} and state in ${inList([LOTTERY_LOG_STATES.completed])} limit 500`,
  });
  return new Set(
    records.map((record) => String((record as KintoneRecordLike).run_id?.value ?? "")),
  );
}

const NEEDS_DRAW_LOG: ReadonlyArray<ActionKey | undefined> = [
  "registerWinner",
  "registerWaitlist",
  "sendBack",
];

/** Looks up only the facts the action's guard needs. */
async function guardContext(
  action: ActionKey | undefined,
  applicationNo: string,
  event: ProceedEvent,
  config: PluginConfig,
  client: KintoneClient,
  appId: number | string,
): Promise<GuardContext> {
  if (action === "answerQuestionnaire") {
    return { hasQuestionnaire: await hasQuestionnaire(client, config, applicationNo) };
  }
  if (action === "promote") {
    return {
      nextWaitlistNo: await nextWaitlistNo(client, config, appId, statusFieldCode(event.record)),
    };
  }
  if (NEEDS_DRAW_LOG.includes(action)) {
    const runIds = await completedDrawRunIds(client, config);
    return runIds ? { completedDrawRunIds: runIds } : {};
  }
  return {};
}

/**
 * The event names the action and status in the user's display language; the settings keep the
 * default names. Names the settings already know are used as they are (no request); others are
 * looked up in the app's process settings.
 */
async function inDefaultNames(
  event: ProceedEvent,
  names: ProcessNames,
  client: KintoneClient,
  appId: number | string,
): Promise<{ actionName: string; statusName: string }> {
  const actionName = event.action.value;
  const statusName = event.status.value;
  if (actionKeyOf(actionName, names) && stateKeyOf(statusName, names)) {
    return { actionName, statusName };
  }
  try {
    const shown = await readShownNames(client, appId);
    return {
      actionName: defaultNameOf(shown.actions, actionName) ?? actionName,
      statusName: defaultNameOf(shown.states, statusName) ?? statusName,
    };
  } catch {
    return { actionName, statusName };
  }
}

export async function guardProcessAction(
  event: ProceedEvent,
  config: PluginConfig,
  lang: Lang,
  client: KintoneClient,
  appId: number | string,
): Promise<ProceedEvent> {
  const names = processNamesOf(config);
  const { actionName, statusName } = await inDefaultNames(event, names, client, appId);
  const action = actionKeyOf(actionName, names);
  const record = {
    ...workflowRecordFromRecord(event.record, config.fieldMap, String(event.recordId ?? "")),
    status: statusName,
  };
  let context: GuardContext;
  try {
    context = await guardContext(action, record.applicationNo, event, config, client, appId);
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
  const refusal = checkProcessAction(record, actionName, context, names);
  if (refusal) {
    // eslint-disable-next-line require-atomic-updates -- the event is this handler's until returned
    event.error = pick(lang, refusal.message);
    return event;
  }
  if (action === "completeVisit") {
    const visitRefusal = await visitCompletionRefusal(
      event.record,
      record.id,
      config,
      lang,
      client,
      appId,
    ).catch((error: unknown) =>
      pick(lang, {
        ja: `訪問予定を確認できなかったため「${event.action.value}」を中止しました：${errorText(error)}`,
        en: `"${event.action.value}" was stopped because the visit could not be checked: ${errorText(error)}`,
      }),
    );
    // eslint-disable-next-line require-atomic-updates
    if (visitRefusal) event.error = visitRefusal;
  }
  // A promotion here leaves lottery_result as the draw wrote it (補欠): the audit compares it with
  // the lottery log, and only the list's 繰り上げ button writes a log entry.
  return event;
}
