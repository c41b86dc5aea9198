import { join, resolve } from "node:path";
import type { Sandbox } from "../../sandbox/server";
import { pick } from "../../src/core/i18n";
import { parseCommandArgs } from "../../src/cli/args";
import type { Command, CommandContext } from "../../src/cli/command";
import {
  openSandbox,
  portFlag,
  printDemoUsers,
  SANDBOX_OPTIONS,
  untilInterrupted,
} from "./sandboxShared";
import { buildPluginFor, demoUrls, installDemo, pluginNeedsBuild } from "./start";

/** Starts the sandbox, prints how to reach it, and resolves when `stop` resolves (Ctrl-C by default). */
export async function runSandbox(
  context: CommandContext,
  stop: Promise<unknown> = untilInterrupted(),
): Promise<Sandbox> {
  const { values } = parseCommandArgs(context, {
    ...SANDBOX_OPTIONS,
    demo: { type: "boolean", default: false },
    plugin: { type: "string" },
  });
  const port = portFlag(context.lang, values.port);
  const dataDir = values.data === ":memory:" ? values.data : resolve(context.cwd, values.data);
  const sandbox = await openSandbox(context.lang, {
    port,
    dataDir,
    log: (line) => context.stderr.write(line + "\n"),
  });
  const out = (text: string) => context.stdout.write(text + "\n");
  out(
    pick(context.lang, {
      ja: `kintone サンドボックスを起動しました: ${sandbox.baseUrl}（データ: ${dataDir}）`,
      en: `kintone sandbox running at ${sandbox.baseUrl} (data: ${dataDir})`,
    }),
  );
  printDemoUsers(context.lang, out);
  if (values.demo) await loadDemo(context, sandbox, values.plugin, out);
  out(pick(context.lang, { ja: "Ctrl-C で終了します。", en: "Press Ctrl-C to stop." }));
  stop.then(() => sandbox.close()).catch(() => undefined);
  return sandbox;
}

/** The repository this tool belongs to: where dist/plugin.zip is built. */
const PROJECT_DIR = resolve(__dirname, "../..");

/**
 * `--demo`: the same world as `npm start` (installDemo): the three apps, the demo applications and
 * the plugin, built when dist/plugin.zip is older than its sources (or the zip given by --plugin).
 */
async function loadDemo(
  context: CommandContext,
  sandbox: Sandbox,
  pluginZip: string | undefined,
  out: (text: string) => void,
) {
  let zipPath = pluginZip === undefined ? undefined : resolve(context.cwd, pluginZip);
  if (zipPath === undefined) {
    if (pluginNeedsBuild(PROJECT_DIR)) {
      out(pick(context.lang, { ja: "プラグインをビルドしています…", en: "Building the plugin…" }));
      await buildPluginFor(context, PROJECT_DIR);
    }
    zipPath = join(PROJECT_DIR, "dist", "plugin.zip");
  }
  const demo = await installDemo(sandbox.baseUrl, { zipPath, appsFileDir: context.cwd });
  const ids = demo.appIds;
  out(
    pick(context.lang, {
      ja: `デモ: 申込管理 ${ids.applications}・質問票 ${ids.questionnaires}・抽選記録 ${ids.lotteryLog}（申込 ${demo.added} 件を追加、プラグイン ${demo.pluginId} を設定済み）`,
      en: `Demo: applications ${ids.applications}, questionnaires ${ids.questionnaires}, lottery log ${ids.lotteryLog} (${demo.added} applications added, plugin ${demo.pluginId} configured)`,
    }),
  );
  for (const line of demoUrls(context.lang, sandbox.baseUrl, demo)) out(`  ${line}`);
}

export const sandboxCommand: Command = {
  summary:
    "npm run sandbox -- [--port 3000] [--data DIR] [--demo [--plugin ZIP]]: the local kintone sandbox (--demo: the npm start world)",
  async run(context) {
    const stop = untilInterrupted();
    await runSandbox(context, stop);
    await stop;
    return 0;
  },
};
