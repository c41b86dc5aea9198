/**
 * The FormBridge (public form) side of the eligibility rules. FormBridge writes through the REST
 * API, so no kintone event fires for its records; this script checks the answer in the form.
 *
 * FormBridge's customize API (its typings, formbridge-javascript-customize.d.ts) gives:
 * - `form.field.change.<code>`: a context with `value` and `setFieldValueError` — the one
 *   documented way to put a message under a field, used here as the applicant types;
 * - `form.confirm` / `form.submit` / `confirm.submit`: `getRecord` (deprecated),
 *   `setFieldValue`, `setSubtableFieldValue`, `preventDefault` — no error setter. So a bad
 *   answer is stopped with `preventDefault` and its messages shown with
 *   `formBridge.fn.setFieldValueError` when the form has it (seen in public scripts, absent from
 *   the typings), otherwise in one alert that names each field.
 * Handlers are synchronous: FormBridge types them as returning void.
 *
 * It has no kintone session, so it uses the program settings baked in at build time.
 */
import { applicationFromRecord, type KintoneRecordLike } from "../core/application";
import { screenApplication } from "../core/eligibility";
import type { Violation } from "../core/eligibility/types";
import type { Lang } from "../core/i18n";
import type { ProgramSettings } from "../core/settings/programSettings";
import { APPLICATION_FIELD_LABELS, type ApplicationField } from "../core/vocabulary";
import { APPLICANT_FORM_FIELDS } from "./formFields";

/** `formBridge.fn.getRecord()`: `{code: {type, value}}` of the fields on the form. */
export type FormRecord = Record<string, { type?: string; value: unknown }>;

/** The context of `form.confirm`, `form.submit` and `confirm.submit` (no error setter). */
export interface SubmitContext {
  preventDefault(): void;
}

/** The context of `form.field.change.<code>`. */
export interface FieldChangeContext {
  value: unknown;
  setFieldValueError(fieldCode: string, errorMessage: string | null): void;
}

export interface FormBridgeApi {
  events: {
    on(name: string, handler: (context: never) => void): void;
  };
  fn: {
    getRecord(): FormRecord;
    /** Unverified: not in FormBridge's typings; used only when present. */
    setFieldValueError?: (fieldCode: string, errorMessage: string | null) => void;
  };
}

export interface FormBridgeOptions {
  settings: ProgramSettings;
  lang: Lang;
  /** Shows messages that no field can carry (the window, or every message when needed). */
  alert: (message: string) => void;
  now?: () => Date;
}

export const SUBMIT_EVENTS = ["form.confirm", "form.submit", "confirm.submit"] as const;

/**
 * How far the applicant's clock may be off before the form says the window is not open. The
 * receipt time that counts is kintone's created time (spec v2 §2.1), judged at screening; the
 * form only spares an applicant a submission that is clearly early or late.
 */
export const CLOCK_TOLERANCE_MS = 10 * 60_000;

const WINDOW_RULES: ReadonlySet<string> = new Set([
  "APPLIED_BEFORE_WINDOW",
  "APPLIED_AFTER_WINDOW",
]);

function clearlyOutsideWindow(now: number, settings: ProgramSettings): boolean {
  const opens = Date.parse(settings.window.opensAt);
  const closes = Date.parse(settings.window.closesAt);
  return now < opens - CLOCK_TOLERANCE_MS || now > closes + CLOCK_TOLERANCE_MS;
}

/**
 * The rules the public form blocks on: every per-application error the applicant can fix (the
 * duplicate rules need the other applications and wait for screening), and the window only when
 * the applicant's clock is clearly outside it.
 */
function errorsOf(record: FormRecord, options: FormBridgeOptions): Violation[] {
  const now = options.now?.() ?? new Date();
  const { violations } = screenApplication(
    applicationFromRecord(record as KintoneRecordLike),
    options.settings,
    { lang: options.lang, now },
  );
  const windowDecides = clearlyOutsideWindow(now.getTime(), options.settings);
  return violations.filter(
    (violation) =>
      violation.severity === "error" && (windowDecides || !WINDOW_RULES.has(violation.rule)),
  );
}

function messagesByField(violations: Violation[]): Map<string, string> {
  const byField = new Map<string, string[]>();
  for (const violation of violations) {
    byField.set(violation.field, [...(byField.get(violation.field) ?? []), violation.message]);
  }
  return new Map([...byField].map(([code, messages]) => [code, messages.join("\n")]));
}

function labelOf(code: string, lang: Lang): string {
  return APPLICATION_FIELD_LABELS[code as ApplicationField]?.[lang] ?? code;
}

/** Puts each message under its field with `fn.setFieldValueError`; false when that is not possible. */
function showUnderFields(
  fb: FormBridgeApi,
  record: FormRecord,
  messages: Map<string, string>,
): boolean {
  const setError = fb.fn.setFieldValueError;
  if (typeof setError !== "function") return false;
  try {
    for (const code of Object.keys(record)) setError(code, messages.get(code) ?? null);
    return true;
  } catch {
    return false;
  }
}

/**
 * Checks the answer on a confirm/submit event. Returns true when it may go on; otherwise calls
 * `preventDefault` and shows every message.
 */
export function checkSubmission(
  fb: FormBridgeApi,
  context: SubmitContext,
  options: FormBridgeOptions,
): boolean {
  const record = fb.fn.getRecord();
  const errors = errorsOf(record, options);
  const onForm = messagesByField(errors.filter((v) => record[v.field] !== undefined));
  const elsewhere = errors.filter((v) => record[v.field] === undefined).map((v) => v.message);
  if (errors.length === 0) {
    showUnderFields(fb, record, onForm);
    return true;
  }
  context.preventDefault();
  const alertLines = [...elsewhere];
  if (!showUnderFields(fb, record, onForm)) {
    for (const [code, message] of onForm)
      alertLines.push(`${labelOf(code, options.lang)}: ${message}`);
  }
  if (alertLines.length > 0) options.alert(alertLines.join("\n"));
  return false;
}

/** On a field's change: that field's messages under it (or none), from the answer with the new value. */
export function checkFieldChange(
  fb: FormBridgeApi,
  code: string,
  context: FieldChangeContext,
  options: FormBridgeOptions,
): void {
  const record = { ...fb.fn.getRecord() };
  record[code] = { ...record[code], value: context.value };
  const messages = messagesByField(errorsOf(record, options).filter((v) => v.field === code));
  context.setFieldValueError(code, messages.get(code) ?? null);
}

export function registerFormBridge(fb: FormBridgeApi, options: FormBridgeOptions): void {
  for (const code of APPLICANT_FORM_FIELDS) {
    fb.events.on(`form.field.change.${code}`, (context: FieldChangeContext) =>
      checkFieldChange(fb, code, context, options),
    );
  }
  for (const name of SUBMIT_EVENTS) {
    fb.events.on(name, (context: SubmitContext) => {
      checkSubmission(fb, context, options);
    });
  }
}
