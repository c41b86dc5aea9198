import type {
  AppDefinition,
  AppPermission,
  CurrentAppState,
  CurrentView,
  FieldProperty,
  LayoutElement,
  ProcessDefinition,
  StateDefinition,
} from "./model";

/**
 * Desired app vs. the app as kintone reports it → the fewest settings writes that make them equal.
 * Pure: `followup setup` reads the preview settings, asks for a plan, and sends exactly what it says.
 * Nothing the program does not own is removed: extra fields stay, extra views and layout rows are
 * kept after ours.
 */

export type ChangeKind =
  "addFields" | "updateFields" | "layout" | "views" | "reports" | "process" | "permissions";

export interface PlannedChange {
  kind: ChangeKind;
  /** Field codes or view names concerned (empty for layout and process). */
  items: string[];
}

export interface ViewParameter {
  type: string;
  name: string;
  index: string;
  fields?: string[];
  filterCond?: string;
  sort?: string;
  [key: string]: unknown;
}

export interface AppPlan {
  addFields: Record<string, FieldProperty>;
  /** Keyed by the field's current code (differs from the new code when a built-in field is renamed). */
  updateFields: Record<string, FieldProperty>;
  layout?: unknown[];
  views?: Record<string, ViewParameter>;
  /** All the app's graphs (kintone's PUT replaces them all), ours plus the ones it already had. */
  reports?: Record<string, Record<string, unknown>>;
  process?: ProcessPlan;
  /** The app permissions to write (they replace all entries). */
  permissions?: AppPermission[];
  /** Differences setup cannot fix by itself (a field whose type differs); nothing is written. */
  conflicts: string[];
  changes: PlannedChange[];
}

export interface ProcessPlan {
  enable: boolean;
  /** Keyed by each state's current name: the first state is the app's existing first one, renamed. */
  states: Record<string, StateDefinition>;
  actions: ProcessDefinition["actions"];
  /**
   * kintone reported `states: null`: a new app whose default workflow was never saved, so the name
   * of its first state (which can only be renamed, never added) is not known yet. Setup turns
   * process management on first, reads the states kintone then reports, and keys them again.
   */
  firstStateUnknown: boolean;
}

/**
 * Settings that point at another app can only be written once what they point at is deployed:
 * `fields` plans the fields that need no other app, `lookups` adds lookups (to the applications
 * app), `all` adds related-records tables (which match on the lookup), layout, views and process.
 */
export type PlanStage = "fields" | "lookups" | "all";
export const PLAN_STAGES: readonly PlanStage[] = ["fields", "lookups", "all"];

/** Built-in fields an app has exactly one of: ours renames it instead of adding another. */
const SINGLETON_TYPES = new Set([
  "RECORD_NUMBER",
  "CREATOR",
  "CREATED_TIME",
  "MODIFIER",
  "UPDATED_TIME",
]);

function stageOf(field: FieldProperty): PlanStage {
  if (field.type === "REFERENCE_TABLE") return "all";
  return "lookup" in field ? "lookups" : "fields";
}

function plannedIn(stage: PlanStage, field: FieldProperty): boolean {
  return PLAN_STAGES.indexOf(stageOf(field)) <= PLAN_STAGES.indexOf(stage);
}

export function planApp(
  desired: AppDefinition,
  current: CurrentAppState,
  stage: PlanStage = "all",
): AppPlan {
  const plan: AppPlan = { addFields: {}, updateFields: {}, conflicts: [], changes: [] };
  planFields(desired, current, stage, plan);
  if (stage === "all") {
    planLayout(desired, current, plan);
    planViews(desired, current, plan);
    planReports(desired, current, plan);
    planProcess(desired, current, plan);
    planPermissions(desired, current, plan);
  }
  return plan;
}

export function isEmptyPlan(plan: AppPlan): boolean {
  return plan.changes.length === 0 && plan.conflicts.length === 0;
}

function planFields(
  desired: AppDefinition,
  current: CurrentAppState,
  stage: PlanStage,
  plan: AppPlan,
): void {
  const desiredCodes = new Set(desired.fields.map((field) => field.code));
  const added: string[] = [];
  const updated: string[] = [];
  for (const field of desired.fields) {
    if (!plannedIn(stage, field)) continue;
    const existing = current.properties[field.code];
    if (!existing) {
      const builtIn = SINGLETON_TYPES.has(field.type)
        ? Object.values(current.properties).find(
            (property) => property.type === field.type && !desiredCodes.has(property.code),
          )
        : undefined;
      if (builtIn) {
        plan.updateFields[builtIn.code] = {
          type: field.type,
          code: field.code,
          label: field.label,
        };
        updated.push(field.code);
      } else {
        plan.addFields[field.code] = field;
        added.push(field.code);
      }
    } else if (existing.type !== field.type) {
      plan.conflicts.push(`${desired.name}: ${field.code} (${existing.type} → ${field.type})`);
    } else if (!matches(field, existing)) {
      plan.updateFields[field.code] = field;
      updated.push(field.code);
    }
  }
  if (updated.length) plan.changes.push({ kind: "updateFields", items: updated });
  if (added.length) plan.changes.push({ kind: "addFields", items: added });
}

