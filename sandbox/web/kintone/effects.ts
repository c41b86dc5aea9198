import { SYSTEM_TYPES } from "../fields/types";
import type { DispatchOutcome } from "./events";

/** One field of a record as the JS API shows it: `{type, value}` plus what handlers may set. */
export interface EventField {
  type: string;
  value: unknown;
  error?: string | null;
  disabled?: boolean;
}
export type EventRecord = Record<string, EventField>;

/** Field types whose value a handler may not overwrite (kintone's event-object-actions page). */
const READ_ONLY_TYPES = new Set([...SYSTEM_TYPES, "FILE"]);

export function isWritableType(type: string): boolean {
  return !READ_ONLY_TYPES.has(type);
}

/** A deep copy for an event object, so that handlers change the screen only through what they return. */
export function cloneRecord(record: EventRecord): EventRecord {
  return structuredClone(record);
}

/** The values of `changed` that a handler may set, laid over `original` (unknown codes are ignored). */
export function applyWritableValues(original: EventRecord, changed: unknown): EventRecord {
  const result = cloneRecord(original);
  if (!isRecord(changed)) return result;
  for (const [code, field] of Object.entries(result)) {
    const next = changed[code];
    if (!isRecord(next) || !("value" in next) || !isWritableType(field.type)) continue;
    field.value = structuredClone(next.value);
  }
  return result;
}

/** `{code: message}` of every field whose `.error` a handler set to a non-empty text. */
export function fieldErrorsOf(record: unknown): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!isRecord(record)) return errors;
  for (const [code, field] of Object.entries(record)) {
    if (isRecord(field) && typeof field.error === "string" && field.error !== "") {
      errors[code] = field.error;
    }
    if (isRecord(field) && field.type === "SUBTABLE" && Array.isArray(field.value)) {
      field.value.forEach((row: unknown, index: number) => {
        if (!isRecord(row)) return;
        for (const [inner, message] of Object.entries(fieldErrorsOf(row.value))) {
          errors[`${code}[${index}].${inner}`] = message;
        }
      });
    }
  }
  return errors;
}

/** Codes whose `disabled` a handler set, with the value it set. */
export function disabledFlagsOf(record: unknown): Record<string, boolean> {
  const flags: Record<string, boolean> = {};
  if (!isRecord(record)) return flags;
  for (const [code, field] of Object.entries(record)) {
    if (isRecord(field) && typeof field.disabled === "boolean") flags[code] = field.disabled;
  }
  return flags;
}

/** What a save-type event (submit, inline-edit submit, process action) tells the screen to do. */
export type SaveDecision =
  | { save: false; recordError?: string; fieldErrors: Record<string, string> }
  /** `record` is what to save; `changed` is false when no handler returned an event. */
  | { save: true; record: EventRecord; changed: boolean };

export function decideSave(original: EventRecord, outcome: DispatchOutcome): SaveDecision {
  if (outcome.cancelled) return { save: false, fieldErrors: {} };
  const returned = outcome.returned;
  if (!returned) return { save: true, record: cloneRecord(original), changed: false };
  const fieldErrors = fieldErrorsOf(returned.record);
  const recordError =
    typeof returned.error === "string" && returned.error !== "" ? returned.error : undefined;
  if (recordError !== undefined || Object.keys(fieldErrors).length > 0) {
    return { save: false, fieldErrors, ...(recordError !== undefined ? { recordError } : {}) };
  }
  return { save: true, record: applyWritableValues(original, returned.record), changed: true };
}

/** What a form's `*.show` event changes on screen: values, enabled state and field errors. */
export interface ShowChanges {
  record: EventRecord;
  disabled: Record<string, boolean>;
  fieldErrors: Record<string, string>;
}

export function decideShow(original: EventRecord, outcome: DispatchOutcome): ShowChanges {
  const returned = outcome.cancelled ? undefined : outcome.returned;
  if (!returned) return { record: cloneRecord(original), disabled: {}, fieldErrors: {} };
  return {
    record: applyWritableValues(original, returned.record),
    disabled: disabledFlagsOf(returned.record),
    fieldErrors: fieldErrorsOf(returned.record),
  };
}

/** The page a `*.submit.success` handler asked to go to, if any. */
export function redirectOf(outcome: DispatchOutcome): string | undefined {
  if (outcome.cancelled || !outcome.returned) return undefined;
  const url = outcome.returned.url;
  return typeof url === "string" && url !== "" ? url : undefined;
}

function isRecord(value: unknown): value is Record<string, any> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
