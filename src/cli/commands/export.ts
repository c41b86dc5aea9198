/**
 * `followup export results --out FILE.csv`: one row per application for the lottery-result e-mail.
 * `followup export evidence --out DIR [--run RUN_ID] [--settings FILE]`: the folder an auditor asks
 * for (settings, pool with exclusions, seed, ranking, bundle, promotions and cancellations, README).
 * Both only read kintone; they write local files.
 */
import { lstatSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { readAllRecords } from "../../adapters/applications";
import { gatherEvidence, NoCompletedDrawError } from "../../adapters/evidence/gatherEvidence";
import { buildEvidence } from "../../core/export/evidence";
import { toCsv } from "../../core/export/csv";
import { RESULT_COLUMNS, resultRows, UnknownRunError } from "../../core/export/results";
import { readLotteryLog } from "../../adapters/lottery";
import { visitsCalendar } from "../../core/export/icalendar";
import { calendarVisitsOf } from "../../core/visits";
import { STATES } from "../../core/vocabulary";
import { type Lang, type Localized, pick } from "../../core/i18n";
import { parseCommandArgs } from "../args";
import { type Command, type CommandContext, CommandError, UsageError } from "../command";
import { explainKintoneFailure } from "../kintoneFailure";
import { startProgress } from "../progress";
import { appOf } from "../../adapters/program";
import { openProgram, TARGET_OPTIONS, tellSettings } from "../program";

const OPTIONS = {
  ...TARGET_OPTIONS,
  out: { type: "string" },
  run: { type: "string" },
  since: { type: "string" },
  expert: { type: "string" },
} as const;

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
  const { program, target } = await openProgram(context, values, ["applications", "lotteryLog"]);
  tellSettings(context, program.source);
  const progress = startProgress(context, pick(lang, { ja: "読み込み中", en: "reading" }));
  let records;
  let log;
  try {
    // Every field: the status's code depends on the user's language and is found by its type.
    records = await readAllRecords(program.client, {
      app: appOf(program, "applications"),
      onPage: (read, total) => progress.update(read, total),
    });
    log = await readLotteryLog(program);
  } catch (error) {
    throw explainKintoneFailure(error, lang, target.baseUrl);
  } finally {
    progress.finish();
  }
  const chainHead = log[log.length - 1]?.entry_hash ?? "";
  let rows;
  try {
    rows = resultRows(records, {
      names: program,
      field: program.field,
      chainHead,
      since: values.since === undefined ? undefined : { runId: values.since, log },
    });
  } catch (error) {
    if (!(error instanceof UnknownRunError)) throw error;
    throw new UsageError(
      pick(lang, {
        ja: `抽選記録に ${error.runId} がありません。--since には抽選記録の抽選ID（run_id）を指定してください`,
        en: `the lottery log has no entry ${error.runId}: --since takes a run_id from the log`,
      }),
    );
  }
  const csv = toCsv(RESULT_COLUMNS, rows);
  writeLocal(lang, out, () => writeFileSync(out, csv));
  context.stdout.write(
    pick(lang, {
      ja: `${values.since ? `${values.since} の後に結果が変わった ` : ""}${rows.length} 件の申込を ${out} に書き出しました。\n抽選記録のチェーンの先頭: ${chainHead || "-"}\n`,
      en: `Wrote ${rows.length} applications${values.since ? ` whose outcome changed after ${values.since}` : ""} to ${out}.\nlottery log chain head: ${chainHead || "-"}\n`,
    }),
  );
  return 0;
}

