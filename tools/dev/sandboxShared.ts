/** What `npm run sandbox` and `npm start` (start.ts) share: their flags, the port check, the start-up and the exit. */
import { DEMO_USERS } from "../../sandbox/auth/users";
import { type Sandbox, startSandbox } from "../../sandbox/server";
import { type Lang, pick } from "../../src/core/i18n";
import { CommandError, UsageError } from "../../src/cli/command";

export const SANDBOX_OPTIONS = {
  port: { type: "string", default: "3000" },
  data: { type: "string", default: ".sandbox" },
  lang: { type: "string" },
} as const;

/** The --port flag as a number; anything that is not a TCP port is a usage error. */
export function portFlag(lang: Lang, value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(
      pick(lang, {
        ja: `--port は 0〜65535 の整数で指定してください: ${value}`,
        en: `--port must be an integer from 0 to 65535: ${value}`,
      }),
    );
  }
  return port;
}

/** Starts the sandbox; a port already taken is said plainly instead of as Node's EADDRINUSE. */
export function openSandbox(
  lang: Lang,
  options: { port: number; dataDir: string; log: (line: string) => void },
): Promise<Sandbox> {
  return startSandbox(options).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "EADDRINUSE") throw error;
    throw new CommandError(
      pick(lang, {
        ja: `ポート ${options.port} はほかのプログラムが使用中です。--port で別のポートを指定してください。`,
        en: `port ${options.port} is in use by another program; choose another with --port.`,
      }),
    );
  });
}

/** Prints the demo users one can log in as. */
export function printDemoUsers(lang: Lang, out: (text: string) => void): void {
  out(
    pick(lang, {
      ja: "デモユーザー（パスワード = ユーザー名）:",
      en: "Demo users (password = user name):",
    }),
  );
  for (const user of DEMO_USERS) out(`  ${user.code} / ${user.code}  (${user.name})`);
}

/** Resolves on Ctrl-C or a termination signal. */
export function untilInterrupted(): Promise<void> {
  return new Promise((resolveStop) => {
    process.once("SIGINT", () => resolveStop());
    process.once("SIGTERM", () => resolveStop());
  });
}
