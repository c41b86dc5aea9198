/**
 * The shape of an app "as code": what `followup setup` wants an app to look like, in kintone's own
 * REST vocabulary (the bodies of preview/app/form/fields, form/layout, views and status), so the plan
 * compares like with like and sends the definitions unchanged.
 */

/** One field property as kintone's form fields API takes and returns it (only the keys we care about). */
export interface FieldProperty {
  type: string;
  code: string;
  label: string;
  [key: string]: unknown;
}

/** A layout element: a field by code, or a SPACER / LABEL / HR. `size` is never compared. */
export interface LayoutElement {
  type: string;
  code?: string;
  elementId?: string;
  label?: string;
  size?: Record<string, string>;
}

/** A row of fields, or a subtable (`code`) placing its own fields. */
export interface LayoutRow {
  type: "ROW" | "SUBTABLE";
  code?: string;
  fields: LayoutElement[];
}

interface ViewCommon {
  name: string;
  filterCond: string;
  sort: string;
}

export interface ListViewDefinition extends ViewCommon {
  type: "LIST";
  fields: string[];
}

/** kintone's calendar view: records placed on a month grid by a date field, titled by another field. */
export interface CalendarViewDefinition extends ViewCommon {
  type: "CALENDAR";
  date: string;
  title: string;
}

export type ViewDefinition = ListViewDefinition | CalendarViewDefinition;

/** One graph of the app (kintone's app reports API; only the keys we set). */
export interface ReportDefinition {
  name: string;
  chartType: string;
  /** Only for BAR, COLUMN, AREA and SPLINE_AREA (kintone returns it for those only). */
  chartMode?: string;
  groups: Array<{ code: string; per?: string }>;
  aggregations: Array<{ type: string; code?: string }>;
  filterCond: string;
  sorts: Array<{ by: string; order: string }>;
}

export interface StateDefinition {
  name: string;
  index: string;
  assignee: { type: "ONE" | "ALL" | "ANY"; entities: unknown[] };
}

export interface ActionDefinition {
  name: string;
  from: string;
  to: string;
  filterCond: string;
  type: "PRIMARY";
}

export interface ProcessDefinition {
  enable: true;
  states: StateDefinition[];
  actions: ActionDefinition[];
}

export type ProgramAppKey = "applications" | "questionnaires" | "lotteryLog";

/** One entry of kintone's app permissions (`app/acl` rights). */
/** The rights one entry of kintone's app permissions grants or withholds, in kintone's order. */
export const APP_RIGHTS = [
  "appEditable",
  "recordViewable",
  "recordAddable",
  "recordEditable",
  "recordDeletable",
  "recordImportable",
  "recordExportable",
] as const;
export type AppRightName = (typeof APP_RIGHTS)[number];

/** Every app right set to `value`: all granted, or none. */
export function appRights(value: boolean): Record<AppRightName, boolean> {
  return Object.fromEntries(APP_RIGHTS.map((right) => [right, value])) as Record<
    AppRightName,
    boolean
  >;
}

export type AppPermission = {
  entity: { type: "USER" | "GROUP" | "ORGANIZATION" | "CREATOR"; code: string | null };
  includeSubs: boolean;
} & Record<AppRightName, boolean>;

export interface AppDefinition {
  key: ProgramAppKey;
  /** The app's name in kintone; a re-run without the ids file finds the app by it. */
  name: string;
  /** In form order: the order fields are added in. */
  fields: FieldProperty[];
  layout: LayoutRow[];
  views: ViewDefinition[];
  process?: ProcessDefinition;
  /** Graphs `followup setup` keeps (matched by name; others are left alone). */
  reports?: ReportDefinition[];
  /** App permissions, in priority order (spec v2 §3). */
  permissions?: AppPermission[];
}

/** App ids as kintone gives them (strings), needed for lookups and related records. */
export interface ProgramAppRefs {
  applications: string;
  questionnaires: string;
  lotteryLog: string;
}

/** What one app looks like now, read from the preview settings. */
export interface CurrentAppState {
  properties: Record<string, FieldProperty>;
  layout: Array<{ type: string; code?: string; fields?: LayoutElement[]; layout?: unknown }>;
  views: Record<string, CurrentView>;
  /** The app's graphs by name (read only for apps whose definition has graphs). */
  reports?: Record<string, Record<string, unknown>>;
  process: {
    enable: boolean;
    states: Record<string, { name: string; index: string; assignee?: unknown }> | null;
    actions: Array<Record<string, unknown>> | null;
  };
  /** The app permissions (`app/acl` rights) in the preview settings. */
  permissions: Array<Record<string, unknown>>;
}

export interface CurrentView {
  type: string;
  name: string;
  index: string;
  id?: string;
  builtinType?: string;
  fields?: string[];
  filterCond?: string;
  sort?: string;
  date?: string;
  title?: string;
  device?: string;
  [key: string]: unknown;
}
