import type { SandboxDb } from "../db/database";
import { errors } from "../http/errors";

const MAX_VALUE_CHARS = 65_535;
const MAX_CONFIG_BYTES = 256 * 1024;

/**
 * A plugin's settings for one app, as `kintone.plugin.app.getConfig` returns them
 * (`{}` when never saved). kintone has no REST API for this; the pages use these functions.
 */
export function getPluginConfig(
  db: SandboxDb,
  appId: number,
  pluginId: string,
): Record<string, string> {
  const row = db
    .prepare("SELECT json FROM plugin_configs WHERE app_id = ? AND plugin_id = ?")
    .get(appId, pluginId) as { json: string } | undefined;
  return row ? (JSON.parse(row.json) as Record<string, string>) : {};
}

/**
 * Saves a plugin's settings with kintone's limits: string values only, at most 65,535 characters
 * per value and 256 KB per plugin. Throws CB_VA01 otherwise and saves nothing.
 */
export function setPluginConfig(
  db: SandboxDb,
  appId: number,
  pluginId: string,
  config: Record<string, unknown>,
): void {
  if (!config || typeof config !== "object" || Array.isArray(config)) {
    throw errors.validation({
      config: [
        { ja: "設定はオブジェクトで指定してください。", en: "The config must be an object." },
      ],
    });
  }
  for (const [key, value] of Object.entries(config)) {
    if (typeof value !== "string") {
      throw errors.validation({
        [`config.${key}`]: [
          { ja: "設定値は文字列で指定してください。", en: "Config values must be strings." },
        ],
      });
    }
    if (value.length > MAX_VALUE_CHARS) {
      throw errors.validation({
        [`config.${key}`]: [
          {
            ja: `設定値は${MAX_VALUE_CHARS}文字以内にしてください。`,
            en: `A config value must be at most ${MAX_VALUE_CHARS} characters.`,
          },
        ],
      });
    }
  }
  const json = JSON.stringify(config);
  if (Buffer.byteLength(json) > MAX_CONFIG_BYTES) {
    throw errors.validation({
      config: [
        {
          ja: "プラグインの設定は256KB以内にしてください。",
          en: "The plugin config must be at most 256 KB.",
        },
      ],
    });
  }
  db.prepare(
    `INSERT INTO plugin_configs (app_id, plugin_id, json) VALUES (?, ?, ?)
     ON CONFLICT (app_id, plugin_id) DO UPDATE SET json = excluded.json`,
  ).run(appId, pluginId, json);
}
