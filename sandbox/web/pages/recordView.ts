import { append, clear, h } from "../dom";
import { calcMarkers } from "../fields/calcMarkers";
import { fieldValueNode } from "../fields/display";
import { createFieldControl, type FieldControl } from "../fields/input";
import type { FieldProperty, LayoutField, LayoutItem } from "../fields/types";
import type { EventRecord } from "../kintone/effects";
import type { Screen } from "../kintone/screen";
import { screenApi } from "../rest";
import { t } from "../text";
import type { AppData } from "./appData";

export interface FieldCell {
  cell: HTMLElement;
  value: HTMLElement;
  error: HTMLElement;
  control?: FieldControl;
}

export interface RecordView {
  root: HTMLElement;
  cells: Map<string, FieldCell>;
  spaces: Map<string, HTMLElement>;
  groups: Map<string, HTMLDetailsElement>;
  showErrors(errors: Record<string, string>): void;
  setValues(record: EventRecord): void;
}

/** Lays a record out as its app's form does, read-only (`show`) or with inputs (`edit`). */
export function renderRecord(
  data: AppData,
  record: EventRecord,
  mode: "show" | "edit",
  onChange?: (code: string, value: unknown) => void,
): RecordView {
  const cells = new Map<string, FieldCell>();
  const spaces = new Map<string, HTMLElement>();
  const groups = new Map<string, HTMLDetailsElement>();
  const root = h("div", { class: "sb-record" });
  const markers = mode === "show" ? calcMarkers(data.fields, record) : new Map<string, string>();

  const fieldCell = (property: FieldProperty): HTMLElement => {
    const value = h("div", { class: "sb-field-value", dataset: { code: property.code } });
    const error = h("div", { class: "sb-field-error", role: "alert" });
    error.hidden = true;
    const label = h(
      "div",
      { class: "sb-field-label" },
      property.noLabel ? "" : property.label,
      mode === "edit" && property.required ? h("span", { class: "sb-required" }, "*") : null,
    );
    const cell = h(
      "div",
      {
        class: `sb-field sb-field-${property.type.toLowerCase()}`,
        dataset: { fieldCode: property.code },
      },
      label,
      value,
      error,
    );
    let control: FieldControl | undefined;
    if (property.type === "REFERENCE_TABLE") {
      renderRelated(value, property, record);
    } else if (mode === "edit") {
      control = createFieldControl(property, (next) => onChange?.(property.code, next));
      control.setValue(record[property.code]?.value);
      value.appendChild(control.element);
    } else {
      // A formula that failed reads "" over REST; kintone's screen shows its marker (#ERROR! …).
      const marker = record[property.code]?.value === "" ? markers.get(property.code) : undefined;
      value.appendChild(
        marker
          ? h("span", { class: "sb-calc-error" }, marker)
          : fieldValueNode(property.type, record[property.code]?.value, property),
      );
    }
    cells.set(property.code, { cell, value, error, control });
    return cell;
  };

  const layoutField = (field: LayoutField): HTMLElement | null => {
    if (field.type === "SPACER") {
      const space = h("div", { class: "sb-spacer", dataset: { elementId: field.elementId ?? "" } });
      if (field.elementId) spaces.set(field.elementId, space);
      return space;
    }
    if (field.type === "LABEL") return h("div", { class: "sb-label" }, field.label ?? "");
    if (field.type === "HR") return h("hr", { class: "sb-hr" });
    const property = field.code ? data.fields[field.code] : undefined;
    return property ? fieldCell(property) : null;
  };

  const renderItems = (parent: HTMLElement, items: LayoutItem[]) => {
    for (const item of items) {
      if (item.type === "GROUP") {
        const property = data.fields[item.code];
        const body = h("div", { class: "sb-group-body" });
        const group = h(
          "details",
          { class: "sb-group", open: true },
          h("summary", {}, property?.label ?? item.code),
          body,
        );
        groups.set(item.code, group);
        renderItems(body, item.layout);
        parent.appendChild(group);
      } else if (item.type === "SUBTABLE") {
        const property = data.fields[item.code];
        if (property) parent.appendChild(h("div", { class: "sb-row" }, fieldCell(property)));
      } else {
        append(parent, h("div", { class: "sb-row" }, ...item.fields.map(layoutField)));
      }
    }
  };

  if (data.layout.length > 0) renderItems(root, data.layout);
  for (const property of Object.values(data.fields)) {
    if (cells.has(property.code) || property.type === "GROUP") continue;
    if (data.layout.length === 0 || isSystemShown(property.type)) {
      root.appendChild(h("div", { class: "sb-row" }, fieldCell(property)));
    }
  }

  return {
    root,
    cells,
    spaces,
    groups,
    showErrors(errors) {
      for (const [code, cell] of cells) {
        const message = errors[code];
        cell.error.textContent = message ?? "";
        cell.error.hidden = !message;
        cell.cell.classList.toggle("sb-has-error", Boolean(message));
      }
    },
    setValues(next) {
      for (const [code, cell] of cells) {
        const field = next[code];
        if (!field) continue;
        if (cell.control) cell.control.setValue(field.value);
        else if (data.fields[code]?.type !== "REFERENCE_TABLE") {
          clear(cell.value);
          cell.value.appendChild(fieldValueNode(field.type, field.value, data.fields[code]));
        }
      }
    },
  };
}

