import type { EventRecord } from "./effects";

/**
 * What the current page lends to the `kintone` global. Pages fill it in as they render; a
 * function left out answers null, as kintone does on screens where an API does not apply.
 */
export interface Screen {
  /** List page: the view's query (`getQuery`) and its condition only (`getQueryCondition`). */
  query?: () => string;
  queryCondition?: () => string;
  headerMenuSpace?: () => HTMLElement | null;
  headerSpace?: () => HTMLElement | null;
  /** List page: the cells of a column. Record pages: the value element of a field. */
  fieldElements?: (code: string) => HTMLElement[] | null;
  recordId?: () => number | null;
  record?: () => EventRecord | null;
  /** Create/edit pages only. */
  setRecord?: (record: EventRecord) => void;
  spaceElement?: (elementId: string) => HTMLElement | null;
  fieldElement?: (code: string) => HTMLElement | null;
  recordHeaderMenuSpace?: () => HTMLElement | null;
  setFieldShown?: (code: string, shown: boolean) => void;
  setGroupFieldOpen?: (code: string, open: boolean) => void;
  relatedRecordsTargetAppId?: (code: string) => string | null;
  lookupTargetAppId?: (code: string) => string | null;
}

export const screen: Screen = {};

/** Replaces what the page lends (called when a page renders or switches mode). */
export function setScreen(next: Screen): void {
  for (const key of Object.keys(screen)) delete screen[key as keyof Screen];
  Object.assign(screen, next);
}
