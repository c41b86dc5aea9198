import { type GuardId, TRANSITIONS } from "../core/workflow/process";
import {
  ACTIONS,
  APPLICATION_FIELD_LABELS,
  type ApplicationField,
  CONSENT_OPTION,
  DECLARATION_TEXTS,
  DECLARATIONS,
  ELIGIBILITY_LABELS,
  ENTITY_TYPE_GUIDE,
  ENTITY_TYPES,
  FOLLOWUP_PANEL_SPACE,
  INDUSTRIES,
  INDUSTRY_GUIDE,
  LOTTERY_RESULTS,
  PARTICIPATION_CATEGORIES,
  PARTICIPATION_INTENTS,
  PREFECTURES,
  STAFF_DECISIONS,
  STATES,
} from "../core/vocabulary";
import {
  at,
  checkBox,
  date,
  dateTime,
  dropDown,
  heading,
  mailLink,
  multiLineText,
  numberField,
  radioButton,
  recordNumber,
  row,
  singleLineText,
  spacer,
  time,
} from "./fields";
import type {
  ActionDefinition,
  AppDefinition,
  FieldProperty,
  ProcessDefinition,
  ProgramAppRefs,
} from "./model";
import { APPLICATION_REPORTS, APPLICATION_VIEWS } from "./applicationViews";
import { QUESTIONNAIRE_SUMMARY_FIELDS } from "./questionnairesApp";
import { secretariatAssignee } from "./permissions";

export const APPLICATIONS_APP_NAME = "申込管理";

/** `field in ("a", "b")`: kintone's condition for a choice field. */
export function inChoices(field: string, ...labels: string[]): string {
  return `${field} in (${labels.map((label) => JSON.stringify(label)).join(", ")})`;
}

const LABEL = Object.fromEntries(
  Object.entries(APPLICATION_FIELD_LABELS).map(([code, label]) => [code, label.ja]),
) as Record<ApplicationField, string>;

function applicationFields(refs: ProgramAppRefs) {
  return {
    application_no: recordNumber("application_no", LABEL.application_no),
    company_name: singleLineText("company_name", LABEL.company_name, { required: true }),
    entity_type: radioButton("entity_type", LABEL.entity_type, ENTITY_TYPES, "会社"),
    corporate_number: singleLineText("corporate_number", LABEL.corporate_number),
    representative_name: singleLineText("representative_name", LABEL.representative_name),
    postal_code: singleLineText("postal_code", LABEL.postal_code),
    prefecture: dropDown("prefecture", LABEL.prefecture, PREFECTURES),
    address: singleLineText("address", LABEL.address),
    industry: dropDown("industry", LABEL.industry, INDUSTRIES),
    business_description: singleLineText("business_description", LABEL.business_description),
    capital_yen: numberField("capital_yen", LABEL.capital_yen, {
      digit: true,
      unit: "円",
    }),
    employees: numberField("employees", LABEL.employees, { unit: "人" }),
    participation_category: radioButton(
      "participation_category",
      LABEL.participation_category,
      PARTICIPATION_CATEGORIES,
      PARTICIPATION_CATEGORIES[1],
    ),
    prior_program: singleLineText("prior_program", LABEL.prior_program),
    consent_survey: checkBox("consent_survey", LABEL.consent_survey, [CONSENT_OPTION]),
    declarations: checkBox("declarations", LABEL.declarations, DECLARATIONS),
    contact_name: singleLineText("contact_name", LABEL.contact_name),
    contact_email: mailLink("contact_email", LABEL.contact_email),
    contact_phone: singleLineText("contact_phone", LABEL.contact_phone),
    // Blank: the record's created time (server clock) is the receipt time; staff type it for paper.
    applied_at: dateTime("applied_at", LABEL.applied_at),
    eligibility: dropDown("eligibility", LABEL.eligibility, Object.values(ELIGIBILITY_LABELS), {
      defaultValue: ELIGIBILITY_LABELS.unscreened,
    }),
    eligibility_notes: multiLineText("eligibility_notes", LABEL.eligibility_notes),
    screening_signature: singleLineText("screening_signature", LABEL.screening_signature),
    staff_decision: dropDown(
      "staff_decision",
      LABEL.staff_decision,
      Object.values(STAFF_DECISIONS),
      {
        defaultValue: STAFF_DECISIONS.none,
      },
    ),
    staff_decision_reason: multiLineText("staff_decision_reason", LABEL.staff_decision_reason),
    screened_at: dateTime("screened_at", LABEL.screened_at),
    lottery_result: dropDown(
      "lottery_result",
      LABEL.lottery_result,
      Object.values(LOTTERY_RESULTS),
      {
        defaultValue: LOTTERY_RESULTS.undrawn,
      },
    ),
    lottery_rank: numberField("lottery_rank", LABEL.lottery_rank, { minValue: "1" }),
    waitlist_no: numberField("waitlist_no", LABEL.waitlist_no, { minValue: "1" }),
    lottery_run_id: singleLineText("lottery_run_id", LABEL.lottery_run_id),
    participation_intent: radioButton(
      "participation_intent",
      LABEL.participation_intent,
      Object.values(PARTICIPATION_INTENTS),
      PARTICIPATION_INTENTS.unanswered,
    ),
    questionnaires: {
      type: "REFERENCE_TABLE",
      code: "questionnaires",
      label: LABEL.questionnaires,
      noLabel: false,
      referenceTable: {
        relatedApp: { app: refs.questionnaires },
        condition: { field: "application_no", relatedField: "application_no" },
        filterCond: "",
        displayFields: [...QUESTIONNAIRE_SUMMARY_FIELDS],
        sort: "answered_at desc",
        size: "5",
      },
    },
    visit_date: date("visit_date", LABEL.visit_date),
    visit_start: time("visit_start", LABEL.visit_start),
    visit_minutes: numberField("visit_minutes", LABEL.visit_minutes, { unit: "分" }),
    expert_name: singleLineText("expert_name", LABEL.expert_name),
    withdrawal_reason: multiLineText("withdrawal_reason", LABEL.withdrawal_reason),
    visit_report: multiLineText("visit_report", LABEL.visit_report),
  } satisfies Record<string, FieldProperty>;
}

