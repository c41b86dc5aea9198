/**
 * The plugin's settings as one versioned document (kintone stores plugin config as string values:
 * at most 65,535 characters each and 256 KB in all). Shared by the config page, the record screens
 * and the CLI's `setup`. `parsePluginConfig` migrates older versions; record screens use
 * `restorePluginConfig`, which never throws and falls back to the defaults.
 */
import * as z from "zod/mini";
import type { Localized } from "../i18n";
import { ACTIONS, APPLICATION_FIELDS, FOLLOWUP_PANEL_SPACE, STATES } from "../vocabulary";
import {
  defaultProgramSettings,
  migrateProgramSettings,
  programSettingsSchema,
} from "./programSettings";

export const PLUGIN_CONFIG_VERSION = 1;
/** The setConfig key of the document (manifest `config.required_params`). */
export const CONFIG_KEY = "config";
export const MAX_VALUE_CHARS = 65_535;
export const MAX_TOTAL_BYTES = 256 * 1024;
/** The STATUS field code of an app created in Japanese (as `followup setup` creates them). */
export const DEFAULT_STATUS_FIELD = "ステータス";

const fieldCode = z.string().check(z.trim(), z.maxLength(128));
const name = z.string().check(z.trim(), z.minLength(1), z.maxLength(64));
const appId = z.nullable(z.int().check(z.positive()));

const principals = z.object({
  /** kintone login names. */
  users: z._default(z.array(z.string().check(z.trim(), z.minLength(1))), () => []),
  /** kintone group codes. */
  groups: z._default(z.array(z.string().check(z.trim(), z.minLength(1))), () => []),
});
export type Principals = z.output<typeof principals>;

const stateNames = z.object({
  applied: name,
  winner: name,
  waitlisted: name,
  confirmed: name,
  questionnaireDone: name,
  visited: name,
  declined: name,
  ineligible: name,
});
const actionNames = z.object({
  registerWinner: name,
  registerWaitlist: name,
  registerIneligible: name,
  promote: name,
  confirm: name,
  decline: name,
  answerQuestionnaire: name,
  completeVisit: name,
  // Added in spec v2: a settings document saved before them names them by default.
  sendBack: z._default(name, ACTIONS.sendBack),
  cancel: z._default(name, ACTIONS.cancel),
});

const distinct = (values: string[]) => new Set(values).size === values.length;

export const pluginConfigSchema = z.object({
  version: z.literal(PLUGIN_CONFIG_VERSION),
  /** "applications": the 申込管理 app. "questionnaires": this app is the questionnaire app. */
  role: z._default(z.enum(["applications", "questionnaires"]), "applications"),
  /** Logical field (spec §2.1) → the app's field code; missing means the same code, "" means not used. */
  fieldMap: z._default(z.partialRecord(z.enum(APPLICATION_FIELDS), fieldCode), () => ({})),
  /**
   * Per choice field, the spec's option label → the app's own label where they differ (e.g. an
   * app whose 事業形態 says 株式会社等 for 会社), as the states are mapped.
   */
  optionMap: z._default(
    z.partialRecord(
      z.enum(APPLICATION_FIELDS),
      z.record(z.string(), z.string().check(z.maxLength(256))),
    ),
    () => ({}),
  ),
  /**
   * The applications app's STATUS field code. kintone names it in the language of whoever created
   * the app (ステータス / Status); the settings page reads it from the form when it saves.
   */
  statusField: z._default(name, DEFAULT_STATUS_FIELD),
  /** Element id of the blank space where the detail panel goes. */
  panelSpaceId: z._default(name, FOLLOWUP_PANEL_SPACE),
  // The refinement goes inside the default: `.check()` on a default copies its definition, which
  // evaluates the default once and would hand the same object to every parse.
  states: z._default(
    stateNames.check(z.refine((s) => distinct(Object.values(s)), "state names must differ")),
    () => ({ ...STATES }),
  ),
  actions: z._default(
    actionNames.check(z.refine((a) => distinct(Object.values(a)), "action names must differ")),
    () => ({ ...ACTIONS }),
  ),
  apps: z._default(
    z.object({
      applications: z._default(appId, null),
      questionnaires: z._default(appId, null),
      lotteryLog: z._default(appId, null),
    }),
    () => ({ applications: null, questionnaires: null, lotteryLog: null }),
  ),
  /** The questionnaire app's field holding the application number (a lookup). */
  questionnaireLinkField: z._default(name, "application_no"),
  permissions: z._default(
    z.object({
      screen: z._default(principals, () => ({ users: [], groups: [] })),
      draw: z._default(principals, () => ({ users: [], groups: [] })),
      promote: z._default(principals, () => ({ users: [], groups: [] })),
    }),
    () => ({
      screen: { users: [], groups: [] },
      draw: { users: [], groups: [] },
      promote: { users: [], groups: [] },
    }),
  ),
  program: z._default(programSettingsSchema, defaultProgramSettings),
});
export type PluginConfig = z.output<typeof pluginConfigSchema>;
export type Permission = keyof PluginConfig["permissions"];

