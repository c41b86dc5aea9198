/**
 * A subtable on the record screens, as kintone draws it: a table whose columns are the table's
 * fields, one line a row. The detail screen shows the values; the form gives each cell its input
 * (calculated cells stay read-only) with buttons to add a row below and to remove a row.
 */
import { clear, h } from "../dom";
import { t } from "../text";
import { fieldValueNode } from "./display";
import type { FieldProperty } from "./types";

export interface TableRow {
  id?: string;
  value: Record<string, { type?: string; value: unknown }>;
}

function columns(property: FieldProperty): FieldProperty[] {
  return Object.values(property.fields ?? {});
}

function rowsOf(value: unknown): TableRow[] {
  return Array.isArray(value) ? (value as TableRow[]) : [];
}

function header(property: FieldProperty, withActions: boolean): HTMLElement {
  return h(
    "thead",
    {},
    h(
      "tr",
      {},
      ...columns(property).map((c) => h("th", { dataset: { code: c.code } }, c.label)),
      withActions ? h("th", {}) : null,
    ),
  );
}

/** The read-only table of the detail screen. */
export function subtableDisplay(property: FieldProperty, value: unknown): HTMLElement {
  const body = h("tbody", {});
  for (const row of rowsOf(value)) {
    body.appendChild(
      h(
        "tr",
        { dataset: { rowId: row.id ?? "" } },
        ...columns(property).map((c) =>
          h(
            "td",
            { dataset: { code: c.code } },
            fieldValueNode(c.type, row.value[c.code]?.value, c),
          ),
        ),
      ),
    );
  }
  return h("table", { class: "sb-subtable" }, header(property, false), body);
}

/** The editable table of the form. `createCell` makes one cell's control (the form's own inputs). */
export function subtableControl(
  property: FieldProperty,
  onChange: (value: unknown) => void,
  createCell: (
    column: FieldProperty,
    onCell: (value: unknown) => void,
  ) => { element: HTMLElement; setValue(value: unknown): void; setDisabled(d: boolean): void },
): {
  element: HTMLElement;
  setValue(value: unknown): void;
  setDisabled(disabled: boolean): void;
} {
  let rows: TableRow[] = [];
  let disabled = false;
  const body = h("tbody", {});
  const emptyRow = (): TableRow => ({
    value: Object.fromEntries(
      columns(property).map((c) => [c.code, { type: c.type, value: emptyCell(c) }]),
    ),
  });
  const changed = () => onChange(rows.map((row) => ({ ...row, value: { ...row.value } })));
  const draw = () => {
    clear(body);
    rows.forEach((row, index) => {
      const cells = columns(property).map((column) => {
        const control = createCell(column, (next) => {
          row.value[column.code] = { type: column.type, value: next };
          changed();
        });
        control.setValue(row.value[column.code]?.value);
        control.setDisabled(disabled);
        return h("td", { dataset: { code: column.code } }, control.element);
      });
      const add = h("button", { type: "button", class: "sb-row-add", title: t("addRow") }, "+");
      const remove = h(
        "button",
        { type: "button", class: "sb-row-remove", title: t("removeRow") },
        "−",
      );
      add.disabled = disabled;
      remove.disabled = disabled || rows.length === 1;
      add.addEventListener("click", () => {
        rows.splice(index + 1, 0, emptyRow());
        draw();
        changed();
      });
      remove.addEventListener("click", () => {
        rows.splice(index, 1);
        draw();
        changed();
      });
      body.appendChild(h("tr", {}, ...cells, h("td", { class: "sb-row-actions" }, add, remove)));
    });
  };
  return {
    element: h("table", { class: "sb-subtable sb-subtable-edit" }, header(property, true), body),
    setValue(value) {
      rows = rowsOf(value).map((row) => ({ ...row, value: { ...row.value } }));
      // kintone's form always shows at least one (empty) row.
      if (rows.length === 0) rows = [emptyRow()];
      draw();
    },
    setDisabled(next) {
      disabled = next;
      draw();
    },
  };
}

function emptyCell(column: FieldProperty): unknown {
  if (["CHECK_BOX", "MULTI_SELECT", "FILE", "USER_SELECT"].includes(column.type)) {
    return Array.isArray(column.defaultValue) ? [...column.defaultValue] : [];
  }
  if (column.type === "DROP_DOWN") return column.defaultValue ? column.defaultValue : null;
  return typeof column.defaultValue === "string" ? column.defaultValue : "";
}
