/**
 * Only the draw makes winners (spec §3): the lottery fields are read-only on every form — create,
 * edit, the list's inline edit, desktop and mobile — through kintone's documented `disabled`
 * property of a field in a `*.show` event. A new record (also one copied from a drawn record)
 * starts undrawn. REST and CSV import bypass screens: `followup audit` names what they write.
 */
import type { KintoneApi } from "../adapters/kintone-js/kintoneApi";
import type { FieldResolver } from "../core/application";
import { type ApplicationField, LOTTERY_RESULTS } from "../core/vocabulary";

export const DRAW_ONLY_FIELDS: readonly ApplicationField[] = [
  "lottery_result",
  "lottery_rank",
  "waitlist_no",
  "lottery_run_id",
];

type ShowEvent = { record?: Record<string, { value?: unknown; disabled?: boolean } | undefined> };

/** The value a record has before any draw (a drop-down's 未抽選, blank otherwise). */
function undrawnValue(field: ApplicationField): string {
  return field === "lottery_result" ? LOTTERY_RESULTS.undrawn : "";
}

export function lockDrawOnlyFields<E extends ShowEvent>(
  event: E,
  names: { field: FieldResolver },
  creating: boolean,
): E {
  for (const field of DRAW_ONLY_FIELDS) {
    const code = names.field(field);
    const target = code === "" ? undefined : event.record?.[code];
    if (!target) continue;
    target.disabled = true;
    if (creating) target.value = undrawnValue(field);
  }
  return event;
}

export function registerDrawOnlyFields(
  k: KintoneApi,
  names: { field: FieldResolver },
  prefix: "" | "mobile.",
): void {
  k.events.on(`${prefix}app.record.create.show`, (event: ShowEvent) =>
    lockDrawOnlyFields(event, names, true),
  );
  const editing = [`${prefix}app.record.edit.show`];
  if (prefix === "") editing.push("app.record.index.edit.show");
  k.events.on(editing, (event: ShowEvent) => lockDrawOnlyFields(event, names, false));
}
