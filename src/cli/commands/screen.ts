/**
 * `followup screen`: screening proposes, people decide (spec v2 §4).
 *
 * - `followup screen [--dry-run] [--only-new] [--yes]`: screens every application in 申込受付 with
 *   the same adapter as the plugin's 審査 button, writes the proposals that changed (never a
 *   status), and lists the proposed 対象外 with their reasons, the 要確認 to decide, the decisions
 *   that hold and those flagged because the data changed since.
 * - `--confirm-ineligible`: then runs 対象外登録 for the proposed 対象外 (one bulk request).
 * - `--decide RECORD_ID --decision eligible|ineligible|none --reason TEXT`: records a person's
 *   decision on what screening shows now.
 * - `--send-back RECORD_ID --reason TEXT`: 差し戻し (対象外 → 申込受付) before the draw, logged.
 */
import {
  type ScreeningEntry,
  type ScreeningSummary,
  describeEntry,
  screenAllApplications,
} from "../../adapters/screening/screenAllApplications";
import {
  confirmIneligible,
  type DecisionChoice,
  DecisionRefusal,
  recordStaffDecision,
  sendBack,
} from "../../adapters/screening/decisions";
import { type Lang, pick } from "../../core/i18n";
import { parseCommandArgs } from "../args";
import { type Command, type CommandContext, CommandError, UsageError } from "../command";
import { cancelled, confirmWrite, requireConfirmation } from "../confirm";
import { explainKintoneFailure } from "../kintoneFailure";
import { startProgress } from "../progress";
import type { Program } from "../../adapters/program";
import { openProgram, TARGET_OPTIONS, tellSettings } from "../program";

const OPTIONS = {
  ...TARGET_OPTIONS,
  "dry-run": { type: "boolean" },
  "only-new": { type: "boolean" },
  "confirm-ineligible": { type: "boolean" },
  decide: { type: "string" },
  decision: { type: "string" },
  reason: { type: "string" },
  "send-back": { type: "string" },
  yes: { type: "boolean" },
} as const;

const DECISIONS: Record<string, DecisionChoice> = {
  eligible: "eligible",
  ineligible: "ineligible",
  none: "none",
  適格とする: "eligible",
  対象外とする: "ineligible",
  なし: "none",
};

function section(lines: string[], title: string, entries: ScreeningEntry[], lang: Lang) {
  if (entries.length === 0) return;
  lines.push("", `${title}: ${entries.length}`);
  for (const entry of entries) {
    lines.push(
      describeEntry(entry, lang)
        .split("\n")
        .map((line) => `  ${line}`)
        .join("\n"),
    );
  }
}

export function formatScreeningSummary(summary: ScreeningSummary, lang: Lang): string {
  const { counts } = summary;
  const lines = [
    pick(lang, {
      ja: `申込 ${summary.read} 件を読み込み、申込受付の ${summary.screened} 件を審査しました（審査は提案です。状態は変えません）。`,
      en: `Read ${summary.read} applications; screened the ${summary.screened} in 申込受付 (proposals only; no status is changed).`,
    }),
    pick(lang, {
      ja: `  提案：適格 ${counts.eligible} 件 / 要確認 ${counts.review} 件 / 対象外 ${counts.ineligible} 件`,
      en: `  proposed: eligible (適格) ${counts.eligible} / review (要確認) ${counts.review} / ineligible (対象外) ${counts.ineligible}`,
    }),
    summary.dryRun
      ? pick(lang, {
          ja: `  書き込み予定（まだ書き込んでいません）：審査結果 ${summary.changed.length} 件`,
          en: `  to write (nothing written yet): ${summary.changed.length} screening results`,
        })
      : pick(lang, {
          ja: `  書き込み済み：審査結果 ${summary.changed.length} 件`,
          en: `  written: ${summary.changed.length} screening results`,
        }),
  ];
  section(
    lines,
    pick(lang, {
      ja: "対象外の提案（確認のうえ --confirm-ineligible で対象外登録。誤りなら --decide で判断を記録）",
      en: "Proposed ineligible (confirm with --confirm-ineligible, or record a decision with --decide)",
    }),
    summary.proposedIneligible,
    lang,
  );
  section(
    lines,
    pick(lang, {
      ja: "要確認（担当者の判断が必要。--decide で記録）",
      en: "To decide (要確認; record with --decide)",
    }),
    summary.needsReview,
    lang,
  );
  section(
    lines,
    pick(lang, {
      ja: "判断の見直しが必要（判断の後に申込内容が変わりました）",
      en: "Decisions to review (the application changed after the decision)",
    }),
    summary.flagged,
    lang,
  );
  if (summary.decidedByStaff.length > 0) {
    lines.push(
      "",
      pick(lang, {
        ja: `事務局の判断を維持（申込内容に変更なし）: ${summary.decidedByStaff.length} 件`,
        en: `Decisions kept (application unchanged): ${summary.decidedByStaff.length}`,
      }),
    );
    for (const kept of summary.decidedByStaff) {
      lines.push(
        pick(lang, {
          ja: `  - レコード番号 ${kept.id}: ${kept.decision === "eligible" ? "適格とする" : "対象外とする"}`,
          en: `  - record ${kept.id}: ${kept.decision === "eligible" ? "eligible" : "ineligible"}`,
        }),
      );
    }
  }
  return lines.join("\n") + "\n";
}

function requireReason(context: CommandContext, reason: string | undefined): string {
  if (reason === undefined || reason.trim() === "") {
    throw new UsageError(
      pick(context.lang, {
        ja: "--reason で理由を指定してください",
        en: "give the reason with --reason",
      }),
    );
  }
  return reason;
}

