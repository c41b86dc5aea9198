/**
 * Where the round stands, as kintone query conditions: one per figure of the overview panel, each
 * paired with the saved view that lists the same records. `followup setup` writes the views from
 * these conditions and the panel counts with them, so a figure and its view cannot disagree.
 * Conditions filter by process status (never by lottery_result), so a declined or visited
 * record leaves the lists it no longer belongs to.
 */
import type { FieldResolver } from "../application";
import type { ReplySettings } from "../settings/programSettings";
import {
  type ApplicationField,
  ELIGIBILITY_LABELS,
  PARTICIPATION_INTENTS,
  PLACE_STATES,
  type StateKey,
} from "../vocabulary";

/** How one app names things: its status field code, state names and field codes. */
export interface QueryNames {
  statusField: string;
  /** The UPDATED_TIME field's code (更新日時, or Updated_datetime in an app made in English). */
  updatedTimeField: string;
  states: Record<StateKey, string>;
  /** The app's field codes (default: the logical codes). */
  field?: FieldResolver;
}

/** kintone query text literal (same escaping as adapters/kintoneQuery, which core may not import). */
function literal(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

function inList(code: string, values: readonly string[]): string {
  return `${code} in (${values.map(literal).join(", ")})`;
}

/** States whose booked visits still count (not declined, not excluded). */
const VISIT_STATES: readonly StateKey[] = ["confirmed", "questionnaireDone", "visited"];

export type FigureKey =
  | "received"
  | "screened"
  | "toDecide"
  | "placesHeld"
  | "waitlistLeft"
  | "repliesPending"
  | "questionnairesPending"
  | "questionnairesOverdue"
  | "visitsThisWeek"
  | "visitsNextWeek";

export const FIGURE_KEYS: readonly FigureKey[] = [
  "received",
  "screened",
  "toDecide",
  "placesHeld",
  "waitlistLeft",
  "repliesPending",
  "questionnairesPending",
  "questionnairesOverdue",
  "visitsThisWeek",
  "visitsNextWeek",
];

/** The saved view of each figure (names `followup setup` gives them). */
export const FIGURE_VIEWS: Record<FigureKey, string> = {
  received: "全件",
  screened: "審査済",
  toDecide: "判断待ち",
  placesHeld: "枠を持つ申込",
  waitlistLeft: "補欠（順位順）",
  repliesPending: "参加意思の返信待ち",
  questionnairesPending: "質問票待ち",
  questionnairesOverdue: "質問票待ち",
  visitsThisWeek: "今週の訪問",
  visitsNextWeek: "来週の訪問",
};

/** The condition of each figure (an empty text is every record). */
export function figureConditions(
  names: QueryNames,
  replies: Pick<ReplySettings, "questionnaireDays">,
): Record<FigureKey, string> {
  const code = (field: ApplicationField) => names.field?.(field) ?? field;
  const status = (...keys: StateKey[]) =>
    inList(
      names.statusField,
      keys.map((key) => names.states[key]),
    );
  const inVisitStates = status(...VISIT_STATES);
  return {
    received: "",
    screened: `${code("eligibility")} not in (${literal(ELIGIBILITY_LABELS.unscreened)})`,
    toDecide: `${status("applied")} and ${inList(code("eligibility"), [ELIGIBILITY_LABELS.unscreened, ELIGIBILITY_LABELS.review])}`,
    placesHeld: status(...PLACE_STATES),
    waitlistLeft: status("waitlisted"),
    repliesPending: `${status("winner")} and ${inList(code("participation_intent"), [PARTICIPATION_INTENTS.unanswered])}`,
    questionnairesPending: status("confirmed"),
    // The updated time stands for when the questionnaire was requested: 参加確定 is the last
    // change before the questionnaire comes back.
    questionnairesOverdue: `${status("confirmed")} and ${names.updatedTimeField} < FROM_TODAY(-${replies.questionnaireDays}, DAYS)`,
    visitsThisWeek: `${inVisitStates} and ${code("visit_date")} = THIS_WEEK()`,
    visitsNextWeek: `${inVisitStates} and ${code("visit_date")} = NEXT_WEEK()`,
  };
}
