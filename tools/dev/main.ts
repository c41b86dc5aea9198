/**
 * The development tool, apart from the operator's `followup`: `npm start` (the whole demo on one
 * machine) and `npm run sandbox` (the local kintone sandbox alone). It imports the sandbox; the
 * product under src/ never does (eslint.config.js).
 */
import { type Command, type CommandContext, CommandError } from "../../src/cli/command";
import { toLang } from "../../src/core/i18n";

const commands: Record<string, () => Promise<Command>> = {
  start: async () => (await import("./start")).startCommand,
  sandbox: async () => (await import("./sandbox")).sandboxCommand,
};

function usage(): string {
  return [
    "usage: npm start [-- --port N] [--data DIR]      the demo: sandbox, apps, plugin, demo data",
    "       npm run sandbox [-- --port N] [--data DIR] [--demo]   the kintone sandbox alone",
  ].join("\n");
}

export async function devMain(argv: string[], overrides: Partial<CommandContext> = {}) {
  const [name, ...args] = argv;
  const env = overrides.env ?? process.env;
  const flag = args.indexOf("--lang");
  const context: CommandContext = {
    args,
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env,
    cwd: process.cwd(),
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    lang: toLang(flag >= 0 ? args[flag + 1] : env.FOLLOWUP_LANG),
    ...overrides,
  };
  const load = name === undefined ? undefined : commands[name];
  if (!load || args.includes("--help")) {
    context.stdout.write(usage() + "\n");
    return load ? 0 : 2;
  }
  try {
    return await (await load()).run(context);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    context.stderr.write(`${name}: ${message}\n`);
    return error instanceof CommandError ? error.exitCode : 1;
  }
}
