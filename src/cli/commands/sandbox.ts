import { resolve } from "node:path";
import { DEMO_USERS } from "../../../sandbox/auth/users";
import { type Sandbox, startSandbox } from "../../../sandbox/server";
import { pick } from "../../core/i18n";
import { parseCommandArgs } from "../args";
import { type Command, type CommandContext, CommandError, UsageError } from "../command";

/** Starts the sandbox, prints how to reach it, and resolves when `stop` resolves (Ctrl-C by default). */
export async function runSandbox(
  context: CommandContext,
  stop: Promise<unknown> = untilInterrupted(),
): Promise<Sandbox> {
  const { values } = parseCommandArgs(context, {
    port: { type: "string", default: "3000" },
    data: { type: "string", default: ".sandbox" },
    demo: { type: "boolean", default: false },
    lang: { type: "string" },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(
      pick(context.lang, {
        ja: `--port は 0〜65535 の整数で指定してください: ${values.port}`,
        en: `--port must be an integer from 0 to 65535: ${values.port}`,
      }),
    );
  }
  const dataDir = values.data === ":memory:" ? values.data : resolve(context.cwd, values.data);
  const sandbox = await startSandbox({
    port,
    dataDir,
    log: (line) => context.stderr.write(line + "\n"),
  }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "EADDRINUSE") throw error;
    throw new CommandError(
      pick(context.lang, {
        ja: `ポート ${port} はほかのプログラムが使用中です。--port で別のポートを指定してください。`,
        en: `port ${port} is in use by another program; choose another with --port.`,
      }),
    );
  });
  const out = (text: string) => context.stdout.write(text + "\n");
  out(
    pick(context.lang, {
      ja: `kintone サンドボックスを起動しました: ${sandbox.baseUrl}（データ: ${dataDir}）`,
      en: `kintone sandbox running at ${sandbox.baseUrl} (data: ${dataDir})`,
    }),
  );
  out(
    pick(context.lang, {
      ja: "デモユーザー（パスワード = ユーザー名）:",
      en: "Demo users (password = user name):",
    }),
  );
  for (const user of DEMO_USERS) out(`  ${user.code} / ${user.code}  (${user.name})`);
  if (values.demo) await loadDemo(context, sandbox, out);
  out(pick(context.lang, { ja: "Ctrl-C で終了します。", en: "Press Ctrl-C to stop." }));
  stop.then(() => sandbox.close()).catch(() => undefined);
  return sandbox;
}

/** `--demo`: the three apps, the plugin setup and the demo applications, as `followup setup` makes them. */
async function loadDemo(context: CommandContext, sandbox: Sandbox, out: (text: string) => void) {
  const { seedDemo } = await import("../../setup/demo");
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

function untilInterrupted(): Promise<void> {
  return new Promise((resolveStop) => {
    process.once("SIGINT", () => resolveStop());
    process.once("SIGTERM", () => resolveStop());
  });
}

export const sandboxCommand: Command = {
  summary: "followup sandbox [--port 3000] [--data DIR] [--demo]: the local kintone sandbox",
  async run(context) {
    const stop = untilInterrupted();
    await runSandbox(context, stop);
    await stop;
    return 0;
  },
};
