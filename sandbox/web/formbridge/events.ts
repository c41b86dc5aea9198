/**
 * FormBridge's customize events and what each handler's context holds, as listed in FormBridge's
 * generated typings `formbridge-javascript-customize.d.ts` (public copy:
 * osaki-shunsuke/formbridge-custom_indexedDB@2b005ff). A context has exactly these members, so
 * a script that calls anything else fails here as it would on FormBridge.
 */
export type FormRecord = Record<string, { type: string; value: unknown }>;
export type Handler = (context: unknown) => void;

type Member =
  | "getRecord"
  | "setFieldValue"
  | "setSubtableFieldValue"
  | "setFieldValueError"
  | "setSubtableFieldValueError"
  | "preventDefault";

const SET_VALUES: Member[] = ["getRecord", "setFieldValue", "setSubtableFieldValue"];
const CANCELLABLE: Member[] = [...SET_VALUES, "preventDefault"];
const FIELD_CHANGE: Member[] = [
  ...SET_VALUES,
  "setFieldValueError",
  "setSubtableFieldValueError",
  "preventDefault",
];

/** Fixed event names and their context members; `error.show` gets no context (null). */
const FIXED_EVENTS: Record<string, Member[] | null> = {
  "form.show": SET_VALUES,
  "form.submit": CANCELLABLE,
  "form.submitted": ["getRecord", "preventDefault"],
  "form.confirm": CANCELLABLE,
  "form.step.moving": CANCELLABLE,
  "confirm.show": SET_VALUES,
  "confirm.submit": CANCELLABLE,
  "confirm.submitted": ["getRecord", "preventDefault"],
  "finish.show": ["getRecord"],
  "error.show": null,
};

/** Prefixed events (a field code, or a table code and a field code, follows the prefix). */
const PREFIXED_EVENTS: Array<[RegExp, Member[]]> = [
  [/^form\.field\.change\.[^.]+(\.[^.]+)?$/, FIELD_CHANGE],
  [/^form\.subtable\.(addRow|removeRow)\.[^.]+$/, FIELD_CHANGE],
  [/^form\.kviewerLookup\.selectRecord\.[^.]+(\.[^.]+)?$/, FIELD_CHANGE],
];

function membersOf(name: string): Member[] | null | undefined {
  if (name in FIXED_EVENTS) return FIXED_EVENTS[name];
  return PREFIXED_EVENTS.find(([pattern]) => pattern.test(name))?.[1];
}

export function isKnownEvent(name: string): boolean {
  return membersOf(name) !== undefined;
}

/** The context of one handler call: only the members FormBridge gives this event, plus `extra`. */
export function contextFor(
  name: string,
  parts: Record<Member, (...args: never[]) => unknown> & { extra: Record<string, unknown> },
): Record<string, unknown> | null {
  const members = membersOf(name);
  if (!members) return null;
  return {
    ...Object.fromEntries(members.map((member) => [member, parts[member]])),
    ...parts.extra,
  };
}
