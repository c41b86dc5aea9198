/**
 * The pure checks behind `followup doctor`, on the answers kintone gives (GET app/acl,
 * GET app/status) and on the FormBridge script's first line.
 */
import { checkProcess } from "../../src/apps/doctor/appChecks";
import { exitCodeOf, formatFinding } from "../../src/apps/doctor/finding";
import { checkAppPermissions } from "../../src/apps/doctor/permissions";
import { withSecretariatGroup } from "../../src/apps/permissions";
import { programApps } from "../../src/apps/program";
import {
  checkFormBridgeScript,
  formBridgeBuildOf,
  type SavedSettings,
} from "../../src/apps/doctor/pluginChecks";
import { APPLICATION_PROCESS } from "../../src/apps/applicationsApp";
import { defaultPluginConfig } from "../../src/core/settings/pluginConfig";
import { DEFAULT_PROCESS_NAMES } from "../../src/core/workflow/process";

const applications = { key: "applications" as const, id: 1 };
const lines = (findings: ReturnType<typeof checkAppPermissions>) =>
  findings.map((finding) => formatFinding(finding, "ja"));

describe("doctor: app permissions", () => {
  const refs = { applications: "1", questionnaires: "2", lotteryLog: "3" };
  const asSetUp = withSecretariatGroup(programApps(refs), "staff").applications.permissions ?? [];

  it("is ok with the entries setup writes, for the secretariat's own group code", () => {
    expect(lines(checkAppPermissions(applications, asSetUp, asSetUp))).toEqual([
      expect.stringMatching(/^\[OK\] .*GROUP:staff/),
    ]);
  });

  it("names an entry that lets everyone edit, and kintone's default Everyone-may-do-all", () => {
    const everyoneEdits = asSetUp.map((entry) =>
      entry.entity.code === "everyone" ? { ...entry, recordEditable: true } : entry,
    );
    const found = checkAppPermissions(applications, everyoneEdits, asSetUp);
    expect(exitCodeOf(found)).toBe(1);
    expect(lines(found)).toEqual([
      expect.stringMatching(/^\[問題\] .*GROUP:everyone の権限が 閲覧・編集 です（閲覧 のはず）/),
    ]);
  });

  it("names a wrong priority order: kintone applies the first entry that matches a user", () => {
    const reversed = [...asSetUp].reverse();
    expect(lines(checkAppPermissions(applications, reversed, asSetUp))).toEqual([
      expect.stringMatching(/^\[問題\] .*優先順位が違います/),
    ]);
  });

  it("names an entry the spec does not have when it grants a right", () => {
    const extra = [
      ...asSetUp,
      { entity: { type: "USER", code: "temp" }, recordViewable: true, recordDeletable: true },
    ];
    expect(lines(checkAppPermissions(applications, extra, asSetUp))).toEqual([
      expect.stringMatching(/^\[問題\] .*USER:temp に権限があります（閲覧・削除）/),
    ]);
  });
});

describe("doctor: process management", () => {
  const current = (
    edit: (states: typeof APPLICATION_PROCESS.states) => typeof APPLICATION_PROCESS.states,
  ) => ({
    enable: true,
    states: Object.fromEntries(edit(APPLICATION_PROCESS.states).map((s) => [s.name, s])),
    actions: APPLICATION_PROCESS.actions,
  });
  const check = (process: ReturnType<typeof current>) =>
    checkProcess(applications, process, DEFAULT_PROCESS_NAMES, {
      secretariatGroup: "secretariat",
    }).map((finding) => formatFinding(finding, "ja"));

  it("is ok as setup defines it (the first status has no assignee, as kintone requires)", () => {
    expect(check(current((states) => states))).toEqual([
      expect.stringMatching(/^\[OK\] .*プロセス管理/),
      expect.stringMatching(/^\[OK\] .*先頭の「申込受付」を除く/),
    ]);
  });

  it("names a status whose assignee is another group, and a missing action", () => {
    const process = current((states) =>
      states.map((s) =>
        s.name === "補欠"
          ? {
              ...s,
              assignee: {
                type: "ANY" as const,
                entities: [{ entity: { type: "GROUP", code: "sales" } }],
              },
            }
          : s,
      ),
    );
    process.actions = APPLICATION_PROCESS.actions.filter((a) => a.name !== "繰り上げ");
    const found = check(process);
    expect(found).toContainEqual(
      expect.stringMatching(/アクションがありません: 繰り上げ（補欠 → 当選）/),
    );
    expect(found).toContainEqual(
      expect.stringMatching(/事務局のグループ（secretariat）が作業者でないステータス: 補欠/),
    );
  });
});

describe("doctor: the FormBridge script", () => {
  const saved: SavedSettings = { config: defaultPluginConfig(), savedAt: "2026-11-30T09:00:00Z" };
  const script = (settings: unknown) =>
    `/* followup-formbridge ${JSON.stringify({ builtAt: "2026-11-29T10:00:00.000Z", settings })} */\n(()=>{})();`;

  it("is ok when built with the settings in force, and names a build with other settings", () => {
    const same = formBridgeBuildOf(script(saved.config.program));
    expect(same && formatFinding(checkFormBridgeScript(same, saved), "ja")).toMatch(/^\[OK\]/);
    const other = { ...saved.config.program, quota: saved.config.program.quota + 1 };
    const stale = formBridgeBuildOf(script(other));
    expect(stale && formatFinding(checkFormBridgeScript(stale, saved), "ja")).toMatch(
      /^\[問題\] FormBridge のスクリプト: 2026-11-29T10:00:00.000Z に今とは違う設定で作られています.*→ 対処: /,
    );
  });

  it("reads no build line from a script built before it existed", () => {
    expect(formBridgeBuildOf("(()=>{})();")).toBeUndefined();
  });
});
