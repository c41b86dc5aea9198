import { readFileSync } from "node:fs";
import path from "node:path";
import { type Lang, pick } from "../core/i18n";
import {
  defaultPluginConfig,
  type PluginConfig,
  validatePluginConfig,
} from "../core/settings/pluginConfig";
import { safeParseProgramSettings } from "../core/settings/programSettings";
import { UsageError } from "./command";

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A whole settings document (what the settings page saves) rather than its program part alone. */
function isWholeDocument(value: unknown): boolean {
  return (
    isPlainObject(value) &&
    ["program", "fieldMap", "states", "actions", "apps"].some((key) => key in value)
  );
}

/**
 * The settings document given with `--settings FILE`, applied instead of the lottery log's latest
 * 設定 entry: either a whole document (as `followup settings export` writes it) or only its
 * program part (thresholds, window, quota), which keeps the defaults for everything else.
 */
export function readSettingsFile(cwd: string, file: string, lang: Lang): PluginConfig {
  let stored: unknown;
  try {
    stored = JSON.parse(readFileSync(path.resolve(cwd, file), "utf8").replace(/^\uFEFF/, ""));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new UsageError(
      pick(lang, {
        ja: `設定ファイルを読めません: ${file}（${reason}）`,
        en: `cannot read the settings file ${file} (${reason})`,
      }),
    );
  }
  const invalid = (issues: string[]) =>
    new UsageError(
      pick(lang, {
        ja: `設定ファイル ${file} の内容が正しくありません: ${issues.join("; ")}`,
        en: `the settings file ${file} is invalid: ${issues.join("; ")}`,
      }),
    );
  if (isWholeDocument(stored)) {
    const parsed = validatePluginConfig(stored);
    if (!parsed.success) {
      throw invalid(parsed.issues.map((issue) => `${issue.path}: ${pick(lang, issue.message)}`));
    }
    return parsed.config;
  }
  const parsed = safeParseProgramSettings(stored);
  if (!parsed.success) throw invalid(parsed.issues);
  return { ...defaultPluginConfig(), program: parsed.settings };
}
