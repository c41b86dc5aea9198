/**
 * The settings history in the lottery log (spec v2 §6): the plugin's settings page appends each
 * saved document as a 設定 entry in the log's hash chain, and every CLI command applies the latest
 * one, so the plugin and the CLI judge a round by the same rules. The document rides in the
 * entry's hashed `ranking` value, so changing it afterwards breaks the chain (`followup audit`).
 */
import { fieldText, type KintoneRecordLike } from "../core/application";
import { entryHash, type LogEntryContent } from "../core/lottery";
import { type PluginConfig, validatePluginConfig } from "../core/settings/pluginConfig";
import { LOTTERY_LOG_KINDS, LOTTERY_LOG_STATES } from "../core/vocabulary";
import { readAllRecords } from "./applications";
import type { KintoneClient } from "./kintoneClient";
import { quote } from "./kintoneQuery";
import { newRunId, resolveContext } from "./lottery/context";
import { appendRequest, chainEntry, INLINE_TEXT_LIMIT, readLog } from "./lottery/log";
import type { Program } from "./program";
import type { RetryOptions } from "./retry";

export interface SettingsEntry {
  sequence: number;
  recordId: string;
  runId: string;
  /** kintone's created time and creator of the log record: when and by whom the settings were saved. */
  savedAt: string;
  savedBy: string;
  /** The document as saved (validate it before use: it may come from an older plugin version). */
  document: unknown;
  /** The entry's hash matches its content (a changed entry is never applied). */
  intact: boolean;
  reason: string;
}

function authorship(record: KintoneRecordLike): { savedAt: string; savedBy: string } {
  let savedAt = "";
  let savedBy = "";
  for (const field of Object.values(record) as Array<{ type?: string; value?: unknown }>) {
    if (field?.type === "CREATED_TIME" && typeof field.value === "string") savedAt = field.value;
    if (field?.type === "CREATOR") {
      const user = field.value as { code?: string; name?: string } | undefined;
      savedBy = user?.code || user?.name || "";
    }
  }
  return { savedAt, savedBy };
}

function numberOrNull(text: string): number | null {
  return text === "" ? null : Number(text);
}

async function toSettingsEntry(record: KintoneRecordLike): Promise<SettingsEntry> {
  const text = (code: string) => fieldText(record, code);
  let document: unknown = null;
  try {
    document = JSON.parse(text("ranking")) as unknown;
  } catch {
    document = text("ranking");
  }
  const content: LogEntryContent = {
    sequence: Number(text("sequence")),
    run_id: text("run_id"),
    kind: text("kind"),
    algorithm: text("algorithm"),
    seed: text("seed"),
    pool_fingerprint: text("pool_fingerprint"),
    pool_size: numberOrNull(text("pool_size")),
    quota: numberOrNull(text("quota")),
    pool: null,
    ranking: document,
    reason: text("reason"),
    previous_hash: text("previous_hash"),
  };
  return {
    sequence: content.sequence,
    recordId: text("$id"),
    runId: content.run_id,
    ...authorship(record),
    document,
    intact: (await entryHash(content)) === text("entry_hash"),
    reason: content.reason,
  };
}

/** Every 設定 entry of the log app, oldest first. */
export async function readSettingsEntries(
  client: KintoneClient,
  lotteryLogApp: number,
  retry?: RetryOptions,
): Promise<SettingsEntry[]> {
  const records = await readAllRecords(client, {
    app: lotteryLogApp,
    condition: `kind in (${quote(LOTTERY_LOG_KINDS.settings)})`,
    retry,
  });
  const entries = await Promise.all(records.map(toSettingsEntry));
  return entries.sort((a, b) => a.sequence - b.sequence);
}

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
