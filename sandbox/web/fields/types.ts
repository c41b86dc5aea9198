/** Field settings as `/k/v1/app/form/fields.json` returns them (what the screens need). */
export interface FieldProperty {
  type: string;
  code: string;
  label: string;
  required?: boolean;
  noLabel?: boolean;
  options?: Record<string, { label: string; index: string | number }>;
  defaultValue?: unknown;
  defaultNowValue?: boolean;
  unit?: string;
  /** NUMBER: show with thousands separators. */
  digit?: boolean;
  unitPosition?: "BEFORE" | "AFTER";
  protocol?: "WEB" | "CALL" | "MAIL";
  lookup?: unknown;
  referenceTable?: {
    relatedApp: { app: string; code?: string };
    condition: { field: string; relatedField: string };
    filterCond?: string;
    displayFields: string[];
    sort?: string;
    size?: string | number;
  };
  fields?: Record<string, FieldProperty>;
  /** CALC: NUMBER, NUMBER_DIGIT (thousands separators), DATETIME, DATE, TIME, HOUR_MINUTE, … */
  format?: string;
  /** NUMBER / CALC: decimals shown on screen ("" = as stored). */
  displayScale?: string;
  /** SINGLE_LINE_TEXT: kintone computes the value from this formula. */
  expression?: string;
}

/** A text field kintone computes (auto-calculation): shown, never edited. */
export function isCalculatedText(property: FieldProperty): boolean {
  return property.type === "SINGLE_LINE_TEXT" && (property.expression ?? "").trim() !== "";
}

export type FieldProperties = Record<string, FieldProperty>;

export interface LayoutField {
  type: string;
  code?: string;
  label?: string;
  elementId?: string;
}
export type LayoutItem =
  | { type: "ROW"; fields: LayoutField[] }
  | { type: "SUBTABLE"; code: string; fields: LayoutField[] }
  | { type: "GROUP"; code: string; layout: LayoutItem[] };

/** Options of a choice field in their configured order. */
export function optionLabels(property: FieldProperty): string[] {
  return Object.values(property.options ?? {})
    .sort((a, b) => Number(a.index) - Number(b.index))
    .map((option) => option.label);
}

/** Types whose value only kintone sets; forms show them but never send them. */
export const SYSTEM_TYPES = new Set([
  "RECORD_NUMBER",
  "__ID__",
  "__REVISION__",
  "CREATOR",
  "CREATED_TIME",
  "MODIFIER",
  "UPDATED_TIME",
  "STATUS",
  "STATUS_ASSIGNEE",
  "CATEGORY",
  "CALC",
]);

/** Layout-only types that hold no value. */
export const DECORATION_TYPES = new Set(["SPACER", "LABEL", "HR", "GROUP", "REFERENCE_TABLE"]);
