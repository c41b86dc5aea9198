/**
 * The write side of screening (spec §4): reads every application, runs the eligibility rules (batch
 * duplicate rules included), writes eligibility / eligibility_notes / screened_at only where they
 * changed, and moves 対象外 applications from 申込受付 to 対象外. Used by the plugin's 審査 button
 * and by `followup screen`.
 *
 * A person's decision stays: when the rules still give 要確認 (warnings only) for unchanged data
 * (same notes as stored) and staff have set 適格 or 対象外 by hand, screening keeps their choice.
 * Every write carries the revision it was computed from, so a record edited meanwhile fails (409).
 */
import type { KintoneClient } from "../kintoneClient";
import {
  applicationFromRecord,
  type FieldMap,
  fieldText,
  type KintoneRecordLike,
} from "../../core/application";
import {
  eligibilityLabel,
  formatEligibilityNotes,
  screenApplications,
  type EligibilityStatus,
} from "../../core/eligibility";
import type { Lang } from "../../core/i18n";
import type { ProgramSettings } from "../../core/settings/programSettings";
import {
  ACTIONS,
  type ActionKey,
  type ApplicationField,
  ELIGIBILITY_LABELS,
  STATES,
  type StateKey,
} from "../../core/vocabulary";
import { recordIdOf, statusOf } from "../../core/workflow/record";
import { readAllRecords } from "../applications";
import { chunk, RECORDS_PER_WRITE, REQUESTS_PER_BULK } from "../kintoneLimits";
import { type RetryOptions, withRetry } from "../retry";

export interface ScreenAllOptions {
  appId: number | string;
  fieldMap?: FieldMap;
  settings: ProgramSettings;
  /** Write only applications not screened yet (eligibility empty or 未判定); all are still read for the duplicate rules. */
  onlyUnscreened?: boolean;
  /** Compute and report, write nothing. */
  dryRun?: boolean;
  /** Language of eligibility_notes (default ja). */
  lang?: Lang;
  /** Screening time: written to screened_at, and used for applications without applied_at. */
  now?: Date;
  /** The app's state/action names where they differ from spec §3. */
  states?: Partial<Record<StateKey, string>>;
  actions?: Partial<Record<ActionKey, string>>;
  retry?: RetryOptions;
  /** Records written so far, of the total to write. */
  onProgress?: (done: number, total: number) => void;
  /** Applications read so far, of all in the app. */
  onRead?: (read: number, total: number) => void;
}

export interface ScreeningChange {
  id: string;
  applicationNo: string;
  companyName: string;
  before: string;
  after: string;
  notes: string;
}

export interface ScreeningSummary {
  /** Applications read (all records of the app). */
  read: number;
  /** Applications in 申込受付 that were screened (the ones screening may write). */
  screened: number;
  counts: Record<EligibilityStatus, number>;
  /** Records whose eligibility or notes changed (written unless dryRun). */
  changed: ScreeningChange[];
  /** Records moved (or, in a dry run, to be moved) 申込受付 → 対象外. */
  movedToIneligible: string[];
  /** Applications screened 要確認 (changed or not): a person has to look at them. */
  needsReview: ScreeningChange[];
  /** 要確認 applications a person already decided (適格 or 対象外) on unchanged data: kept as they are. */
  decidedByStaff: ScreeningChange[];
  dryRun: boolean;
}

interface Update {
  id: string;
  record: Record<string, { value: string }>;
}

/**
 * The person's decision to keep, if any: the rules give `review` again, the data did not change
 * (the notes are the same) and the stored eligibility is 適格 or 対象外.
 */
function staffDecision(
  computed: EligibilityStatus,
  stored: string,
  sameNotes: boolean,
): "eligible" | "ineligible" | undefined {
  if (computed !== "review" || !sameNotes) return undefined;
  if (stored === ELIGIBILITY_LABELS.eligible) return "eligible";
  if (stored === ELIGIBILITY_LABELS.ineligible) return "ineligible";
  return undefined;
}

