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
  business_description: ["SINGLE_LINE_TEXT", "MULTI_LINE_TEXT"],
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
  screening_signature: TEXT,
  staff_decision: ["DROP_DOWN", "RADIO_BUTTON"],
  staff_decision_reason: ["MULTI_LINE_TEXT", "SINGLE_LINE_TEXT"],
  screened_at: ["DATETIME"],
  lottery_result: ["DROP_DOWN", "RADIO_BUTTON"],
  lottery_rank: ["NUMBER"],
  waitlist_no: ["NUMBER"],
  lottery_run_id: TEXT,
  participation_intent: CHOICE,
  questionnaires: ["REFERENCE_TABLE"],
  visit_date: ["DATE"],
  visit_start: ["TIME"],
  visit_minutes: ["NUMBER"],
  expert_name: TEXT,
  withdrawal_reason: ["MULTI_LINE_TEXT"],
  visit_report: ["MULTI_LINE_TEXT"],
};

/** Fields an existing app may leave unmapped (the plugin then shows or checks nothing for them). */
export const OPTIONAL_FIELDS: readonly ApplicationField[] = [
  "representative_name",
  "prior_program",
  "business_description",
  "screening_signature",
  "staff_decision",
  "staff_decision_reason",
  "contact_name",
  "questionnaires",
  "visit_report",
];

/** A field of the app's form as `GET app/form/fields` returns it (the parts we read). */
export interface FormFieldInfo {
  code: string;
  type: string;
  label: string;
  /** Auto-calculation formula of a text field: kintone computes it, nobody can write it. */
  expression?: string;
}

/**
 * The fields of `GET app/form/fields`'s `properties` the plugin may map: the top-level ones.
 * A subtable's own fields sit inside it (`properties.<table>.fields`) and hold one value per
 * row, so they never stand for an application's field.
 */
export function formFieldInfos(
  properties: Record<string, { code: string; type: string; label?: string; expression?: unknown }>,
): FormFieldInfo[] {
  return Object.values(properties).map((p) => ({
    code: p.code,
    type: p.type,
    label: p.label ?? p.code,
    ...(typeof p.expression === "string" && p.expression.trim() !== ""
      ? { expression: p.expression }
      : {}),
  }));
}

function isCalculatedText(f: FormFieldInfo): boolean {
  return f.type === "SINGLE_LINE_TEXT" && (f.expression ?? "").trim() !== "";
}

/** The form fields that may stand for `field`, in form order (never an auto-calculated text). */
export function compatibleFields(
  field: ApplicationField,
  formFields: readonly FormFieldInfo[],
): FormFieldInfo[] {
  const types = COMPATIBLE_FIELD_TYPES[field];
  return formFields.filter((f) => types.includes(f.type) && !isCalculatedText(f));
}

/**
 * Problems with a field map against the app's form: a mapped code the form lacks, a field of an
 * incompatible type, a required field left unmapped. `fieldMap` values: code, or "" for "not used".
 */
export function fieldMapProblems(
  fieldMap: Partial<Record<ApplicationField, string>>,
  formFields: readonly FormFieldInfo[],
): Array<{ path: string; message: { ja: string; en: string } }> {
  const byCode = new Map(formFields.map((f) => [f.code, f]));
  const problems: Array<{ path: string; message: { ja: string; en: string } }> = [];
  for (const field of Object.keys(COMPATIBLE_FIELD_TYPES) as ApplicationField[]) {
    const code = fieldMap[field] ?? field;
    const path = `fieldMap.${field}`;
    if (code === "") {
      if (!OPTIONAL_FIELDS.includes(field)) {
        problems.push({
          path,
          message: {
            ja: "このフィールドは必須です。対応するフィールドを選んでください。",
            en: "Required: choose the field.",
          },
        });
      }
      continue;
    }
    const found = byCode.get(code);
    if (!found) {
      problems.push({
        path,
        message: {
          ja: `フィールドコード「${code}」はこのアプリにありません。`,
          en: `This app has no field with code "${code}".`,
        },
      });
    } else if (isCalculatedText(found)) {
      problems.push({
        path,
        message: {
          ja: `「${found.label}」は自動計算のフィールドで、値を入力も更新もできません。`,
          en: `"${found.label}" is calculated automatically; its value cannot be entered or updated.`,
        },
      });
    } else if (!COMPATIBLE_FIELD_TYPES[field].includes(found.type)) {
      problems.push({
        path,
        message: {
          ja: `「${found.label}」の種類（${found.type}）は使えません。使える種類：${COMPATIBLE_FIELD_TYPES[field].join("・")}`,
          en: `"${found.label}" is a ${found.type}; use one of ${COMPATIBLE_FIELD_TYPES[field].join(", ")}.`,
        },
      });
    }
  }
  return problems;
}
