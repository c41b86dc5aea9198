/**
 * `followup draw [--quota N] [--seed HEX] [--dry-run] [--out FILE] [--resume] [--yes]`: the lottery
 * of spec §5 on the target kintone, through the same adapter as the plugin's 抽選 button. The quota
 * and the application window come from the program settings (`--quota` differing is warned about);
 * the draw is refused before the window closes. `--dry-run` prints the ranking and writes nothing;
 * `--out` saves the verification bundle; `--resume` finishes an interrupted draw with the ranking
 * already in its log entry.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import {
  type DrawOutcome,
  drawLottery,
  type DrawPlan,
  type LotteryOptions,
  prepareDraw,
  resumeDraw,
} from "../../adapters/lottery";
import { pick } from "../../core/i18n";
import {
  buildBundle,
  generateSeed,
  type LotteryBundle,
  normalizeSeed,
  seedCommitment,
} from "../../core/lottery";
import type { ProgramSettings } from "../../core/settings/programSettings";
import { parseCommandArgs } from "../args";
import { type Command, type CommandContext, CommandError, UsageError } from "../command";
import { cancelled, confirmWrite, requireConfirmation } from "../confirm";
import { tellSettings } from "../program";
import { type Progress, startProgress } from "../progress";
import {
  chainHeadLine,
  openLotteryProgram,
  explainLotteryFailure,
  integerFlag,
  LOTTERY_TARGET_OPTIONS,
} from "./lotteryShared";

const OPTIONS = {
  ...LOTTERY_TARGET_OPTIONS,
  quota: { type: "string" },
  seed: { type: "string" },
  "dry-run": { type: "boolean" },
  out: { type: "string" },
  resume: { type: "boolean" },
  reason: { type: "string" },
  yes: { type: "boolean" },
} as const;

function rankingTable(bundle: LotteryBundle): string {
  const lines = ["rank\tkey\tresult\twaitlist_no"];
  for (const e of bundle.ranking)
    lines.push(`${e.rank}\t${e.key}\t${e.result}\t${e.waitlist_no ?? ""}`);
  return lines.join("\n") + "\n";
}

function saveBundle(
  context: CommandContext,
  file: string | undefined,
  bundle: LotteryBundle,
): void {
  if (!file) return;
  writeFileSync(path.resolve(context.cwd, file), JSON.stringify(bundle, null, 2) + "\n");
  context.stdout.write(
    pick(context.lang, {
      ja: `検証用データを保存しました: ${file}\n`,
      en: `verification bundle saved: ${file}\n`,
    }),
  );
}

function summary(context: CommandContext, outcome: DrawOutcome): string {
  const { bundle } = outcome;
  const winners = bundle.ranking.filter((e) => e.waitlist_no === null).length;
  const lines = [
    pick(context.lang, {
      ja: `抽選を記録しました（抽選ID ${outcome.runId}）: 母集団 ${bundle.pool.length}件、当選 ${winners}件、補欠 ${bundle.pool.length - winners}件\nシード ${bundle.seed}\n母集団の指紋 ${bundle.pool_fingerprint}`,
      en: `draw recorded (run ${outcome.runId}): pool ${bundle.pool.length}, winners ${winners}, waitlisted ${bundle.pool.length - winners}\nseed ${bundle.seed}\npool fingerprint ${bundle.pool_fingerprint}`,
    }),
  ];
  if (bundle.commitment) {
    lines.push(
      pick(context.lang, {
        ja: `抽選予告のシード（SHA-256 ${bundle.commitment}）と一致しました`,
        en: `the seed matches the 予告 (SHA-256 ${bundle.commitment})`,
      }),
    );
  }
  if (outcome.openPlaces > 0) {
    lines.push(
      pick(context.lang, {
        ja: `申込が当選枠 ${bundle.quota}件に満たないため全員当選です。再募集できる枠が ${outcome.openPlaces}件あります。`,
        en: `fewer applicants than the quota of ${bundle.quota}: everyone wins, and ${outcome.openPlaces} places are open for 再募集 (a new call).`,
      }),
    );
  }
  lines.push(chainHeadLine(context, outcome.chainHead));
  return lines.join("\n") + "\n";
}

type DrawFlags = ReturnType<typeof parseCommandArgs<typeof OPTIONS>>["values"];

/**
 * Flag checks that need no kintone; returns the quota (undefined with --resume): the settings'
 * quota, or --quota with a warning when it differs from them.
 */
function checkFlags(
  context: CommandContext,
  values: DrawFlags,
  settings: ProgramSettings,
): number | undefined {
  const { lang } = context;
  const quota = integerFlag(context, "quota", values.quota);
  if (values.resume) {
    if (values.seed !== undefined || quota !== undefined || values["dry-run"]) {
      throw new UsageError(
        pick(lang, {
          ja: "--resume は記録済みのシード・当選枠・順位で書き込みます。--seed、--quota、--dry-run とは併用できません",
          en: "--resume writes the logged seed, quota and ranking: it takes no --seed, --quota or --dry-run",
        }),
      );
    }
    return undefined;
  }
  if (quota !== undefined && quota !== settings.quota) {
    context.stderr.write(
      pick(lang, {
        ja: `注意: --quota ${quota} は設定の当選枠 ${settings.quota} と違います。--quota ${quota} で抽選します\n`,
        en: `warning: --quota ${quota} differs from the settings' quota ${settings.quota}; drawing with ${quota}\n`,
      }),
    );
  }
  if (values.seed !== undefined && !normalizeSeed(values.seed)) {
    throw new UsageError(
      pick(lang, {
        ja: "--seed は16進数64文字で指定してください",
        en: "--seed takes 64 hexadecimal characters",
      }),
    );
  }
  return quota ?? settings.quota;
}

