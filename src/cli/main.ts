import { type Lang, toLang } from "../core/i18n";
import { type Command, type CommandContext, CommandError } from "./command";
import { COMMAND_HELP, formatHelp } from "./help";

/** Every command of spec §6, loaded only when called so `followup check` stays fast and offline. */
const commands: Record<string, () => Promise<Command>> = {
  check: async () => (await import("./commands/check")).checkCommand,
  screen: async () => (await import("./commands/screen")).screenCommand,
  audit: async () => (await import("./commands/audit")).auditCommand,
  settings: async () => (await import("./commands/settings")).settingsCommand,
  export: async () => (await import("./commands/export")).exportCommand,
  draw: async () => (await import("./commands/draw")).drawCommand,
  commit: async () => (await import("./commands/commit")).commitCommand,
  cancel: async () => (await import("./commands/withdraw")).cancelCommand,
  decline: async () => (await import("./commands/withdraw")).declineCommand,
  promote: async () => (await import("./commands/promote")).promoteCommand,
  verify: async () => (await import("./commands/verify")).verifyCommand,
  setup: async () => (await import("./commands/setup")).setupCommand,
  upload: async () => (await import("./commands/upload")).uploadCommand,
  doctor: async () => (await import("./commands/doctor")).doctorCommand,
};

function usage(): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  return [
    "usage: followup <command> [options]   (followup help <command>, followup <command> --help)",
    "",
    ...Object.keys(commands).map(
      (name) => `  ${name.padEnd(width)}  ${COMMAND_HELP[name]?.usage ?? ""}`,
    ),
    "",
    "target: KINTONE_BASE_URL (default http://localhost:3000), KINTONE_USERNAME/KINTONE_PASSWORD or KINTONE_API_TOKEN",
  ].join("\n");
}

function languageOf(args: string[], env: NodeJS.ProcessEnv): Lang {
  const flag = args.indexOf("--lang");
  if (flag >= 0) return toLang(args[flag + 1]);
  return toLang(env.FOLLOWUP_LANG);
}

export async function main(
  argv: string[],
  overrides: Partial<CommandContext> = {},
): Promise<number> {
  const [name, ...args] = argv;
  const context: CommandContext = {
    args,
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    lang: languageOf(args, overrides.env ?? process.env),
    ...overrides,
  };
  if (!name || name === "--help" || name === "-h" || name === "help") {
    const topic = name === "help" ? args[0] : undefined;
    const help = topic === undefined ? undefined : COMMAND_HELP[topic];
    if (topic !== undefined && !help) {
      context.stderr.write(`followup: unknown command '${topic}'\n${usage()}\n`);
      return 2;
    }
    context.stdout.write((help && topic ? formatHelp(topic, help, context.lang) : usage()) + "\n");
    return name ? 0 : 2;
  }
  const help = COMMAND_HELP[name];
  if (help && (args.includes("--help") || args.includes("-h"))) {
    context.stdout.write(formatHelp(name, help, context.lang) + "\n");
    return 0;
  }
  const load = commands[name];
  if (!load) {
    context.stderr.write(`followup: unknown command '${name}'\n${usage()}\n`);
    return 2;
  }
  try {
    return await (await load()).run(context);
  } catch (error) {
    if (error instanceof CommandError) {
      context.stderr.write(`followup ${name}: ${error.message}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    context.stderr.write(`followup ${name}: ${message}\n`);
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
