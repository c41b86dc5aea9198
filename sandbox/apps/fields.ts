import type { SandboxDb } from "../db/database";
import { FieldErrorCollector } from "../http/errors";
import { BUILT_IN_TYPES } from "./defaults";
import type { FieldMap, FieldProperty } from "./fieldStore";
import { CALC_FORMATS } from "../calc/compute";
import { checkLookup, checkReferenceTable } from "./relations";

export { type FieldMap, type FieldProperty, getDeployedFields, getFields } from "./fieldStore";

const UNIQUE_TYPES = new Set(["SINGLE_LINE_TEXT", "NUMBER", "LINK", "DATE", "DATETIME"]);
const OPTION_TYPES = new Set(["RADIO_BUTTON", "CHECK_BOX", "MULTI_SELECT", "DROP_DOWN"]);

/** Field types the sandbox can store, with the properties kintone fills in by default. */
const TYPE_DEFAULTS: Record<string, Record<string, unknown>> = {
  SINGLE_LINE_TEXT: {
    required: false,
    unique: false,
    minLength: "",
    maxLength: "",
    expression: "",
    hideExpression: false,
    defaultValue: "",
  },
  MULTI_LINE_TEXT: { required: false, defaultValue: "" },
  RICH_TEXT: { required: false, defaultValue: "" },
  NUMBER: {
    required: false,
    unique: false,
    minValue: "",
    maxValue: "",
    digit: false,
    displayScale: "",
    unit: "",
    unitPosition: "BEFORE",
    defaultValue: "",
  },
  RADIO_BUTTON: { required: true, options: {}, defaultValue: "", align: "HORIZONTAL" },
  CHECK_BOX: { required: false, options: {}, defaultValue: [], align: "HORIZONTAL" },
  MULTI_SELECT: { required: false, options: {}, defaultValue: [] },
  DROP_DOWN: { required: false, options: {}, defaultValue: "" },
  DATE: { required: false, unique: false, defaultValue: "", defaultNowValue: false },
  TIME: { required: false, defaultValue: "", defaultNowValue: false },
  DATETIME: { required: false, unique: false, defaultValue: "", defaultNowValue: false },
  LINK: {
    required: false,
    unique: false,
    protocol: "WEB",
    minLength: "",
    maxLength: "",
    defaultValue: "",
  },
  FILE: { required: false, thumbnailSize: "150" },
  REFERENCE_TABLE: {},
  CALC: {
    required: false,
    expression: "",
    format: "NUMBER",
    displayScale: "",
    hideExpression: false,
    unit: "",
    unitPosition: "BEFORE",
  },
  SUBTABLE: { fields: {} },
};

/** Types a subtable may hold (kintone: no tables, related records, groups or system fields). */
const NOT_IN_TABLE = new Set(["SUBTABLE", "REFERENCE_TABLE"]);

export const SUPPORTED_FIELD_TYPES = Object.keys(TYPE_DEFAULTS);

const CODE_MAX = 128;
/** Letters, digits and `_`; no other symbol or space (kintone also refuses a leading digit). */
const CODE_PATTERN = /^[\p{L}\p{M}_＿・＄￥][\p{L}\p{M}\p{N}_＿・＄￥]*$/u;

export function codeProblem(code: unknown): { ja: string; en: string } | undefined {
  if (typeof code !== "string" || code === "") {
    return { ja: "フィールドコードを指定してください。", en: "Field code is required." };
  }
  if ([...code].length > CODE_MAX) {
    return {
      ja: `フィールドコードは${CODE_MAX}文字以内で指定してください。`,
      en: `Field code must be ${CODE_MAX} characters or less.`,
    };
  }
  if (!CODE_PATTERN.test(code)) {
    return {
      ja: "フィールドコードに使用できる記号は「_」のみです。数字で始めることはできません。",
      en: 'Field codes may use no symbol other than "_" and may not start with a digit.',
    };
  }
  return undefined;
}

function isNumeric(value: unknown): boolean {
  return typeof value === "number" || (typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value));
}

function asString(value: unknown): unknown {
  return typeof value === "number" ? String(value) : value;
}

/**
 * Builds the full stored property of an added or changed field and reports every problem under
 * `properties.<key>.<property>`. `previous` is the existing field for updates.
 */