function refusal(error: unknown, context: CommandContext): never {
  if (error instanceof DecisionRefusal) throw new CommandError(pick(context.lang, error.text));
  throw error;
}

type Values = ReturnType<typeof parseCommandArgs<typeof OPTIONS>>["values"];

async function runSendBack(context: CommandContext, values: Values, id: string): Promise<number> {
  const { lang } = context;
  const yes = values.yes === true;
  const reason = requireReason(context, values.reason);
  const { program, target } = await openProgram(context, values, ["applications", "lotteryLog"]);
  const question = pick(lang, {
    ja: `レコード番号 ${id} を対象外から申込受付に差し戻します。よろしいですか?`,
    en: `Send record ${id} back from 対象外 to 申込受付?`,
  });
  if (!(await confirmWrite(context, question, { yes }))) return cancelled(context);
  try {
    await sendBack({ program, id, reason });
  } catch (error) {
    if (error instanceof DecisionRefusal) refusal(error, context);
    throw explainKintoneFailure(error, lang, target.baseUrl);
  }
  context.stdout.write(
    pick(lang, {
      ja: `差し戻しました（抽選記録に記録済み）。followup screen で審査し直してください。\n`,
      en: `Sent back (logged in the lottery log). Run followup screen to screen it again.\n`,
    }),
  );
  return 0;
}

async function runDecide(
  context: CommandContext,
  values: Values,
  id: string,
  screen: (write: boolean) => Promise<ScreeningSummary>,
  program: Program,
): Promise<number> {
  const { lang } = context;
  const decision = DECISIONS[values.decision ?? ""];
  if (decision === undefined) {
    throw new UsageError(
      pick(lang, {
        ja: "--decision は eligible（適格とする）・ineligible（対象外とする）・none（判断を取り消す）のどれかです",
        en: "--decision must be eligible, ineligible or none",
      }),
    );
  }
  const reason =
    decision === "none" ? (values.reason ?? "") : requireReason(context, values.reason);
  const summary = await screen(true);
  const entry = summary.entries.find((e) => e.id === id);
  if (!entry) {
    throw new CommandError(
      pick(lang, {
        ja: `レコード番号 ${id} は申込受付の申込にありません`,
        en: `record ${id} is not an application in 申込受付`,
      }),
    );
  }
  context.stdout.write(describeEntry(entry, lang) + "\n");
  await recordStaffDecision(program, {
    id: entry.id,
    decision,
    reason,
    signature: entry.signature,
    revision: entry.revision,
  }).catch((error: unknown) => refusal(error, context));
  context.stdout.write(
    pick(lang, {
      ja: "事務局の判断を記録しました。申込内容が変わるまで、この判断が維持されます。\n",
      en: "Recorded the decision. It holds until the application changes.\n",
    }),
  );
  return 0;
}

export const screenCommand: Command = {
  summary:
    "screen every application (spec v2 §4): write proposals; confirm 対象外, record decisions, send back",
  async run(context: CommandContext) {
    const { values } = parseCommandArgs(context, OPTIONS);
    const { lang } = context;
    const dryRun = values["dry-run"] === true;
    const yes = values.yes === true;
    if (!dryRun) requireConfirmation(context, { yes });
    if (values["send-back"] !== undefined) return runSendBack(context, values, values["send-back"]);
    const { program, target } = await openProgram(context, values, ["applications"]);
    tellSettings(context, program.source);
    const reading = startProgress(context, pick(lang, { ja: "読み込み中", en: "reading" }));
    const progress = startProgress(context, pick(lang, { ja: "書き込み中", en: "writing" }));
    const screen = (write: boolean) =>
      screenAllApplications(program, {
        dryRun: !write,
        onlyUnscreened: values["only-new"] === true,
        onRead: (read, total) => {
          reading.update(read, total);
          if (read >= total) reading.finish();
        },
        onProgress: (done, total) => progress.update(done, total),
      });
    try {
      if (values.decide !== undefined) {
        return await runDecide(context, values, values.decide, screen, program);
      }

      if (!dryRun && !yes) {
        const preview = await screen(false);
        context.stdout.write(formatScreeningSummary(preview, lang));
        const moves = values["confirm-ineligible"] ? preview.proposedIneligible.length : 0;
        if (preview.changed.length + moves === 0) return 0;
        const question = pick(lang, {
          ja: `${target.baseUrl} に審査結果 ${preview.changed.length} 件を書き込み${moves > 0 ? `、${moves} 件を対象外登録します` : "ます"}。よろしいですか?`,
          en: `Write ${preview.changed.length} screening results${moves > 0 ? ` and register ${moves} as 対象外` : ""} to ${target.baseUrl}?`,
        });
        if (!(await confirmWrite(context, question, { yes }))) return cancelled(context);
      }
      const summary = await screen(!dryRun);
      progress.finish();
      context.stdout.write(formatScreeningSummary(summary, lang));
      if (values["confirm-ineligible"] && !dryRun && summary.proposedIneligible.length > 0) {
        const moved = await confirmIneligible(program, {
          records: summary.proposedIneligible,
          onProgress: (done, total) => progress.update(done, total),
        });
        progress.finish();
        context.stdout.write(
          pick(lang, {
            ja: `対象外登録：${moved} 件\n`,
            en: `Registered as 対象外: ${moved}\n`,
          }),
        );
      }
      return 0;
    } catch (error) {
      reading.finish();
      progress.finish();
      if (error instanceof UsageError || error instanceof CommandError) throw error;
      throw explainKintoneFailure(error, lang, target.baseUrl);
    }
  },
};
