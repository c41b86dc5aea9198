/**
 * The applications app's saved views and graphs. Lists of the round's progress filter by process
 * status and show it beside the outcome (issue 17), so a record leaves a list once it moves on;
 * the overview panel's figures link to views built from the same conditions (core/round).
 */
import { FIGURE_VIEWS, figureConditions } from "../core/round/figures";
import { ELIGIBILITY_LABELS, PLACE_STATES, STATES, type StateKey } from "../core/vocabulary";
import type { ReportDefinition, ViewDefinition } from "./model";

/** The status field's code in an app created in Japanese (setup's apps). */
export const STATUS_FIELD = "ステータス";
const UPDATED_TIME_FIELD = "更新日時";

const CONDITIONS = figureConditions(
  { statusField: STATUS_FIELD, updatedTimeField: UPDATED_TIME_FIELD, states: STATES },
  { questionnaireDays: 14 },
);

const quoted = (value: string) => JSON.stringify(value);
const statusIn = (...keys: StateKey[]) =>
  `${STATUS_FIELD} in (${keys.map((key) => quoted(STATES[key])).join(", ")})`;

/**
 * What every progress list shows: who, where the record stands, and what the draw gave it, in
 * that order, so a phone (which shows a list's first columns) shows them too.
 */
const PROGRESS_FIELDS = [
  "application_no",
  "company_name",
  STATUS_FIELD,
  "lottery_result",
  "lottery_rank",
  "waitlist_no",
  "participation_intent",
  "eligibility",
];

const SCREENING_FIELDS = [
  "application_no",
  "company_name",
  STATUS_FIELD,
  "entity_type",
  "prefecture",
  "industry",
  "applied_at",
  "eligibility",
];

const VISIT_FIELDS = [
  "application_no",
  "company_name",
  STATUS_FIELD,
  "visit_date",
  "visit_start",
  "visit_minutes",
  "expert_name",
  "address",
  "contact_name",
  "contact_phone",
];

function list(name: string, filterCond: string, sort: string, fields: string[]): ViewDefinition {
  return { type: "LIST", name, fields, filterCond, sort };
}

const eligibilityIs = (label: string) => `eligibility in (${quoted(label)})`;

export const APPLICATION_VIEWS: ViewDefinition[] = [
  list(FIGURE_VIEWS.received, CONDITIONS.received, "application_no asc", PROGRESS_FIELDS),
  {
    type: "LIST",
    name: "モバイル一覧",
    // kintone's mobile list shows a list view's first fields: the company, then where it stands
    // and what it drew (a LIST view is shown on both; `device` is only for CUSTOM views).
    fields: ["company_name", STATUS_FIELD, "lottery_result", "participation_intent", "visit_date"],
    filterCond: "",
    sort: "application_no asc",
  },
  list(FIGURE_VIEWS.toDecide, CONDITIONS.toDecide, "applied_at asc", [
    ...SCREENING_FIELDS,
    "eligibility_notes",
  ]),
  list(FIGURE_VIEWS.screened, CONDITIONS.screened, "applied_at asc", SCREENING_FIELDS),
  list("未判定", eligibilityIs(ELIGIBILITY_LABELS.unscreened), "applied_at asc", SCREENING_FIELDS),
  list("要確認", eligibilityIs(ELIGIBILITY_LABELS.review), "applied_at asc", [
    ...SCREENING_FIELDS,
    "eligibility_notes",
  ]),
  list("対象外", statusIn("ineligible"), "applied_at asc", [
    ...SCREENING_FIELDS,
    "eligibility_notes",
  ]),
  list(
    "抽選対象（適格）",
    `${statusIn("applied")} and ${eligibilityIs(ELIGIBILITY_LABELS.eligible)}`,
    "application_no asc",
    PROGRESS_FIELDS,
  ),
  list(FIGURE_VIEWS.placesHeld, statusIn(...PLACE_STATES), "lottery_rank asc", PROGRESS_FIELDS),
  list("当選者", statusIn("winner"), "lottery_rank asc", PROGRESS_FIELDS),
  list(FIGURE_VIEWS.waitlistLeft, CONDITIONS.waitlistLeft, "waitlist_no asc", PROGRESS_FIELDS),
  list(FIGURE_VIEWS.repliesPending, CONDITIONS.repliesPending, "lottery_rank asc", [
    ...PROGRESS_FIELDS,
    "contact_name",
    "contact_email",
    "contact_phone",
  ]),
  list("参加確定", statusIn("confirmed"), "lottery_rank asc", PROGRESS_FIELDS),
  list(FIGURE_VIEWS.questionnairesPending, CONDITIONS.questionnairesPending, "更新日時 asc", [
    ...PROGRESS_FIELDS,
    UPDATED_TIME_FIELD,
    "contact_name",
    "contact_email",
  ]),
  list(
    "訪問予定",
    `${statusIn("confirmed", "questionnaireDone")} and visit_date != ""`,
    "visit_date asc, visit_start asc",
    VISIT_FIELDS,
  ),
  list(FIGURE_VIEWS.visitsThisWeek, CONDITIONS.visitsThisWeek, "visit_date asc", VISIT_FIELDS),
  list(FIGURE_VIEWS.visitsNextWeek, CONDITIONS.visitsNextWeek, "visit_date asc", VISIT_FIELDS),
  {
    type: "CALENDAR",
    name: "訪問カレンダー",
    date: "visit_date",
    title: "company_name",
    filterCond: statusIn("confirmed", "questionnaireDone", "visited"),
    sort: "visit_start asc",
  },
  list("訪問済", statusIn("visited"), "visit_date desc", [...VISIT_FIELDS, "visit_report"]),
  list("辞退", statusIn("declined"), "application_no asc", PROGRESS_FIELDS),
];