/** kintone shows these system fields on the detail screen even though the form layout omits them. */
function isSystemShown(type: string): boolean {
  return ["RECORD_NUMBER", "CREATOR", "CREATED_TIME", "MODIFIER", "UPDATED_TIME"].includes(type);
}

function quote(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/** Related records: the other app's records whose condition field equals this record's value. */
function renderRelated(box: HTMLElement, property: FieldProperty, record: EventRecord): void {
  const reference = property.referenceTable;
  if (!reference) return;
  const own = record[reference.condition.field]?.value;
  const ownValue = own === undefined || own === null ? "" : String(own);
  if (ownValue === "") {
    box.appendChild(h("div", { class: "sb-muted" }, t("relatedNone")));
    return;
  }
  const conditions = [`${reference.condition.relatedField} = ${quote(ownValue)}`];
  if (reference.filterCond) conditions.push(`(${reference.filterCond})`);
  const query = `${conditions.join(" and ")}${reference.sort ? ` order by ${reference.sort}` : ""} limit ${Number(reference.size ?? 5)}`;
  const app = reference.relatedApp.app;
  // kintone's screen asks for no related app the user may not view; GET apps lists only the apps
  // the user may view, so asking it is never refused.
  screenApi<{ apps: unknown[] }>("/k/v1/apps", "GET", { ids: [app] })
    .then(({ apps }) => {
      if (apps.length === 0) {
        box.appendChild(h("div", { class: "sb-muted" }, t("relatedNotViewable")));
        return undefined;
      }
      return fetchRelated(box, reference, app, query);
    })
    .catch((error: unknown) => {
      box.appendChild(
        h(
          "div",
          { class: "sb-field-error" },
          error instanceof Error ? error.message : String(error),
        ),
      );
    });
}

function fetchRelated(
  box: HTMLElement,
  reference: NonNullable<FieldProperty["referenceTable"]>,
  app: string | number,
  query: string,
): Promise<void> {
  return Promise.all([
    screenApi<{ records: EventRecord[] }>("/k/v1/records", "GET", { app, query }),
    screenApi<{ properties: Record<string, FieldProperty> }>("/k/v1/app/form/fields", "GET", {
      app,
    }),
  ])
    .then(([answer, fields]) => {
      if (answer.records.length === 0) {
        box.appendChild(h("div", { class: "sb-muted" }, t("relatedNone")));
        return;
      }
      const columns = reference.displayFields;
      // A wide table scrolls inside its own box instead of widening the whole page.
      const scroll = h("div", { class: "sb-related-scroll" });
      box.appendChild(scroll);
      scroll.appendChild(
        h(
          "table",
          { class: "sb-table sb-related" },
          h(
            "thead",
            {},
            h(
              "tr",
              {},
              ...columns.map((code) => h("th", {}, fields.properties[code]?.label ?? code)),
            ),
          ),
          h(
            "tbody",
            {},
            ...answer.records.map((related) =>
              h(
                "tr",
                {},
                ...columns.map((code) =>
                  h(
                    "td",
                    {},
                    fieldValueNode(
                      related[code]?.type ?? "",
                      related[code]?.value,
                      fields.properties[code],
                    ),
                  ),
                ),
              ),
            ),
          ),
        ),
      );
    })
    .catch((error: unknown) => {
      box.appendChild(
        h(
          "div",
          { class: "sb-field-error" },
          error instanceof Error ? error.message : String(error),
        ),
      );
    });
}

/** What a record page (detail, create, edit) lends the `kintone` global about its laid-out fields. */
export function recordViewScreen(
  view: RecordView,
  headerMenu: HTMLElement,
  mobile: boolean,
): Screen {
  return {
    spaceElement: (id) => view.spaces.get(id) ?? null,
    fieldElement: (code) => view.cells.get(code)?.value ?? null,
    // Below the record's title: kintone.app.record.getHeaderMenuSpaceElement on desktop,
    // kintone.mobile.app.getHeaderSpaceElement on mobile (which has no record header menu).
    recordHeaderMenuSpace: () => (mobile ? null : headerMenu),
    headerSpace: () => (mobile ? headerMenu : null),
    setFieldShown: (code, shown) => {
      const cell = view.cells.get(code)?.cell ?? view.groups.get(code);
      if (cell) cell.hidden = !shown;
    },
    setGroupFieldOpen: (code, open) => {
      const group = view.groups.get(code);
      if (group) group.open = open;
    },
  };
}