export function defaultPluginConfig(): PluginConfig {
  return pluginConfigSchema.parse({ version: PLUGIN_CONFIG_VERSION });
}

/** One problem with the document: where (a dotted path, e.g. `program.quota`) and what. */
export interface ConfigIssue {
  path: string;
  message: Localized;
}

export type PluginConfigParse =
  { success: true; config: PluginConfig } | { success: false; issues: ConfigIssue[] };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Brings a stored document to the current version. Version 0 (no `version`) is the same shape with
 * the program settings at the top level (`quota`, `window`, `industries`); a newer version than
 * this plugin knows is refused, because guessing could misjudge applications.
 */
export function migratePluginConfig(stored: unknown): unknown {
  if (!isPlainObject(stored)) return stored;
  const version = stored.version ?? 0;
  if (typeof version === "number" && version > PLUGIN_CONFIG_VERSION) {
    throw new ConfigVersionError(version);
  }
  if (version === 0) {
    const { quota, window, industries, messages, ...rest } = stored;
    const program = isPlainObject(rest.program) ? { ...rest.program } : {};
    for (const [key, value] of Object.entries({ quota, window, industries, messages })) {
      if (value !== undefined && program[key] === undefined) program[key] = value;
    }
    return { ...rest, program, version: PLUGIN_CONFIG_VERSION };
  }
  return stored;
}

class ConfigVersionError extends Error {
  constructor(readonly version: number) {
    super(`plugin config version ${version} is newer than ${PLUGIN_CONFIG_VERSION}`);
  }
}

/** zod's issue codes, said to an administrator. */
function issueMessage(issue: z.core.$ZodIssue): Localized {
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "string") return { ja: "入力してください。", en: "Enter a value." };
      return issue.inclusive === false
        ? {
            ja: `${String(issue.minimum)} より大きい値にしてください。`,
            en: `Must be greater than ${String(issue.minimum)}.`,
          }
        : {
            ja: `${String(issue.minimum)} 以上にしてください。`,
            en: `Must be at least ${String(issue.minimum)}.`,
          };
    case "too_big":
      return issue.origin === "string"
        ? {
            ja: `${String(issue.maximum)} 文字以内にしてください。`,
            en: `At most ${String(issue.maximum)} characters.`,
          }
        : {
            ja: `${String(issue.maximum)} 以下にしてください。`,
            en: `Must be at most ${String(issue.maximum)}.`,
          };
    case "invalid_type":
      return issue.expected === "number" || issue.expected === "int"
        ? { ja: "整数を入力してください。", en: "Enter a whole number." }
        : { ja: "値の形式が正しくありません。", en: `Expected ${issue.expected}.` };
    case "invalid_format":
      if (issue.path.includes("closureDays")) {
        return {
          ja: "休業日は 12-29（毎年）または 2025-05-02（その日だけ）の形で入力してください。",
          en: "Enter closure days like 12-29 (every year) or 2025-05-02 (once).",
        };
      }
      if (issue.path.includes("visits")) {
        return { ja: "時刻は 09:00 のように入力してください。", en: "Enter a time like 09:00." };
      }
      return {
        ja: "日時は 2024-07-12T00:00:00+09:00 の形式で入力してください。",
        en: "Enter the instant like 2024-07-12T00:00:00+09:00.",
      };
    case "custom":
      return customMessage(issue.message);
    default:
      return { ja: `値が正しくありません（${issue.message}）。`, en: issue.message };
  }
}