/**
 * The guards of spec §3 that kintone itself can check, as action conditions. The others ("next in
 * waitlist order", "a questionnaire exists") need other records: the plugin checks them on kintone's
 * screens, and screening/audit re-check them over all records.
 */
export const GUARD_CONDITIONS: Record<GuardId, string> = {
  LOTTERY_RESULT_WINNER: inChoices("lottery_result", LOTTERY_RESULTS.winner),
  LOTTERY_RESULT_WAITLIST: inChoices("lottery_result", LOTTERY_RESULTS.waitlisted),
  // Proposed 対象外 unless a person decided 適格とする, or a person's 対象外とする (spec v2 §4).
  ELIGIBILITY_INELIGIBLE: `(${inChoices("eligibility", ELIGIBILITY_LABELS.ineligible)} and staff_decision not in (${JSON.stringify(STAFF_DECISIONS.eligible)})) or ${inChoices("staff_decision", STAFF_DECISIONS.ineligible)}`,
  BEFORE_DRAW: "",
  NEXT_IN_WAITLIST: "",
  INTENT_PARTICIPATE: inChoices("participation_intent", PARTICIPATION_INTENTS.participate),
  INTENT_DECLINE: inChoices("participation_intent", PARTICIPATION_INTENTS.decline),
  // A reason is multi-line text, which kintone's action conditions cannot test: the plugin and audit do.
  LATE_DECLINE: inChoices("participation_intent", PARTICIPATION_INTENTS.decline),
  REASON_GIVEN: "",
  QUESTIONNAIRE_EXISTS: "",
  VISIT_RECORDED: 'visit_date != "" and expert_name != ""',
};

/** Spec §3 as kintone process management, from the workflow core's transitions. */
export const APPLICATION_PROCESS: ProcessDefinition = {
  enable: true,
  states: Object.values(STATES).map((name, index) => ({
    name,
    index: String(index),
    assignee: secretariatAssignee(index),
  })),
  actions: TRANSITIONS.flatMap((transition) =>
    transition.from.map((from): ActionDefinition => ({
      name: ACTIONS[transition.action],
      from: STATES[from],
      to: STATES[transition.to],
      filterCond: GUARD_CONDITIONS[transition.guard],
      type: "PRIMARY",
    })),
  ),
};

export function applicationsApp(refs: ProgramAppRefs): AppDefinition {
  const f = applicationFields(refs);
  return {
    key: "applications",
    name: APPLICATIONS_APP_NAME,
    fields: Object.values(f),
    layout: [
      row(spacer(FOLLOWUP_PANEL_SPACE)),
      row(heading("申込者")),
      row(at(f.application_no), at(f.applied_at)),
      row(at(f.company_name), at(f.entity_type)),
      row(heading(ENTITY_TYPE_GUIDE)),
      row(at(f.corporate_number), at(f.representative_name)),
      row(at(f.postal_code), at(f.prefecture)),
      row(at(f.address)),
      row(at(f.industry), at(f.business_description)),
      row(heading(INDUSTRY_GUIDE)),
      row(at(f.capital_yen), at(f.employees)),
      row(at(f.participation_category), at(f.prior_program)),
      row(at(f.consent_survey)),
      row(heading("誓約事項（募集要項 2(4)）：次のア〜キのすべてに該当すること")),
      ...DECLARATION_TEXTS.map((text) => row(heading(text))),
      row(at(f.declarations)),
      row(at(f.contact_name), at(f.contact_email), at(f.contact_phone)),
      row(heading("審査・抽選（事務局）")),
      row(at(f.eligibility), at(f.screened_at)),
      row(at(f.eligibility_notes)),
      row(at(f.staff_decision), at(f.staff_decision_reason)),
      row(at(f.screening_signature)),
      row(at(f.lottery_result), at(f.lottery_rank), at(f.waitlist_no), at(f.lottery_run_id)),
      row(at(f.participation_intent)),
      row(at(f.withdrawal_reason)),
      row(heading("質問票・訪問")),
      row(at(f.questionnaires)),
      row(at(f.visit_date), at(f.visit_start), at(f.visit_minutes), at(f.expert_name)),
      row(at(f.visit_report)),
    ],
    views: APPLICATION_VIEWS,
    process: APPLICATION_PROCESS,
    reports: APPLICATION_REPORTS,
  };
}
