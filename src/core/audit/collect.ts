/**
 * Every check `followup audit` makes, over what it read: the same findings feed the audit report
 * and the evidence folder's summary, so the two can never disagree.
 */
import { type FieldResolver, type KintoneRecordLike, sameCodes } from "../application";
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
  /** The applications app's field codes (the Program's resolver; the logical codes by default). */
  field?: FieldResolver;
  /** A chain head kept outside kintone that the log must still contain. */
  head?: string;
}

export async function collectAuditFindings(input: AuditInput): Promise<AuditFindings> {
  const { applications, log, names } = input;
  const field = input.field ?? sameCodes;
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
      field,
      completedDrawRunIds: new Set(completedDraws.map((entry) => entry.run_id)),
    }),
    drawMismatches: latestDraw
      ? findDrawMismatches(applications, latestDraw, log, names, field)
      : [],
    visitProblems: findVisitProblems(applications, input.settings.visits, names.states, field),
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
