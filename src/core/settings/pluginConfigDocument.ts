/**
 * The plugin's settings document as kintone stores it, without its schema: the setConfig values
 * (split past 65,535 characters), the read-back of record screens and the permission check.
 * Record screens import this file, never pluginConfig.ts: zod was about a third of desktop.js, over
 * its 50 KB budget (issue 16). The settings page is the only writer, and it stores the document
 * zod has parsed (current version, every default filled); a record screen therefore only checks
 * the version and the shape, and fills a field added since the last save from the defaults the
 * build computed with the schema (`defaultPluginConfig()`, baked in by webpack.config.js).
 */
import type { Localized } from "../i18n";
import type { PluginConfig, Principals } from "./pluginConfig";

export const PLUGIN_CONFIG_VERSION = 1;
/** The setConfig key of the document (manifest `config.required_params`). */
export const CONFIG_KEY = "config";
export const MAX_VALUE_CHARS = 65_535;
export const MAX_TOTAL_BYTES = 256 * 1024;

/** One problem with the document: where (a dotted path, e.g. `program.quota`) and what. */
export interface ConfigIssue {
  path: string;
  message: Localized;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Joins the document back from its setConfig values (`config`, then `config.1`, `config.2`, …). */
export function joinChunks(raw: Record<string, string>): string | undefined {
  const first = raw[CONFIG_KEY];
  if (first === undefined || first === "") return undefined;
  let text = first;
  for (let i = 1; raw[`${CONFIG_KEY}.${i}`] !== undefined; i++) text += raw[`${CONFIG_KEY}.${i}`];
  return text;
}

export const DAMAGED_CONFIG: Localized = {
  ja: "保存された設定が壊れています（JSON として読めません）。設定画面で保存し直してください。",
  en: "The stored settings are damaged (not JSON). Save them again on the settings page.",
};

export function newerVersionMessage(version: unknown): Localized {
  return {
    ja: `設定の版 ${String(version)} はこのプラグインより新しいため読めません。プラグインを更新してください。`,
    en: `Settings version ${String(version)} is newer than this plugin. Update the plugin.`,
  };
}

const SAVE_AGAIN: Localized = {
  ja: "保存された設定の形式がこのプラグインと合いません。設定画面で保存し直してください。",
  en: "The stored settings do not match this plugin. Save them again on the settings page.",
};

/**
 * `stored` laid over `defaults`: an object part must be an object, a list a list, a text a text
 * (a null default takes any value but an object or list); a part missing from `stored` takes its
 * default, and keys the defaults lack (field-map entries, message overrides) are kept as stored.
 * Returns the dotted path of the first part of the wrong kind instead.
 */
function overlay(defaults: unknown, stored: unknown, path: string[]): unknown {
  if (stored === undefined) return defaults;
  if (isPlainObject(defaults)) {
    if (!isPlainObject(stored)) throw new ShapeError(path);
    const merged: Record<string, unknown> = { ...stored };
    for (const [key, value] of Object.entries(defaults)) {
      merged[key] = overlay(value, stored[key], [...path, key]);
    }
    return merged;
  }
  if (Array.isArray(defaults)) {
    if (!Array.isArray(stored)) throw new ShapeError(path);
    return stored;
  }
  if (defaults === null) {
    if (typeof stored === "object" && stored !== null) throw new ShapeError(path);
    return stored;
  }
  if (typeof stored !== typeof defaults) throw new ShapeError(path);
  return stored;
}

class ShapeError extends Error {
  constructor(readonly path: string[]) {
    super(`stored plugin config: ${path.join(".")} has the wrong shape`);
  }
}

/**
 * For record screens (never throws): the stored document over `defaults`, or the defaults plus
 * the problem when it is damaged, of another version or of the wrong shape. No document at all
 * (never saved) gives the defaults without a problem.
 */
export function readSavedPluginConfig(
  raw: Record<string, string>,
  defaults: PluginConfig,
): { config: PluginConfig; issues: ConfigIssue[] } {
  const refused = (issue: ConfigIssue) => ({ config: defaults, issues: [issue] });
  const text = joinChunks(raw);
  if (text === undefined) return { config: defaults, issues: [] };
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    return refused({ path: "", message: DAMAGED_CONFIG });
  }
  const version = isPlainObject(document) ? document.version : undefined;
  if (typeof version === "number" && version > PLUGIN_CONFIG_VERSION) {
    return refused({ path: "version", message: newerVersionMessage(version) });
  }
  if (version !== PLUGIN_CONFIG_VERSION) return refused({ path: "version", message: SAVE_AGAIN });
  try {
    return { config: overlay(defaults, document, []) as PluginConfig, issues: [] };
  } catch (error) {
    if (!(error instanceof ShapeError)) throw error;
    return refused({ path: error.path.join("."), message: SAVE_AGAIN });
  }
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
