import { parseArgs, type ParseArgsConfig } from "node:util";
import { pick } from "../core/i18n";
import { type CommandContext, UsageError } from "./command";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** parseArgs with strict checking; a bad flag becomes one UsageError line (exit code 2). */
export function parseCommandArgs<O extends Options>(
  context: CommandContext,
  options: O,
  allowPositionals = false,
) {
  try {
    return parseArgs({ args: context.args, options, strict: true, allowPositionals });
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).replace(
      /\s*\n\s*/g,
      " ",
    );
    throw new UsageError(
      pick(context.lang, {
        ja: `引数が正しくありません: ${reason}（followup help で使い方を確認してください）`,
        en: `bad arguments: ${reason} (see followup help)`,
      }),
    );
  }
}
