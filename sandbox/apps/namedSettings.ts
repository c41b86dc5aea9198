/**
 * What views (`app/views`) and graphs (`app/reports`) share in kintone: a PUT gives the whole set
 * as an object keyed by name, and each keeps its id while its name is kept; ids are unique across
 * apps (here: the app id followed by a running number).
 */
import type { FieldErrorCollector } from "../http/errors";

type Named = Record<string, { id: string }>;

/** The PUT's object of settings by name; a missing or non-object one is refused as required. */
export function namedInput(
  input: unknown,
  param: string,
  errorsOut: FieldErrorCollector,
): Array<[string, Record<string, unknown>]> {
  if (!input || typeof input !== "object" || Array.isArray(input)) {
    errorsOut.add(param, { ja: "必須です。", en: "Required field." });
    errorsOut.throwIfAny();
  }
  return Object.entries(input as Record<string, Record<string, unknown>>);
}

/**
 * The id for each name: the one it has in the preview or the live settings, else the next free
 * number from `appId * 100_000 + offset`.
 */
export function idsByName(
  appId: number,
  offset: number,
  current: Named,
  live: Named,
): (name: string) => string {
  const used = [current, live].flatMap((set) => Object.values(set).map((item) => Number(item.id)));
  let next = Math.max(appId * 100_000 + offset, ...used) + 1;
  return (name) => current[name]?.id ?? live[name]?.id ?? String(next++);
}

/** kintone's answer to the PUT: each name with its id. */
export function idsResponse(set: Named): Record<string, { id: string }> {
  return Object.fromEntries(Object.entries(set).map(([name, item]) => [name, { id: item.id }]));
}
