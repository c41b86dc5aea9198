/** The screens of the sandbox's FormBridge page. Every value and message reaches the DOM as text. */

export interface ScreenField {
  code: string;
  type: string;
  label: string;
  required: boolean;
  options: string[];
}

/** One field on the answer screen: shows a value set by a script, and its error message. */
export interface FieldView {
  show(value: unknown): void;
  showError(message: string | null): void;
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function button(label: string, className: string, onClick: () => void): HTMLButtonElement {
  const node = element("button", className, label);
  node.type = "button";
  node.addEventListener("click", onClick);
  return node;
}

function asText(value: unknown): string {
  return typeof value === "string" || typeof value === "number" ? String(value) : "";
}

function choices(
  field: ScreenField,
  kind: "radio" | "checkbox",
  onChange: (value: unknown) => void,
): { node: HTMLElement; show: (value: unknown) => void } {
  const node = element("div", "fb-choices");
  const boxes = field.options.map((option) => {
    const label = element("label", "fb-choice");
    const box = element("input", "fb-choice-input");
    box.type = kind;
    box.name = field.code;
    box.value = option;
    label.append(box, document.createTextNode(option));
    node.append(label);
    return box;
  });
  const current = () =>
    kind === "radio"
      ? (boxes.find((box) => box.checked)?.value ?? "")
      : boxes.filter((box) => box.checked).map((box) => box.value);
  for (const box of boxes) box.addEventListener("change", () => onChange(current()));
  const show = (value: unknown) => {
    const selected = Array.isArray(value) ? value.map(String) : [asText(value)];
    for (const box of boxes) box.checked = selected.includes(box.value);
  };
  return { node, show };
}

function control(
  field: ScreenField,
  onChange: (value: unknown) => void,
): { node: HTMLElement; show: (value: unknown) => void } {
  if (field.type === "RADIO_BUTTON") return choices(field, "radio", onChange);
  if (field.type === "CHECK_BOX" || field.type === "MULTI_SELECT") {
    return choices(field, "checkbox", onChange);
  }
  if (field.type === "DROP_DOWN") {
    const select = element("select", "fb-input");
    select.name = field.code;
    for (const option of ["", ...field.options]) {
      const item = element("option", "", option === "" ? "-----" : option);
      item.value = option;
      select.append(item);
    }
    select.addEventListener("change", () => onChange(select.value));
    return { node: select, show: (value) => (select.value = asText(value)) };
  }
  const input =
    field.type === "MULTI_LINE_TEXT"
      ? element("textarea", "fb-input")
      : element("input", "fb-input");
  input.name = field.code;
  if (input instanceof HTMLInputElement) input.type = field.type === "DATE" ? "date" : "text";
  input.addEventListener("change", () => onChange(input.value));
  return { node: input, show: (value) => (input.value = asText(value)) };
}

export function answerScreen(
  root: HTMLElement,
  fields: ScreenField[],
  options: {
    value: (code: string) => unknown;
    error: (code: string) => string | null;
    onChange: (code: string, value: unknown) => void;
    button: string;
    onButton: () => void;
  },
): Map<string, FieldView> {
  const form = element("form", "fb-form");
  form.addEventListener("submit", (event) => event.preventDefault());
  const views = new Map<string, FieldView>();
  for (const field of fields) {
    const row = element("div", "fb-field");
    row.dataset.fieldCode = field.code;
    const label = element("div", "fb-label", field.label);
    if (field.required) label.append(element("span", "fb-required", " *"));
    const { node, show } = control(field, (value) => options.onChange(field.code, value));
    const error = element("div", "fb-field-error");
    error.setAttribute("role", "alert");
    const showError = (message: string | null) => {
      error.textContent = message ?? "";
      error.hidden = message === null;
      row.classList.toggle("fb-has-error", message !== null);
    };
    show(options.value(field.code));
    showError(options.error(field.code));
    row.append(label, node, error);
    form.append(row);
    views.set(field.code, { show, showError });
  }
  form.append(button(options.button, "fb-button fb-primary", options.onButton));
  root.append(form);
  return views;
}

export function confirmScreen(
  root: HTMLElement,
  fields: ScreenField[],
  value: (code: string) => unknown,
  actions: { back: () => void; submit: () => void },
): void {
  const screen = element("div", "fb-confirm-screen");
  const list = element("dl", "fb-confirm-list");
  for (const field of fields) {
    const current = value(field.code);
    list.append(
      element("dt", "", field.label),
      element("dd", "", Array.isArray(current) ? current.join("、") : asText(current)),
    );
  }
  screen.append(
    list,
    button("戻る", "fb-button fb-back", actions.back),
    button("回答する", "fb-button fb-primary", actions.submit),
  );
  root.append(screen);
}

export function messageScreen(root: HTMLElement, className: string, message: string): void {
  root.append(element("div", className, message));
}
