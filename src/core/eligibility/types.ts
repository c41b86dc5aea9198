import type { ApplicationField } from "../vocabulary";

/** The rule ids of spec v2 §4 (plus APPLIED_AT_INVALID for a receipt time that is not a date). Stable for audit logs. */
export const RULE_IDS = [
  "COMPANY_NAME_REQUIRED",
  "ENTITY_TYPE_REQUIRED",
  "ENTITY_NOT_ELIGIBLE",
  "CORPORATE_NUMBER_FORMAT",
  "CORPORATE_NUMBER_CHECK_DIGIT",
  "PREFECTURE_NOT_TOKYO",
  "ADDRESS_PREFECTURE_MISMATCH",
  "POSTAL_CODE_FORMAT",
  "PHONE_FORMAT",
  "EMAIL_FORMAT",
  "INDUSTRY_REQUIRED",
  "INDUSTRY_HINT",
  "EMPLOYEES_INVALID",
  "CAPITAL_INVALID",
  "SME_SIZE_EXCEEDED",
  "PARTICIPATION_CATEGORY_REQUIRED",
  "PRIOR_PROGRAM_REQUIRED",
  "PRIOR_PROGRAM_NOT_BEFORE_FY2024",
  "CONSENT_REQUIRED",
  "DECLARATIONS_INCOMPLETE",
  "APPLIED_AT_INVALID",
  "APPLIED_BEFORE_WINDOW",
  "APPLIED_AFTER_WINDOW",
  "DUPLICATE_CORPORATE_NUMBER",
  "POSSIBLE_DUPLICATE",
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export type Severity = "error" | "warning";

export interface Violation {
  rule: RuleId;
  severity: Severity;
  /** The logical field code (spec §2.1) the applicant has to fix. */
  field: ApplicationField;
  message: string;
}

/** eligible: no violation (適格) · review: warnings only (要確認) · ineligible: any error (対象外). */
export type EligibilityStatus = "eligible" | "review" | "ineligible";

export interface EligibilityResult {
  status: EligibilityStatus;
  violations: Violation[];
  /**
   * What the duplicate findings rest on besides the application's own values (the other records,
   * language-independent): part of the screening signature, never shown. Absent when none.
   */
  basis?: string[];
}
