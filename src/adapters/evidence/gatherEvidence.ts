/**
 * Reads from kintone what the evidence folder shows (core/export/evidence): every application,
 * every lottery log entry with who wrote it and when, and the completed draw the folder is about.
 */
import type { KintoneClient } from "../kintoneClient";
import type { KintoneRecordLike } from "../../core/application";
import {
  bundleOfDrawEntry,
  type EvidenceInput,
  type EvidenceLogEntry,
} from "../../core/export/evidence";
import { verifyBundle, verifyChain } from "../../core/lottery";
import {
  LOTTERY_LOG_KINDS,
  LOTTERY_LOG_STATES,
  QUESTIONNAIRE_LINK_FIELD,
} from "../../core/vocabulary";
import { collectAuditFindings } from "../../core/audit/collect";
import { fieldText } from "../../core/application";
import type { ProgramSettings } from "../../core/settings/programSettings";
import type { ProcessNames } from "../../core/workflow";
import { readAllRecords } from "../applications";
import { readLotteryLog } from "../lottery";
import type { RetryOptions } from "../retry";

export interface GatherEvidenceOptions {
  apps: { applications: number; lotteryLog: number; questionnaires: number };
  /** The draw to show (its run_id); the latest completed draw when omitted. */
  runId?: string;
  programSettings: unknown;
  /** The settings and state names the audit summary checks with (the same as followup audit). */
  audit: { settings: ProgramSettings; names: ProcessNames };
  now?: Date;
  retry?: RetryOptions;
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

export async function gatherEvidence(
  client: KintoneClient,
  options: GatherEvidenceOptions,
): Promise<EvidenceInput> {
  const { apps, retry } = options;
  const entries = await readLotteryLog({ client, apps, retry });
  const logRecords = await readAllRecords(client, { app: apps.lotteryLog, retry });
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
    app: apps.applications,
    retry,
    onPage: options.onPage,
  });
  const bundle = bundleOfDrawEntry(draw, log);
  const questionnaires = await readAllRecords(client, {
    app: apps.questionnaires,
    fields: [QUESTIONNAIRE_LINK_FIELD],
    retry,
  });
  const audit = await collectAuditFindings({
    applications,
    questionnaireLinks: questionnaires.map((r) => fieldText(r, QUESTIONNAIRE_LINK_FIELD)),
    log,
    ...options.audit,
  });
  return {
    draw,
    bundle,
    bundleVerdict: await verifyBundle(bundle),
    log,
    chain: await verifyChain(log),
    applications,
    programSettings: options.programSettings,
    audit,
    exportedAt: (options.now ?? new Date()).toISOString(),
  };
}