export function buildField(
  db: SandboxDb,
  key: string,
  input: Record<string, unknown>,
  previous: FieldProperty | undefined,
  errorsOut: FieldErrorCollector,
  parentPath = "properties",
): FieldProperty | undefined {
  const path = `${parentPath}.${key}`;
  const type = String(input.type ?? previous?.type ?? "");
  if (previous && input.type !== undefined && input.type !== previous.type) {
    errorsOut.add(`${path}.type`, {
      ja: "フィールドの種類は変更できません。",
      en: "The field type cannot be changed.",
    });
    return undefined;
  }
  if (BUILT_IN_TYPES.has(type)) {
    if (!previous) {
      errorsOut.add(`${path}.type`, {
        ja: `${type}フィールドは追加できません。`,
        en: `A ${type} field cannot be added.`,
      });
      return undefined;
    }
    return buildBuiltIn(key, input, previous, errorsOut);
  }
  const defaults = TYPE_DEFAULTS[type];
  if (!defaults) {
    errorsOut.add(`${path}.type`, {
      ja: `フィールドの種類（${type}）はサンドボックスでは使えません。`,
      en: `The field type (${type}) is not supported by the sandbox.`,
    });
    return undefined;
  }
  const field: FieldProperty = {
    ...{ type, code: key, label: "", noLabel: false },
    ...defaults,
    ...(previous ?? {}),
    ...stringifyNumbers(input),
  } as FieldProperty;
  field.type = type;
  // kintone keeps `unique` only where it can check it; elsewhere it drops it without a word.
  if (!UNIQUE_TYPES.has(type)) delete field.unique;
  if (input.code === undefined) field.code = previous?.code ?? key;
  if (!previous && input.code !== undefined && input.code !== key) {
    errorsOut.add(`${path}.code`, {
      ja: "プロパティのキーとフィールドコードが一致しません。",
      en: "The property key must be the field code.",
    });
  }
  const codeError = codeProblem(field.code);
  if (codeError) errorsOut.add(`${path}.code`, codeError);
  if (typeof field.label !== "string" || field.label.trim() === "") {
    errorsOut.add(`${path}.label`, { ja: "必須です。", en: "Required field." });
  }
  if (OPTION_TYPES.has(type)) checkOptions(field, path, errorsOut);
  if (type === "NUMBER") checkNumberRange(field, path, errorsOut);
  if (type === "LINK" && !["WEB", "CALL", "MAIL"].includes(String(field.protocol))) {
    errorsOut.add(`${path}.protocol`, {
      ja: "WEB、CALL、MAILのいずれかを指定してください。",
      en: "Specify WEB, CALL or MAIL.",
    });
  }
  if (field.lookup !== undefined && field.lookup !== null) {
    if (type !== "SINGLE_LINE_TEXT" && type !== "NUMBER") {
      errorsOut.add(`${path}.lookup`, {
        ja: "ルックアップは文字列（1行）か数値のフィールドにだけ設定できます。",
        en: "A lookup can be set only on a text or number field.",
      });
    } else {
      field.lookup = checkLookup(db, field.lookup, path, errorsOut);
    }
  }
  if (type === "REFERENCE_TABLE") {
    field.referenceTable = checkReferenceTable(db, field.referenceTable, path, errorsOut);
  }
  if (type === "CALC") checkCalc(field, path, errorsOut);
  if (type === "SUBTABLE") {
    field.fields = buildTableFields(db, path, input.fields, previous, errorsOut);
    delete field.required;
  }
  return field;
}

function checkCalc(field: FieldProperty, path: string, errorsOut: FieldErrorCollector): void {
  if (typeof field.expression !== "string" || field.expression.trim() === "") {
    errorsOut.add(`${path}.expression`, { ja: "必須です。", en: "Required field." });
  }
  if (!CALC_FORMATS.includes(String(field.format))) {
    errorsOut.add(`${path}.format`, {
      ja: "Enum値のいずれかでなければなりません。",
      en: "must be one of the enum value",
    });
  }
}

/** The fields of a subtable: built like top-level ones, merged into the previous ones on change. */
function buildTableFields(
  db: SandboxDb,
  path: string,
  input: unknown,
  previous: FieldProperty | undefined,
  errorsOut: FieldErrorCollector,
): Record<string, FieldProperty> {
  const before = (previous?.fields ?? {}) as Record<string, FieldProperty>;
  const given =
    input && typeof input === "object" && !Array.isArray(input)
      ? (input as Record<string, Record<string, unknown>>)
      : {};
  if (!previous && Object.keys(given).length === 0) {
    errorsOut.add(`${path}.fields`, { ja: "必須です。", en: "Required field." });
  }
  const fields: Record<string, FieldProperty> = { ...before };
  for (const [key, inner] of Object.entries(given)) {
    const innerType = String(inner?.type ?? before[key]?.type ?? "");
    if (NOT_IN_TABLE.has(innerType) || BUILT_IN_TYPES.has(innerType)) {
      errorsOut.add(`${path}.fields.${key}.type`, {
        ja: `テーブルに${innerType}フィールドは追加できません。`,
        en: `A ${innerType} field cannot be put in a table.`,
      });
      continue;
    }
    const field = buildField(db, key, inner ?? {}, before[key], errorsOut, `${path}.fields`);
    if (!field) continue;
    delete field.unique; // kintone offers no unique setting inside a table
    delete fields[key];
    fields[field.code] = field;
  }
  return fields;
}

