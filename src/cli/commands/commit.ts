/**
 * `followup commit [--seed HEX | --hash HEX] [--yes]`: 抽選予告 (spec §5.1). Before the application
 * window closes, logs SHA-256 of the seed the draw will use; `followup draw --seed HEX` then
 * accepts only that seed. Without --seed or --hash a seed is generated and shown once: keep it
 * secret until the draw (whoever holds it could predict the ranking once the pool is known).
 */
import { commitSeed } from "../../adapters/lottery";
import { pick } from "../../core/i18n";
import { generateSeed, normalizeSeed, seedCommitment } from "../../core/lottery";
import { parseCommandArgs } from "../args";
import { type Command, UsageError } from "../command";
import { cancelled, confirmWrite, requireConfirmation } from "../confirm";
import {
  chainHeadLine,
  openLotteryProgram,
  explainLotteryFailure,
  LOTTERY_TARGET_OPTIONS,
} from "./lotteryShared";

const OPTIONS = {
  ...LOTTERY_TARGET_OPTIONS,
  seed: { type: "string" },
  hash: { type: "string" },
  note: { type: "string" },
  yes: { type: "boolean" },
} as const;

export const commitCommand: Command = {
  summary: "抽選予告: log SHA-256 of the draw's seed before the application window closes",
  async run(context) {
    const { values } = parseCommandArgs(context, OPTIONS);
    const { lang } = context;
    if (values.seed !== undefined && values.hash !== undefined) {
      throw new UsageError(
        pick(lang, {
          ja: "--seed と --hash はどちらか一方だけ指定してください",
          en: "give either --seed or --hash, not both",
        }),
      );
    }
    let seed: string | undefined;
    if (values.seed !== undefined) {
      seed = normalizeSeed(values.seed);
      if (!seed) {
        throw new UsageError(
          pick(lang, {
            ja: "--seed は16進数64文字で指定してください",
            en: "--seed takes 64 hexadecimal characters",
          }),
        );
      }
    } else if (values.hash === undefined) {
      seed = generateSeed();
    }
    const commitment = seed === undefined ? (values.hash ?? "") : await seedCommitment(seed);
    const yes = values.yes === true;
    requireConfirmation(context, { yes });
    const { program, target } = await openLotteryProgram(context, values);
    const { settings } = program;
    try {
      const question = pick(lang, {
        ja: `${target.baseUrl} の抽選記録に抽選予告（シードのSHA-256 ${commitment}）を記録します。抽選はこのシードでだけ行えます。よろしいですか?`,
        en: `Log the 予告 (seed SHA-256 ${commitment}) on ${target.baseUrl}? Only this seed will be able to draw.`,
      });
      if (!(await confirmWrite(context, question, { yes }))) return cancelled(context);
      const outcome = await commitSeed({
        program,
        commitment,
        quota: settings.quota,
        closesAt: settings.window.closesAt,
        note: values.note,
      });
      const lines = [
        pick(lang, {
          ja: `抽選予告を記録しました（${outcome.runId}）: シードのSHA-256 ${outcome.commitment}`,
          en: `予告 logged (${outcome.runId}): seed SHA-256 ${outcome.commitment}`,
        }),
      ];
      if (values.seed === undefined && seed !== undefined) {
        lines.push(
          pick(lang, {
            ja: `シード（抽選まで秘密にし、抽選で followup draw --seed に指定してください）: ${seed}`,
            en: `seed (keep it secret until the draw, then give it to followup draw --seed): ${seed}`,
          }),
        );
      }
      lines.push(chainHeadLine(context, outcome.chainHead));
      context.stdout.write(lines.join("\n") + "\n");
      return 0;
    } catch (error) {
      throw explainLotteryFailure(error, context, target.baseUrl);
    }
  },
};
