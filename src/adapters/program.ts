/**
 * The program being run: one object built from one settings document, handed to every adapter,
 * button and command so none re-derives a piece of it. In the browser it is built from the plugin
 * config (`programFromPluginConfig` in kintone-js/session); in the CLI from the lottery log's latest
 * 設定 entry, or `--settings FILE` (src/cli/program.ts).
 */
import type { Lang, Localized } from "../core/i18n";
import type { PluginConfig } from "../core/settings/pluginConfig";
import { type ProgramNames, programNames } from "../core/settings/programNames";
import type { ProgramSettings } from "../core/settings/programSettings";
import type { ActionKey } from "../core/vocabulary";
import type { KintoneClient } from "./kintoneClient";
import { KINTONE_LIMITS, type KintoneLimits } from "./kintoneLimits";
import { callerActionNames, type ProcessSettings } from "./processNames";
import { type RetryOptions, withRetry } from "./retry";

/** The three apps of spec §2; null where the settings do not name one. */
export interface ProgramApps {
  applications: number | null;
  questionnaires: number | null;
  lotteryLog: number | null;
}
export type ProgramAppKey = keyof ProgramApps;

/** Where the settings in force came from (shown by `followup settings show` and in the evidence). */
export type SettingsSource =
  | { kind: "plugin" }
  | { kind: "log"; sequence: number; recordId: string; savedAt: string; savedBy: string }
  | { kind: "file"; path: string }
  | { kind: "defaults" };

export interface Program extends ProgramNames {
  client: KintoneClient;
  apps: ProgramApps;
  /** The whole settings document in force (role, permissions, questionnaire link field, …). */
  config: PluginConfig;
  /** The program's rules: thresholds, window, quota, message overrides (config.program). */
  settings: ProgramSettings;
  /** The language messages are given in (the kintone user's, or the CLI's --lang). */
  lang: Lang;
  limits: KintoneLimits;
  source: SettingsSource;
  retry?: RetryOptions;
  /** A kintone call retried on 429/503 (never on 409). */
  call<T>(request: () => Promise<T>): Promise<T>;
  /**
   * The applications app's actions as the caller must name them in a status update (their display
   * language; an API token has none: the default names). Looked up once per Program, on first use
   * or when the CLI opens it (processNames.ts: one GET app/status, a second only when names differ).
   */
  callerActions(): Promise<Record<ActionKey, string>>;
}

export interface ProgramInput {
  client: KintoneClient;
  config: PluginConfig;
  lang: Lang;
  source: SettingsSource;
  /** App ids that override the document's (the app a screen runs in, CLI flags). */
  apps?: Partial<ProgramApps>;
  retry?: RetryOptions;
  /** GET app/status?lang=user already started for this applications app (the CLI, in parallel). */
  callerProcess?: { app: number; read: Promise<ProcessSettings> };
}

export function createProgram(input: ProgramInput): Program {
  const { config, retry } = input;
  const apps: ProgramApps = { ...config.apps };
  for (const [key, id] of Object.entries(input.apps ?? {}) as Array<[ProgramAppKey, number]>) {
    if (id !== undefined && id !== null) apps[key] = id;
  }
  const names = programNames(config);
  let callerActions: Promise<Record<ActionKey, string>> | undefined;
  // A read started for another app (the settings named a different one) is not used.
  let started =
    input.callerProcess?.app === apps.applications ? input.callerProcess.read : undefined;
  const lookUpCallerActions = async () => {
    const app = apps.applications;
    if (app === null) throw new AppNotConfiguredError("applications");
    const read = started;
    started = undefined;
    return callerActionNames(input.client, app, names.actions, read);
  };
  return {
    ...names,
    client: input.client,
    apps,
    config,
    settings: config.program,
    lang: input.lang,
    limits: KINTONE_LIMITS,
    source: input.source,
    retry,
    call: (request) => withRetry(request, retry),
    callerActions() {
      // A failed lookup is forgotten, so the next use asks again and meets the error itself.
      callerActions ??= lookUpCallerActions().catch((error: unknown) => {
        callerActions = undefined;
        throw error;
      });
      return callerActions;
    },
  };
}

const APP_NAMES: Record<ProgramAppKey, Localized> = {
  applications: { ja: "申込管理アプリ", en: "applications app" },
  questionnaires: { ja: "質問票アプリ", en: "questionnaire app" },
  lotteryLog: { ja: "抽選記録アプリ", en: "lottery log app" },
};

/** An app the settings do not name, though the operation needs it. */
export class AppNotConfiguredError extends Error {
  readonly text: Localized;
  constructor(readonly app: ProgramAppKey) {
    const text = {
      ja: `プラグイン設定で${APP_NAMES[app].ja}が指定されていません。`,
      en: `The ${APP_NAMES[app].en} is not set in the plugin settings.`,
    };
    super(text.en);
    this.name = "AppNotConfiguredError";
    this.text = text;
  }
}

/** The id of an app the operation needs; throws AppNotConfiguredError when the settings lack it. */
export function appOf(program: Program, app: ProgramAppKey): number {
  const id = program.apps[app];
  if (id === null) throw new AppNotConfiguredError(app);
  return id;
}
