/**
 * Issue 12 acceptance 2: a round on an app whose states are renamed in its process management
 * (当選 → 当選通知済 …), with the names handed to the lottery as the plugin settings would. Draw 50
 * of 98; two 辞退 (one after the questionnaire) and one 取消 free three places; 繰り上げ fills
 * exactly those three in waitlist order; places held = 50; the audit finds nothing.
 */
import type { KintoneRestAPIClient } from "@kintone/rest-api-client";
import { defaultProgram } from "../../src/adapters/defaultProgram";
import {
  drawLottery,
  promoteFromWaitlist,
  readLotteryLog,
  withdrawApplication,
} from "../../src/adapters/lottery";
import { applicationsApp } from "../../src/apps/applicationsApp";
import { lotteryLogApp } from "../../src/apps/lotteryLogApp";
import type { AppDefinition } from "../../src/apps/model";
import type { KintoneRecordLike } from "../../src/core/application";
import { findDrawMismatches } from "../../src/core/audit/drawRecords";
import { findLogFindings } from "../../src/core/audit/logFindings";
import { verifyChain } from "../../src/core/lottery";
import { STATES, type StateKey } from "../../src/core/vocabulary";
import {
  DEFAULT_PROCESS_NAMES,
  findInvariantViolations,
  placesHeld,
  statusOf,
} from "../../src/core/workflow";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";
import { addPool, createApp } from "./provision";

const RENAMED: Partial<Record<StateKey, string>> = {
  winner: "当選通知済",
  waitlisted: "補欠待ち",
  confirmed: "参加確定済",
  questionnaireDone: "質問票受領",
  declined: "辞退済",
  ineligible: "対象外・取消",
};
const states = { ...STATES, ...RENAMED };
const names = { states, actions: DEFAULT_PROCESS_NAMES.actions };
const rename = (name: string) => {
  const key = (Object.keys(STATES) as StateKey[]).find((k) => STATES[k] === name);
  return key ? states[key] : name;
};

/** The applications app with its states renamed, as an existing app might call them. */
function renamedApplicationsApp(): AppDefinition {
  const app = applicationsApp({ applications: "0", questionnaires: "0", lotteryLog: "0" });
  const process = app.process;
  if (!process) throw new Error("no process");
  return {
    ...app,
    process: {
      ...process,
      states: process.states.map((s) => ({ ...s, name: rename(s.name) })),
      actions: process.actions.map((a) => ({ ...a, from: rename(a.from), to: rename(a.to) })),
    },
  };
}

let sandbox: TestSandbox;
let admin: KintoneRestAPIClient;
beforeAll(async () => {
  sandbox = await startTestSandbox();
  admin = sandbox.clientAs("admin");
});
afterAll(() => sandbox.close());

test("renamed states: 50 of 98, two 辞退 and one 取消 → three promotions in order, 50 places, audit clean", async () => {
  const apps = {
    applications: await createApp(admin, renamedApplicationsApp()),
    lotteryLog: await createApp(admin, lotteryLogApp()),
  };
  const program = defaultProgram(admin, apps, {
    adjust: (config) => (config.states = states),
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
  });
  const options = { program };
  await addPool(admin, apps.applications, 98);
  await drawLottery({ ...options, quota: 50 });

  const all = async () =>
    (await admin.record.getAllRecords({ app: apps.applications })) as KintoneRecordLike[];
  const inState = async (state: string) =>
    (await all())
      .filter((r) => statusOf(r) === state)
      .sort((a, b) => Number(a.lottery_rank?.value) - Number(b.lottery_rank?.value))
      .map((r) => String(r.$id?.value));
  const winners = await inState(states.winner);
  expect(winners).toHaveLength(50);
  const [early, late, cheat] = winners as [string, string, string];

  // The late one confirms and answers the questionnaire before declining.
  await admin.record.updateRecord({
    app: apps.applications,
    id: late,
    record: { participation_intent: { value: "参加する" } },
  });
  await admin.record.updateRecordStatus({ app: apps.applications, id: late, action: "参加確定" });
  await admin.record.updateRecordStatus({ app: apps.applications, id: late, action: "質問票回答" });
  expect(await inState(states.questionnaireDone)).toEqual([late]);

  await withdrawApplication({
    ...options,
    recordId: early,
    action: "decline",
    reason: "電話で辞退の申し出",
  });
  await withdrawApplication({
    ...options,
    recordId: late,
    action: "decline",
    reason: "質問票の回答後、社内事情により辞退（メール）",
  });
  await withdrawApplication({
    ...options,
    recordId: cheat,
    action: "cancel",
    reason: "虚偽申告: 従業員数が上限を超えていた",
  });

  const waitlistBefore = await all();
  const firstThree = waitlistBefore
    .filter((r) => statusOf(r) === states.waitlisted)
    .sort((a, b) => Number(a.waitlist_no?.value) - Number(b.waitlist_no?.value))
    .slice(0, 3)
    .map((r) => String(r.$id?.value));
  const outcome = await promoteFromWaitlist(options);
  expect(outcome.vacanciesBefore).toBe(3);
  expect(outcome.promoted.map((p) => p.key)).toEqual(firstThree);
  expect(outcome.promoted.map((p) => p.waitlist_no)).toEqual([1, 2, 3]);
  expect(outcome.declined.sort()).toEqual([early, late, cheat].sort());
  expect(outcome.unfilled).toBe(0);

  const records = await all();
  expect(placesHeld(records.map(statusOf), names)).toBe(50);
  expect(records.filter((r) => statusOf(r) === states.declined)).toHaveLength(2);
  expect(records.filter((r) => statusOf(r) === states.ineligible)).toHaveLength(1);

  // A second 繰り上げ has nothing to fill.
  await expect(promoteFromWaitlist(options)).rejects.toMatchObject({ code: "no-vacancy" });

  const log = await readLotteryLog(program);
  expect(log.map((e) => e.kind)).toEqual(["抽選", "取消", "取消", "取消", "繰り上げ"]);
  const draw = log[0];
  if (!draw) throw new Error("no draw");
  const lateNo = String(records.find((r) => String(r.$id?.value) === late)?.application_no?.value);
  expect(await verifyChain(log)).toEqual({ ok: true });
  expect(
    findInvariantViolations(records, [lateNo], {
      names,
      completedDrawRunIds: new Set([draw.run_id]),
    }),
  ).toEqual([]);
  expect(findDrawMismatches(records, draw, log, names)).toEqual([]);
  expect(findLogFindings({ log, applications: records, names })).toEqual([]);
});
