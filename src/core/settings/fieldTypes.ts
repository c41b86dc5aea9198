/**
 * Which kintone field types can stand for each logical field of spec §2.1 when the plugin is added
 * to an existing app, and which logical fields an app may do without.
 */
import type { ApplicationField } from "../vocabulary";

const TEXT = ["SINGLE_LINE_TEXT"];
const CHOICE = ["RADIO_BUTTON", "DROP_DOWN"];

export const COMPATIBLE_FIELD_TYPES: Record<ApplicationField, readonly string[]> = {
  application_no: ["RECORD_NUMBER", "NUMBER", "SINGLE_LINE_TEXT"],
  company_name: TEXT,
  entity_type: CHOICE,
  corporate_number: TEXT,
  representative_name: TEXT,
  postal_code: TEXT,
  prefecture: ["DROP_DOWN", "RADIO_BUTTON", "SINGLE_LINE_TEXT"],
  address: ["SINGLE_LINE_TEXT", "MULTI_LINE_TEXT"],
  industry: CHOICE,
  capital_yen: ["NUMBER", "SINGLE_LINE_TEXT"],
  employees: ["NUMBER", "SINGLE_LINE_TEXT"],
  participation_category: CHOICE,
  prior_program: ["SINGLE_LINE_TEXT", "MULTI_LINE_TEXT"],
  consent_survey: ["CHECK_BOX", "MULTI_SELECT"],
  declarations: ["CHECK_BOX", "MULTI_SELECT"],
  contact_name: TEXT,
  contact_email: ["LINK", "SINGLE_LINE_TEXT"],
  contact_phone: ["SINGLE_LINE_TEXT", "LINK"],
  applied_at: ["DATETIME", "CREATED_TIME"],
  eligibility: ["DROP_DOWN", "RADIO_BUTTON"],
  eligibility_notes: ["MULTI_LINE_TEXT"],
  screened_at: ["DATETIME"],
  lottery_result: ["DROP_DOWN", "RADIO_BUTTON"],
  lottery_rank: ["NUMBER"],
  waitlist_no: ["NUMBER"],
  lottery_run_id: TEXT,
  participation_intent: CHOICE,
  questionnaires: ["REFERENCE_TABLE"],
  visit_date: ["DATE"],
  expert_name: TEXT,
  visit_report: ["MULTI_LINE_TEXT"],
};

/** Fields an existing app may leave unmapped (the plugin then shows or checks nothing for them). */
export const OPTIONAL_FIELDS: readonly ApplicationField[] = [
  "representative_name",
  "prior_program",
  "contact_name",
  "questionnaires",
  "visit_report",
];

/** A field of the app's form as `GET app/form/fields` returns it (the parts we read). */
export interface FormFieldInfo {
  code: string;
  type: string;
  label: string;
}

/** The form fields that may stand for `field`, in form order. */
export function compatibleFields(
  field: ApplicationField,
  formFields: readonly FormFieldInfo[],
): FormFieldInfo[] {
  const types = COMPATIBLE_FIELD_TYPES[field];
  return formFields.filter((f) => types.includes(f.type));
}
