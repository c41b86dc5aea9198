/**
 * The settings page on an app with a subtable, calculated fields and auto-calculated text: it
 * offers only fields the plugin can map, read from `GET app/form/fields` as kintone answers it.
 */
import {
  compatibleFields,
  fieldMapProblems,
  formFieldInfos,
} from "../../src/core/settings/fieldTypes";
import { APPLICATION_FIELDS } from "../../src/core/vocabulary";

/** `properties` as kintone answers for an app with a staff table and calculated fields. */
const PROPERTIES = {
  company_name: { type: "SINGLE_LINE_TEXT", code: "company_name", label: "企業名", expression: "" },
  会社名表示: {
    type: "SINGLE_LINE_TEXT",
    code: "会社名表示",
    label: "会社名（表示用）",
    expression: 'company_name & " 御中"',
  },
  担当者一覧: {
    type: "SUBTABLE",
    code: "担当者一覧",
    label: "担当者一覧",
    fields: {
      担当者名: { type: "SINGLE_LINE_TEXT", code: "担当者名", label: "担当者名", expression: "" },
      担当時間: { type: "NUMBER", code: "担当時間", label: "担当時間" },
      担当区分: { type: "DROP_DOWN", code: "担当区分", label: "担当区分" },
    },
  },
  担当時間合計: {
    type: "CALC",
    code: "担当時間合計",
    label: "担当時間合計",
    expression: "SUM(担当時間)",
  },
  employees: { type: "NUMBER", code: "employees", label: "従業員数" },
};

const infos = formFieldInfos(PROPERTIES);

test("a subtable's own fields are never offered; the table and CALC fields match no program field", () => {
  const offered = new Set(
    APPLICATION_FIELDS.flatMap((field) => compatibleFields(field, infos).map((f) => f.code)),
  );
  for (const cell of ["担当者名", "担当時間", "担当区分", "担当者一覧", "担当時間合計"]) {
    expect(offered).not.toContain(cell);
  }
  // A number field of the program (NUMBER only) is offered the plain NUMBER, not the CALC.
  expect(compatibleFields("lottery_rank", infos).map((f) => f.code)).toEqual(["employees"]);
});

test("an auto-calculated text field is not offered and is refused when mapped (nobody can write it)", () => {
  expect(compatibleFields("company_name", infos).map((f) => f.code)).toEqual(["company_name"]);
  const problems = fieldMapProblems({ company_name: "会社名表示" }, infos);
  expect(problems.find((p) => p.path === "fieldMap.company_name")?.message.ja).toContain(
    "自動計算",
  );
});

test("a subtable field mapped by its code is reported as not a field of the app", () => {
  const problems = fieldMapProblems({ contact_name: "担当者名" }, infos);
  expect(problems.find((p) => p.path === "fieldMap.contact_name")?.message.ja).toBe(
    "フィールドコード「担当者名」はこのアプリにありません。",
  );
});