function customMessage(message: string): Localized {
  if (message.includes("state names")) {
    return { ja: "状態名が重複しています。", en: "State names must differ." };
  }
  if (message.includes("action names")) {
    return { ja: "アクション名が重複しています。", en: "Action names must differ." };
  }
  if (message.includes("opensAt")) {
    return {
      ja: "受付終了は受付開始より後にしてください。",
      en: "The closing instant must be after the opening instant.",
    };
  }
  if (message.includes("visit hours")) {
    return {
      ja: "訪問できる時間の終了は開始より後にしてください。",
      en: "The end of the visiting hours must be after their start.",
    };
  }
  if (message.includes("visit minutes")) {
    return {
      ja: "所要時間の上限は下限以上にしてください。",
      en: "The longest visit must not be shorter than the shortest.",
    };
  }
  if (message.includes("industry")) {
    return { ja: "同じ業種が2回あります。", en: "Each industry may appear only once." };
  }
  return { ja: message, en: message };
}

/** Checks a document (already migrated or not) against the schema, with messages per input path. */
export function validatePluginConfig(document: unknown): PluginConfigParse {
  let migrated: unknown;
  try {
    migrated = migratePluginConfig(document);
    if (isPlainObject(migrated) && migrated.program !== undefined) {
      migrated = { ...migrated, program: migrateProgramSettings(migrated.program) };
    }
  } catch (error) {
    const version = error instanceof ConfigVersionError ? error.version : "?";
    return {
      success: false,
      issues: [
        {
          path: "version",
          message: {
            ja: `設定の版 ${version} はこのプラグインより新しいため読めません。プラグインを更新してください。`,
            en: `Settings version ${version} is newer than this plugin. Update the plugin.`,
          },
        },
      ],
    };
  }
  const result = pluginConfigSchema.safeParse(migrated);
  if (!result.success) {
    return {
      success: false,
      issues: result.error.issues.map((issue) => ({
        path: issue.path.map(String).join("."),
        message: issueMessage(issue),
      })),
    };
  }
  return { success: true, config: result.data };
}

/** Joins the document back from its setConfig values (`config`, then `config.1`, `config.2`, …). */
function joinChunks(raw: Record<string, string>): string | undefined {
  const first = raw[CONFIG_KEY];
  if (first === undefined || first === "") return undefined;
  let text = first;
  for (let i = 1; raw[`${CONFIG_KEY}.${i}`] !== undefined; i++) text += raw[`${CONFIG_KEY}.${i}`];
  return text;
}

/** Reads the stored config (the object `kintone.plugin.app.getConfig` returns); an empty one gives the defaults. */
export function parsePluginConfig(raw: Record<string, string>): PluginConfigParse {
  const text = joinChunks(raw);
  if (text === undefined) return { success: true, config: defaultPluginConfig() };
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    return {
      success: false,
      issues: [
        {
          path: "",
          message: {
            ja: "保存された設定が壊れています（JSON として読めません）。設定画面で保存し直してください。",
            en: "The stored settings are damaged (not JSON). Save them again on the settings page.",
          },
        },
      ],
    };
  }
  return validatePluginConfig(document);
}

/** For record screens: the stored config, or the defaults plus the problems (never throws). */
export function restorePluginConfig(raw: Record<string, string>): {
  config: PluginConfig;
  issues: ConfigIssue[];
} {
  const parsed = parsePluginConfig(raw);
  return parsed.success
    ? { config: parsed.config, issues: [] }
    : { config: defaultPluginConfig(), issues: parsed.issues };
}

export class PluginConfigTooLargeError extends Error {
  constructor(readonly bytes: number) {
    super(`plugin config is ${bytes} bytes, over kintone's ${MAX_TOTAL_BYTES}`);
  }
}

/**
 * The setConfig values for a config: the JSON document under `config`, split into further values
 * (`config.1`, …) only if it is longer than one value may be. Throws PluginConfigTooLargeError past
 * kintone's 256 KB per plugin.
 */
export function serializePluginConfig(config: PluginConfig): Record<string, string> {
  const text = JSON.stringify(config);
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_TOTAL_BYTES - 1024) throw new PluginConfigTooLargeError(bytes);
  const values: Record<string, string> = {};
  for (let i = 0, start = 0; start < text.length; i++) {
    let end = Math.min(start + MAX_VALUE_CHARS, text.length);
    // Never split a surrogate pair between two values.
    if (end < text.length && /[\uD800-\uDBFF]/.test(text.charAt(end - 1))) end -= 1;
    values[i === 0 ? CONFIG_KEY : `${CONFIG_KEY}.${i}`] = text.slice(start, end);
    start = end;
  }
  return values;
}

/** Whether a user may use a button: listed by login name, or in one of the listed groups. */
export function isAllowed(
  allowed: Principals,
  user: { code: string },
  userGroups: readonly string[],
): boolean {
  return allowed.users.includes(user.code) || allowed.groups.some((g) => userGroups.includes(g));
}
