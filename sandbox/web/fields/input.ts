import { clear, h } from "../dom";
import { fieldValueNode } from "./display";
import { fromWallClock, todayText, wallClockText } from "./timeZone";
import { subtableControl } from "./subtable";
import { type FieldProperty, isCalculatedText, optionLabels, SYSTEM_TYPES } from "./types";

/** One editable field on a form: its element and the calls the page makes on it. */
export interface FieldControl {
  element: HTMLElement;
  setValue(value: unknown): void;
  setDisabled(disabled: boolean): void;
}

/** UTC ISO (`…Z`) → `YYYY-MM-DDTHH:mm` in the user's zone for a datetime-local input. */
function toLocalInput(value: unknown): string {
  if (typeof value !== "string" || value === "") return "";
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? "" : wallClockText(date, "T");
}

function fromLocalInput(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!match) return "";
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  return fromWallClock({ year, month, day, hour, minute })
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z");
}

function textControl(
  property: FieldProperty,
  onChange: (value: unknown) => void,
  kind: "text" | "date" | "time" | "datetime" | "multiline",
): FieldControl {
  const input =
    kind === "multiline"
      ? h("textarea", { class: "sb-input sb-textarea", name: property.code, rows: "4" })
      : h("input", {
          class: "sb-input",
          name: property.code,
          type: kind === "datetime" ? "datetime-local" : kind,
          inputmode: property.type === "NUMBER" ? "decimal" : undefined,
        });
  input.addEventListener("input", () =>
    onChange(kind === "datetime" ? fromLocalInput(input.value) : input.value),
  );
  return {
    element: input,
    setValue(value) {
      if (kind === "datetime") input.value = toLocalInput(value);
      else input.value = typeof value === "string" ? value : "";
    },
    setDisabled(disabled) {
      input.disabled = disabled;
    },
  };
}

function choiceControl(
  property: FieldProperty,
  onChange: (value: unknown) => void,
  multiple: boolean,
): FieldControl {
  const group = h("div", { class: "sb-choices", role: multiple ? "group" : "radiogroup" });
  const inputs = optionLabels(property).map((label) => {
    const input = h("input", {
      type: multiple ? "checkbox" : "radio",
      name: property.code,
      value: label,
    });
    input.addEventListener("change", () => {
      if (multiple) onChange(inputs.filter((each) => each.checked).map((each) => each.value));
      else if (input.checked) onChange(label);
    });
    group.appendChild(h("label", { class: "sb-choice" }, input, label));
    return input;
  });
  return {
    element: group,
    setValue(value) {
      const chosen = Array.isArray(value) ? value.map(String) : [String(value ?? "")];
      for (const input of inputs) input.checked = chosen.includes(input.value);
    },
    setDisabled(disabled) {
      for (const input of inputs) input.disabled = disabled;
    },
  };
}

function dropDownControl(
  property: FieldProperty,
  onChange: (value: unknown) => void,
): FieldControl {
  const select = h(
    "select",
    { class: "sb-input sb-select", name: property.code },
    h("option", { value: "" }, "-----"),
    ...optionLabels(property).map((label) => h("option", { value: label }, label)),
  );
  select.addEventListener("change", () => onChange(select.value));
  return {
    element: select,
    setValue(value) {
      select.value = typeof value === "string" ? value : "";
    },
    setDisabled(disabled) {
      select.disabled = disabled;
    },
  };
}

/** Shows a value it cannot edit (system fields, files, tables, user pickers). */
function readOnlyControl(property: FieldProperty): FieldControl {
  const box = h("div", { class: "sb-readonly" });
  return {
    element: box,
    setValue(value) {
      clear(box);
      box.appendChild(fieldValueNode(property.type, value, property));
    },
    setDisabled() {
      // a read-only value has nothing to enable or disable
    },
  };
}

export function createFieldControl(
  property: FieldProperty,
  onChange: (value: unknown) => void,
): FieldControl {
  if (SYSTEM_TYPES.has(property.type) || isCalculatedText(property)) {
    return readOnlyControl(property);
  }
  switch (property.type) {
    case "SUBTABLE":
      return subtableControl(property, onChange, createFieldControl);
    case "SINGLE_LINE_TEXT":
    case "NUMBER":
    case "LINK":
      return textControl(property, onChange, "text");
    case "MULTI_LINE_TEXT":
    case "RICH_TEXT":
      return textControl(property, onChange, "multiline");
    case "DATE":
      return textControl(property, onChange, "date");
    case "TIME":
      return textControl(property, onChange, "time");
    case "DATETIME":
      return textControl(property, onChange, "datetime");
    case "RADIO_BUTTON":
      return choiceControl(property, onChange, false);
    case "CHECK_BOX":
    case "MULTI_SELECT":
      return choiceControl(property, onChange, true);
    case "DROP_DOWN":
      return dropDownControl(property, onChange);
    default:
      return readOnlyControl(property);
  }
}

/** The value a new record starts with: the field's default, or now/today when so configured. */
export function initialValue(property: FieldProperty): unknown {
  const now = new Date();
  switch (property.type) {
    case "CHECK_BOX":
    case "MULTI_SELECT":
      return Array.isArray(property.defaultValue) ? [...property.defaultValue] : [];
    case "DATETIME":
      return property.defaultNowValue
        ? now.toISOString().replace(/\.\d{3}Z$/, "Z")
        : String(property.defaultValue ?? "");
    case "DATE":
      return property.defaultNowValue ? todayText() : String(property.defaultValue ?? "");
    case "FILE":
    case "USER_SELECT":
    case "ORGANIZATION_SELECT":
    case "GROUP_SELECT":
    case "SUBTABLE":
      return [];
    default:
      return typeof property.defaultValue === "string" ? property.defaultValue : "";
  }
}
