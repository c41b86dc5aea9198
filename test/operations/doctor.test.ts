/**
 * `followup doctor` on the sandbox: a program set up as spec v2 §3 and §6 want it reads all ok;
 * then a field deleted, a status without assignee and the plugin removed are each named, exit 1.
 * Doctor only reads: the sandbox counts no write request during a run.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defaultProgram } from "../../src/adapters/defaultProgram";
import { appendSettingsEntry } from "../../src/adapters/settingsLog";
import { defaultPluginConfig } from "../../src/core/settings/pluginConfig";
import { LOTTERY_LOG_KINDS, LOTTERY_LOG_STATES, STATES } from "../../src/core/vocabulary";
import { uploadPlugin } from "../../src/setup/upload";
import { packTestPlugin } from "../browser/support/testPlugin";
import { type ProgramSandbox, startProgramSandbox, writeRequests } from "./support/program";

let p: ProgramSandbox;
let pluginId: string;
const GROUP = "secretariat";
const config = defaultPluginConfig();

async function deploy(apps: number[]): Promise<void> {
  await p.admin.app.deployApp({ apps: apps.map((app) => ({ app })) });
  for (;;) {
    const { apps: states } = await p.admin.app.getDeployStatus({ apps });
    if (states.every((s) => s.status === "SUCCESS")) return;
    if (states.some((s) => s.status === "FAIL")) throw new Error("deploy failed");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

beforeAll(async () => {
  p = await startProgramSandbox({ demo: false });
  const packed = await packTestPlugin();
  const zipPath = path.join(p.cwd, "plugin.zip");
  writeFileSync(zipPath, packed.zip);
  ({ pluginId } = await uploadPlugin(p.admin, {
    zipPath,
    appIds: p.apps,
    pollIntervalMs: 20,
  }));
  // The settings page saves its document into the log (kind 設定), through the same adapter.
  await appendSettingsEntry(defaultProgram(p.admin, p.apps), config);
  // The FormBridge script, built with those settings (its first line as webpack.config.js writes it).
  writeFileSync(
    path.join(p.cwd, "formbridge.js"),
    `/* followup-formbridge ${JSON.stringify({ builtAt: "2026-11-30T10:00:00.000Z", settings: config.program })} */\n(()=>{})();\n`,
  );
}, 300_000);
afterAll(() => p?.close());

const doctor = () =>
  p.followup(["doctor", "--zip", "plugin.zip", "--formbridge-script", "formbridge.js"]);

describe("followup doctor", () => {
  it("prints one ok line per check on a program set up as the spec says, and writes nothing", async () => {
    await p.resetStats();
    const run = await doctor();
    const lines = run.stdout.trim().split("\n").slice(1);
    expect(run.stderr).toBe("");
    expect(lines.filter((line) => !line.startsWith("[OK]"))).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/プロセス管理: ステータス 8 個/);
    expect(run.stdout).toMatch(new RegExp(`作業者が事務局のグループ（${GROUP}）`));
    expect(run.stdout).toMatch(/FormBridge のスクリプト: .*今の設定で作られています/);
    expect(writeRequests(await p.stats())).toEqual({});
  });

  it("finds the apps by their names when run from another directory", async () => {
    const elsewhere = mkdtempSync(path.join(tmpdir(), "doctor-"));
    const run = await p.followup(["doctor"], { cwd: elsewhere });
    expect(run.stdout).toMatch(/^\[OK\] 申込管理（アプリ \d+）のプロセス管理/m);
    expect(run.stdout).not.toMatch(/アプリIDがわかりません/);
  });

  it("names a deleted field, a status without assignee and the removed plugin, and exits 1", async () => {
    const { applications } = p.apps;
    await p.admin.app.deleteFormFields({ app: applications, fields: ["postal_code"] });
    const process = await p.admin.app.getProcessManagement({ app: applications, preview: true });
    // Every state is listed (a state left out would be deleted); only 当選 loses its assignee.
    await p.admin.app.updateProcessManagement({
      app: applications,
      states: Object.fromEntries(
        Object.values(process.states ?? {}).map((state) => [
          state.name,
          state.name === STATES.winner
            ? { ...state, assignee: { type: "ONE" as const, entities: [] } }
            : state,
        ]),
      ),
    });
    await deploy([applications]);
    await p.admin.plugin.uninstallPlugin({ id: pluginId });

    const run = await doctor();
    expect(run.code).toBe(1);
    const problems = run.stdout.split("\n").filter((line) => line.startsWith("[問題]"));
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /申込管理（アプリ \d+）のフィールドの対応付け: 郵便番号（postal_code）.*ありません.*→ 対処: /,
        ),
        expect.stringMatching(
          new RegExp(`ステータスの作業者: 作業者のいないステータス: ${STATES.winner}.*→ 対処: `),
        ),
        expect.stringMatching(
          /^\[問題\] プラグイン: kintone に読み込まれていません → 対処: .*followup upload/,
        ),
      ]),
    );
  });
});
