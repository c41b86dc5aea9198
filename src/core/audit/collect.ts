/**
 * Every check `followup audit` makes, over what it read: the same findings feed the audit report
 * and the evidence folder's summary, so the two can never disagree.
 */
import type { KintoneRecordLike } from "../application";
import { bundleOfDrawEntry, verifyBundle, verifyChain } from "../lottery";
import type { ProgramSettings } from "../settings/programSettings";
import { LOTTERY_LOG_KINDS, LOTTERY_LOG_STATES } from "../vocabulary";
import { findVisitProblems } from "../visits";
import { findInvariantViolations, type ProcessNames } from "../workflow";
import { findDrawMismatches } from "./drawRecords";
import { findLogFindings, type LoggedEntry } from "./logFindings";
import type { AuditFindings } from "./report";

export interface AuditInput {
  applications: readonly KintoneRecordLike[];
  /** The application numbers questionnaire records link to. */
  questionnaireLinks: readonly string[];
  log: readonly LoggedEntry[];
  settings: ProgramSettings;
  names: ProcessNames;
  /** A chain head kept outside kintone that the log must still contain. */
  head?: string;
}

export async function collectAuditFindings(input: AuditInput): Promise<AuditFindings> {
  const { applications, log, names } = input;
  const completedDraws = log.filter(
    (entry) =>
      entry.kind === LOTTERY_LOG_KINDS.draw && entry.state === LOTTERY_LOG_STATES.completed,
  );
  const latestDraw = completedDraws[completedDraws.length - 1];
  return {
    counts: {
      applications: applications.length,
      questionnaires: input.questionnaireLinks.length,
      logEntries: log.length,
    },
    violations: findInvariantViolations(applications, input.questionnaireLinks, {
      names,
      completedDrawRunIds: new Set(completedDraws.map((entry) => entry.run_id)),
    }),
    drawMismatches: latestDraw ? findDrawMismatches(applications, latestDraw, log, names) : [],
    visitProblems: findVisitProblems(applications, input.settings.visits, names.states),
    chain: await verifyChain(log),
    bundles: await Promise.all(
      completedDraws.map(async (entry) => ({
        runId: entry.run_id,
        verdict: await verifyBundle(bundleOfDrawEntry(entry, log)),
      })),
    ),
    logFindings: findLogFindings({ log, applications, names, head: input.head }),
    chainHead: log[log.length - 1]?.entry_hash,
  };
}
