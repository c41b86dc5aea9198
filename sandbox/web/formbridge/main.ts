/**
 * The sandbox's FormBridge page: the `formBridge` global of FormBridge's JavaScript customize API
 * (events and their contexts as FormBridge's typings list them, `formBridge.fn`), the answer,
 * confirmation, finish and error screens, and field errors under their fields. Where FormBridge's
 * behaviour is not documented, this page takes the reading that is hardest on a customization
 * (sandbox/FIDELITY.md, "FormBridge (public form)").
 */
import { answerScreen, confirmScreen, type FieldView, messageScreen } from "./screens";
import { contextFor, isKnownEvent, type FormRecord, type Handler } from "./events";

interface FormField {
  code: string;
  type: string;
  label: string;
  required: boolean;
  options: string[];
  defaultValue: unknown;
}

interface Bootstrap {
  code: string;
  fields: FormField[];
  confirmScreen: boolean;
  fnSetFieldValueError: boolean;
}

type Screen = "answer" | "confirm" | "finish" | "error";

const bootstrap = JSON.parse(
  document.getElementById("formbridge-bootstrap")?.textContent ?? "{}",
) as Bootstrap;
const root = document.getElementById("formbridge-root") as HTMLElement;
const handlers = new Map<string, Handler[]>();
const values = new Map<string, unknown>(
  bootstrap.fields.map((each) => [each.code, structuredClone(each.defaultValue)]),
);
const errors = new Map<string, string>();
let screen: Screen = "answer";
let views = new Map<string, FieldView>();

function formField(code: string): FormField {
  const found = bootstrap.fields.find((each) => each.code === code);
  if (!found) throw new Error(`FormBridge: no field "${code}" on this form`);
  return found;
}

function getRecord(): FormRecord {
  return Object.fromEntries(
    bootstrap.fields.map((each) => [
      each.code,
      { type: each.type, value: structuredClone(values.get(each.code)) },
    ]),
  );
}

function setFieldValue(code: string, value: unknown): void {
  formField(code);
  values.set(code, structuredClone(value));
  views.get(code)?.show(value);
}

function setFieldValueError(code: string, message: string | null): void {
  formField(code);
  if (message === null) errors.delete(code);
  else errors.set(code, String(message));
  views.get(code)?.showError(message === null ? null : String(message));
}

function noSubtables(): never {
  throw new Error("FormBridge: this form has no table fields");
}

/** Runs one handler; true when it called preventDefault while it ran. */
function run(handler: Handler, name: string, extra: Record<string, unknown>): boolean {
  let running = true;
  let prevented = false;
  const context = contextFor(name, {
    getRecord,
    setFieldValue,
    setSubtableFieldValue: noSubtables,
    setFieldValueError,
    setSubtableFieldValueError: noSubtables,
    preventDefault: () => {
      // FormBridge types a handler as returning void: a returned promise is not awaited, and
      // preventDefault counts only while the handler runs.
      if (running) prevented = true;
      else console.warn("FormBridge: preventDefault after the handler returned is ignored");
    },
    extra,
  });
  try {
    handler(context);
  } catch (error) {
    // An exception does not cancel: the screen goes on unless preventDefault ran before it.
    console.error("FormBridge customize handler failed:", error);
  }
  running = false;
  return prevented;
}

/** Runs the handlers of one event in the order they were added; true when none cancelled. */
function fire(name: string, extra: Record<string, unknown> = {}): boolean {
  let prevented = false;
  for (const handler of handlers.get(name) ?? [])
    prevented = run(handler, name, extra) || prevented;
  return !prevented;
}

function show(next: Screen, message?: string): void {
  screen = next;
  root.replaceChildren();
  views = new Map();
  if (next === "answer") {
    const rendered = answerScreen(root, bootstrap.fields, {
      value: (code) => values.get(code),
      error: (code) => errors.get(code) ?? null,
      onChange: changeField,
      button: bootstrap.confirmScreen ? "確認画面へ" : "回答する",
      onButton: bootstrap.confirmScreen ? toConfirm : submitFromAnswer,
    });
    views = rendered;
    fire("form.show");
  } else if (next === "confirm") {
    confirmScreen(root, bootstrap.fields, (code) => values.get(code), {
      back: () => show("answer"),
      submit: submitFromConfirm,
    });
    fire("confirm.show");
  } else if (next === "finish") {
    messageScreen(root, "fb-finish", "回答を受け付けました。");
    fire("finish.show");
  } else {
    messageScreen(root, "fb-error-screen", message ?? "送信に失敗しました。");
    fire("error.show");
  }
}

function changeField(code: string, value: unknown): void {
  const before = values.get(code);
  // formBridge.fn.getRecord gives the value before the change inside these handlers.
  const allowed = fire(`form.field.change.${code}`, { value: structuredClone(value) });
  if (allowed) values.set(code, value);
  else views.get(code)?.show(before);
}

function toConfirm(): void {
  if (fire("form.confirm")) show("confirm");
}

async function send(submittedEvent: string): Promise<void> {
  const response = await fetch(`/formbridge/public/${encodeURIComponent(bootstrap.code)}/answers`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ record: getRecord() }),
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { message?: string };
    show("error", `送信に失敗しました。${body.message ?? ""}`);
    return;
  }
  if (fire(submittedEvent)) show("finish");
}

function failed(): void {
  show("error", "送信に失敗しました。");
}

function submitFromAnswer(): void {
  if (fire("form.submit")) send("form.submitted").catch(failed);
}

function submitFromConfirm(): void {
  if (fire("confirm.submit")) send("confirm.submitted").catch(failed);
}

function emitSubmit(): void {
  if (screen === "answer") (bootstrap.confirmScreen ? toConfirm : submitFromAnswer)();
  else if (screen === "confirm") submitFromConfirm();
  else throw new Error("FormBridge: emitSubmit is not available on this screen");
}

const fn: Record<string, unknown> = {
  getRecord,
  getFieldSettings: () => {
    if (screen !== "answer")
      throw new Error("FormBridge: getFieldSettings on the answer screen only");
    return bootstrap.fields.map((each) => ({
      code: each.code,
      label: each.label,
      isRequired: each.required,
      options: [...each.options],
      defaultValue: structuredClone(each.defaultValue),
    }));
  },
  updateFieldSetting: (code: string, name: string, value: unknown) => {
    if (name !== "options" || !Array.isArray(value)) {
      throw new Error("FormBridge: only the options of a field can be updated");
    }
    formField(code).options = value.map(String);
    if (screen === "answer") show("answer");
  },
  updateFieldInSubtableSetting: noSubtables,
  emitSubmit,
};
if (bootstrap.fnSetFieldValueError) fn.setFieldValueError = setFieldValueError;

Object.defineProperty(window, "formBridge", {
  value: Object.freeze({
    events: Object.freeze({
      on(name: string, callback: Handler) {
        // FormBridge's typings accept only its event names; a misspelt name never fires there,
        // so the sandbox refuses it outright.
        if (!isKnownEvent(name)) throw new Error(`FormBridge: unknown event "${name}"`);
        handlers.set(name, [...(handlers.get(name) ?? []), callback]);
      },
    }),
    fn: Object.freeze(fn),
    emitSubmit,
  }),
});

// The customization file is loaded after this runtime; the form appears once it has run.
document.addEventListener("DOMContentLoaded", () => {
  show("answer");
  document.body.dataset.formbridgeReady = "true";
});
