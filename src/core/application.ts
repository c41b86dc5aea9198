import { APPLICANT_FIELDS, type ApplicantField, type ApplicationField } from "./vocabulary";

/** The CHECK_BOX fields of an application: their values are the checked option labels. */
export const APPLICATION_CHOICE_FIELDS = [
  "consent_survey",
  "declarations",
] as const satisfies readonly ApplicantField[];
export type ApplicationChoiceField = (typeof APPLICATION_CHOICE_FIELDS)[number];

/** The fields an applicant fills in that are kept as text (kintone REST gives NUMBER values as strings too). */
export type ApplicationTextField = Exclude<ApplicantField, ApplicationChoiceField>;
export const APPLICATION_TEXT_FIELDS = APPLICANT_FIELDS.filter(
  (field): field is ApplicationTextField =>
    !(APPLICATION_CHOICE_FIELDS as readonly string[]).includes(field),
);

/**
 * One application as the eligibility rules read it: raw values as the applicant (or kintone) gave them,
 * before any normalization. Missing fields are `undefined`. `id` is the record's `$id`; `appliedAt` is
 * the receipt instant (`applied_at`, ISO 8601).
 */
export type ApplicationInput = { [F in ApplicationTextField]?: string } & {
  [F in ApplicationChoiceField]?: string[];
} & {
  id?: string;
  appliedAt?: string;
};

/** Logical field code → the field code in the actual kintone app (only where they differ). */
export type FieldMap = Partial<Record<ApplicationField, string>>;

/**
 * Per choice field, the spec's option label → the app's own label (only where they differ), as the
 * settings page maps state names. Reading turns the app's labels back into the spec's.
 */
export type OptionMap = Partial<Record<ApplicationField, Record<string, string>>>;

/** The app's field code of a logical field ("" when an optional field is not used in this app). */
export type FieldResolver = (logical: ApplicationField) => string;

/**
 * The one rule for reading a field map: a field left out of the map has its logical code; a field
 * mapped to "" is not used in this app (only optional fields may be, the settings page checks).
 */
export function fieldResolver(fieldMap: FieldMap = {}): FieldResolver {
  return (logical) => fieldMap[logical] ?? logical;
}

/** The default apps of `followup setup`: every field has its logical code. */
export const sameCodes: FieldResolver = (logical) => logical;

/** A kintone REST record: field code → `{value}` (plus `type` and other keys we ignore). */
export type KintoneRecordLike = Record<string, { value?: unknown } | undefined>;

/** A field's value as text: a string as it is, a number written out, anything else (or no record) "". */
export function fieldText(record: KintoneRecordLike | undefined, code: string): string {
  const value = record?.[code]?.value;
  return typeof value === "string" || typeof value === "number" ? String(value) : "";
}

function textOf(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  return undefined;
}

function choicesOf(value: unknown): string[] | undefined {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === "string");
  const single = textOf(value);
  return single === undefined || single === "" ? undefined : [single];
}

/** The record's created time (kintone's server clock): the value of its CREATED_TIME field. */
export function createdTimeOf(record: KintoneRecordLike): string | undefined {
  for (const field of Object.values(record)) {
    const typed = field as { type?: unknown; value?: unknown } | undefined;
    if (typed?.type === "CREATED_TIME" && typeof typed.value === "string") return typed.value;
  }
  return undefined;
}

function appLabelsToSpec(optionMap: OptionMap, field: ApplicationField): Map<string, string> {
  const labels = new Map<string, string>();
  for (const [spec, app] of Object.entries(optionMap[field] ?? {})) {
    if (app !== "") labels.set(app, spec);
  }
  return labels;
}

/**
 * Reads an application out of a kintone REST record. `field` gives the app's field codes (the
 * Program's resolver), `optionMap` its option labels. Values of an unexpected shape (e.g. an
 * object in a text field) are read as missing, so the rules report them rather than passing them
 * silently. Without applied_at the receipt time is the record's created time.
 */
export function applicationFromRecord(
  record: KintoneRecordLike,
  field: FieldResolver = sameCodes,
  optionMap: OptionMap = {},
): ApplicationInput {
  const valueOf = (logical: ApplicationField): unknown => {
    const code = field(logical);
    return code === "" ? undefined : record[code]?.value;
  };
  const application: ApplicationInput = {};
  for (const logical of APPLICATION_TEXT_FIELDS) {
    const text = textOf(valueOf(logical));
    if (text === undefined) continue;
    application[logical] = appLabelsToSpec(optionMap, logical).get(text) ?? text;
  }
  for (const logical of APPLICATION_CHOICE_FIELDS) {
    const choices = choicesOf(valueOf(logical));
    if (choices === undefined) continue;
    const labels = appLabelsToSpec(optionMap, logical);
    application[logical] = choices.map((choice) => labels.get(choice) ?? choice);
  }
  const id = textOf(record.$id?.value);
  if (id !== undefined && id !== "") application.id = id;
  const appliedAt = textOf(valueOf("applied_at"));
  if (appliedAt !== undefined && appliedAt.trim() !== "") application.appliedAt = appliedAt;
  else {
    const created = createdTimeOf(record);
    if (created !== undefined && created !== "") application.appliedAt = created;
  }
  return application;
}