/**
 * True when every key the definition sets has the same value in kintone's answer. kintone reports
 * numbers as strings; a key kintone leaves out counts as its default (false, ""). Options must be
 * exactly the same set, since updating options replaces them all.
 */
export function matches(want: unknown, have: unknown, key?: string): boolean {
  if (Array.isArray(want)) {
    return (
      Array.isArray(have) &&
      want.length === have.length &&
      want.every((item, index) => matches(item, have[index]))
    );
  }
  if (want !== null && typeof want === "object") {
    if (have === null || typeof have !== "object") return false;
    const haveObject = have as Record<string, unknown>;
    if (key === "options" && Object.keys(want).length !== Object.keys(haveObject).length) {
      return false;
    }
    return Object.entries(want).every(([k, v]) => matches(v, haveObject[k], k));
  }
  if (have === undefined) return want === false || want === "" || want === undefined;
  return String(want) === String(have);
}

interface CurrentRow {
  type: string;
  code?: string;
  fields?: LayoutElement[];
  layout?: unknown;
}

function elementKey(element: LayoutElement): string {
  if (element.type === "SPACER") return `SPACER:${element.elementId ?? ""}`;
  // kintone may hand a label back wrapped in HTML; only its text is compared.
  if (element.type === "LABEL")
    return `LABEL:${(element.label ?? "").replace(/<[^>]*>/g, "").trim()}`;
  if (element.type === "HR") return "HR";
  return `${element.type}:${element.code ?? ""}`;
}

function normalizeRow(row: CurrentRow): unknown {
  if (row.type === "ROW") return { type: "ROW", fields: (row.fields ?? []).map(elementKey) };
  return { type: row.type, code: row.code };
}

function planLayout(desired: AppDefinition, current: CurrentAppState, plan: AppPlan): void {
  const managed = new Set(desired.layout.flatMap((row) => row.fields.map(elementKey)));
  const kept: CurrentRow[] = [];
  for (const row of current.layout as CurrentRow[]) {
    if (row.type !== "ROW") {
      if (!row.code || !desired.fields.some((field) => field.code === row.code)) kept.push(row);
      continue;
    }
    const rest = (row.fields ?? []).filter(
      (element) => !managed.has(elementKey(element)) && element.type !== "HR",
    );
    if (rest.some((element) => element.code !== undefined))
      kept.push({ type: "ROW", fields: rest });
  }
  const target: CurrentRow[] = [...desired.layout, ...kept];
  const same =
    JSON.stringify(target.map(normalizeRow)) ===
    JSON.stringify((current.layout as CurrentRow[]).map(normalizeRow));
  if (!same) {
    plan.layout = target;
    plan.changes.push({ kind: "layout", items: [] });
  }
}

/**
 * A condition or sort as kintone may echo it back: spacing around brackets and commas, and the
 * case of keywords (and/or/in/asc/desc) outside quoted values do not matter.
 */
export function normalizeQuery(query: string | undefined): string {
  return (query ?? "")
    .split(/("(?:[^"\\]|\\.)*")/)
    .map((part, index) =>
      index % 2 === 1
        ? part
        : part
            .replace(/\s+/g, " ")
            .replace(/\s*([(),])\s*/g, "$1")
            .toLowerCase(),
    )
    .join("")
    .trim();
}

function sameView(
  index: number,
  want: AppDefinition["views"][number],
  have?: CurrentView,
): boolean {
  return (
    have !== undefined &&
    have.type === want.type &&
    Number(have.index) === index &&
    normalizeQuery(have.filterCond) === normalizeQuery(want.filterCond) &&
    normalizeQuery(have.sort) === normalizeQuery(want.sort) &&
    (want.type === "LIST"
      ? matches(want.fields, have.fields ?? [])
      : want.date === have.date && want.title === have.title)
  );
}

