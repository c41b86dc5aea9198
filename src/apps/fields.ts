import type { FieldProperty, LayoutElement, LayoutRow } from "./model";

/**
 * Builders for field properties in the exact form kintone's form API returns them (strings for
 * numbers, options keyed by label with a string index), so a definition compares equal to what a
 * kintone that already has it reports.
 */

export function optionsOf(
  labels: readonly string[],
): Record<string, { label: string; index: string }> {
  return Object.fromEntries(labels.map((label, index) => [label, { label, index: String(index) }]));
}

interface Common {
  required?: boolean;
}

export function recordNumber(code: string, label: string): FieldProperty {
  return { type: "RECORD_NUMBER", code, label, noLabel: false };
}

export function singleLineText(
  code: string,
  label: string,
  options: Common & { unique?: boolean; maxLength?: string } = {},
): FieldProperty {
  return {
    type: "SINGLE_LINE_TEXT",
    code,
    label,
    noLabel: false,
    required: options.required ?? false,
    unique: options.unique ?? false,
    ...(options.maxLength ? { maxLength: options.maxLength } : {}),
  };
}

export function multiLineText(code: string, label: string, options: Common = {}): FieldProperty {
  return {
    type: "MULTI_LINE_TEXT",
    code,
    label,
    noLabel: false,
    required: options.required ?? false,
  };
}

export function numberField(
  code: string,
  label: string,
  options: Common & { unique?: boolean; minValue?: string; unit?: string; digit?: boolean } = {},
): FieldProperty {
  return {
    type: "NUMBER",
    code,
    label,
    noLabel: false,
    required: options.required ?? false,
    unique: options.unique ?? false,
    minValue: options.minValue ?? "",
    digit: options.digit ?? false,
    unit: options.unit ?? "",
    ...(options.unit ? { unitPosition: "AFTER" } : {}),
  };
}

export function radioButton(
  code: string,
  label: string,
  labels: readonly string[],
  defaultValue: string,
): FieldProperty {
  return {
    type: "RADIO_BUTTON",
    code,
    label,
    noLabel: false,
    required: true,
    options: optionsOf(labels),
    defaultValue,
    align: labels.length > 3 ? "VERTICAL" : "HORIZONTAL",
  };
}

export function dropDown(
  code: string,
  label: string,
  labels: readonly string[],
  options: Common & { defaultValue?: string } = {},
): FieldProperty {
  return {
    type: "DROP_DOWN",
    code,
    label,
    noLabel: false,
    required: options.required ?? false,
    options: optionsOf(labels),
    defaultValue: options.defaultValue ?? "",
  };
}

export function checkBox(
  code: string,
  label: string,
  labels: readonly string[],
  options: Common = {},
): FieldProperty {
  return {
    type: "CHECK_BOX",
    code,
    label,
    noLabel: false,
    required: options.required ?? false,
    options: optionsOf(labels),
    defaultValue: [],
    align: "VERTICAL",
  };
}

export function mailLink(code: string, label: string, options: Common = {}): FieldProperty {
  return {
    type: "LINK",
    code,
    label,
    noLabel: false,
    required: options.required ?? false,
    unique: false,
    protocol: "MAIL",
  };
}

export function dateTime(
  code: string,
  label: string,
  options: Common & { defaultNow?: boolean } = {},
): FieldProperty {
  return {
    type: "DATETIME",
    code,
    label,
    noLabel: false,
    required: options.required ?? false,
    unique: false,
    defaultNowValue: options.defaultNow ?? false,
  };
}

export function date(code: string, label: string): FieldProperty {
  return {
    type: "DATE",
    code,
    label,
    noLabel: false,
    required: false,
    unique: false,
    defaultNowValue: false,
  };
}

export function time(code: string, label: string): FieldProperty {
  return { type: "TIME", code, label, noLabel: false, required: false, defaultNowValue: false };
}

export function file(code: string, label: string): FieldProperty {
  return { type: "FILE", code, label, noLabel: false, required: false, thumbnailSize: "150" };
}

/** Layout helpers: a field element by its property, a blank space, a label. */
export function row(...fields: LayoutElement[]): LayoutRow {
  return { type: "ROW", fields };
}

export function at(property: FieldProperty): LayoutElement {
  return { type: property.type, code: property.code };
}

export function spacer(elementId: string): LayoutElement {
  return { type: "SPACER", elementId, size: { width: "600", height: "40" } };
}

export function heading(text: string): LayoutElement {
  return { type: "LABEL", label: text, size: { width: "600" } };
}
