/**
 * The plugin's settings as one versioned document (kintone stores plugin config as string values:
 * at most 65,535 characters each and 256 KB in all). Shared by the config page, the record screens
 * and the CLI's `setup`. `parsePluginConfig` migrates older versions. Record screens read the saved
 * document without this schema (pluginConfigDocument.ts: zod stays out of their bundles).
 */
import * as z from "zod/mini";
import type { Localized } from "../i18n";
import { ACTIONS, APPLICATION_FIELDS, FOLLOWUP_PANEL_SPACE, STATES } from "../vocabulary";
import {
  type ConfigIssue,
  DAMAGED_CONFIG,
  isPlainObject,
  joinChunks,
  newerVersionMessage,
  PLUGIN_CONFIG_VERSION,
} from "./pluginConfigDocument";
import {
  defaultProgramSettings,
  migrateProgramSettings,
  programSettingsSchema,
} from "./programSettings";

export {
  CONFIG_KEY,
  type ConfigIssue,
  isAllowed,
  MAX_TOTAL_BYTES,
  MAX_VALUE_CHARS,
  PLUGIN_CONFIG_VERSION,
  PluginConfigTooLargeError,
  serializePluginConfig,
} from "./pluginConfigDocument";
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

export type PluginConfigParse =
  { success: true; config: PluginConfig } | { success: false; issues: ConfigIssue[] };

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
          message: newerVersionMessage(version),
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

/** Reads the stored config (the object `kintone.plugin.app.getConfig` returns); an empty one gives the defaults. */
export function parsePluginConfig(raw: Record<string, string>): PluginConfigParse {
  const text = joinChunks(raw);
  if (text === undefined) return { success: true, config: defaultPluginConfig() };
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    return { success: false, issues: [{ path: "", message: DAMAGED_CONFIG }] };
  }
  return validatePluginConfig(document);
}

/** For the settings page: the stored config, or the defaults plus the problems (never throws). */
export function restorePluginConfig(raw: Record<string, string>): {
  config: PluginConfig;
  issues: ConfigIssue[];
} {
  const parsed = parsePluginConfig(raw);
  return parsed.success
    ? { config: parsed.config, issues: [] }
    : { config: defaultPluginConfig(), issues: parsed.issues };
}
