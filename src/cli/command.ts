import type { Lang } from "../core/i18n";

/** What a command may touch: its arguments, the streams and the environment. Tests pass their own. */
export interface CommandContext {
  args: string[];
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** True when a person sits at a terminal: progress is shown and writes are confirmed interactively. */
  interactive: boolean;
  lang: Lang;
}

export interface Command {
  summary: string;
  /** Resolves to the process exit code. */
  run(context: CommandContext): Promise<number>;
}

/** A failure the user can fix: printed as one line, exit code `exitCode`. */
export class CommandError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = "CommandError";
  }
}

/** Bad arguments or malformed input: exit code 2. */
export class UsageError extends CommandError {
  constructor(message: string) {
    super(message, 2);
    this.name = "UsageError";
  }
}