function planViews(desired: AppDefinition, current: CurrentAppState, plan: AppPlan): void {
  const changed = desired.views
    .filter((view, index) => !sameView(index, view, current.views[view.name]))
    .map((view) => view.name);
  if (!changed.length) return;
  const names = new Set(desired.views.map((view) => view.name));
  const others = Object.values(current.views)
    .filter((view) => !names.has(view.name))
    .sort((a, b) => Number(a.index) - Number(b.index));
  const views: Record<string, ViewParameter> = {};
  desired.views.forEach((view, index) => {
    views[view.name] = { ...view, index: String(index) };
  });
  others.forEach((view, offset) => {
    const { id: _id, builtinType: _builtin, ...rest } = view;
    views[view.name] = { ...rest, index: String(desired.views.length + offset) };
  });
  plan.views = views;
  plan.changes.push({ kind: "views", items: changed });
}

function sameReport(
  index: number,
  want: NonNullable<AppDefinition["reports"]>[number],
  have: Record<string, unknown> | undefined,
): boolean {
  if (!have) return false;
  const { id: _id, index: haveIndex, periodicReport: _periodic, ...rest } = have;
  return (
    Number(haveIndex) === index &&
    normalizeQuery(rest.filterCond as string | undefined) === normalizeQuery(want.filterCond) &&
    matches({ ...want, filterCond: "" }, { ...rest, filterCond: "" })
  );
}

/** Our graphs by name, in our order first; graphs someone else added are kept after them. */
function planReports(desired: AppDefinition, current: CurrentAppState, plan: AppPlan): void {
  const wanted = desired.reports;
  if (!wanted) return;
  const have = current.reports ?? {};
  const changed = wanted
    .filter((report, index) => !sameReport(index, report, have[report.name]))
    .map((report) => report.name);
  if (!changed.length) return;
  const names = new Set(wanted.map((report) => report.name));
  const reports: Record<string, Record<string, unknown>> = {};
  wanted.forEach((report, index) => {
    reports[report.name] = { ...report, index: String(index) };
  });
  Object.values(have)
    .filter((report) => !names.has(String(report.name)))
    .sort((a, b) => Number(a.index) - Number(b.index))
    .forEach((report, offset) => {
      const { id: _id, ...rest } = report;
      reports[String(report.name)] = { ...rest, index: String(wanted.length + offset) };
    });
  plan.reports = reports;
  plan.changes.push({ kind: "reports", items: changed });
}

function sameProcess(want: ProcessDefinition, have: CurrentAppState["process"]): boolean {
  if (!have.enable || !have.states) return false;
  const states = Object.values(have.states).sort((a, b) => Number(a.index) - Number(b.index));
  if (states.length !== want.states.length) return false;
  const statesMatch = want.states.every((state, index) => {
    const other = states[index];
    return (
      other !== undefined &&
      other.name === state.name &&
      matches(state.assignee, other.assignee ?? { type: "ONE", entities: [] })
    );
  });
  const actions = have.actions ?? [];
  return (
    statesMatch &&
    actions.length === want.actions.length &&
    want.actions.every((action, index) => {
      const other = actions[index];
      return (
        other !== undefined &&
        other.name === action.name &&
        other.from === action.from &&
        other.to === action.to &&
        (other.type ?? "PRIMARY") === action.type &&
        normalizeQuery(other.filterCond as string | undefined) === normalizeQuery(action.filterCond)
      );
    })
  );
}

/**
 * The wanted states keyed for kintone's PUT: kintone cannot add a new first state, so the current
 * first state is keyed by its current name and renamed; the others by their own names.
 */
export function keyStates(
  want: readonly StateDefinition[],
  current: CurrentAppState["process"]["states"],
): Record<string, StateDefinition> {
  const firstNow = Object.values(current ?? {}).sort(
    (a, b) => Number(a.index) - Number(b.index),
  )[0];
  const states: Record<string, StateDefinition> = {};
  [...want]
    .sort((a, b) => Number(a.index) - Number(b.index))
    .forEach((state, index) => {
      states[index === 0 && firstNow ? firstNow.name : state.name] = { ...state };
    });
  return states;
}

function planProcess(desired: AppDefinition, current: CurrentAppState, plan: AppPlan): void {
  const want = desired.process;
  if (!want || sameProcess(want, current.process)) return;
  plan.process = {
    enable: true,
    states: keyStates(want.states, current.process.states),
    actions: want.actions,
    firstStateUnknown: current.process.states === null,
  };
  plan.changes.push({ kind: "process", items: [] });
}

/** Permissions are written whole; kintone reports CREATOR's code as null. */
function planPermissions(desired: AppDefinition, current: CurrentAppState, plan: AppPlan): void {
  const want = desired.permissions;
  if (!want || matches(want, current.permissions)) return;
  plan.permissions = want;
  plan.changes.push({ kind: "permissions", items: [] });
}
