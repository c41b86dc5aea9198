/**
 * A demo variant of the applications app (`followup setup --variant staff-table`): the program's
 * app as a secretariat may have extended it, with a subtable of the staff who handle an
 * application and two calculated fields. The plugin maps the program's fields on it as on the
 * standard app; the extra fields are the secretariat's own.
 */
import { ELIGIBILITY_LABELS } from "../core/vocabulary";
import { at, dropDown, heading, numberField, row, singleLineText } from "./fields";
import type { AppDefinition, FieldProperty, LayoutRow } from "./model";

export const APPLICATIONS_VARIANTS = ["standard", "staff-table"] as const;
export type ApplicationsVariant = (typeof APPLICATIONS_VARIANTS)[number];

const STAFF_NAME = singleLineText("担当者名", "担当者名", { required: true });
const STAFF_ROLE = dropDown("担当区分", "担当区分", ["主担当", "補助"]);
const STAFF_HOURS = numberField("担当時間", "担当時間（時間）");

const STAFF_TABLE: FieldProperty = {
  type: "SUBTABLE",
  code: "担当者一覧",
  label: "担当者一覧",
  noLabel: false,
  fields: Object.fromEntries([STAFF_NAME, STAFF_ROLE, STAFF_HOURS].map((f) => [f.code, f])),
};

function calc(code: string, label: string, expression: string): FieldProperty {
  return {
    type: "CALC",
    code,
    label,
    noLabel: false,
    required: false,
    expression,
    format: "NUMBER",
    hideExpression: false,
  };
}

/** The hours of all staff rows (a subtable column summed). */
const HOURS_TOTAL = calc("担当時間合計", "担当時間合計", "SUM(担当時間)");
/** 1 once the application is screened: an unselected 審査結果 reads as null, compared as "". */
const SCREENED_FLAG = calc(
  "審査済フラグ",
  "審査済フラグ",
  `IF(OR(eligibility = "", eligibility = "${ELIGIBILITY_LABELS.unscreened}"), 0, 1)`,
);

const STAFF_ROWS: LayoutRow[] = [
  row(heading("支援体制（事務局の独自項目）")),
  {
    type: "SUBTABLE",
    code: STAFF_TABLE.code,
    fields: [STAFF_NAME, STAFF_ROLE, STAFF_HOURS].map(at),
  },
  row(at(HOURS_TOTAL), at(SCREENED_FLAG)),
];

/** The applications app of `variant`; "standard" is the program's app unchanged. */
export function applicationsVariant(
  app: AppDefinition,
  variant: ApplicationsVariant,
): AppDefinition {
  if (variant === "standard") return app;
  return {
    ...app,
    fields: [...app.fields, STAFF_TABLE, HOURS_TOTAL, SCREENED_FLAG],
    layout: [...app.layout, ...STAFF_ROWS],
  };
}
