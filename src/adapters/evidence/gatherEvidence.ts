/**
 * Reads from kintone what the evidence folder shows (core/export/evidence): every application,
 * every lottery log entry with who wrote it and when, the completed draw the folder is about, and
 * the settings that were in force when the applications were screened and when the draw ran.
 */
import { fieldText, type KintoneRecordLike } from "../../core/application";
import { collectAuditFindings } from "../../core/audit/collect";
import {
  bundleOfDrawEntry,
  type EvidenceInput,
  type EvidenceLogEntry,
} from "../../core/export/evidence";
import { verifyBundle, verifyChain } from "../../core/lottery";
import { LOTTERY_LOG_KINDS, LOTTERY_LOG_STATES } from "../../core/vocabulary";
import { readAllRecords } from "../applications";
import { readLotteryLog } from "../lottery";
import { appOf, type Program } from "../program";

export interface GatherEvidenceOptions {
  /** The draw to show (its run_id); the latest completed draw when omitted. */
  runId?: string;
  now?: Date;
  onPage?: (read: number, total: number) => void;
}

/** No completed draw (or not the one asked for): nothing to give an auditor yet. */
export class NoCompletedDrawError extends Error {
  constructor(readonly runId: string | undefined) {
    super(
      runId ? `no completed draw with run_id ${runId}` : "no completed draw in the lottery log",
    );
    this.name = "NoCompletedDrawError";
  }
}

/** kintone's own creator and created-time fields, found by type (their codes depend on the language). */
function authorship(record: KintoneRecordLike): { createdAt: string; createdBy: string } {
  let createdAt = "";
  let createdBy = "";
  for (const field of Object.values(record) as Array<{ type?: string; value?: unknown }>) {
    if (field?.type === "CREATED_TIME" && typeof field.value === "string") createdAt = field.value;
    if (field?.type === "CREATOR") {
      const user = field.value as { code?: string; name?: string } | undefined;
      createdBy = user?.name || user?.code || "";
    }
  }
  return { createdAt, createdBy };
}

/** The settings a step ran with: the latest 設定 entry before it, or the defaults when none was saved. */
function settingsBefore(
  log: readonly EvidenceLogEntry[],
  before: (entry: EvidenceLogEntry) => boolean,
) {
  const saved = log.filter((entry) => entry.kind === LOTTERY_LOG_KINDS.settings && before(entry));
  const entry = saved[saved.length - 1];
  if (!entry) return { source: "defaults (no 設定 entry in the lottery log yet)", settings: null };
  return {
    source: "lottery log 設定 entry",
    log_sequence: entry.sequence,
    saved_at: entry.createdAt,
    saved_by: entry.createdBy,
    entry_hash: entry.entry_hash,
    settings: entry.ranking,
  };
}

/** The latest screened_at among the applications ("" when none was screened). */
function lastScreening(program: Program, applications: readonly KintoneRecordLike[]): string {
  let latest = "";
  for (const record of applications) {
    const at = fieldText(record, program.field("screened_at"));
    if (at !== "" && (latest === "" || Date.parse(at) > Date.parse(latest))) latest = at;
  }
  return latest;
}

export async function gatherEvidence(
  program: Program,
  options: GatherEvidenceOptions = {},
): Promise<EvidenceInput> {
  const { client, retry } = program;
  const entries = await readLotteryLog(program);
  const logRecords = await readAllRecords(client, { app: appOf(program, "lotteryLog"), retry });
  const authors = new Map(
    logRecords.map((record) => [String(record.$id?.value), authorship(record)]),
  );
  const log: EvidenceLogEntry[] = entries.map((entry) => ({
    sequence: entry.sequence,
    run_id: entry.run_id,
    kind: entry.kind,
    algorithm: entry.algorithm,
    seed: entry.seed,
    pool_fingerprint: entry.pool_fingerprint,
    pool_size: entry.pool_size,
    quota: entry.quota,
    pool: entry.pool,
    ranking: entry.ranking,
    reason: entry.reason,
    previous_hash: entry.previous_hash,
    entry_hash: entry.entry_hash,
    state: entry.state,
    ...(authors.get(entry.recordId) ?? { createdAt: "", createdBy: "" }),
  }));
  const draws = log.filter(
    (entry) =>
      entry.kind === LOTTERY_LOG_KINDS.draw &&
      entry.state === LOTTERY_LOG_STATES.completed &&
      (options.runId === undefined || entry.run_id === options.runId),
  );
  const draw = draws[draws.length - 1];
  if (!draw) throw new NoCompletedDrawError(options.runId);
  const applications = await readAllRecords(client, {
    app: appOf(program, "applications"),
    retry,
    onPage: options.onPage,
  });
  const bundle = bundleOfDrawEntry(draw, log);
  const linkField = program.config.questionnaireLinkField;
  const questionnaires = await readAllRecords(client, {
    app: appOf(program, "questionnaires"),
    fields: [linkField],
    retry,
  });
  const audit = await collectAuditFindings({
    applications,
    questionnaireLinks: questionnaires.map((r) => fieldText(r, linkField)),
    log,
    settings: program.settings,
    names: program,
    field: program.field,
  });
  const screenedAt = lastScreening(program, applications);
  return {
    draw,
    bundle,
    bundleVerdict: await verifyBundle(bundle),
    log,
    chain: await verifyChain(log),
    applications,
    // What the rules were when the applications were screened and when the draw ran (spec v2 §6).
    programSettings: {
      screening: {
        last_screened_at: screenedAt,
        ...settingsBefore(
          log,
          (entry) => screenedAt !== "" && Date.parse(entry.createdAt) <= Date.parse(screenedAt),
        ),
      },
      draw: settingsBefore(log, (entry) => entry.sequence < draw.sequence),
    },
    audit,
    exportedAt: (options.now ?? new Date()).toISOString(),
  };
}