/** Graphs of the round (kintone's own reports): applications by industry and by day received. */
export const APPLICATION_REPORTS: ReportDefinition[] = [
  {
    name: "業種別の申込数",
    chartType: "PIE",
    groups: [{ code: "industry" }],
    aggregations: [{ type: "COUNT" }],
    filterCond: "",
    sorts: [{ by: "TOTAL", order: "DESC" }],
  },
  {
    name: "日別の申込数",
    chartType: "COLUMN",
    chartMode: "NORMAL",
    groups: [{ code: "applied_at", per: "DAY" }],
    aggregations: [{ type: "COUNT" }],
    filterCond: "",
    sorts: [{ by: "GROUP1", order: "ASC" }],
  },
];

/**
 * The views in the app's own system-field codes: kintone names the status and updated-time fields
 * in the language of whoever created the app (ステータス/Status, 更新日時/Updated_datetime).
 * Only unquoted text is renamed, so an option label is never touched.
 */
export function viewsInAppCodes(
  views: readonly ViewDefinition[],
  properties: Record<string, { type: string; code: string }>,
): ViewDefinition[] {
  const codeOf = (type: string, fallback: string) =>
    Object.values(properties).find((field) => field.type === type)?.code ?? fallback;
  const renames: Array<[string, string]> = [
    [STATUS_FIELD, codeOf("STATUS", STATUS_FIELD)],
    [UPDATED_TIME_FIELD, codeOf("UPDATED_TIME", UPDATED_TIME_FIELD)],
  ];
  if (renames.every(([from, to]) => from === to)) return [...views];
  const rename = (code: string) => renames.find(([from]) => from === code)?.[1] ?? code;
  const renameUnquoted = (text: string) =>
    text
      .split(/("(?:[^"\\]|\\.)*")/)
      .map((part) =>
        part.startsWith('"')
          ? part
          : renames.reduce((t, [from, to]) => t.split(from).join(to), part),
      )
      .join("");
  return views.map((view) => ({
    ...view,
    filterCond: renameUnquoted(view.filterCond),
    sort: renameUnquoted(view.sort),
    ...(view.type === "LIST" ? { fields: view.fields.map(rename) } : {}),
  }));
}
