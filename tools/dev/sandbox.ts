import { resolve } from "node:path";
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

/** Starts the sandbox, prints how to reach it, and resolves when `stop` resolves (Ctrl-C by default). */
export async function runSandbox(
  context: CommandContext,
  stop: Promise<unknown> = untilInterrupted(),
): Promise<Sandbox> {
  const { values } = parseCommandArgs(context, {
    ...SANDBOX_OPTIONS,
    demo: { type: "boolean", default: false },
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
  if (values.demo) await loadDemo(context, sandbox, out);
  out(pick(context.lang, { ja: "Ctrl-C で終了します。", en: "Press Ctrl-C to stop." }));
  stop.then(() => sandbox.close()).catch(() => undefined);
  return sandbox;
}

/** `--demo`: the three apps, the plugin setup and the demo applications, as `followup setup` makes them. */
async function loadDemo(context: CommandContext, sandbox: Sandbox, out: (text: string) => void) {
  const { seedDemo } = await import("../../src/setup/demo");
  const { setup, added } = await seedDemo(
    { baseUrl: sandbox.baseUrl, auth: { username: "admin", password: "admin" } },
    { cwd: context.cwd },
  );
  const ids = setup.appIds;
  out(
    pick(context.lang, {
      ja: `デモ: 申込管理 ${ids.applications}・質問票 ${ids.questionnaires}・抽選記録 ${ids.lotteryLog}（申込 ${added} 件を追加）`,
      en: `Demo: applications ${ids.applications}, questionnaires ${ids.questionnaires}, lottery log ${ids.lotteryLog} (${added} applications added)`,
    }),
  );
  out(`  ${sandbox.baseUrl}/k/${ids.applications}/`);
}

export const sandboxCommand: Command = {
  summary: "npm run sandbox -- [--port 3000] [--data DIR] [--demo]: the local kintone sandbox",
  async run(context) {
    const stop = untilInterrupted();
    await runSandbox(context, stop);
    await stop;
    return 0;
  },
};