interface Run {
  context: CommandContext;
  values: DrawFlags;
  options: LotteryOptions;
  baseUrl: string;
  progress: Progress;
  closesAt: string;
}

async function finish(run: Run, outcome: DrawOutcome): Promise<number> {
  run.progress.finish();
  run.context.stdout.write(summary(run.context, outcome));
  saveBundle(run.context, run.values.out, outcome.bundle);
  return 0;
}

async function resume(run: Run): Promise<number> {
  const question = pick(run.context.lang, {
    ja: `${run.baseUrl} の途中の抽選を、記録済みの順位のまま書き込みます。よろしいですか?`,
    en: `Finish writing the interrupted draw on ${run.baseUrl} with its logged ranking?`,
  });
  if (!(await confirmWrite(run.context, question, { yes: run.values.yes === true })))
    return cancelled(run.context);
  return finish(run, await resumeDraw(run.options));
}

async function dryRun(run: Run, plan: DrawPlan): Promise<number> {
  const seed = run.values.seed ?? generateSeed();
  // A trial with a seed the 予告 rules out would show a ranking that can never be drawn.
  if (plan.commitment && (await seedCommitment(seed)) !== plan.commitment) {
    throw new CommandError(
      pick(run.context.lang, {
        ja: `抽選予告があります（SHA-256 ${plan.commitment}）。試行にも予告したシードを --seed で指定してください`,
        en: `a 予告 was made (SHA-256 ${plan.commitment}); give the committed seed with --seed, also for a dry run`,
      }),
    );
  }
  const bundle = await buildBundle({
    seed,
    quota: plan.quota,
    ids: plan.keys,
    commitment: plan.commitment,
  });
  run.context.stdout.write(rankingTable(bundle));
  run.context.stdout.write(
    pick(run.context.lang, {
      ja: `（試行: シード ${bundle.seed}。何も書き込んでいません）\n`,
      en: `(dry run with seed ${bundle.seed}; nothing written)\n`,
    }),
  );
  saveBundle(run.context, run.values.out, bundle);
  return 0;
}

async function draw(run: Run, quota: number): Promise<number> {
  const { context, values } = run;
  const plan = await prepareDraw({ ...run.options, quota, closesAt: run.closesAt });
  context.stdout.write(
    pick(context.lang, {
      ja: `母集団 ${plan.poolSize}件（申込受付・適格）、当選枠 ${plan.quota}\n母集団の指紋 ${plan.poolFingerprint}\n`,
      en: `pool ${plan.poolSize} (申込受付, 適格), quota ${plan.quota}\npool fingerprint ${plan.poolFingerprint}\n`,
    }),
  );
  if (plan.commitment) {
    context.stdout.write(
      pick(context.lang, {
        ja: `抽選予告あり: 予告したシード（SHA-256 ${plan.commitment}）だけで抽選できます\n`,
        en: `a 予告 was made: only the seed with SHA-256 ${plan.commitment} can draw\n`,
      }),
    );
  }
  if (values["dry-run"]) return dryRun(run, plan);
  const question = pick(context.lang, {
    ja: `${run.baseUrl} で抽選を行い、${plan.poolSize}件に結果を書き込みます。抽選は1回だけです。よろしいですか?`,
    en: `Draw now on ${run.baseUrl} and write results to ${plan.poolSize} applications? A round is drawn once.`,
  });
  if (!(await confirmWrite(context, question, { yes: values.yes === true })))
    return cancelled(context);
  return finish(
    run,
    await drawLottery({
      ...run.options,
      quota,
      seed: values.seed,
      reason: values.reason,
      plan,
      closesAt: run.closesAt,
    }),
  );
}

export const drawCommand: Command = {
  summary: "draw the lottery (spec §5), or finish an interrupted draw with --resume",
  async run(context) {
    const { values } = parseCommandArgs(context, OPTIONS);
    if (!values["dry-run"]) requireConfirmation(context, { yes: values.yes === true });
    const { program, target } = await openLotteryProgram(context, values, {
      changesStatuses: values["dry-run"] !== true,
    });
    tellSettings(context, program.source);
    const { settings } = program;
    const quota = checkFlags(context, values, settings);
    const progress = startProgress(
      context,
      pick(context.lang, { ja: "書き込み中", en: "writing" }),
    );
    const options: LotteryOptions = {
      program,
      onProgress: (done, total) => progress.update(done, total),
    };
    const run: Run = {
      context,
      values,
      options,
      baseUrl: target.baseUrl,
      progress,
      closesAt: settings.window.closesAt,
    };
    try {
      return quota === undefined ? await resume(run) : await draw(run, quota);
    } catch (error) {
      progress.finish();
      throw explainLotteryFailure(error, context, target.baseUrl);
    }
  },
};
