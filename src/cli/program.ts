/**
 * The Program a command runs: the target kintone, its apps and the settings in force. The settings
 * are the lottery log's latest 設定 entry (what the settings page last saved, spec v2 §6), or
 * `--settings FILE` offline; the defaults of spec §1 only while no 設定 entry exists.
 *
 * App ids come from flags, then the settings themselves, then followup.apps.json (a cache
 * `followup setup` writes), then the apps' names on the target: a command works from any directory.
 */
import { readAppIds } from "../adapters/appIds";
import { createClient, type KintoneTarget, targetFromEnv } from "../adapters/connection";
import { findAppByName } from "../adapters/findApps";
import { readCallerProcess } from "../adapters/processNames";
import {
  createProgram,
  type Program,
  type ProgramAppKey,
  type ProgramApps,
  type SettingsSource,
} from "../adapters/program";
import {
  readSettingsEntries,
  type SettingsEntry,
  SettingsEntryError,
  settingsOfEntry,
} from "../adapters/settingsLog";
import { pick } from "../core/i18n";
import { defaultPluginConfig, type PluginConfig } from "../core/settings/pluginConfig";
import { type CommandContext, CommandError, UsageError } from "./command";
import { explainKintoneFailure } from "./kintoneFailure";
import { readSettingsFile } from "./settingsFile";

/** parseArgs options of every command that talks to kintone (spec §6: app ids from setup, or flags). */
export const TARGET_OPTIONS = {
  "applications-app": { type: "string" },
  "questionnaires-app": { type: "string" },
  "lottery-log-app": { type: "string" },
  /** A settings document applied instead of the lottery log's latest 設定 entry. */
  settings: { type: "string" },
  lang: { type: "string" },
} as const;

export interface TargetFlags {
  "applications-app"?: string;
  "questionnaires-app"?: string;
  "lottery-log-app"?: string;
  settings?: string;
}

const FLAG_OF: Record<ProgramAppKey, keyof TargetFlags> = {
  applications: "applications-app",
  questionnaires: "questionnaires-app",
  lotteryLog: "lottery-log-app",
};

function appIdFlag(context: CommandContext, flag: string, value: string | undefined) {
  if (value === undefined) return undefined;
  if (!/^[1-9]\d*$/.test(value.trim())) {
    throw new UsageError(
      pick(context.lang, {
        ja: `--${flag} にはアプリID（正の整数）を指定してください: ${value}`,
        en: `--${flag} takes an app id (a positive integer): ${value}`,
      }),
    );
  }
  return Number(value);
}

/** The kintone to work on, from the environment (a bad combination is a CommandError). */
export function targetOf(context: CommandContext): KintoneTarget {
  try {
    return targetFromEnv(context.env);
  } catch (error) {
    throw new CommandError((error as Error).message);
  }
}

/** The latest 設定 entry's document; a damaged or invalid one stops the command with what to do. */
function settingsOf(context: CommandContext, entry: SettingsEntry): PluginConfig {
  try {
    return settingsOfEntry(entry);
  } catch (error) {
    if (!(error instanceof SettingsEntryError)) throw error;
    throw new CommandError(
      error.problem === "changed"
        ? pick(context.lang, {
            ja: `抽選記録の設定（通番 ${entry.sequence}）のハッシュが内容と一致しません。記録が変更された可能性があります。followup audit で確認してください`,
            en: `the 設定 entry ${entry.sequence} of the lottery log does not match its hash (it may have been changed): check with followup audit`,
          })
        : pick(context.lang, {
            ja: `抽選記録の設定（通番 ${entry.sequence}）を読めません: ${error.message}`,
            en: `cannot apply the 設定 entry ${entry.sequence} of the lottery log: ${error.message}`,
          }),
    );
  }
}

export interface OpenedProgram {
  program: Program;
  target: KintoneTarget;
  /** Every 設定 entry read from the log (empty with --settings or without a log app). */
  history: SettingsEntry[];
}

export interface OpenOptions {
  /**
   * The command moves applications through the process: the caller's action names are looked up
   * while the program opens (in parallel with the settings read where the app id is already
   * known), so the command's own writes start without that lookup.
   */
  changesStatuses?: boolean;
}

