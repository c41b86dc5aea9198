/**
 * The questionnaire app's plugin moves an application by the names the applications app's settings
 * page saved (the latest 設定 entry in the lottery log), not by its own copy: renaming every state
 * and action only on the applications app is enough. When it still cannot move one, the user is
 * told what to do instead of nothing (a silent miss left the application in 参加確定, audit clean).
 */
import { createProgram } from "../../src/adapters/program";
import { defaultProgram } from "../../src/adapters/defaultProgram";
import { appendSettingsEntry } from "../../src/adapters/settingsLog";
import { generateDemoApplications } from "../../src/apps/demoApplications";
import { registerQuestionnaireScreens } from "../../src/desktop/questionnaireApp";
import { defaultPluginConfig } from "../../src/core/settings/pluginConfig";
import { LOTTERY_RESULTS, PARTICIPATION_INTENTS } from "../../src/core/vocabulary";
import { statusOf } from "../../src/core/workflow";
import type { KintoneEventHandler } from "../../src/adapters/kintone-js/kintoneApi";
import {
  renamedActions as actions,
  renamedStates as states,
  renameProcess,
} from "../support/renamedProcess";
import { type ProgramSandbox, startProgramSandbox } from "./support/program";

let p: ProgramSandbox;
beforeAll(async () => {
  p = await startProgramSandbox({ demo: false });
  await renameProcess(p.admin, p.apps.applications);
}, 120_000);
afterAll(() => p?.close());

/** A new application moved to 参加確定 (renamed) by the renamed actions; its number. */
async function confirmedApplication(): Promise<string> {
  const { admin, apps } = p;
  const demo = generateDemoApplications()[0];
  if (!demo) throw new Error("no demo application");
  const { id } = await admin.record.addRecord({
    app: apps.applications,
    record: {
      ...demo.record,
      lottery_result: { value: LOTTERY_RESULTS.winner },
      participation_intent: { value: PARTICIPATION_INTENTS.participate },
    },
  });
  for (const action of [actions.registerWinner, actions.confirm]) {
    await admin.record.updateRecordStatus({ app: apps.applications, id, action });
  }
  const { record } = await admin.record.getRecord({ app: apps.applications, id });
  expect(statusOf(record)).toBe(states.confirmed);
  return String(record.application_no?.value);
}

/** The questionnaire app's screens with its own settings (default names), and one saved questionnaire. */
async function saveQuestionnaire(applicationNo: string, lotteryLog: number | null) {
  const defaults = defaultPluginConfig();
  const program = createProgram({
    client: p.admin,
    config: { ...defaults, role: "questionnaires", apps: { ...p.apps, lotteryLog } },
    lang: "ja",
    source: { kind: "plugin" },
  });
  const notices: Array<{ text: string; kind: string }> = [];
  // The screens only subscribe to kintone's events; the save event is fired as kintone fires it.
  const handlers = new Map<string, KintoneEventHandler>();
  const events = {
    on: (type: string | string[], handler: KintoneEventHandler) => {
      for (const each of [type].flat()) handlers.set(each, handler);
    },
  };
  registerQuestionnaireScreens({ events }, program, {
    prefix: "",
    notify: (text, kind) => notices.push({ text, kind }),
    search: () => "",
  });
  await handlers.get("app.record.create.submit.success")?.({
    record: { application_no: { value: applicationNo } },
  });
  return notices;
}

const statusOfNumber = async (applicationNo: string) => {
  const [record] = await p.admin.record.getAllRecords({
    app: p.apps.applications,
    condition: `application_no = ${applicationNo}`,
  });
  return record && statusOf(record);
};

test("without a 設定 entry the questionnaire app's own names fail, and the user is told", async () => {
  const applicationNo = await confirmedApplication();
  const notices = await saveQuestionnaire(applicationNo, p.apps.lotteryLog);
  expect(notices).toHaveLength(1);
  expect(notices[0]?.kind).toBe("danger");
  expect(notices[0]?.text).toContain(states.confirmed);
  expect(notices[0]?.text).toContain("同期");
  expect(notices[0]?.text).toContain("状態名・アクション名");
  expect(await statusOfNumber(applicationNo)).toBe(states.confirmed);
});

test("renamed only on the applications app's settings page: the save moves it by the renamed action", async () => {
  const defaults = defaultPluginConfig();
  await appendSettingsEntry(defaultProgram(p.admin, p.apps), {
    ...defaults,
    apps: p.apps,
    states,
    actions,
  });
  const applicationNo = await confirmedApplication();
  const notices = await saveQuestionnaire(applicationNo, p.apps.lotteryLog);
  expect(notices).toEqual([
    { kind: "info", text: expect.stringContaining(states.questionnaireDone) },
  ]);
  expect(await statusOfNumber(applicationNo)).toBe(states.questionnaireDone);

  // A questionnaire app that does not name the log falls back to its own names and says so.
  const other = await confirmedApplication();
  const told = await saveQuestionnaire(other, null);
  expect(told[0]?.kind).toBe("danger");
  expect(told[0]?.text).toContain("抽選記録アプリが読めない");
  expect(await statusOfNumber(other)).toBe(states.confirmed);
});
