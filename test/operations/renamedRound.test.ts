/**
 * Issue 15, acceptance 3 (the CLI half): every state and every action of the applications app
 * renamed, the settings page's document saying so (a 設定 entry in the lottery log), and a whole
 * round run with `followup` and no flag at all — screen, draw, a 辞退, a promotion — ends with
 * `followup audit` clean. Every command reads the names from the Program, none from the defaults.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defaultProgram } from "../../src/adapters/defaultProgram";
import { appendSettingsEntry } from "../../src/adapters/settingsLog";
import { generateDemoApplications } from "../../src/apps/demoApplications";
import { defaultPluginConfig } from "../../src/core/settings/pluginConfig";
import { statusOf } from "../../src/core/workflow";
import {
  renamedActions as actions,
  renamedStates as states,
  renameProcess,
} from "../support/renamedProcess";
import { type ProgramSandbox, startProgramSandbox } from "./support/program";

let p: ProgramSandbox;
beforeAll(async () => {
  p = await startProgramSandbox({ demo: false });
}, 120_000);
afterAll(() => p?.close());

test("every state and action renamed: a whole round with no flag, audit clean", async () => {
  const { admin, apps } = p;
  const { applications } = apps;
  await renameProcess(admin, applications);
  const records = generateDemoApplications().map((demo) => demo.record);
  await admin.record.addAllRecords({ app: applications, records });
  // A directory without followup.apps.json: the apps are found by their names on the target.
  const cwd = mkdtempSync(path.join(tmpdir(), "followup-renamed-"));
  const followup = async (args: string[]) => {
    const run = await p.followup(args, { cwd });
    return { code: run.code, out: run.stdout, err: run.stderr };
  };

  // The settings page saves the renamed names (its save appends this entry before setConfig).
  const defaults = defaultPluginConfig();
  const config = {
    ...defaults,
    apps,
    states,
    actions,
    program: { ...defaults.program, quota: 10 },
  };
  await appendSettingsEntry(defaultProgram(admin, apps), config);

  const screened = await followup(["screen", "--yes", "--confirm-ineligible"]);
  expect(screened.err).toBe("");
  expect(screened.code).toBe(0);
  const reviews = await admin.record.getAllRecords({
    app: applications,
    condition: 'eligibility in ("要確認")',
  });
  await admin.record.updateAllRecords({
    app: applications,
    records: reviews.map((r) => ({
      id: String(r.$id?.value),
      record: { eligibility: { value: "適格" } },
    })),
  });

  const drawn = await followup(["draw", "--yes"]);
  expect(drawn.err).toBe("");
  expect(drawn.code).toBe(0);
  const all = async () => admin.record.getAllRecords({ app: applications });
  const winners = (await all()).filter((r) => statusOf(r) === states.winner);
  expect(winners).toHaveLength(10);

  const declined = String(winners[0]?.$id?.value);
  const decline = await followup([
    "decline",
    "--record",
    declined,
    "--reason",
    "電話で辞退の連絡",
    "--yes",
  ]);
  expect(decline.err).toBe("");
  expect(decline.code).toBe(0);
  const promoted = await followup(["promote", "--yes"]);
  expect(promoted.err).toBe("");
  expect(promoted.code).toBe(0);

  const after = await all();
  expect(after.filter((r) => statusOf(r) === states.winner)).toHaveLength(10);
  expect(after.filter((r) => statusOf(r) === states.declined)).toHaveLength(1);
  expect(after.every((r) => Object.values(states).includes(statusOf(r)))).toBe(true);

  const audit = await followup(["audit"]);
  expect(audit.out).toContain("問題はありません");
  expect(audit.code).toBe(0);
}, 120_000);
