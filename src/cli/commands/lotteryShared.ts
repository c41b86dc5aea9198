import { LotteryRefusal } from "../../adapters/lottery";
import { pick } from "../../core/i18n";
import { type CommandContext, CommandError, UsageError } from "../command";
import { explainKintoneFailure } from "../kintoneFailure";
import { type OpenOptions, openProgram, TARGET_OPTIONS, type TargetFlags } from "../program";

/** Target flags of every command, plus the short --app / --log-app the lottery commands also take. */
export const LOTTERY_TARGET_OPTIONS = {
  ...TARGET_OPTIONS,
  app: { type: "string" },
  "log-app": { type: "string" },
} as const;

export function openLotteryProgram(
  context: CommandContext,
  values: TargetFlags & { app?: string; "log-app"?: string },
  options: OpenOptions = {},
) {
  const flags: TargetFlags = {
    ...values,
    "applications-app": values["applications-app"] ?? values.app,
    "lottery-log-app": values["lottery-log-app"] ?? values["log-app"],
  };
  return openProgram(context, flags, ["applications", "lotteryLog"], options);
}

/** A refusal becomes its message in the user's language; other failures are explained as kintone's. */
export function explainLotteryFailure(
  error: unknown,
  context: CommandContext,
  baseUrl: string,
): CommandError {
  if (error instanceof LotteryRefusal) {
    const usage =
      error.code === "invalid-quota" ||
      error.code === "invalid-seed" ||
      error.code === "invalid-count";
    const message = pick(context.lang, error.text);
    return usage ? new UsageError(message) : new CommandError(message);
  }
  return explainKintoneFailure(error, context.lang, baseUrl);
}

/** A whole number flag, or undefined when absent; anything else is a usage error. */
export function integerFlag(
  context: CommandContext,
  name: string,
  value: string | undefined,
): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value.trim());
  if (value.trim() === "" || !Number.isSafeInteger(number) || number < 1) {
    throw new UsageError(
      pick(context.lang, {
        ja: `--${name} には1以上の整数を指定してください: ${value}`,
        en: `--${name} takes a positive integer: ${value}`,
      }),
    );
  }
  return number;
}

/** The chain head to keep outside kintone (spec §5.9), with what to do with it. */
export function chainHeadLine(context: CommandContext, head: string): string {
  return pick(context.lang, {
    ja: `抽選記録のチェーンの先頭: ${head}\n（この値を決裁文書などkintoneの外に控えてください。followup audit --head ${head} で、記録がこの時点から書き換えられていないことを確かめられます）`,
    en: `lottery log chain head: ${head}\n(keep it outside kintone, e.g. in the approval papers; followup audit --head ${head} proves the log still extends it)`,
  });
}