/** Built-in fields: only code, label and noLabel change. */
function buildBuiltIn(
  key: string,
  input: Record<string, unknown>,
  previous: FieldProperty,
  errorsOut: FieldErrorCollector,
): FieldProperty {
  const field = { ...previous };
  if (typeof input.label === "string") field.label = input.label;
  if (typeof input.noLabel === "boolean" && "noLabel" in previous) field.noLabel = input.noLabel;
  if (input.code !== undefined) {
    const problem = codeProblem(input.code);
    if (problem) errorsOut.add(`properties.${key}.code`, problem);
    else field.code = String(input.code);
  }
  return field;
}

function stringifyNumbers(input: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(input)) {
    out[name] = [
      "minValue",
      "maxValue",
      "minLength",
      "maxLength",
      "displayScale",
      "thumbnailSize",
    ].includes(name)
      ? asString(value)
      : value;
  }
  return out;
}

function checkOptions(field: FieldProperty, path: string, errorsOut: FieldErrorCollector): void {
  const options = field.options;
  if (!options || typeof options !== "object" || Array.isArray(options)) {
    errorsOut.add(`${path}.options`, { ja: "必須です。", en: "Required field." });
    return;
  }
  const normalized: Record<string, { label: string; index: string }> = {};
  const entries = Object.entries(options as Record<string, { label?: unknown; index?: unknown }>);
  if (entries.length === 0) {
    errorsOut.add(`${path}.options`, {
      ja: "選択肢を1つ以上指定してください。",
      en: "Specify at least one option.",
    });
  }
  for (const [name, option] of entries) {
    const label = option?.label ?? name;
    if (label !== name || String(name).trim() === "") {
      errorsOut.add(`${path}.options.${name}.label`, {
        ja: "選択肢のキーと名前が一致しません。",
        en: "The option key must be the option label.",
      });
    }
    if (!isNumeric(option?.index)) {
      errorsOut.add(`${path}.options.${name}.index`, { ja: "必須です。", en: "Required field." });
    }
    normalized[name] = { label: String(label), index: String(option?.index ?? "") };
  }
  field.options = normalized;
  const names = Object.keys(normalized);
  const firstByIndex = Object.values(normalized).sort(
    (a, b) => Number(a.index) - Number(b.index),
  )[0];
  if (field.type === "CHECK_BOX" || field.type === "MULTI_SELECT") {
    const defaults = Array.isArray(field.defaultValue) ? field.defaultValue.map(String) : [];
    if (defaults.some((value) => !names.includes(value))) {
      errorsOut.add(`${path}.defaultValue`, {
        ja: "初期値は選択肢の中から指定してください。",
        en: "The default value must be one of the options.",
      });
    }
    field.defaultValue = defaults;
    return;
  }
  if (field.type === "RADIO_BUTTON" && (field.defaultValue === "" || field.defaultValue == null)) {
    field.defaultValue = firstByIndex?.label ?? "";
  }
  const value = String(field.defaultValue ?? "");
  if (value !== "" && !names.includes(value)) {
    errorsOut.add(`${path}.defaultValue`, {
      ja: "初期値は選択肢の中から指定してください。",
      en: "The default value must be one of the options.",
    });
  }
  field.defaultValue = value;
}

function checkNumberRange(field: FieldProperty, path: string, errorsOut: FieldErrorCollector) {
  for (const name of ["minValue", "maxValue", "defaultValue"] as const) {
    const value = field[name];
    if (value !== "" && value !== undefined && value !== null && !isNumeric(value)) {
      errorsOut.add(`${path}.${name}`, {
        ja: "数値を指定してください。",
        en: "Specify a number.",
      });
    }
    field[name] = value == null ? "" : String(value);
  }
  const { minValue, maxValue } = field;
  if (minValue !== "" && maxValue !== "" && Number(minValue) > Number(maxValue)) {
    errorsOut.add(`${path}.maxValue`, {
      ja: "最大値は最小値以上にしてください。",
      en: "The maximum must not be less than the minimum.",
    });
  }
}
