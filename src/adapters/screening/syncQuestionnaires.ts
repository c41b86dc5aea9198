/**
 * Answering the questionnaire confirms participation (spec §1): applications in 参加確定 that have a
 * questionnaire move to 質問票回答済 with the action 質問票回答. The questionnaire app's plugin does
 * this for one application after a save; `syncQuestionnaires` catches up on questionnaires that
 * arrived through the public form (no kintone events fire for those).
 */
import type { KintoneClient } from "../kintoneClient";
import type { FieldMap, KintoneRecordLike } from "../../core/application";
import { ACTIONS, type ActionKey, STATES, type StateKey } from "../../core/vocabulary";
import { applicationNoKey, recordIdOf, statusOf } from "../../core/workflow/record";
import { readAllRecords } from "../applications";
import { chunk, RECORDS_PER_WRITE, REQUESTS_PER_BULK } from "../kintoneLimits";
import { type RetryOptions, withRetry } from "../retry";
import { callerActionNames } from "../processNames";

export interface QuestionnaireSyncOptions {
  applicationsApp: number | string;
  questionnairesApp: number | string;
  fieldMap?: FieldMap;
  /** The questionnaire app's field holding the application number (default application_no). */
  linkField?: string;
  states?: Partial<Record<StateKey, string>>;
  actions?: Partial<Record<ActionKey, string>>;
  retry?: RetryOptions;
  dryRun?: boolean;
}

export interface QuestionnaireSyncResult {
  /** Record ids moved (or to be moved) to 質問票回答済. */
  moved: string[];
  /** Applications in 参加確定 still waiting for a questionnaire. */
  waiting: string[];
}

export async function syncQuestionnaires(
  client: KintoneClient,
  options: QuestionnaireSyncOptions,
): Promise<QuestionnaireSyncResult> {
  const states = { ...STATES, ...options.states };
  const actions = { ...ACTIONS, ...options.actions };
  const linkField = options.linkField ?? "application_no";
  const numberCode = options.fieldMap?.application_no ?? "application_no";
  const questionnaires = await readAllRecords(client, {
    app: options.questionnairesApp,
    fields: [linkField],
    retry: options.retry,
  });
  const answered = new Set(questionnaires.map((q) => applicationNoKey(q[linkField]?.value)));
  const applications = await readAllRecords(client, {
    app: options.applicationsApp,
    retry: options.retry,
  });
  const confirmed = applications.filter((a) => statusOf(a) === states.confirmed);
  const has = (a: KintoneRecordLike) => answered.has(applicationNoKey(a[numberCode]?.value));
  const result = {
    moved: confirmed.filter(has).map(recordIdOf),
    waiting: confirmed.filter((a) => !has(a)).map(recordIdOf),
  };
  if (options.dryRun || result.moved.length === 0) return result;
  // Status updates name the action in the caller's display language.
  const { answerQuestionnaire } = await callerActionNames(client, options.applicationsApp, actions);
  for (const bulk of chunk(chunk(result.moved, RECORDS_PER_WRITE), REQUESTS_PER_BULK)) {
    const requests = bulk.map((ids) => ({
      method: "PUT" as const,
      endpointName: "records/status" as const,
      payload: {
        app: options.applicationsApp,
        records: ids.map((id) => ({ id, action: answerQuestionnaire })),
      },
    }));
    await withRetry(() => client.bulkRequest({ requests }), options.retry);
  }
  return result;
}

/**
 * After one questionnaire is saved: moves its application from 参加確定 to 質問票回答済. Returns
 * what happened, so the screen can say it; an application in another state is left alone.
 */
export async function advanceAfterQuestionnaire(
  client: KintoneClient,
  options: Omit<QuestionnaireSyncOptions, "questionnairesApp" | "dryRun"> & {
    applicationNo: string;
  },
): Promise<{
  outcome: "moved" | "not-confirmed" | "not-found";
  recordId?: string;
  status?: string;
}> {
  const states = { ...STATES, ...options.states };
  const actions = { ...ACTIONS, ...options.actions };
  const numberCode = options.fieldMap?.application_no ?? "application_no";
  const key = applicationNoKey(options.applicationNo);
  if (!/^\d+$/.test(key)) return { outcome: "not-found" };
  const { records } = await withRetry(
    () =>
      client.record.getRecords({
        app: options.applicationsApp,
        query: `${numberCode} = ${key} limit 1`,
      }),
    options.retry,
  );
  const application = records[0] as KintoneRecordLike | undefined;
  if (!application) return { outcome: "not-found" };
  const recordId = recordIdOf(application);
  const status = statusOf(application);
  if (status !== states.confirmed) return { outcome: "not-confirmed", recordId, status };
  const spoken = await callerActionNames(client, options.applicationsApp, actions);
  await withRetry(
    () =>
      client.record.updateRecordStatus({
        app: options.applicationsApp,
        id: recordId,
        action: spoken.answerQuestionnaire,
      }),
    options.retry,
  );
  return { outcome: "moved", recordId, status };
}
