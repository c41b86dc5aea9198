import { createInterface } from "node:readline";
import { pick } from "../core/i18n";
import { type CommandContext, CommandError } from "./command";

/**
 * Asks before a command writes to kintone (spec §6). `--yes` answers for the operator; without a
 * terminal nobody can answer, so the command writes only with `--yes` and otherwise stops with a
 * line that says so. Resolves to true when the write may go ahead.
 */
export async function confirmWrite(
  context: CommandContext,
  question: string,
  options: { yes: boolean },
): Promise<boolean> {
  if (options.yes) return true;
  requireConfirmation(context, options);
  const hint = pick(context.lang, { ja: " [y/N] ", en: " [y/N] " });
  const answer = await askLine(context, question + hint);
  return /^(y|yes|はい)$/i.test(answer.trim());
}

/**
 * Stops a command that will write when nobody can confirm (no terminal and no `--yes`); commands
 * call it before reading anything, so they fail at once instead of after the reads.
 */
export function requireConfirmation(context: CommandContext, options: { yes: boolean }): void {
  if (options.yes || context.interactive) return;
  throw new CommandError(
    pick(context.lang, {
      ja: "端末がないため確認できません。書き込むには --yes を付けて実行してください",
      en: "no terminal to confirm on: run again with --yes to write",
    }),
  );
}

/** The operator said no: says nothing was written and gives the exit code (1). */
export function cancelled(context: CommandContext): number {
  context.stderr.write(
    pick(context.lang, {
      ja: "中止しました（何も書き込んでいません）\n",
      en: "cancelled: nothing written\n",
    }),
  );
  return 1;
}

function askLine(context: CommandContext, prompt: string): Promise<string> {
  const reader = createInterface({ input: context.stdin, output: context.stderr, terminal: false });
  context.stderr.write(prompt);
  return new Promise((resolve) => {
    let answered = false;
    reader.once("line", (line) => {
      answered = true;
      reader.close();
      resolve(line);
    });
    reader.once("close", () => {
      if (!answered) resolve("");
    });
  });
}
