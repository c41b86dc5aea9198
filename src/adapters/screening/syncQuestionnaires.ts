/**
 * Answering the questionnaire confirms participation (spec §1): applications in 参加確定 that have a
 * questionnaire move to 質問票回答済 with the action 質問票回答. The questionnaire app's plugin does
 * this for one application after a save; `syncQuestionnaires` catches up on questionnaires that
 * arrived through the public form (no kintone events fire for those).
 */
import { fieldText, type KintoneRecordLike } from "../../core/application";
import { applicationNoKey, recordIdOf, statusOf } from "../../core/workflow/record";
import { readAllRecords } from "../applications";
import { chunk } from "../kintoneLimits";
import { callerActionNames } from "../processNames";
import { appOf, type Program } from "../program";
import { latestProcessNames } from "../settingsEntries";

export interface QuestionnaireSyncOptions {
  /** Compute and report, write nothing. */
  dryRun?: boolean;
}

export interface QuestionnaireSyncResult {
  /** Record ids moved (or to be moved) to 質問票回答済. */
  moved: string[];
  /** Applications in 参加確定 still waiting for a questionnaire. */
  waiting: string[];
}

export async function syncQuestionnaires(
  program: Program,
  options: QuestionnaireSyncOptions = {},
): Promise<QuestionnaireSyncResult> {
  const { client, states, retry, limits } = program;
  const applicationsApp = appOf(program, "applications");
  const linkField = program.config.questionnaireLinkField;
  const numberCode = program.field("application_no");
  const questionnaires = await readAllRecords(client, {
    app: appOf(program, "questionnaires"),
    fields: [linkField],
    retry,
  });
  const answered = new Set(questionnaires.map((q) => applicationNoKey(q[linkField]?.value)));
  const applications = await readAllRecords(client, { app: applicationsApp, retry });
  const confirmed = applications.filter((a) => statusOf(a) === states.confirmed);
  const has = (a: KintoneRecordLike) => answered.has(applicationNoKey(fieldText(a, numberCode)));
  const result = {
    moved: confirmed.filter(has).map(recordIdOf),
    waiting: confirmed.filter((a) => !has(a)).map(recordIdOf),
  };
  if (options.dryRun || result.moved.length === 0) return result;
  // Status updates name the action in the caller's display language.
  const { answerQuestionnaire } = await program.callerActions();
  for (const bulk of chunk(chunk(result.moved, limits.recordsPerWrite), limits.requestsPerBulk)) {
    const requests = bulk.map((ids) => ({
      method: "PUT" as const,
      endpointName: "records/status" as const,
      payload: {
        app: applicationsApp,
        records: ids.map((id) => ({ id, action: answerQuestionnaire })),
      },
    }));
    await program.call(() => client.bulkRequest({ requests }));
  }
  return result;
}

/** The applications app's state and action names as the questionnaire app knows them, and where from. */
export interface ApplicationsNames {
  states: Program["states"];
  actions: Program["actions"];
  /** "log": the latest 設定 entry (the applications app's settings); "own": this app's settings. */
  from: "log" | "own";
}

/**
 * The names the applications app's settings page saved (the latest 設定 entry of the lottery log),
 * so renaming states there is enough; this app's own copy only when the log cannot be read.
 */
export async function applicationsNames(program: Program): Promise<ApplicationsNames> {
  const own = { states: program.states, actions: program.actions };
  if (program.apps.lotteryLog === null) return { ...own, from: "own" };
  try {
    const logged = await program.call(() =>
      latestProcessNames(program.client, appOf(program, "lotteryLog"), own),
    );
    return logged ? { ...logged, from: "log" } : { ...own, from: "own" };
  } catch {
    // No right to read the log, or it is unreachable: the move is checked and said either way.
    return { ...own, from: "own" };
  }
}

/**
 * After one questionnaire is saved: moves its application from 参加確定 to 質問票回答済 by `names`
 * (the program's own unless given). Returns what happened, so the screen can say it; an
 * application in another state is left alone.
 */
export async function advanceAfterQuestionnaire(
  program: Program,
  applicationNo: string,
  names: Pick<ApplicationsNames, "states" | "actions"> = program,
): Promise<{
  outcome: "moved" | "not-confirmed" | "not-found";
  recordId?: string;
  status?: string;
}> {
  const { client } = program;
  const { states, actions } = names;
  const app = appOf(program, "applications");
  const key = applicationNoKey(applicationNo);
  if (!/^\d+$/.test(key)) return { outcome: "not-found" };
  const { records } = await program.call(() =>
    client.record.getRecords({
      app,
      query: `${program.field("application_no")} = ${key} limit 1`,
    }),
  );
  const application: KintoneRecordLike | undefined = records[0];
  if (!application) return { outcome: "not-found" };
  const recordId = recordIdOf(application);
  const status = statusOf(application);
  if (status !== states.confirmed) return { outcome: "not-confirmed", recordId, status };
  // The program's own names are looked up once per Program; names from the log by themselves.
  const spoken =
    actions === program.actions
      ? await program.callerActions()
      : await callerActionNames(client, app, actions);
  await program.call(() =>
    client.record.updateRecordStatus({ app, id: recordId, action: spoken.answerQuestionnaire }),
  );
  return { outcome: "moved", recordId, status };
}
