/**
 * The write side of screening (spec v2 §4): reads every application, runs the eligibility rules
 * (duplicates among live applications only) and writes the **proposal** — eligibility,
 * eligibility_notes, screening_signature, screened_at — where it changed. It never moves a status:
 * a person confirms 対象外 (confirmIneligible) or decides otherwise (recordStaffDecision).
 *
 * A person's staff_decision holds while the screening_signature is unchanged (same rules, same
 * deciding settings, same data; any language, any message template). When the data under it
 * changed, the decision is flagged: the new proposal is written with a line saying so, and the old
 * signature is kept, so it stays flagged until a person looks again.
 * Every write carries the revision it was computed from, so a record edited meanwhile fails (409).
 */
import { decisionFlagged, FLAG_LINE } from "../../core/eligibility/decisionFlag";
import {
  applicationFromRecord,
  type FieldResolver,
  fieldText,
  type KintoneRecordLike,
} from "../../core/application";
import {
  eligibilityLabel,
  type EligibilityStatus,
  formatEligibilityNotes,
  quoteValue,
  screenApplications,
  type Violation,
} from "../../core/eligibility";
import { screeningSignature } from "../../core/eligibility/signature";
import { type Lang, pick } from "../../core/i18n";
import { ELIGIBILITY_LABELS, STAFF_DECISIONS } from "../../core/vocabulary";
import { recordIdOf, statusOf } from "../../core/workflow/record";
import { readAllRecords } from "../applications";
import { chunk } from "../kintoneLimits";
import { appOf, type Program } from "../program";

/** How one screening run goes; the rules, names, language and app come from the Program. */
export interface ScreenAllOptions {
  /** Write only applications not screened yet (eligibility empty or 未判定); all are still read for the duplicate rules. */
  onlyUnscreened?: boolean;
  /** Compute and report, write nothing. */
  dryRun?: boolean;
  /** Screening time: written to screened_at, and used for applications without a receipt time. */
  now?: Date;
  /** Records written so far, of the total to write. */
  onProgress?: (done: number, total: number) => void;
  /** Applications read so far, of all in the app. */
  onRead?: (read: number, total: number) => void;
}

export type StaffDecision = "eligible" | "ineligible";

export interface ScreeningEntry {
  id: string;
  revision: string;
  applicationNo: string;
  companyName: string;
  /** eligibility as stored before this screening. */
  before: string;
  /** The proposal (eligibility label) of this screening. */
  after: string;
  proposal: EligibilityStatus;
  /** The reasons, in the screening's language. */
  violations: Violation[];
  notes: string;
  signature: string;
  /** A person's staff_decision, if any. */
  decision?: StaffDecision;
  decisionReason: string;
  /** The decision stands: it was made on the data screened now. */
  decisionHolds: boolean;
  /** What counts for the draw and for 対象外登録: a holding decision, else the proposal. */
  effective: EligibilityStatus;
}

export interface ScreeningSummary {
  /** Applications read (all records of the app). */
  read: number;
  /** Applications in 申込受付 that were screened. */
  screened: number;
  /** Proposals by status. */
  counts: Record<EligibilityStatus, number>;
  /** Every application screened, in record order. */
  entries: ScreeningEntry[];
  /** Records whose proposal was (or, in a dry run, is to be) written. */
  changed: ScreeningEntry[];
  /** Still in 申込受付 and 対象外 in effect: waiting for a person to confirm (対象外登録). */
  proposedIneligible: ScreeningEntry[];
  /** 要確認 without a holding decision: a person has to decide. */
  needsReview: ScreeningEntry[];
  /** A person's decision that holds (data unchanged). */
  decidedByStaff: ScreeningEntry[];
  /** A person's decision made on data that has changed since: to look at again. */
  flagged: ScreeningEntry[];
  dryRun: boolean;
}

interface Update {
  id: string;
  revision: string;
  record: Record<string, { value: string }>;
}

function decisionOf(label: string): StaffDecision | undefined {
  if (label === STAFF_DECISIONS.eligible) return "eligible";
  if (label === STAFF_DECISIONS.ineligible) return "ineligible";
  return undefined;
}