export async function screenAllApplications(
  client: KintoneClient,
  options: ScreenAllOptions,
): Promise<ScreeningSummary> {
  const fieldMap = options.fieldMap ?? {};
  const code = (field: ApplicationField) => fieldMap[field] ?? field;
  const states = { ...STATES, ...options.states };
  const actions = { ...ACTIONS, ...options.actions };
  const now = options.now ?? new Date();
  const lang = options.lang ?? "ja";
  const call = <T>(request: () => Promise<T>) => withRetry(request, options.retry);
  /** Each record's revision: as read, then as returned by the field update that wrote it. */
  const revisions = new Map<string, string>();
  const revisionOf = (id: string) => {
    const revision = revisions.get(id);
    return revision ? { revision } : {};
  };

  const records = await readAllRecords(client, {
    app: options.appId,
    retry: options.retry,
    onPage: options.onRead,
  });
  const results = screenApplications(
    records.map((record) => applicationFromRecord(record, fieldMap)),
    options.settings,
    { lang, now },
  );

  const summary: ScreeningSummary = {
    read: records.length,
    screened: 0,
    counts: { eligible: 0, review: 0, ineligible: 0 },
    changed: [],
    movedToIneligible: [],
    needsReview: [],
    decidedByStaff: [],
    dryRun: options.dryRun === true,
  };
  const updates: Update[] = [];
  records.forEach((record, index) => {
    const result = results[index];
    if (!result || statusOf(record) !== states.applied) return;
    const before = fieldText(record, code("eligibility"));
    const unscreened = before === "" || before === ELIGIBILITY_LABELS.unscreened;
    if (options.onlyUnscreened && !unscreened) return;
    summary.screened++;
    const id = recordIdOf(record);
    const notes = formatEligibilityNotes(result.violations, lang);
    const storedNotes = fieldText(record, code("eligibility_notes"));
    const decision = staffDecision(result.status, before, notes === storedNotes);
    const status = decision ?? result.status;
    const after = eligibilityLabel(status);
    summary.counts[status]++;
    const change: ScreeningChange = {
      id,
      applicationNo: fieldText(record, code("application_no")),
      companyName: fieldText(record, code("company_name")),
      before,
      after,
      notes,
    };
    if (status === "ineligible") summary.movedToIneligible.push(id);
    if (decision) summary.decidedByStaff.push(change);
    else if (status === "review") summary.needsReview.push(change);
    revisions.set(id, fieldText(record, "$revision"));
    if (before === after && storedNotes === notes) return;
    summary.changed.push(change);
    updates.push({
      id,
      record: {
        [code("eligibility")]: { value: after },
        [code("eligibility_notes")]: { value: notes },
        [code("screened_at")]: { value: now.toISOString().replace(/\.\d{3}Z$/, "Z") },
      },
    });
  });
  if (summary.dryRun) return summary;

  const total = updates.length + summary.movedToIneligible.length;
  let done = 0;
  for (const bulk of chunk(chunk(updates, RECORDS_PER_WRITE), REQUESTS_PER_BULK)) {
    const response = await call(() =>
      client.bulkRequest({
        requests: bulk.map((batch) => ({
          method: "PUT" as const,
          endpointName: "records" as const,
          payload: {
            app: options.appId,
            records: batch.map((u) => ({ id: u.id, record: u.record, ...revisionOf(u.id) })),
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
    options.onProgress?.(done, total);
  }

  for (const bulk of chunk(
    chunk(summary.movedToIneligible, RECORDS_PER_WRITE),
    REQUESTS_PER_BULK,
  )) {
    await call(() =>
      client.bulkRequest({
        requests: bulk.map((ids) => ({
          method: "PUT" as const,
          endpointName: "records/status" as const,
          payload: {
            app: options.appId,
            records: ids.map((id) => ({
              id,
              action: actions.registerIneligible,
              ...revisionOf(id),
            })),
          },
        })),
      }),
    );
    done += bulk.reduce((sum, ids) => sum + ids.length, 0);
    options.onProgress?.(done, total);
  }
  return summary;
}
