/**
 * The FormBridge (public form) side of the eligibility rules. FormBridge writes through the REST
 * API, so no kintone event fires for its records; this script blocks a submission with each rule's
 * message on its field. It has no kintone session, so it uses the program settings baked in at
 * build time (the defaults of spec §1).
 */
import { applicationFromRecord, type KintoneRecordLike } from "../core/application";
import { screenApplication } from "../core/eligibility";
import type { Lang } from "../core/i18n";
import type { ProgramSettings } from "../core/settings/programSettings";

export interface FormBridgeContext {
  getRecord(): KintoneRecordLike;
  setFieldValueError(code: string, message: string | null): void;
  preventDefault(): void;
}

export interface FormBridgeApi {
  events: { on(name: string, handler: (context: FormBridgeContext) => unknown): void };
}

export interface FormBridgeOptions {
  settings: ProgramSettings;
  lang: Lang;
  /** Shows messages for fields that are not on the form (e.g. the application window). */
  alert: (message: string) => void;
  now?: () => Date;
}

/** Returns true when the submission may go on. */
export function checkSubmission(context: FormBridgeContext, options: FormBridgeOptions): boolean {
  const record = context.getRecord();
  const application = applicationFromRecord(record);
  const now = options.now?.() ?? new Date();
  const { violations } = screenApplication(application, options.settings, {
    lang: options.lang,
    now,
  });
  for (const code of Object.keys(record)) {
    context.setFieldValueError(code, null);
  }
  const errors = violations.filter((v) => v.severity === "error");
  if (errors.length === 0) return true;
  const byField = new Map<string, string[]>();
  const elsewhere: string[] = [];
  for (const violation of errors) {
    if (record[violation.field] === undefined) {
      elsewhere.push(violation.message);
      continue;
    }
    byField.set(violation.field, [...(byField.get(violation.field) ?? []), violation.message]);
  }
  for (const [code, messages] of byField) context.setFieldValueError(code, messages.join("\n"));
  if (elsewhere.length > 0) options.alert(elsewhere.join("\n"));
  context.preventDefault();
  return false;
}

export function registerFormBridge(fb: FormBridgeApi, options: FormBridgeOptions): void {
  const handler = (context: FormBridgeContext) => {
    checkSubmission(context, options);
    return context;
  };
  fb.events.on("form.confirm", handler);
  fb.events.on("form.submit", handler);
}
