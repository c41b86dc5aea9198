/**
 * Calculated values of a record: every CALC field and every SINGLE_LINE_TEXT with an
 * `expression`, at the top level and in each subtable row, computed on every write in the order
 * their references need. A top-level formula sees a subtable column as a list (for SUM); a
 * formula inside a table sees its own row's values.
 */
import type { FieldProperty, FieldSchema } from "../query";
import {
  CalcFailure,
  type CalcMarker,
  type CalcValue,
  evaluateFormula,
  numberText,
} from "./evaluate";
import { type FormulaNode, FormulaError, parseFormula, referencedCodes } from "./formula";

export type StoredCell = { type: string; value: unknown };
export type StoredRow = { id: string; value: Record<string, StoredCell> };

/** Where a field lives: at the top level, or in subtable `table`. */
export interface PlacedField {
  property: FieldProperty;
  table?: string;
}

/** Every field by code, subtable cells included (codes are unique across the app). */
export function placedFields(fields: FieldSchema): Map<string, PlacedField> {
  const placed = new Map<string, PlacedField>();
  for (const property of Object.values(fields)) {
    placed.set(property.code, { property });
    if (property.type !== "SUBTABLE") continue;
    for (const inner of Object.values(innerFields(property))) {
      placed.set(inner.code, { property: inner, table: property.code });
    }
  }
  return placed;
}

export function innerFields(table: FieldProperty): Record<string, FieldProperty> {
  return (table.fields ?? {}) as Record<string, FieldProperty>;
}

function isCalculated(property: FieldProperty): boolean {
  return (
    property.type === "CALC" ||
    (property.type === "SINGLE_LINE_TEXT" &&
      typeof property.expression === "string" &&
      property.expression.trim() !== "")
  );
}

/** Types a formula may name (kintone help, "fields that can be used in formulas"). */
const REFERABLE = new Set([
  "NUMBER",
  "CALC",
  "SINGLE_LINE_TEXT",
  "DROP_DOWN",
  "RADIO_BUTTON",
  "CHECK_BOX",
  "MULTI_SELECT",
  "DATE",
  "TIME",
  "DATETIME",
  "CREATED_TIME",
  "UPDATED_TIME",
  "CREATOR",
  "MODIFIER",
]);

export const CALC_FORMATS = [
  "NUMBER",
  "NUMBER_DIGIT",
  "DATETIME",
  "DATE",
  "TIME",
  "HOUR_MINUTE",
  "DAY_HOUR_MINUTE",
];

interface Formula {
  code: string;
  placed: PlacedField;
  tree: FormulaNode;
}

/**
 * The app's formulas in evaluation order. Throws FormulaError (with the field's label) for what
 * kintone refuses on deploy: bad syntax, unknown functions or fields, fields a formula may not
 * name, circular references.
 */
