/**
 * Screening writes the proposal (spec v2 §2.1, §4): eligibility, eligibility_notes,
 * screening_signature and screened_at are read-only on every form — create, edit, the list's
 * inline edit, desktop and mobile — through kintone's documented `disabled` property in a
 * `*.show` event. A person decides with staff_decision and its reason, which stay editable. A new
 * record (also a copy) starts unscreened.
 */
import type { KintoneApi } from "../adapters/kintone-js/kintoneApi";
import type { FieldResolver } from "../core/application";
import { type ApplicationField, ELIGIBILITY_LABELS } from "../core/vocabulary";

export const SCREENING_ONLY_FIELDS: readonly ApplicationField[] = [
  "eligibility",
  "eligibility_notes",
  "screening_signature",
  "screened_at",
];

type ShowEvent = { record?: Record<string, { value?: unknown; disabled?: boolean } | undefined> };

export function lockScreeningFields<E extends ShowEvent>(
  event: E,
  names: { field: FieldResolver },
  creating: boolean,
): E {
  for (const field of SCREENING_ONLY_FIELDS) {
    const code = names.field(field);
    const target = code === "" ? undefined : event.record?.[code];
    if (!target) continue;
    target.disabled = true;
    if (creating) target.value = field === "eligibility" ? ELIGIBILITY_LABELS.unscreened : "";
  }
  return event;
}

export function registerScreeningOnlyFields(
  k: KintoneApi,
  names: { field: FieldResolver },
  prefix: "" | "mobile.",
): void {
  k.events.on(`${prefix}app.record.create.show`, (event: ShowEvent) =>
    lockScreeningFields(event, names, true),
  );
  const editing = [`${prefix}app.record.edit.show`];
  if (prefix === "") editing.push("app.record.index.edit.show");
  k.events.on(editing, (event: ShowEvent) => lockScreeningFields(event, names, false));
}
