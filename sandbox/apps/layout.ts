import type { FieldErrorCollector } from "../http/errors";
import type { FieldMap, FieldProperty } from "./fields";

export interface LayoutElement {
  type: string;
  code?: string;
  label?: string;
  elementId?: string;
  size?: Record<string, string>;
}

export interface LayoutRow {
  type: "ROW" | "GROUP" | "SUBTABLE";
  code?: string;
  fields?: LayoutElement[];
  layout?: LayoutRow[];
}

/** Decorations that live only in the layout, not in the field list. */
const DECORATIONS = new Set(["LABEL", "SPACER", "HR"]);
const NOT_PLACEABLE = new Set(["STATUS", "STATUS_ASSIGNEE", "CATEGORY"]);

/** kintone appends a new field to the end of the form in a row of its own. */
export function withFieldAdded(layout: LayoutRow[], field: FieldProperty): LayoutRow[] {
  if (field.type === "SUBTABLE") {
    const inner = Object.values((field.fields ?? {}) as Record<string, FieldProperty>);
    return [
      ...layout,
      {
        type: "SUBTABLE",
        code: field.code,
        fields: inner.map((f) => ({ type: f.type, code: f.code, size: {} })),
      },
    ];
  }
  return [...layout, { type: "ROW", fields: [{ type: field.type, code: field.code, size: {} }] }];
}

export function withFieldRemoved(layout: LayoutRow[], code: string): LayoutRow[] {
  return mapRows(
    layout.filter((row) => !(row.type === "SUBTABLE" && row.code === code)),
    (elements) => elements.filter((e) => e.code !== code),
  ).filter((row) => row.type !== "ROW" || (row.fields ?? []).length > 0);
}

export function withFieldRenamed(layout: LayoutRow[], from: string, to: string): LayoutRow[] {
  return mapRows(
    layout.map((row) =>
      row.type === "SUBTABLE" && row.code === from ? { ...row, code: to } : row,
    ),
    (elements) => elements.map((e) => (e.code === from ? { ...e, code: to } : e)),
  );
}

function mapRows(
  layout: LayoutRow[],
  change: (elements: LayoutElement[]) => LayoutElement[],
): LayoutRow[] {
  return layout.map((row) => ({
    ...row,
    ...(row.fields ? { fields: change(row.fields) } : {}),
    ...(row.layout ? { layout: mapRows(row.layout, change) } : {}),
  }));
}

/** Validates a layout PUT against the preview fields: known codes, matching types, each once. */
export function checkLayout(
  raw: unknown,
  fields: FieldMap,
  errorsOut: FieldErrorCollector,
): LayoutRow[] {
  if (!Array.isArray(raw)) {
    errorsOut.add("layout", { ja: "必須です。", en: "Required field." });
    return [];
  }
  const placed = new Set<string>();
  const checkRows = (rows: unknown[], path: string): LayoutRow[] =>
    rows.map((value, i) => {
      const row = (value ?? {}) as Record<string, unknown>;
      const rowPath = `${path}[${i}]`;
      const type = String(row.type ?? "");
      if (type === "GROUP") {
        return {
          type: "GROUP",
          code: String(row.code ?? ""),
          layout: checkRows(Array.isArray(row.layout) ? row.layout : [], `${rowPath}.layout`),
        };
      }
      if (type !== "ROW" && type !== "SUBTABLE") {
        errorsOut.add(`${rowPath}.type`, {
          ja: "ROW、SUBTABLE、GROUPのいずれかを指定してください。",
          en: "Specify ROW, SUBTABLE or GROUP.",
        });
        return { type: "ROW", fields: [] };
      }
      const elements = Array.isArray(row.fields) ? row.fields : [];
      const code = String(row.code ?? "");
      // A table row places the table's own fields.
      const table = type === "SUBTABLE" ? fields[code] : undefined;
      if (type === "SUBTABLE" && table?.type !== "SUBTABLE") {
        errorsOut.add(`${rowPath}.code`, {
          ja: `フィールド「${code}」が見つかりません。`,
          en: `The field "${code}" is not found.`,
        });
      }
      const scope = (table?.fields ?? fields) as FieldMap;
      return {
        type,
        ...(type === "SUBTABLE" ? { code } : {}),
        fields: elements.map((element, j) =>
          checkElement(element, `${rowPath}.fields[${j}]`, scope, placed, errorsOut),
        ),
      } as LayoutRow;
    });
  return checkRows(raw, "layout");
}

function checkElement(
  value: unknown,
  path: string,
  fields: FieldMap,
  placed: Set<string>,
  errorsOut: FieldErrorCollector,
): LayoutElement {
  const element = (value ?? {}) as Record<string, unknown>;
  const type = String(element.type ?? "");
  const size = sizeOf(element.size);
  if (DECORATIONS.has(type)) {
    return {
      type,
      ...(type === "LABEL" ? { label: String(element.label ?? "") } : {}),
      ...(type === "SPACER" ? { elementId: String(element.elementId ?? "") } : {}),
      size,
    };
  }
  const code = String(element.code ?? "");
  const field = fields[code];
  if (!field || NOT_PLACEABLE.has(field.type)) {
    errorsOut.add(`${path}.code`, {
      ja: `フィールド「${code}」が見つかりません。`,
      en: `The field "${code}" is not found.`,
    });
  } else if (field.type !== type) {
    errorsOut.add(`${path}.type`, {
      ja: `フィールド「${code}」の種類は${field.type}です。`,
      en: `The field "${code}" is of type ${field.type}.`,
    });
  } else if (placed.has(code)) {
    errorsOut.add(`${path}.code`, {
      ja: `フィールド「${code}」がレイアウトに2回以上含まれています。`,
      en: `The field "${code}" appears more than once in the layout.`,
    });
  }
  placed.add(code);
  return { type, code, size };
}

function sizeOf(value: unknown): Record<string, string> {
  if (!value || typeof value !== "object") return {};
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, String(v)]),
  );
}