export function formulasInOrder(fields: FieldSchema): Formula[] {
  const placed = placedFields(fields);
  const formulas = new Map<string, Formula>();
  for (const [code, where] of placed) {
    if (!isCalculated(where.property)) continue;
    const label = String(where.property.label ?? code);
    try {
      const tree = parseFormula(String(where.property.expression ?? ""));
      for (const name of referencedCodes(tree)) {
        const target = placed.get(name);
        if (!target) {
          throw new FormulaError({
            ja: `計算式に含まれるフィールドコード（${name}）が存在しません。`,
            en: `The field code (${name}) in the formula does not exist.`,
          });
        }
        if (!REFERABLE.has(target.property.type)) {
          throw new FormulaError({
            ja: `計算式で利用できないフィールドタイプ(${target.property.type})が指定されています。`,
            en: `A field of a type formulas cannot use (${target.property.type}) is specified.`,
          });
        }
      }
      formulas.set(code, { code, placed: where, tree });
    } catch (error) {
      if (error instanceof FormulaError) throw labelled(label, error);
      throw error;
    }
  }
  const ordered: Formula[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (formula: Formula) => {
    if (state.get(formula.code) === "done") return;
    if (state.get(formula.code) === "visiting") {
      throw labelled(
        String(formula.placed.property.label ?? formula.code),
        new FormulaError({
          ja: "フィールドの参照が循環しています。",
          en: "The field references are circular.",
        }),
      );
    }
    state.set(formula.code, "visiting");
    for (const name of referencedCodes(formula.tree)) {
      const dependency = formulas.get(name);
      if (dependency) visit(dependency);
    }
    state.set(formula.code, "done");
    ordered.push(formula);
  };
  for (const formula of formulas.values()) visit(formula);
  return ordered;
}

function labelled(label: string, error: FormulaError): FormulaError {
  return new FormulaError({
    ja: `フィールド「${label}」の計算式が正しくありません。(エラーの内容：${error.reason.ja})`,
    en: `The formula of the field "${label}" is incorrect. (${error.reason.en})`,
  });
}

/**
 * Computes every calculated field of `record` in place. Returns the screen markers of the
 * fields that failed (`code` or `table[row].code`), which the REST API shows as "".
 */
export function computeRecord(
  fields: FieldSchema,
  record: Record<string, StoredCell>,
): Map<string, CalcMarker> {
  let formulas: Formula[];
  try {
    formulas = formulasInOrder(fields);
  } catch {
    return new Map(); // a deployed app's formulas were checked on deploy
  }
  const placed = placedFields(fields);
  const markers = new Map<string, CalcMarker>();
  const rowsOf = (table: string): StoredRow[] => {
    const value = record[table]?.value;
    return Array.isArray(value) ? (value as StoredRow[]) : [];
  };
  for (const formula of formulas) {
    const { property, table } = formula.placed;
    if (table) {
      rowsOf(table).forEach((row, i) => {
        const lookup = (code: string): CalcValue => {
          const where = placed.get(code);
          if (where?.table === table) return formulaValue(where.property, row.value[code]?.value);
          return lookupTop(code);
        };
        const result = run(formula, lookup);
        row.value[formula.code] = { type: property.type, value: result.text };
        if (result.marker) markers.set(`${table}[${i}].${formula.code}`, result.marker);
      });
      continue;
    }
    const result = run(formula, lookupTop);
    record[formula.code] = { type: property.type, value: result.text };
    if (result.marker) markers.set(formula.code, result.marker);
  }
  return markers;

  function lookupTop(code: string): CalcValue {
    const where = placed.get(code);
    if (!where) return null;
    if (where.table) {
      return rowsOf(where.table).map((row) => formulaValue(where.property, row.value[code]?.value));
    }
    return formulaValue(where.property, record[code]?.value);
  }
}

function run(
  formula: Formula,
  lookup: (code: string) => CalcValue,
): { text: string; marker?: CalcMarker } {
  try {
    return { text: output(formula.placed.property, evaluateFormula(formula.tree, lookup)) };
  } catch (error) {
    if (error instanceof CalcFailure) return { text: "", marker: error.marker };
    throw error;
  }
}

/** A stored value as a formula sees it. */
function formulaValue(property: FieldProperty, value: unknown): CalcValue {
  if (value === null || value === undefined) return null;
  switch (property.type) {
    case "NUMBER":
      return value === "" ? null : Number(value);
    case "CALC":
      return value === "" ? null : calcInput(String(property.format ?? "NUMBER"), String(value));
    case "CHECK_BOX":
    case "MULTI_SELECT":
      return Array.isArray(value) ? value.map(String) : [];
    case "DATE":
      return value === "" ? null : Date.parse(`${String(value)}T00:00:00Z`) / 1000;
    case "DATETIME":
    case "CREATED_TIME":
    case "UPDATED_TIME":
      return value === "" ? null : Date.parse(String(value)) / 1000;
    case "TIME": {
      const [h, m] = String(value).split(":").map(Number);
      return value === "" ? null : (h ?? 0) * 3600 + (m ?? 0) * 60;
    }
    case "CREATOR":
    case "MODIFIER":
      return String((value as { code?: unknown }).code ?? "");
    default:
      return String(value);
  }
}

/** A CALC's stored text read back as the number it came from. */
function calcInput(format: string, text: string): CalcValue {
  switch (format) {
    case "DATE":
      return Date.parse(`${text}T00:00:00Z`) / 1000;
    case "DATETIME":
      return Date.parse(text) / 1000;
    case "TIME":
    case "HOUR_MINUTE":
    case "DAY_HOUR_MINUTE": {
      const negative = text.startsWith("-");
      const [h, m] = text.replace("-", "").split(":").map(Number);
      const seconds = (h ?? 0) * 3600 + (m ?? 0) * 60;
      return negative ? -seconds : seconds;
    }
    default:
      return Number(text);
  }
}

/** The stored text of a result, by the field's type and display format. */
function output(property: FieldProperty, value: CalcValue): string {
  if (Array.isArray(value)) throw new CalcFailure("#VALUE!");
  if (property.type === "SINGLE_LINE_TEXT") {
    if (value === null) return "";
    if (typeof value === "number") return numberText(value);
    if (typeof value === "boolean") return value ? "1" : "0";
    return value;
  }
  if (value === null) return "";
  if (typeof value === "string") throw new CalcFailure("#CONVERT!");
  const n = Number(value); // true → 1, false → 0
  if (!Number.isFinite(n)) throw new CalcFailure("#ERROR!");
  switch (String(property.format ?? "NUMBER")) {
    case "DATETIME":
      return `${new Date(Math.floor(n) * 1000).toISOString().slice(0, 19)}Z`;
    case "DATE":
      return new Date(Math.floor(n) * 1000).toISOString().slice(0, 10);
    case "TIME": {
      const seconds = ((Math.floor(n) % 86400) + 86400) % 86400;
      return clock(seconds);
    }
    case "HOUR_MINUTE":
    case "DAY_HOUR_MINUTE":
      return (n < 0 ? "-" : "") + clock(Math.abs(Math.floor(n)));
    default:
      return numberText(n);
  }
}

function clock(seconds: number): string {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  return `${String(hours).padStart(2, "0")}:${String(minutes).padStart(2, "0")}`;
}
