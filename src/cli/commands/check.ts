/**
 * `followup check --input FILE [--now ISO] [--lang ja|en] [--settings FILE]` (spec §6): screens a JSON
 * array of kintone REST records offline and prints one result per record. The program settings are
 * the defaults of spec §1 unless `--settings` names a settings document (as the config page keeps it).
 */
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { applicationFromRecord, type KintoneRecordLike } from "../../core/application";
import { parseInstant, screenApplications } from "../../core/eligibility";
import { type Lang, pick } from "../../core/i18n";
import { defaultProgramSettings } from "../../core/settings/programSettings";
import { type Command, type CommandContext, UsageError } from "../command";
import { readSettingsFile } from "../settingsFile";

interface CheckOptions {
  input: string;
  now: Date;
  lang: Lang;
  settings?: string;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ");
}

function parseOptions(context: CommandContext): CheckOptions {
  const { lang } = context;
  let values: { input?: string; now?: string; lang?: string; settings?: string };
  try {
    ({ values } = parseArgs({
      args: context.args,
      options: {
        input: { type: "string" },
        now: { type: "string" },
        lang: { type: "string" },
        settings: { type: "string" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(oneLine(error instanceof Error ? error.message : String(error)));
  }
  if (values.input === undefined || values.input === "") {
    throw new UsageError(
      pick(lang, {
        ja: "--input FILE を指定してください（kintone REST 形式のレコードの JSON 配列）",
        en: "--input FILE is required (a JSON array of records in kintone REST format)",
      }),
    );
  }
  if (values.lang !== undefined && values.lang !== "ja" && values.lang !== "en") {
    throw new UsageError(
      pick(lang, {
        ja: `--lang は ja 又は en です: ${values.lang}`,
        en: `--lang must be ja or en: ${values.lang}`,
      }),
    );
  }
  let now = new Date();
  if (values.now !== undefined) {
    const instant = parseInstant(values.now);
    if (instant === undefined) {
      throw new UsageError(
        pick(lang, {
          ja: `--now は ISO 8601 の日時で指定してください（例 2024-08-09T17:00:00+09:00）: ${values.now}`,
          en: `--now must be an ISO 8601 date-time (e.g. 2024-08-09T17:00:00+09:00): ${values.now}`,
        }),
      );
    }
    now = new Date(instant);
  }
  return { input: values.input, now, lang: values.lang ?? lang, settings: values.settings };
}

/**
 * The largest input file `check` reads: far above a real round (10,000 applications are about 20 MB
 * of REST JSON), and small enough that parsing it never needs gigabytes of memory.
 */
export const MAX_INPUT_BYTES = 32 * 1024 * 1024;

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

async function readInput(file: string, cwd: string, lang: Lang): Promise<string> {
  try {
    const resolved = path.resolve(cwd, file);
    // Checked before reading, so an oversized file is refused without loading it.
    const { size } = await stat(resolved);
    if (size > MAX_INPUT_BYTES) {
      throw new UsageError(
        pick(lang, {
          ja: `入力ファイルが大きすぎます: ${file}（${megabytes(size)} MB）。上限は ${megabytes(MAX_INPUT_BYTES)} MB です。ファイルを分けて実行してください`,
          en: `input file too large: ${file} (${megabytes(size)} MB); the limit is ${megabytes(MAX_INPUT_BYTES)} MB. Split the file and run check on each part`,
        }),
      );
    }
    return await readFile(resolved, "utf8");
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") {
      throw new UsageError(
        pick(lang, {
          ja: `入力ファイルが見つかりません: ${file}`,
          en: `input file not found: ${file}`,
        }),
      );
    }
    throw new UsageError(
      pick(lang, {
        ja: `入力ファイルを読めません: ${file} (${code ?? String(error)})`,
        en: `cannot read input file: ${file} (${code ?? String(error)})`,
      }),
    );
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Parses the file as a JSON array of kintone REST records, or says in one line what is wrong. */
export function parseRecords(text: string, file: string, lang: Lang): KintoneRecordLike[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    const reason = oneLine(error instanceof Error ? error.message : String(error));
    throw new UsageError(
      pick(lang, {
        ja: `${file} は正しい JSON ではありません: ${reason}`,
        en: `${file} is not valid JSON: ${reason}`,
      }),
    );
  }
  if (!Array.isArray(parsed)) {
    throw new UsageError(
      pick(lang, {
        ja: `${file} はレコードの JSON 配列である必要があります`,
        en: `${file} must be a JSON array of records`,
      }),
    );
  }
  parsed.forEach((record: unknown, index) => {
    if (!isObject(record)) {
      throw new UsageError(
        pick(lang, {
          ja: `${file} の要素 [${index}] がレコード（オブジェクト）ではありません`,
          en: `element ${index} of ${file} is not a record (object)`,
        }),
      );
    }
    for (const [code, field] of Object.entries(record)) {
      if (field !== null && !isObject(field)) {
        throw new UsageError(
          pick(lang, {
            ja: `${file} のレコード [${index}] のフィールド ${code} は {"value": …} の形式にしてください`,
            en: `record ${index} of ${file}: field ${code} must be {"value": …}`,
          }),
        );
      }
    }
  });
  return parsed as KintoneRecordLike[];
}

export const checkCommand: Command = {
  summary: "screen a JSON file of application records offline (spec §4) and print the results",
  async run(context) {
    const options = parseOptions(context);
    const settings =
      options.settings === undefined
        ? defaultProgramSettings()
        : readSettingsFile(context.cwd, options.settings, options.lang).program;
    const text = await readInput(options.input, context.cwd, options.lang);
    const records = parseRecords(text, options.input, options.lang);
    const results = screenApplications(
      records.map((record) => applicationFromRecord(record)),
      settings,
      { lang: options.lang, now: options.now },
    );
    const output = results.map((result, index) => ({
      index,
      status: result.status,
      violations: result.violations.map(({ rule, severity, field, message }) => ({
        rule,
        severity,
        field,
        message,
      })),
    }));
    context.stdout.write(JSON.stringify(output, null, 2) + "\n");
    return 0;
  },
};