/**
 * Opens the program on the target for a command that `needs` some of the apps. Reads the log's
 * 設定 entries (one paged read) unless `--settings` is given.
 */
export async function openProgram(
  context: CommandContext,
  flags: TargetFlags,
  needs: readonly ProgramAppKey[],
  options: OpenOptions = {},
): Promise<OpenedProgram> {
  const { lang } = context;
  const target = targetOf(context);
  const client = createClient(target);
  const flagged: Partial<ProgramApps> = {};
  for (const app of Object.keys(FLAG_OF) as ProgramAppKey[]) {
    const id = appIdFlag(context, FLAG_OF[app], flags[FLAG_OF[app]]);
    if (id !== undefined) flagged[app] = id;
  }
  const cached = readAppIds(context.cwd, target.baseUrl);
  const find = async (app: ProgramAppKey) =>
    flagged[app] ?? cached?.[app] ?? findAppByName(client, app);
  // Started before the settings read; used only if the settings name the same applications app.
  const early = options.changesStatuses
    ? (flagged.applications ?? cached?.applications)
    : undefined;
  const callerProcess =
    early === undefined ? undefined : { app: early, read: readCallerProcess(client, early) };
  callerProcess?.read.catch(() => undefined); // its failure is met where it is used
  try {
    let config: PluginConfig;
    let source: SettingsSource;
    let history: SettingsEntry[] = [];
    const logApp = await find("lotteryLog");
    if (flags.settings !== undefined) {
      config = readSettingsFile(context.cwd, flags.settings, lang);
      source = { kind: "file", path: flags.settings };
    } else {
      history = logApp === undefined ? [] : await readSettingsEntries(client, logApp);
      const latest = history[history.length - 1];
      config = latest ? settingsOf(context, latest) : defaultPluginConfig();
      source = latest
        ? {
            kind: "log",
            sequence: latest.sequence,
            recordId: latest.recordId,
            savedAt: latest.savedAt,
            savedBy: latest.savedBy,
          }
        : { kind: "defaults" };
    }
    // The settings name the apps they were saved for; flags still win, then the log app found.
    const apps: Partial<ProgramApps> = { ...flagged };
    if (logApp !== undefined) apps.lotteryLog ??= logApp;
    for (const app of needs) {
      apps[app] ??= config.apps[app] ?? (await find(app));
      if (apps[app] === undefined || apps[app] === null) {
        throw new CommandError(
          pick(lang, {
            ja: `${target.baseUrl} にアプリが見つかりません。先に followup setup を実行するか、--${FLAG_OF[app]} で指定してください`,
            en: `no app found on ${target.baseUrl}: run followup setup first, or pass --${FLAG_OF[app]}`,
          }),
        );
      }
    }
    const program = createProgram({ client, config, lang, source, apps, callerProcess });
    // A failed lookup is forgotten by the Program: the status update that needs it reports it.
    if (options.changesStatuses) await program.callerActions().catch(() => undefined);
    return { program, target, history };
  } catch (error) {
    throw explainKintoneFailure(error, lang, target.baseUrl);
  }
}

/**
 * Tells the person at the terminal which settings the command applies (on stderr, so stdout stays
 * data); scripts see it with `followup settings show`.
 */
export function tellSettings(context: CommandContext, source: SettingsSource): void {
  if (context.interactive) context.stderr.write(settingsLine(context, source));
}

/** One line saying which settings are in force and where they came from. */
export function settingsLine(context: CommandContext, source: SettingsSource): string {
  const say = (ja: string, en: string) => pick(context.lang, { ja, en }) + "\n";
  switch (source.kind) {
    case "log":
      return say(
        `設定: 抽選記録の設定（通番 ${source.sequence}、${source.savedAt} ${source.savedBy}）`,
        `settings: lottery log 設定 entry ${source.sequence} (${source.savedAt} by ${source.savedBy})`,
      );
    case "file":
      return say(`設定: ${source.path}`, `settings: ${source.path}`);
    case "plugin":
      return say("設定: プラグイン設定", "settings: the plugin config");
    case "defaults":
      return say(
        "設定: 既定値（抽選記録に設定がまだありません。プラグインの設定画面で保存してください）",
        "settings: the defaults (no 設定 entry in the lottery log yet: save the plugin settings page)",
      );
  }
}
