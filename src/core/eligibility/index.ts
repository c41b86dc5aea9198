/**
 * The eligibility engine (spec §4): pure functions from applications and program settings to a
 * status (適格 / 要確認 / 対象外) and every reason at once.
 */
import type { ApplicationInput } from "../application";
import type { Lang } from "../i18n";
import type { ProgramSettings } from "../settings/programSettings";
import { ELIGIBILITY_LABELS } from "../vocabulary";
import { checkBatch } from "./batch";
import { checkApplication, screeningProgram } from "./rules";
import {
  type EligibilityResult,
  type EligibilityStatus,
  RULE_IDS,
  type Severity,
  type Violation,
} from "./types";

export type { EligibilityResult, EligibilityStatus, RuleId, Severity, Violation } from "./types";
export { RULE_IDS } from "./types";
export {
  normalizeCode,
  normalizeEmail,
  normalizeNumberText,
  normalizePostalCode,
  normalizeText,
  parseWholeNumber,
  toHalfWidth,
} from "./normalize";
export { addressPrefecture, nameAddressKey, normalizePhone, quoteValue } from "./rules";
export { entityTypeOf, nonCompanyForm, normalizeAddress, normalizeBusinessName } from "./entity";
export { industryHints } from "./industryHint";
export { corporateNumberCheckDigit, isValidCorporateNumber } from "./corporateNumber";
export { formatJapanTime, formatWindowTime, parseInstant } from "./instant";
export { MESSAGE_TEMPLATES } from "./messages";

export interface ScreeningOptions {
  /** Language of the messages (default ja). */
  lang?: Lang;
  /** The instant used for an application without applied_at (default: the current time). */
  now?: Date;
  /**
   * Per application (same order), whether it is still live (not 対象外, not 辞退): only live ones
   * take part in the duplicate rules. Default: all live.
   */
  live?: readonly boolean[];
}

export function statusOf(violations: readonly Violation[]): EligibilityStatus {
  if (violations.some((violation) => violation.severity === "error")) return "ineligible";
  return violations.length > 0 ? "review" : "eligible";
}

/** Screens one application on its own (the batch rules need screenApplications). */
export function screenApplication(
  application: ApplicationInput,
  settings: ProgramSettings,
  options: ScreeningOptions = {},
): EligibilityResult {
  const program = screeningProgram(settings, options.lang ?? "ja");
  const { violations } = checkApplication(
    application,
    program,
    (options.now ?? new Date()).getTime(),
  );
  return { status: statusOf(violations), violations };
}

/** Screens a set of applications, duplicate rules included; results in the same order. */
export function screenApplications(
  applications: readonly ApplicationInput[],
  settings: ProgramSettings,
  options: ScreeningOptions = {},
): EligibilityResult[] {
  const program = screeningProgram(settings, options.lang ?? "ja");
  const now = (options.now ?? new Date()).getTime();
  const checks = applications.map((application) => checkApplication(application, program, now));
  const batch = checkBatch(
    checks.map((check, index) => ({
      id: applications[index]?.id,
      facts: check.facts,
      live: options.live?.[index] ?? true,
    })),
    program,
  );
  return checks.map((check, index) => {
    const shared = batch.get(index);
    if (!shared) return { status: statusOf(check.violations), violations: check.violations };
    const violations = check.violations.concat(shared.violations);
    return { status: statusOf(violations), violations, basis: shared.basis };
  });
}

/** The value of the eligibility field for a status: 適格 / 要確認 / 対象外. */
export function eligibilityLabel(status: EligibilityStatus): string {
  return ELIGIBILITY_LABELS[status];
}

const NOTE_MARKS: Record<Lang, Record<Severity, string>> = {
  ja: { error: "【不備】", warning: "【要確認】" },
  en: { error: "[error] ", warning: "[check] " },
};

/** The eligibility_notes text: one reason per line, errors marked apart from points to check; no rule ids. */
export function formatEligibilityNotes(
  violations: readonly Violation[],
  lang: Lang = "ja",
): string {
  return violations
    .map((violation) => `${NOTE_MARKS[lang][violation.severity]}${violation.message}`)
    .join("\n");
}

/** One reason as staff read it: must be fixed (error) or checked (warning), and why; no rule id. */
export interface EligibilityReason {
  /** null for a line not written by formatEligibilityNotes (e.g. typed by staff). */
  severity: Severity | null;
  message: string;
}

export function reasonsOf(violations: readonly Violation[]): EligibilityReason[] {
  return violations.map(({ severity, message }) => ({ severity, message }));
}

/** Reads an eligibility_notes text back into reasons (either language): a line's mark gives its severity. */
export function readEligibilityNotes(notes: string): EligibilityReason[] {
  const reasons: EligibilityReason[] = [];
  for (const raw of notes.split("\n")) {
    const line = raw.trim();
    if (line === "") continue;
    const found = (["ja", "en"] as const).flatMap((lang) =>
      (["error", "warning"] as const).flatMap((severity) => {
        const mark = NOTE_MARKS[lang][severity].trim();
        return line.startsWith(mark) ? [{ severity, message: line.slice(mark.length).trim() }] : [];
      }),
    )[0];
    reasons.push(found ?? { severity: null, message: line });
  }
  return reasons;
}
