/**
 * `followup cancel --record ID --reason TEXT [--yes]` (取消: 当選/補欠/参加確定/質問票回答済 →
 * 対象外, e.g. a false declaration) and `followup decline --record ID --reason TEXT [--yes]` (辞退
 * recorded by staff on the applicant's behalf). Both are logged as 取消 entries in the hash chain
 * with the reason; a freed place is then filled with `followup promote`.
 */
import { type WithdrawalRequest, withdrawApplication } from "../../adapters/lottery";
import { pick } from "../../core/i18n";
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
  record: { type: "string" },
  reason: { type: "string" },
  yes: { type: "boolean" },
} as const;

function withdrawalCommand(action: WithdrawalRequest["action"]): Command {
  const label = action === "cancel" ? { ja: "取消", en: "cancel" } : { ja: "辞退", en: "decline" };
  return {
    summary:
      action === "cancel"
        ? "取消: move a drawn application to 対象外 with a reason, logged; frees its place"
        : "辞退: record an applicant's withdrawal with a reason, logged; frees its place",
    async run(context) {
      const { values } = parseCommandArgs(context, OPTIONS);
      const { lang } = context;
      const recordId = values.record?.trim() ?? "";
      if (!/^[1-9][0-9]*$/.test(recordId)) {
        throw new UsageError(
          pick(lang, {
            ja: "--record にレコードIDを指定してください",
            en: "--record takes the record id",
          }),
        );
      }
      if ((values.reason ?? "").trim() === "") {
        throw new UsageError(
          pick(lang, {
            ja: `--reason に${label.ja}の理由を指定してください（抽選記録に残ります）`,
            en: `--reason is required (it is kept in the lottery log)`,
          }),
        );
      }
      const yes = values.yes === true;
      requireConfirmation(context, { yes });
      const { program, target } = await openLotteryProgram(context, values);
      const request = { program, recordId, action, reason: values.reason ?? "" };
      try {
        const preview = await withdrawApplication({ ...request, dryRun: true });
        const question = pick(lang, {
          ja: `${target.baseUrl} のレコード ${recordId}（${preview.from}）を「${preview.to}」にします（${label.ja}）。よろしいですか?`,
          en: `Move record ${recordId} (${preview.from}) to ${preview.to} on ${target.baseUrl} (${label.en})?`,
        });
        if (!(await confirmWrite(context, question, { yes }))) return cancelled(context);
        const outcome = await withdrawApplication(request);
        const lines = [
          pick(lang, {
            ja: `${label.ja}を記録しました（${outcome.runId}）: レコード ${recordId} ${outcome.from} → ${outcome.to}`,
            en: `${label.en} recorded (${outcome.runId}): record ${recordId} ${outcome.from} → ${outcome.to}`,
          }),
        ];
        if (outcome.freedPlace) {
          lines.push(
            pick(lang, {
              ja: "当選枠が1件空きました。次の手順: followup promote で補欠から繰り上げてください。",
              en: "A place is free. Next: fill it from the waitlist with followup promote.",
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
}

export const cancelCommand = withdrawalCommand("cancel");
export const declineCommand = withdrawalCommand("decline");
