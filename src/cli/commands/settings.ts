/**
 * `followup settings show|diff|export`: the settings history in the lottery log (spec v2 §6).
 * - `show [--entry N]`: the settings in force (the latest 設定 entry, or entry N), with when and by
 *   whom they were saved.
 * - `diff [--from N] [--to M]`: what changed between two saved documents (default: the last two;
 *   with one entry, against the defaults), one line per changed setting.
 * - `export --out FILE [--entry N]`: the document as JSON, for `--settings FILE` offline.
 * All read only; export writes the local file.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { type SettingsEntry, settingsOfEntry } from "../../adapters/settingsLog";
import { type Lang, pick } from "../../core/i18n";
import { defaultPluginConfig, type PluginConfig } from "../../core/settings/pluginConfig";
import { parseCommandArgs } from "../args";
import { type Command, type CommandContext, CommandError, UsageError } from "../command";
import { openProgram, TARGET_OPTIONS } from "../program";

const OPTIONS = {
  ...TARGET_OPTIONS,
  entry: { type: "string" },
  from: { type: "string" },
  to: { type: "string" },
  out: { type: "string" },
} as const;

type Values = ReturnType<typeof parseCommandArgs<typeof OPTIONS>>["values"];

/** Every setting as `dotted.path = JSON value` (list items by index), in a stable order. */
export function flatten(value: unknown, prefix = ""): Map<string, string> {
  const lines = new Map<string, string>();
  if (value !== null && typeof value === "object") {
    const keys = Array.isArray(value) ? value.map((_, i) => String(i)) : Object.keys(value).sort();
    if (keys.length === 0) lines.set(prefix, JSON.stringify(value));
    for (const key of keys) {
      const inner = flatten(
        (value as Record<string, unknown>)[key],
        prefix ? `${prefix}.${key}` : key,
      );
      for (const [k, v] of inner) lines.set(k, v);
    }
    return lines;
  }
  lines.set(prefix, JSON.stringify(value));
  return lines;
}

/** The changed settings between two documents: `path: before → after`. */
export function settingsDiff(before: PluginConfig, after: PluginConfig): string[] {
  const a = flatten(before);
  const b = flatten(after);
  const keys = [...new Set([...a.keys(), ...b.keys()])].sort();
  return keys
    .filter((key) => a.get(key) !== b.get(key))
    .map((key) => `${key}: ${a.get(key) ?? "-"} → ${b.get(key) ?? "-"}`);
}

function entryNumber(context: CommandContext, flag: string, value: string | undefined) {
  if (value === undefined) return undefined;
  if (!/^[1-9]\d*$/.test(value.trim())) {
    throw new UsageError(
      pick(context.lang, {
        ja: `--${flag} には抽選記録の通番（正の整数）を指定してください: ${value}`,
        en: `--${flag} takes a lottery log sequence number (a positive integer): ${value}`,
      }),
    );
  }
  return Number(value);
}

function pickEntry(
  context: CommandContext,
  history: SettingsEntry[],
  sequence: number | undefined,
): SettingsEntry | undefined {
  if (sequence === undefined) return history[history.length - 1];
  const entry = history.find((e) => e.sequence === sequence);
  if (!entry) {
    throw new CommandError(
      pick(context.lang, {
        ja: `抽選記録に通番 ${sequence} の設定はありません（設定の通番: ${history.map((e) => e.sequence).join(", ") || "なし"}）`,
        en: `no 設定 entry ${sequence} in the lottery log (settings entries: ${history.map((e) => e.sequence).join(", ") || "none"})`,
      }),
    );
  }
  return entry;
}

function describe(entry: SettingsEntry | undefined, lang: Lang): string {
  if (!entry) {
    return pick(lang, {
      ja: "既定値（抽選記録に設定がまだありません）",
      en: "the defaults (no 設定 entry in the lottery log yet)",
    });
  }
  return pick(lang, {
    ja: `抽選記録の通番 ${entry.sequence}（${entry.savedAt} ${entry.savedBy} が保存）`,
    en: `lottery log entry ${entry.sequence} (saved ${entry.savedAt} by ${entry.savedBy})`,
  });
}

function documentOf(entry: SettingsEntry | undefined): PluginConfig {
  return entry ? settingsOfEntry(entry) : defaultPluginConfig();
}

async function run(context: CommandContext, action: string, values: Values): Promise<number> {
  const { lang } = context;
  const { history } = await openProgram({ ...context }, { ...values, settings: undefined }, [
    "lotteryLog",
  ]);
  const out = (text: string) => context.stdout.write(text + "\n");
  if (action === "show") {
    const entry = pickEntry(context, history, entryNumber(context, "entry", values.entry));
    out(`# ${describe(entry, lang)}`);
    out(JSON.stringify(documentOf(entry), null, 2));
    return 0;
  }
  if (action === "export") {
    if (!values.out) {
      throw new UsageError(
        pick(lang, {
          ja: "--out FILE で出力先を指定してください",
          en: "give the output file with --out FILE",
        }),
      );
    }
    const entry = pickEntry(context, history, entryNumber(context, "entry", values.entry));
    const file = path.resolve(context.cwd, values.out);
    writeFileSync(file, JSON.stringify(documentOf(entry), null, 2) + "\n");
    out(
      pick(lang, {
        ja: `${describe(entry, lang)} を ${file} に書き出しました（--settings ${values.out} で使えます）`,
        en: `Wrote ${describe(entry, lang)} to ${file} (use it with --settings ${values.out})`,
      }),
    );
    return 0;
  }
  const to = pickEntry(context, history, entryNumber(context, "to", values.to));
  const fromNumber = entryNumber(context, "from", values.from);
  const before = to ? history.filter((e) => e.sequence < to.sequence) : [];
  const from =
    fromNumber === undefined ? before[before.length - 1] : pickEntry(context, history, fromNumber);
  out(`--- ${describe(from, lang)}`);
  out(`+++ ${describe(to, lang)}`);
  const changes = settingsDiff(documentOf(from), documentOf(to));
  if (changes.length === 0) out(pick(lang, { ja: "（変更なし）", en: "(no change)" }));
  for (const change of changes) out(change);
  return 0;
}

export const settingsCommand: Command = {
  summary: "the settings history in the lottery log: show, diff or export the saved settings",
  async run(context) {
    const [action, ...args] = context.args;
    if (action !== "show" && action !== "diff" && action !== "export") {
      throw new UsageError(
        pick(context.lang, {
          ja: "使い方: followup settings show [--entry N] ／ diff [--from N] [--to M] ／ export --out FILE [--entry N]",
          en: "usage: followup settings show [--entry N] | diff [--from N] [--to M] | export --out FILE [--entry N]",
        }),
      );
    }
    const { values } = parseCommandArgs({ ...context, args }, OPTIONS);
    return run(context, action, values);
  },
};
