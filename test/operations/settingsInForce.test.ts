/**
 * Issue 15, acceptance 1: a change saved on the settings page (a threshold and the quota) is
 * applied by `followup screen`, `draw` and `export` with no flag, because every command reads the
 * lottery log's latest 設定 entry; `followup settings diff` shows the change; the evidence folder
 * names the settings that were in force. The settings page's save is the same adapter call
 * (appendSettingsEntry) the page makes before setConfig.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { defaultProgram } from "../../src/adapters/defaultProgram";
import { appendSettingsEntry } from "../../src/adapters/settingsLog";
import { defaultPluginConfig, type PluginConfig } from "../../src/core/settings/pluginConfig";
import { type ProgramSandbox, startProgramSandbox } from "./support/program";

let p: ProgramSandbox;
beforeAll(async () => {
  p = await startProgramSandbox();
}, 120_000);
afterAll(() => p?.close());

/** What the settings page saves for the applications app: the document naming the three apps. */
function pageDocument(adjust: (config: PluginConfig) => void = () => undefined): PluginConfig {
  const config = defaultPluginConfig();
  config.apps = { ...p.apps };
  adjust(config);
  return config;
}

const ineligibleCount = (stdout: string) => Number(/対象外 (\d+) 件/.exec(stdout)?.[1] ?? NaN);

test("a saved change is applied by screen, draw and export with no flag, and settings diff shows it", async () => {
  const program = defaultProgram(p.admin, p.apps);
  await appendSettingsEntry(program, pageDocument());
  const before = await p.followup(["settings", "export", "--out", "before.json"]);
  expect(before.code).toBe(0);

  // The administrator lowers サービス業's limits to nothing and the quota to 7, and saves.
  await appendSettingsEntry(
    program,
    pageDocument((config) => {
      config.program.quota = 7;
      for (const row of config.program.industries) {
        if (row.industry === "サービス業")
          Object.assign(row, { capitalLimitYen: 1, employeeLimit: 1 });
      }
    }),
  );

  const diff = await p.followup(["settings", "diff"]);
  expect(diff.code).toBe(0);
  expect(diff.stdout).toContain("program.quota: 50 → 7");
  expect(diff.stdout).toMatch(/program\.industries\.\d+\.employeeLimit: 100 → 1/);

  const shown = await p.followup(["settings", "show"]);
  expect(shown.stdout).toMatch(/^# 抽選記録の通番 2（/);
  expect(JSON.parse(shown.stdout.slice(shown.stdout.indexOf("\n")))).toMatchObject({
    program: { quota: 7 },
  });

  // screen: the new threshold excludes more than the settings before it (given offline).
  const offline = await p.followup(["screen", "--dry-run", "--settings", "before.json"]);
  const inForce = await p.followup(["screen", "--dry-run"]);
  expect(offline.code).toBe(0);
  expect(inForce.code).toBe(0);
  expect(ineligibleCount(inForce.stdout)).toBeGreaterThan(ineligibleCount(offline.stdout));

  // Screen for real, let a person accept every 要確認, then draw with no --quota: 7 winners.
  expect((await p.followup(["screen", "--yes", "--confirm-ineligible"])).code).toBe(0);
  const reviews = await p.admin.record.getAllRecords({
    app: p.apps.applications,
    condition: 'eligibility in ("要確認")',
  });
  await p.admin.record.updateAllRecords({
    app: p.apps.applications,
    records: reviews.map((record) => ({
      id: String(record.$id?.value),
      record: { eligibility: { value: "適格" } },
    })),
  });
  const drawn = await p.followup(["draw", "--yes", "--out", "bundle.json"]);
  expect(drawn.stderr).toBe("");
  expect(drawn.code).toBe(0);
  const bundle = JSON.parse(readFileSync(path.join(p.cwd, "bundle.json"), "utf8")) as {
    quota: number;
  };
  expect(bundle.quota).toBe(7);

  // export: the results, and the evidence naming the 設定 entry in force for the draw.
  expect((await p.followup(["export", "results", "--out", "results.csv"])).code).toBe(0);
  const evidence = await p.followup(["export", "evidence", "--out", "evidence"]);
  expect(evidence.code).toBe(0);
  const settings = JSON.parse(
    readFileSync(path.join(p.cwd, "evidence", "settings.json"), "utf8"),
  ) as { program_settings: { draw: { log_sequence: number; settings: PluginConfig } } };
  expect(settings.program_settings.draw.log_sequence).toBe(2);
  expect(settings.program_settings.draw.settings.program.quota).toBe(7);
}, 120_000);
