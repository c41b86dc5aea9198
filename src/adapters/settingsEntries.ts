/**
 * Reading the 設定 entries of the lottery log (spec v2 §6), apart from settingsLog.ts so the
 * record screens can read them without the settings schema (zod is kept out of desktop.js).
 */
import { fieldText, type KintoneRecordLike } from "../core/application";
import { chainedEntryOfRecord, entryHash } from "../core/lottery";
import { LOTTERY_LOG_KINDS } from "../core/vocabulary";
import { readAllRecords } from "./applications";
import type { KintoneClient } from "./kintoneClient";
import { quote } from "./kintoneQuery";
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

async function toSettingsEntry(record: KintoneRecordLike): Promise<SettingsEntry> {
  const content = chainedEntryOfRecord(record);
  const document = content.ranking;
  return {
    sequence: content.sequence,
    recordId: fieldText(record, "$id"),
    runId: content.run_id,
    ...authorship(record),
    document,
    intact: (await entryHash(content)) === content.entry_hash,
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

type Names = Record<string, string>;

/** `stored`'s text for each name of `fallback` (a name it lacks keeps the fallback's); undefined unless an object. */
function namesOver<T extends Names>(fallback: T, stored: unknown): T | undefined {
  if (typeof stored !== "object" || stored === null || Array.isArray(stored)) return undefined;
  const given = stored as Record<string, unknown>;
  const pickName = (key: string, name: string) => {
    const value = given[key];
    return typeof value === "string" && value.trim() !== "" ? value : name;
  };
  return Object.fromEntries(
    Object.entries(fallback).map(([key, name]) => [key, pickName(key, name)]),
  ) as T;
}

/**
 * The state and action names of the latest 設定 entry, which only the applications app's settings
 * page writes: the questionnaire app moves an application by the names its own app uses. Undefined
 * when no entry applies (none saved, the latest changed after it was written, or without names).
 */
export async function latestProcessNames<S extends Names, A extends Names>(
  client: KintoneClient,
  lotteryLogApp: number,
  fallback: { states: S; actions: A },
): Promise<{ states: S; actions: A } | undefined> {
  const entry = (await readSettingsEntries(client, lotteryLogApp)).at(-1);
  if (!entry?.intact || typeof entry.document !== "object" || entry.document === null) {
    return undefined;
  }
  const document = entry.document as { states?: unknown; actions?: unknown };
  const states = namesOver(fallback.states, document.states);
  const actions = namesOver(fallback.actions, document.actions);
  return states && actions ? { states, actions } : undefined;
}
