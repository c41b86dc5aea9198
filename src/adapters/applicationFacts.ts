/**
 * The few facts the record screens look up about one application: its questionnaires (the
 * 質問票回答 guard and the detail panel) and the next waitlist number (the 繰り上げ guard).
 */
import { type KintoneRecordLike, fieldText } from "../core/application";
import { LOTTERY_LOG_KINDS, LOTTERY_LOG_STATES } from "../core/vocabulary";
import { readAllRecords } from "./applications";
import { inList, quote } from "./kintoneQuery";
import { appOf, type Program } from "./program";

/** Record ids of the questionnaires linked to an application (at most `limit`, oldest first). */
export async function questionnairesOf(
  program: Program,
  applicationNo: string,
  limit: number,
): Promise<string[]> {
  const app = appOf(program, "questionnaires");
  const { records } = await program.call(() =>
    program.client.record.getRecords({
      app,
      fields: ["$id"],
      query: `${program.config.questionnaireLinkField} = ${quote(applicationNo)} order by $id asc limit ${limit}`,
    }),
  );
  return records.map((record: KintoneRecordLike) => fieldText(record, "$id"));
}

/**
 * Whether the login user may view `app`: GET apps lists only the apps the caller may view, so the
 * answer costs no refused request (a screen then says so instead of asking for records it would
 * be refused).
 */
export async function canViewApp(program: Program, app: number): Promise<boolean> {
  const { apps } = await program.call(() => program.client.app.getApps({ ids: [app] }));
  return apps.some((a) => Number(a.appId) === app);
}

/**
 * Whether a questionnaire links to this application; undefined when that cannot be known (no
 * questionnaire app in the settings, or no application number).
 */
export async function hasQuestionnaire(
  program: Program,
  applicationNo: string,
): Promise<boolean | undefined> {
  if (program.apps.questionnaires === null || applicationNo === "") return undefined;
  return (await questionnairesOf(program, applicationNo, 1)).length > 0;
}

/** The lowest waitlist number among applications still in 補欠, or null when none is left. */
export async function lowestWaitlistNo(program: Program): Promise<number | null> {
  const waitlistCode = program.field("waitlist_no");
  const records = await readAllRecords(program.client, {
    app: appOf(program, "applications"),
    fields: [waitlistCode],
    condition: `${program.statusField} in ${inList([program.states.waitlisted])}`,
    retry: program.retry,
  });
  let lowest: number | null = null;
  for (const record of records) {
    const text = fieldText(record, waitlistCode);
    const n = Number(text);
    if (text !== "" && Number.isFinite(n) && (lowest === null || n < lowest)) lowest = n;
  }
  return lowest;
}

/** The run ids of the completed draws in the lottery log; `undefined` when no log app is set. */
export async function completedDrawRunIds(program: Program): Promise<Set<string> | undefined> {
  const app = program.apps.lotteryLog;
  if (app === null) return undefined;
  // A round has one completed draw (spec §5); 500 leaves room for test rounds kept in the same app.
  const { records } = await program.call(() =>
    program.client.record.getRecords({
      app,
      fields: ["run_id"],
      query: `kind in ${inList([LOTTERY_LOG_KINDS.draw])} and state in ${inList([LOTTERY_LOG_STATES.completed])} limit 500`,
    }),
  );
  return new Set(records.map((record) => fieldText(record, "run_id")));
}
