/**
 * `followup export results --out FILE.csv`: one row per application for the lottery-result e-mail.
 * `followup export evidence --out DIR [--run RUN_ID] [--settings FILE]`: the folder an auditor asks
 * for (settings, pool with exclusions, seed, ranking, bundle, promotions and cancellations, README).
 * Both only read kintone; they write local files.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { readAllRecords } from "../../adapters/applications";
import { gatherEvidence, NoCompletedDrawError } from "../../adapters/evidence/gatherEvidence";
import { buildEvidence } from "../../core/export/evidence";
import { resultsCsv } from "../../core/export/results";
import { type Lang, pick } from "../../core/i18n";
import { parseCommandArgs } from "../args";
import { type Command, type CommandContext, CommandError, UsageError } from "../command";
import { explainKintoneFailure } from "../kintoneFailure";
import { startProgress } from "../progress";
import { readSettingsFile } from "../settingsFile";
import { connectToProgram, TARGET_OPTIONS } from "../target";

const OPTIONS = {
  ...TARGET_OPTIONS,
  out: { type: "string" },
  run: { type: "string" },
  settings: { type: "string" },
} as const;

const RESULT_FIELDS = [
  "application_no",
  "company_name",
  "contact_name",
  "contact_email",
  "eligibility",
  "lottery_result",
  "waitlist_no",
  "lottery_run_id",
];

function writeLocal(lang: Lang, target: string, write: () => void): void {
  try {
    write();
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new CommandError(
      pick(lang, {
        ja: `${target} に書き込めません（${reason}）。出力先のフォルダと権限を確認してください`,
        en: `cannot write ${target} (${reason}): check the output folder and its permissions`,
      }),
    );
  }
}

async function exportResults(context: CommandContext, values: Values): Promise<number> {
  const { lang } = context;
  const out = path.resolve(context.cwd, requireOut(values, lang, "FILE.csv"));
  const { client, apps, target } = connectToProgram(context, values, ["applications"]);
  const progress = startProgress(context, pick(lang, { ja: "読み込み中", en: "reading" }));
  let records;
  try {
    records = await readAllRecords(client, {
      app: apps.applications,
      fields: RESULT_FIELDS,
      onPage: (read, total) => progress.update(read, total),
    });
  } catch (error) {
    throw explainKintoneFailure(error, lang, target.baseUrl);
  } finally {
    progress.finish();
  }
  writeLocal(lang, out, () => writeFileSync(out, resultsCsv(records)));
  context.stdout.write(
    pick(lang, {
      ja: `${records.length} 件の申込を ${out} に書き出しました。\n`,
      en: `Wrote ${records.length} applications to ${out}.\n`,
    }),
  );
  return 0;
}

async function exportEvidence(context: CommandContext, values: Values): Promise<number> {
  const { lang } = context;
  const out = path.resolve(context.cwd, requireOut(values, lang, "DIR"));
  const { settings, source } = readSettingsFile(context.cwd, values.settings, lang);
  const { client, apps, target } = connectToProgram(context, values, [
    "applications",
    "lotteryLog",
  ]);
  const progress = startProgress(context, pick(lang, { ja: "読み込み中", en: "reading" }));
  let files;
  try {
    const input = await gatherEvidence(client, {
      apps,
      runId: values.run,
      programSettings: { source: source ?? "defaults (spec §1)", ...settings },
      onPage: (read, total) => progress.update(read, total),
    });
    files = await buildEvidence(input);
  } catch (error) {
    if (error instanceof NoCompletedDrawError) {
      throw new CommandError(
        error.runId
          ? pick(lang, {
              ja: `抽選ID ${error.runId} の完了した抽選が抽選記録にありません。--run の値を確認してください`,
              en: `no completed draw ${error.runId} in the lottery log: check --run`,
            })
          : pick(lang, {
              ja: "完了した抽選が抽選記録にありません。先に followup draw を実行してください",
              en: "no completed draw in the lottery log: run followup draw first",
            }),
      );
    }
    throw explainKintoneFailure(error, lang, target.baseUrl);
  } finally {
    progress.finish();
  }
  writeLocal(lang, out, () => {
    mkdirSync(out, { recursive: true });
    for (const file of files) writeFileSync(path.join(out, file.name), file.content);
  });
  context.stdout.write(
    pick(lang, {
      ja: `証跡を ${out} に書き出しました（${files.map((f) => f.name).join(", ")}）。再計算の方法は README.md にあります。\n`,
      en: `Wrote the evidence to ${out} (${files.map((f) => f.name).join(", ")}); README.md explains how to recompute the draw.\n`,
    }),
  );
  return 0;
}

type Values = ReturnType<typeof parseCommandArgs<typeof OPTIONS>>["values"];

function requireOut(values: Values, lang: Lang, placeholder: string): string {
  if (!values.out) {
    throw new UsageError(
      pick(lang, {
        ja: `--out ${placeholder} で出力先を指定してください`,
        en: `--out ${placeholder} is required`,
      }),
    );
  }
  return values.out;
}

export const exportCommand: Command = {
  summary: "export results (CSV for the result e-mail) or evidence (folder for an auditor)",
  async run(context: CommandContext) {
    const { values, positionals } = parseCommandArgs(context, OPTIONS, true);
    const [what, ...rest] = positionals;
    if (rest.length === 0 && what === "results") return exportResults(context, values);
    if (rest.length === 0 && what === "evidence") return exportEvidence(context, values);
    throw new UsageError(
      pick(context.lang, {
        ja: "使い方: followup export results --out FILE.csv ／ followup export evidence --out DIR [--run 抽選ID]",
        en: "usage: followup export results --out FILE.csv | followup export evidence --out DIR [--run RUN_ID]",
      }),
    );
  },
};