/** The first line of the notes while a person's decision waits for a new look (either language). */
/** Screens every application and writes the proposals that changed. */
export async function screenAllApplications(
  program: Program,
  options: ScreenAllOptions = {},
): Promise<ScreeningSummary> {
  const { states, lang } = program;
  const code = program.field;
  const now = options.now ?? new Date();

  const records = await readAllRecords(program.client, {
    app: appOf(program, "applications"),
    retry: program.retry,
    onPage: options.onRead,
  });
  const applications = records.map((record) =>
    applicationFromRecord(record, code, program.optionMap),
  );
  const live = records.map(
    (record) => ![states.ineligible, states.declined].includes(statusOf(record)),
  );
  const results = screenApplications(applications, program.settings, { lang, now, live });

  const summary: ScreeningSummary = {
    read: records.length,
    screened: 0,
    counts: { eligible: 0, review: 0, ineligible: 0 },
    entries: [],
    changed: [],
    proposedIneligible: [],
    needsReview: [],
    decidedByStaff: [],
    flagged: [],
    dryRun: options.dryRun === true,
  };
  const updates: Update[] = [];
  const signatureField = code("screening_signature");
  for (const [index, record] of records.entries()) {
    const result = results[index];
    const application = applications[index];
    if (!result || !application || statusOf(record) !== states.applied) continue;
    const before = fieldText(record, code("eligibility"));
    const unscreened = before === "" || before === ELIGIBILITY_LABELS.unscreened;
    if (options.onlyUnscreened && !unscreened) continue;
    summary.screened++;
    const entry = await entryOf(record, result, application, program);
    summary.entries.push(entry);
    summary.counts[entry.proposal]++;
    if (entry.effective === "ineligible") summary.proposedIneligible.push(entry);
    if (entry.decision && entry.decisionHolds) summary.decidedByStaff.push(entry);
    else if (entry.decision) summary.flagged.push(entry);
    else if (entry.proposal === "review") summary.needsReview.push(entry);

    const storedSignature = signatureField === "" ? "" : fieldText(record, signatureField);
    const flagged = entry.decision !== undefined && !entry.decisionHolds;
    // A flagged decision keeps the signature it was made on, so it stays flagged.
    const signature = flagged ? storedSignature : entry.signature;
    const notes = flagged ? `${FLAG_LINE[lang]}\n${entry.notes}`.trim() : entry.notes;
    const storedNotes = fieldText(record, code("eligibility_notes"));
    // A flag line left from before a person kept the decision goes with the next write.
    const staleFlag = !flagged && decisionFlagged(storedNotes);
    const unchanged =
      signatureField === ""
        ? before === entry.after && storedNotes === notes
        : before === entry.after &&
          storedSignature === signature &&
          (flagged ? storedNotes === notes : !staleFlag);
    if (unchanged) continue;
    summary.changed.push(entry);
    const write: Update["record"] = {
      [code("eligibility")]: { value: entry.after },
      [code("eligibility_notes")]: { value: notes },
      [code("screened_at")]: { value: now.toISOString().replace(/\.\d{3}Z$/, "Z") },
    };
    if (signatureField !== "") write[signatureField] = { value: signature };
    updates.push({ id: entry.id, revision: entry.revision, record: write });
  }
  if (summary.dryRun || updates.length === 0) return summary;

  const revisions = await writeProposals(program, options, updates);
  for (const entry of summary.entries) entry.revision = revisions.get(entry.id) ?? entry.revision;
  return summary;
}

async function entryOf(
  record: KintoneRecordLike,
  result: { status: EligibilityStatus; violations: Violation[]; basis?: string[] },
  application: ReturnType<typeof applicationFromRecord>,
  program: Program,
): Promise<ScreeningEntry> {
  const code: FieldResolver = program.field;
  const { lang } = program;
  const signature = await screeningSignature(application, result, program.settings);
  const decision = decisionOf(fieldText(record, code("staff_decision")));
  const signatureField = code("screening_signature");
  const decisionHolds =
    decision !== undefined &&
    (signatureField === "" || fieldText(record, signatureField) === signature);
  return {
    id: recordIdOf(record),
    revision: fieldText(record, "$revision"),
    applicationNo: fieldText(record, code("application_no")),
    companyName: fieldText(record, code("company_name")),
    before: fieldText(record, code("eligibility")),
    after: eligibilityLabel(result.status),
    proposal: result.status,
    violations: result.violations,
    notes: formatEligibilityNotes(result.violations, lang),
    signature,
    decision,
    decisionReason: fieldText(record, code("staff_decision_reason")),
    decisionHolds,
    effective: decision && decisionHolds ? decision : result.status,
  };
}

/** Writes the proposals in bulks of 20 × 100; returns each record's new revision. */
async function writeProposals(
  program: Program,
  options: ScreenAllOptions,
  updates: Update[],
): Promise<Map<string, string>> {
  const { limits } = program;
  const app = appOf(program, "applications");
  const revisions = new Map<string, string>();
  let done = 0;
  for (const bulk of chunk(chunk(updates, limits.recordsPerWrite), limits.requestsPerBulk)) {
    const response = await program.call(() =>
      program.client.bulkRequest({
        requests: bulk.map((batch) => ({
          method: "PUT" as const,
          endpointName: "records" as const,
          payload: {
            app,
            records: batch.map((u) => ({
              id: u.id,
              record: u.record,
              ...(u.revision ? { revision: u.revision } : {}),
            })),
          },
        })),
      }),
    );
    for (const result of response.results as Array<{
      records?: Array<{ id: string; revision: string }>;
    }>) {
      for (const written of result.records ?? []) revisions.set(written.id, written.revision);
    }
    done += bulk.reduce((sum, batch) => sum + batch.length, 0);
    options.onProgress?.(done, updates.length);
  }
  return revisions;
}

/** One application's reasons as a person reads them in a list: each on its own line. */
export function describeEntry(entry: ScreeningEntry, lang: Lang): string {
  const head = pick(lang, {
    ja: `受付番号 ${entry.applicationNo || "-"}（レコード番号 ${entry.id}）${quoteValue(entry.companyName, "ja")}`,
    en: `application ${entry.applicationNo || "-"} (record ${entry.id}) ${quoteValue(entry.companyName, "en")}`,
  });
  return [head, ...entry.violations.map((v) => `  ${v.message}`)].join("\n");
}

/** What the draw needs from screening: who is in, and who still waits for a person. */
export interface ScreeningState {
  /** Record ids in 申込受付 that are 適格 in effect (a holding decision, else the proposal). */
  eligible: string[];
  /** Record ids a person must still look at: 要確認 without a decision, or a decision whose data changed. */
  pending: string[];
}

/**
 * Screening as the draw should read it (spec v2 §4–§5), computed now and written nowhere: a
 * staff_decision counts only while its signature holds, so a decision made on data that has
 * changed since keeps the record out of the pool and the draw waiting.
 */
export async function screeningState(program: Program): Promise<ScreeningState> {
  const summary = await screenAllApplications(program, { dryRun: true });
  return {
    eligible: summary.entries.filter((e) => e.effective === "eligible").map((e) => e.id),
    pending: [...summary.needsReview, ...summary.flagged].map((e) => e.id),
  };
}
