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
export { addressPrefecture, normalizePhone } from "./rules";
export { corporateNumberCheckDigit, isValidCorporateNumber } from "./corporateNumber";
export { formatJapanTime, parseInstant } from "./instant";
export { MESSAGE_TEMPLATES } from "./messages";

export interface ScreeningOptions {
  /** Language of the messages (default ja). */
  lang?: Lang;
  /** The instant used for an application without applied_at (default: the current time). */
  now?: Date;
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
    checks.map((check, index) => ({ id: applications[index]?.id, facts: check.facts })),
    program,
  );
  return checks.map((check, index) => {
    const shared = batch.get(index);
    const violations = shared ? check.violations.concat(shared) : check.violations;
    return { status: statusOf(violations), violations };
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
const ruleSuffix = (rule: string, lang: Lang) => (lang === "ja" ? `（${rule}）` : ` (${rule})`);

/** The eligibility_notes text: one reason per line, errors marked apart from points to check. */
export function formatEligibilityNotes(
  violations: readonly Violation[],
  lang: Lang = "ja",
): string {
  return violations
    .map(
      (violation) =>
        `${NOTE_MARKS[lang][violation.severity]}${violation.message}${ruleSuffix(violation.rule, lang)}`,
    )
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

/**
 * Reads an eligibility_notes text back into reasons (either language). Only the mark and rule id
 * that formatEligibilityNotes writes are taken off; any other line is kept whole.
 */
export function readEligibilityNotes(notes: string): EligibilityReason[] {
  const reasons: EligibilityReason[] = [];
  for (const raw of notes.split("\n")) {
    const line = raw.trim();
    if (line === "") continue;
    const found = (["ja", "en"] as const).flatMap((lang) =>
      (["error", "warning"] as const).flatMap((severity) => {
        const mark = NOTE_MARKS[lang][severity];
        if (!line.startsWith(mark)) return [];
        const body = line.slice(mark.length);
        const rule = RULE_IDS.find((id) => body.endsWith(ruleSuffix(id, lang)));
        return rule ? [{ severity, message: body.slice(0, -ruleSuffix(rule, lang).length) }] : [];
      }),
    )[0];
    reasons.push(found ?? { severity: null, message: line });
  }
  return reasons;
}
