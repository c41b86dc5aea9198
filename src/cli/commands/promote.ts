/**
 * `followup promote [--count N] [--force] [--note TEXT] [--yes]`: 繰り上げ from the waitlist in
 * waitlist order (spec §5.7), logged with the winners who declined. Never re-draws.
 */
import { promoteFromWaitlist, type PromotionOutcome } from "../../adapters/lottery";
import { type Lang, pick } from "../../core/i18n";
import { parseCommandArgs } from "../args";
import type { Command } from "../command";
import { cancelled, confirmWrite, requireConfirmation } from "../confirm";
import {
  chainHeadLine,
  openLotteryProgram,
  explainLotteryFailure,
  integerFlag,
  LOTTERY_TARGET_OPTIONS,
} from "./lotteryShared";

const OPTIONS = {
  ...LOTTERY_TARGET_OPTIONS,
  count: { type: "string" },
  force: { type: "boolean" },
  note: { type: "string" },
  yes: { type: "boolean" },
} as const;

function describe(outcome: PromotionOutcome, lang: Lang): string {
  const who = outcome.promoted
    .map((p) => `${p.key}(${pick(lang, { ja: "補欠", en: "waitlist " })}${p.waitlist_no})`)
    .join(", ");
  const declined = outcome.declined.join(", ") || "-";
  const lines = [
    pick(lang, {
      ja: `欠員 ${outcome.vacanciesBefore}件（辞退・取消で空いた枠: ${declined}）\n繰り上げ: ${who || "-"}`,
      en: `vacancies ${outcome.vacanciesBefore} (freed by 辞退/取消: ${declined})\npromote: ${who || "-"}`,
    }),
  ];
  if (outcome.unfilled > 0) {
    lines.push(
      pick(lang, {
        ja: `補欠がいなくなりました: ${outcome.unfilled}件の欠員は繰り上げで埋まりません（再募集を検討してください）`,
        en: `the waitlist has run out: ${outcome.unfilled} vacancies cannot be filled by promotion (consider a new call)`,
      }),
    );
  }
  return lines.join("\n") + "\n";
}

export const promoteCommand: Command = {
  summary: "promote from the waitlist in order to fill places left by declined winners",
  async run(context) {
    const { values } = parseCommandArgs(context, OPTIONS);
    const { lang } = context;
    const yes = values.yes === true;
    const count = integerFlag(context, "count", values.count);
    requireConfirmation(context, { yes });
    const { program, target } = await openLotteryProgram(context, values, {
      changesStatuses: true,
    });
    const request = {
      program,
      count,
      force: values.force === true,
      note: values.note,
    };
    try {
      if (!yes) {
        const preview = await promoteFromWaitlist({ ...request, dryRun: true });
        context.stdout.write(describe(preview, lang));
        const question = pick(lang, {
          ja: `${target.baseUrl} で${preview.promoted.length}件を繰り上げます。よろしいですか?`,
          en: `Promote ${preview.promoted.length} on ${target.baseUrl}?`,
        });
        if (!(await confirmWrite(context, question, { yes }))) return cancelled(context);
      }
      const outcome = await promoteFromWaitlist(request);
      if (yes) context.stdout.write(describe(outcome, lang));
      context.stdout.write(
        pick(lang, {
          ja: `繰り上げを記録しました（${outcome.runId}）\n`,
          en: `promotion recorded (${outcome.runId})\n`,
        }) + `${chainHeadLine(context, outcome.chainHead)}\n`,
      );
      return 0;
    } catch (error) {
      throw explainLotteryFailure(error, context, target.baseUrl);
    }
  },
};
