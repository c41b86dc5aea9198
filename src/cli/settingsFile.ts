import { readFileSync } from "node:fs";
import path from "node:path";
import { type Lang, pick } from "../core/i18n";
import {
  defaultProgramSettings,
  type ProgramSettings,
  safeParseProgramSettings,
} from "../core/settings/programSettings";
import { UsageError } from "./command";

export interface SettingsInForce {
  settings: ProgramSettings;
  /** The file they came from; undefined for the defaults of spec §1. */
  source?: string;
}

/**
 * The program settings (thresholds, window, quota) a command screens with: a JSON file given with
 * `--settings` (the same document the plugin's config page keeps), or the defaults of spec §1.
 */
export function readSettingsFile(
  cwd: string,
  file: string | undefined,
  lang: Lang,
): SettingsInForce {
  if (file === undefined) return { settings: defaultProgramSettings() };
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
  const parsed = safeParseProgramSettings(stored);
  if (!parsed.success) {
    throw new UsageError(
      pick(lang, {
        ja: `設定ファイル ${file} の内容が正しくありません: ${parsed.issues.join("; ")}`,
        en: `the settings file ${file} is invalid: ${parsed.issues.join("; ")}`,
      }),
    );
  }
  return { settings: parsed.settings, source: file };
}
