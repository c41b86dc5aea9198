/**
 * `followup screen [--dry-run] [--only-new] [--yes] [--settings FILE]`: screens every application
 * in 申込受付 with the eligibility engine (batch rules included) through the same adapter as the
 * plugin's 審査 button, writes only what changed, and lists the applications a person has to look
 * at (要確認). A 要確認 that staff already decided (適格 or 対象外) on unchanged data is kept and
 * listed apart. `--only-new` writes only applications not screened yet (未判定, e.g. new form
 * entries), so results a person has already decided stay as they are.
 */
import {
  type ScreeningSummary,
  screenAllApplications,
} from "../../adapters/screening/screenAllApplications";
import { type Lang, pick } from "../../core/i18n";
import { parseCommandArgs } from "../args";
import type { Command, CommandContext } from "../command";
import { cancelled, confirmWrite, requireConfirmation } from "../confirm";
import { explainKintoneFailure } from "../kintoneFailure";
import { startProgress } from "../progress";
import { readSettingsFile } from "../settingsFile";
import { connectToProgram, TARGET_OPTIONS } from "../target";

const OPTIONS = {
  ...TARGET_OPTIONS,
  "dry-run": { type: "boolean" },
  "only-new": { type: "boolean" },
  yes: { type: "boolean" },
  settings: { type: "string" },
} as const;

function indent(text: string): string {
  return text
    .split("\n")
    .map((line) => `      ${line}`)
    .join("\n");
}

function writesLine(summary: ScreeningSummary, lang: Lang): string {
  const changed = summary.changed.length;
  const moved = summary.movedToIneligible.length;
  return summary.dryRun
    ? pick(lang, {
        ja: `  書き込み予定（まだ書き込んでいません）: 審査結果の更新 ${changed} 件・対象外への移動 ${moved} 件`,
        en: `  to write (nothing written yet): ${changed} screening results, ${moved} moved to 対象外`,
      })
    : pick(lang, {
        ja: `  書き込み済み: 審査結果の更新 ${changed} 件・対象外への移動 ${moved} 件`,
        en: `  written: ${changed} screening results, ${moved} moved to 対象外`,
      });
}

export function formatScreeningSummary(summary: ScreeningSummary, lang: Lang): string {
  const { counts } = summary;
  const lines = [
    pick(lang, {
      ja: `申込 ${summary.read} 件を読み込み、申込受付の ${summary.screened} 件を審査しました。`,
      en: `Read ${summary.read} applications; screened the ${summary.screened} in 申込受付.`,
    }),
    pick(lang, {
      ja: `  適格 ${counts.eligible} 件 / 要確認 ${counts.review} 件 / 対象外 ${counts.ineligible} 件`,
      en: `  eligible (適格) ${counts.eligible} / review (要確認) ${counts.review} / ineligible (対象外) ${counts.ineligible}`,
    }),
    writesLine(summary, lang),
  ];
  if (summary.needsReview.length > 0) {
    lines.push(
      "",
      pick(lang, {
        ja: `要確認（担当者の確認が必要）: ${summary.needsReview.length} 件`,
        en: `Needs a person (要確認): ${summary.needsReview.length}`,
      }),
    );
    for (const review of summary.needsReview) {
      lines.push(
        pick(lang, {
          ja: `  - 受付番号 ${review.applicationNo || "-"}（レコードID ${review.id}）${review.companyName}`,
          en: `  - application ${review.applicationNo || "-"} (record ${review.id}) ${review.companyName}`,
        }),
        indent(review.notes),
      );
    }
  }
  if (summary.decidedByStaff.length > 0) {
    lines.push(
      "",
      pick(lang, {
        ja: `担当者の判断を維持（要確認の内容に変更なし）: ${summary.decidedByStaff.length} 件`,
        en: `Kept a person's decision (要確認, data unchanged): ${summary.decidedByStaff.length}`,
      }),
    );
    for (const kept of summary.decidedByStaff) {
      lines.push(
        pick(lang, {
          ja: `  - 受付番号 ${kept.applicationNo || "-"}（レコードID ${kept.id}）${kept.companyName}: ${kept.after}`,
          en: `  - application ${kept.applicationNo || "-"} (record ${kept.id}) ${kept.companyName}: ${kept.after}`,
        }),
      );
    }
  }
  return lines.join("\n") + "\n";
}

function pendingWrites(summary: ScreeningSummary): number {
  return summary.changed.length + summary.movedToIneligible.length;
}

export const screenCommand: Command = {
  summary: "screen every application (spec §4) and write the results that changed",
  async run(context: CommandContext) {
    const { values } = parseCommandArgs(context, OPTIONS);
    const { lang } = context;
    const dryRun = values["dry-run"] === true;
    const yes = values.yes === true;
    if (!dryRun) requireConfirmation(context, { yes });
    const { settings } = readSettingsFile(context.cwd, values.settings, lang);
    const { client, apps, target } = connectToProgram(context, values, ["applications"]);
    const reading = startProgress(context, pick(lang, { ja: "読み込み中", en: "reading" }));
    const progress = startProgress(context, pick(lang, { ja: "書き込み中", en: "writing" }));
    const screen = (write: boolean) =>
      screenAllApplications(client, {
        appId: apps.applications,
        settings,
        lang,
        dryRun: !write,
        onlyUnscreened: values["only-new"] === true,
        onRead: (read, total) => {
          reading.update(read, total);
          if (read >= total) reading.finish();
        },
        onProgress: (done, total) => progress.update(done, total),
      });
    try {
      if (!dryRun && !yes) {
        const preview = await screen(false);
        context.stdout.write(formatScreeningSummary(preview, lang));
        if (pendingWrites(preview) === 0) return 0;
        const question = pick(lang, {
          ja: `${target.baseUrl} に審査結果 ${preview.changed.length} 件の更新と対象外への移動 ${preview.movedToIneligible.length} 件を書き込みます。よろしいですか?`,
          en: `Write ${preview.changed.length} screening results and ${preview.movedToIneligible.length} moves to 対象外 to ${target.baseUrl}?`,
        });
        if (!(await confirmWrite(context, question, { yes }))) return cancelled(context);
      }
      const summary = await screen(!dryRun);
      progress.finish();
      const previewed = !dryRun && !yes;
      context.stdout.write(
        previewed ? writesLine(summary, lang) + "\n" : formatScreeningSummary(summary, lang),
      );
      return 0;
    } catch (error) {
      reading.finish();
      progress.finish();
      throw explainKintoneFailure(error, lang, target.baseUrl);
    }
  },
};
