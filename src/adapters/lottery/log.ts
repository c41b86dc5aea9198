/**
 * The lottery log app (spec §2.3): append-only entries chained by hash (src/core/lottery/chain.ts).
 * `sequence` is a unique NUMBER field: each entry takes the last sequence + 1, so two appends made
 * from the same view of the log collide in kintone and only one is stored.
 */
import { fieldText, type KintoneRecordLike } from "../../core/application";
import {
  type ChainedEntry,
  chainedEntryOfRecord,
  entryHash,
  GENESIS_HASH,
  type LogEntryContent,
  type LotteryBundle,
} from "../../core/lottery";
import {
  LOTTERY_ALGORITHM,
  LOTTERY_LOG_FIELDS,
  LOTTERY_LOG_KINDS,
  LOTTERY_LOG_STATES,
} from "../../core/vocabulary";
import { type LotteryContext, readPages } from "./context";

/** Text fields keep pool and ranking up to this many characters; beyond, only the bundle file does. */
export const INLINE_TEXT_LIMIT = 60_000;

export interface LogRecord extends ChainedEntry {
  /** kintone record id and revision of the log record. */
  recordId: string;
  revision: string;
  state: string;
  bundleFileKey?: string;
}

function toLogRecord(record: KintoneRecordLike): LogRecord {
  const files = record.bundle?.value;
  const fileKey = Array.isArray(files)
    ? (files[0] as { fileKey?: string } | undefined)?.fileKey
    : undefined;
  return {
    recordId: fieldText(record, "$id"),
    revision: fieldText(record, "$revision"),
    state: fieldText(record, "state"),
    bundleFileKey: fileKey,
    ...chainedEntryOfRecord(record),
  };
}

/** Every log entry, ordered by sequence. Draw entries may still need `withDetachedValues`. */
export async function readLog(context: LotteryContext): Promise<LogRecord[]> {
  const records = await readPages(context, context.apps.lotteryLog, "$id > 0", [
    ...LOTTERY_LOG_FIELDS,
  ]);
  return records.map(toLogRecord).sort((a, b) => a.sequence - b.sequence);
}

/** A draw too large for the text fields keeps pool and ranking only in its bundle file: fetch them. */
export async function withDetachedValues(
  context: LotteryContext,
  entry: LogRecord,
): Promise<LogRecord> {
  if (
    entry.kind !== LOTTERY_LOG_KINDS.draw ||
    (entry.pool && entry.ranking) ||
    !entry.bundleFileKey
  ) {
    return entry;
  }
  const bundle = await downloadBundle(context, entry.bundleFileKey);
  return { ...entry, pool: entry.pool ?? bundle.pool, ranking: entry.ranking ?? bundle.ranking };
}

export async function downloadBundle(
  context: LotteryContext,
  fileKey: string,
): Promise<LotteryBundle> {
  const data = await context.call(() => context.client.file.downloadFile({ fileKey }));
  return JSON.parse(new TextDecoder().decode(data)) as LotteryBundle;
}

export async function uploadBundle(
  context: LotteryContext,
  runId: string,
  bundle: LotteryBundle,
): Promise<string> {
  const { fileKey } = await context.call(() =>
    context.client.file.uploadFile({
      file: { name: `lottery-${runId}.json`, data: JSON.stringify(bundle, null, 1) },
    }),
  );
  return fileKey;
}

export interface NewEntry {
  content: LogEntryContent;
  entryHash: string;
  state: string;
  bundleFileKey?: string;
}

/** The next entry's content, chained onto the last one read. */
export async function chainEntry(
  log: readonly LogRecord[],
  content: Omit<LogEntryContent, "sequence" | "previous_hash">,
  state: string,
  bundleFileKey?: string,
): Promise<NewEntry> {
  const last = log[log.length - 1];
  const full: LogEntryContent = {
    ...content,
    sequence: (last?.sequence ?? 0) + 1,
    previous_hash: last?.entry_hash ?? GENESIS_HASH,
  };
  return { content: full, entryHash: await entryHash(full), state, bundleFileKey };
}

/**
 * The 繰り上げ log entry, chained after the log's last entry and already completed: the same shape
 * whether the CLI fills every vacancy or the status bar promotes one record.
 */
export function promotionEntry(
  log: readonly LogRecord[],
  promotion: {
    runId: string;
    draw: LogRecord;
    quota: number;
    declined: string[];
    promoted: Array<{ key: string; rank: number | null; waitlist_no: number | null }>;
    reason: string;
  },
): Promise<NewEntry> {
  const { runId, draw, quota, declined, promoted, reason } = promotion;
  return chainEntry(
    log,
    {
      run_id: runId,
      kind: LOTTERY_LOG_KINDS.promotion,
      algorithm: LOTTERY_ALGORITHM,
      seed: "",
      pool_fingerprint: draw.pool_fingerprint,
      pool_size: null,
      quota,
      pool: null,
      ranking: { declined, promoted },
      reason,
    },
    LOTTERY_LOG_STATES.completed,
  );
}

/**
 * Whether the log entry cannot hold the bundle's pool or ranking in its text fields, so the bundle
 * file must carry them (spec §2.3); a smaller draw needs no upload, one request fewer.
 */
export function needsBundleFile(bundle: Pick<LotteryBundle, "pool" | "ranking">): boolean {
  return inline(bundle.pool) === "" || inline(bundle.ranking) === "";
}

function inline(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = JSON.stringify(value);
  return text.length <= INLINE_TEXT_LIMIT ? text : "";
}

/** The bulk-request item that appends an entry. */
export function appendRequest(context: LotteryContext, entry: NewEntry) {
  const c = entry.content;
  const text = (value: string | number | null) => ({ value: value === null ? "" : String(value) });
  return {
    method: "POST" as const,
    endpointName: "record" as const,
    payload: {
      app: context.apps.lotteryLog,
      record: {
        sequence: text(c.sequence),
        run_id: text(c.run_id),
        kind: text(c.kind),
        algorithm: text(c.algorithm),
        seed: text(c.seed),
        pool_fingerprint: text(c.pool_fingerprint),
        pool_size: text(c.pool_size),
        quota: text(c.quota),
        pool: text(inline(c.pool)),
        ranking: text(inline(c.ranking)),
        reason: text(c.reason),
        state: text(entry.state),
        previous_hash: text(c.previous_hash),
        entry_hash: text(entry.entryHash),
        ...(entry.bundleFileKey ? { bundle: { value: [{ fileKey: entry.bundleFileKey }] } } : {}),
      },
    },
  };
}

/** The bulk-request item that marks a draw entry 完了: the only update a log entry ever gets. */
export function completeRequest(
  context: LotteryContext,
  recordId: string,
  revision: string,
  state: string,
) {
  return {
    method: "PUT" as const,
    endpointName: "record" as const,
    payload: {
      app: context.apps.lotteryLog,
      id: recordId,
      revision,
      record: { state: { value: state } },
    },
  };
}
