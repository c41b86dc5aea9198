/**
 * The settings history in the lottery log (spec v2 §6): the plugin's settings page appends each
 * saved document as a 設定 entry in the log's hash chain, and every CLI command applies the latest
 * one, so the plugin and the CLI judge a round by the same rules. The document rides in the
 * entry's hashed `ranking` value, so changing it afterwards breaks the chain (`followup audit`).
 */
import { type PluginConfig, validatePluginConfig } from "../core/settings/pluginConfig";
import { LOTTERY_LOG_KINDS, LOTTERY_LOG_STATES } from "../core/vocabulary";
import type { KintoneClient } from "./kintoneClient";
import { newRunId, resolveContext } from "./lottery/context";
import { appendRequest, chainEntry, INLINE_TEXT_LIMIT, readLog } from "./lottery/log";
import type { Program } from "./program";
import { readSettingsEntries, type SettingsEntry } from "./settingsEntries";

export { readSettingsEntries, type SettingsEntry };

/** The settings document is too large for the log entry's text field. */
export class SettingsTooLargeError extends Error {
  constructor(readonly chars: number) {
    super(
      `the settings document has ${chars} characters; the log keeps at most ${INLINE_TEXT_LIMIT}`,
    );
    this.name = "SettingsTooLargeError";
  }
}

/**
 * Appends a 設定 entry holding `document` to the lottery log (one bulk request after reading the
 * log). Two appends racing for the same sequence collide in kintone (unique field): one fails.
 */
export async function appendSettingsEntry(
  program: Program,
  document: PluginConfig,
  reason = "",
): Promise<{ sequence: number; recordId: string }> {
  const chars = JSON.stringify(document).length;
  if (chars > INLINE_TEXT_LIMIT) throw new SettingsTooLargeError(chars);
  const context = resolveContext({ program });
  const log = await readLog(context);
  const entry = await chainEntry(
    log,
    {
      run_id: newRunId("settings"),
      kind: LOTTERY_LOG_KINDS.settings,
      algorithm: "",
      seed: "",
      pool_fingerprint: "",
      pool_size: null,
      quota: null,
      pool: null,
      ranking: document,
      reason,
    },
    LOTTERY_LOG_STATES.completed,
  );
  const { results } = await program.call(() =>
    program.client.bulkRequest({ requests: [appendRequest(context, entry)] }),
  );
  const added = results[0] as { id?: string } | undefined;
  return { sequence: entry.content.sequence, recordId: String(added?.id ?? "") };
}

/** The latest 設定 entry is damaged (its hash does not match) or not a valid settings document. */
export class SettingsEntryError extends Error {
  constructor(
    readonly entry: SettingsEntry,
    readonly problem: "changed" | "invalid",
    detail = "",
  ) {
    super(
      problem === "changed"
        ? `the 設定 entry ${entry.sequence} of the lottery log does not match its hash`
        : `the 設定 entry ${entry.sequence} of the lottery log is not valid settings: ${detail}`,
    );
    this.name = "SettingsEntryError";
  }
}

/** The settings document of an entry, validated; throws SettingsEntryError when it cannot apply. */
export function settingsOfEntry(entry: SettingsEntry): PluginConfig {
  if (!entry.intact) throw new SettingsEntryError(entry, "changed");
  const parsed = validatePluginConfig(entry.document);
  if (!parsed.success) {
    const detail = parsed.issues.map((issue) => `${issue.path}: ${issue.message.en}`).join("; ");
    throw new SettingsEntryError(entry, "invalid", detail);
  }
  return parsed.config;
}

/**
 * The settings in force on a target: the latest 設定 entry's document and when it was saved, or
 * undefined while none was saved. Throws SettingsEntryError for a damaged or invalid entry.
 */
export async function readLatestSettings(
  client: KintoneClient,
  lotteryLogApp: number,
): Promise<{ config: PluginConfig; savedAt: string; entry: SettingsEntry } | undefined> {
  const entries = await readSettingsEntries(client, lotteryLogApp);
  const entry = entries[entries.length - 1];
  if (!entry) return undefined;
  return { config: settingsOfEntry(entry), savedAt: entry.savedAt, entry };
}