async function exportEvidence(context: CommandContext, values: Values): Promise<number> {
  const { lang } = context;
  const out = path.resolve(context.cwd, requireOut(values, lang, "DIR"));
  refuseUnfreshFolder(lang, out);
  const { program, target } = await openProgram(context, values, [
    "applications",
    "questionnaires",
    "lotteryLog",
  ]);
  const progress = startProgress(context, pick(lang, { ja: "読み込み中", en: "reading" }));
  let files;
  try {
    const input = await gatherEvidence(program, {
      runId: values.run,
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
    // "wx": never through a link or over a file that appeared since the folder was checked.
    for (const file of files)
      writeFileSync(path.join(out, file.name), file.content, { flag: "wx" });
  });
  context.stdout.write(
    pick(lang, {
      ja: `証跡を ${out} に書き出しました（${files.map((f) => f.name).join(", ")}）。再計算の方法は README.md にあります。\n`,
      en: `Wrote the evidence to ${out} (${files.map((f) => f.name).join(", ")}); README.md explains how to recompute the draw.\n`,
    }),
  );
  return 0;
}

async function exportVisits(context: CommandContext, values: Values): Promise<number> {
  const { lang } = context;
  const out = path.resolve(context.cwd, requireOut(values, lang, "FILE.ics"));
  const { program, target } = await openProgram(context, values, ["applications"]);
  const app = appOf(program, "applications");
  const progress = startProgress(context, pick(lang, { ja: "読み込み中", en: "reading" }));
  let records;
  try {
    records = await readAllRecords(program.client, {
      app,
      condition: `${program.field("visit_date")} != ""`,
      onPage: (read, total) => progress.update(read, total),
    });
  } catch (error) {
    throw explainKintoneFailure(error, lang, target.baseUrl);
  } finally {
    progress.finish();
  }
  const { visits, incomplete } = calendarVisitsOf(records, String(app), program.states, {
    field: program.field,
    expert: values.expert,
  });
  const name = values.expert ? `専門家派遣 訪問予定（${values.expert}）` : "専門家派遣 訪問予定";
  const calendar = visitsCalendar(visits, {
    name,
    domain: new URL(target.baseUrl).host.replace(/:/g, "-"),
    now: new Date(),
  });
  writeLocal(lang, out, () => writeFileSync(out, calendar));
  context.stdout.write(
    pick(lang, {
      ja: `${visits.length} 件の訪問を ${out} に書き出しました。\n`,
      en: `Wrote ${visits.length} visits to ${out}.\n`,
    }),
  );
  for (const skipped of incomplete) {
    context.stderr.write(
      pick(lang, {
        ja: `訪問日・開始時刻・所要時間・専門家がそろっていないため除外: ${skipped.companyName}（レコードID ${skipped.recordId}）\n`,
        en: `Left out (date, start, duration or expert missing): ${skipped.companyName} (record ${skipped.recordId})\n`,
      }),
    );
  }
  return 0;
}

/**
 * The evidence goes into a folder of its own: a new one, or an empty one that is not a symbolic
 * link, so it never overwrites an earlier export or writes where a link points.
 */
function refuseUnfreshFolder(lang: Lang, out: string): void {
  let stat;
  try {
    stat = lstatSync(out);
  } catch {
    return; // does not exist yet: it will be created
  }
  let problem: Localized | undefined;
  if (stat.isSymbolicLink())
    problem = { ja: "シンボリックリンクです", en: "it is a symbolic link" };
  else if (!stat.isDirectory())
    problem = { ja: "フォルダではありません", en: "it is not a folder" };
  else if (readdirSync(out).length > 0) problem = { ja: "空ではありません", en: "it is not empty" };
  if (problem) {
    throw new UsageError(
      pick(lang, {
        ja: `${out} には書き出しません（${problem.ja}）。新しいフォルダ名を --out に指定してください`,
        en: `will not write to ${out} (${problem.en}); give --out a new folder name`,
      }),
    );
  }
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
  summary:
    "export results (CSV for the result e-mail), evidence (folder for an auditor) or visits (iCalendar)",
  async run(context: CommandContext) {
    const { values, positionals } = parseCommandArgs(context, OPTIONS, true);
    const [what, ...rest] = positionals;
    if (rest.length === 0 && what === "results") return exportResults(context, values);
    if (rest.length === 0 && what === "evidence") return exportEvidence(context, values);
    if (rest.length === 0 && what === "visits") return exportVisits(context, values);
    throw new UsageError(
      pick(context.lang, {
        ja: "使い方: followup export results --out FILE.csv ／ followup export evidence --out DIR [--run 抽選ID] ／ followup export visits --out FILE.ics [--expert 氏名]",
        en: "usage: followup export results --out FILE.csv | followup export evidence --out DIR [--run RUN_ID] | followup export visits --out FILE.ics [--expert NAME]",
      }),
    );
  },
};
