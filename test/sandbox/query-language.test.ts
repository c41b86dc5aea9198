import { compileCondition, compileQuery, parseQuery, QueryError } from "../../sandbox/query";
import type { FieldSchema, QueryContext, RecordValues } from "../../sandbox/query";

const schema: FieldSchema = {
  no: { type: "RECORD_NUMBER", code: "no" },
  name: { type: "SINGLE_LINE_TEXT", code: "name" },
  memo: { type: "MULTI_LINE_TEXT", code: "memo" },
  employees: { type: "NUMBER", code: "employees" },
  industry: {
    type: "DROP_DOWN",
    code: "industry",
    options: { 卸売業: { label: "卸売業", index: "0" }, 小売業: { label: "小売業", index: "1" } },
  },
  declarations: {
    type: "CHECK_BOX",
    code: "declarations",
    options: { ア: { label: "ア", index: "0" }, イ: { label: "イ", index: "1" } },
  },
  visit_date: { type: "DATE", code: "visit_date" },
  applied_at: { type: "DATETIME", code: "applied_at" },
  ステータス: { type: "STATUS", code: "ステータス" },
  作成者: { type: "CREATOR", code: "作成者" },
  attachments: { type: "FILE", code: "attachments" },
};

// 2024-08-09 12:00 JST
const context: QueryContext = {
  now: new Date("2024-08-09T03:00:00Z"),
  timeZone: "Asia/Tokyo",
  loginUser: "staff1",
};

const records: RecordValues[] = [
  {
    $id: "1",
    name: "東京商事",
    memo: "",
    employees: "9",
    industry: "卸売業",
    declarations: ["ア", "イ"],
    visit_date: "2024-08-09",
    applied_at: "2024-08-09T07:59:00Z",
    ステータス: "申込受付",
    作成者: { code: "staff1", name: "Staff 1" },
    attachments: [{ name: "report.pdf" }],
  },
  {
    $id: "2",
    name: "Osaka Trading",
    memo: "note\nsecond line",
    employees: "10",
    industry: "小売業",
    declarations: ["イ"],
    visit_date: "2024-08-10",
    applied_at: "2024-08-09T08:00:00Z",
    ステータス: "当選",
    作成者: { code: "admin", name: "Admin" },
    attachments: [],
  },
  {
    $id: "3",
    name: "",
    memo: "  ",
    employees: "",
    industry: "",
    declarations: [],
    visit_date: "",
    applied_at: "",
    ステータス: "申込受付",
    作成者: { code: "staff2", name: "Staff 2" },
    attachments: [],
  },
];

function ids(query: string): string[] {
  const compiled = compileQuery(query, schema, context);
  return records
    .filter(compiled.test)
    .sort(compiled.compare)
    .map((r) => String(r.$id));
}

function errorOf(run: () => unknown): QueryError {
  try {
    run();
  } catch (error) {
    if (error instanceof QueryError) return error;
    throw error;
  }
  throw new Error("no error thrown");
}

describe("kintone query language", () => {
  test("without order by, records come newest first ($id desc) and limit defaults to 100", () => {
    expect(ids("")).toEqual(["3", "2", "1"]);
    const compiled = compileQuery("", schema, context);
    expect([compiled.limit, compiled.offset, compiled.idOrder]).toEqual([100, 0, "desc"]);
  });

  test("numbers compare numerically, not as text", () => {
    expect(ids("employees > 9")).toEqual(["2"]);
    expect(ids("employees >= 9 order by employees asc")).toEqual(["1", "2"]);
    expect(ids("employees < 10")).toEqual(["1"]);
    expect(ids('employees in ("10", "")')).toEqual(["3", "2"]);
  });

  test("text equality, like (case-insensitive substring) and is empty", () => {
    expect(ids('name = "東京商事"')).toEqual(["1"]);
    expect(ids('name != "東京商事" order by $id asc')).toEqual(["2", "3"]);
    expect(ids('name like "trad"')).toEqual(["2"]);
    expect(ids('name not like "trad" order by $id asc')).toEqual(["1", "3"]);
    expect(ids("memo is empty order by $id asc")).toEqual(["1", "3"]);
    expect(ids("memo is not empty")).toEqual(["2"]);
    expect(ids('memo like "second"')).toEqual(["2"]);
  });

  test("choice fields use in / not in, and CHECK_BOX matches any selected option", () => {
    expect(ids('industry in ("小売業")')).toEqual(["2"]);
    expect(ids('industry not in ("小売業") order by $id asc')).toEqual(["1", "3"]);
    expect(ids('declarations in ("ア")')).toEqual(["1"]);
    expect(ids('declarations in ("イ") order by $id asc')).toEqual(["1", "2"]);
    expect(ids('declarations not in ("ア") order by $id asc')).toEqual(["2", "3"]);
    expect(ids('declarations in ("")')).toEqual(["3"]);
  });

  test("and binds tighter than or; parentheses regroup", () => {
    expect(ids('name = "東京商事" or employees > 9 and industry in ("卸売業")')).toEqual(["1"]);
    expect(ids('(name = "東京商事" or employees > 9) and industry in ("小売業")')).toEqual(["2"]);
    expect(ids('NAME = "x" OR name = "東京商事"'.replace("NAME", "name"))).toEqual(["1"]);
  });

  test("dates: literals, TODAY(), ranges; date-times compare by minute in the user's zone", () => {
    expect(ids("visit_date = TODAY()")).toEqual(["1"]);
    expect(ids("visit_date > TODAY()")).toEqual(["2"]);
    expect(ids('visit_date >= "2024-08-09" order by visit_date desc')).toEqual(["2", "1"]);
    expect(ids("visit_date = THIS_MONTH() order by $id asc")).toEqual(["1", "2"]);
    expect(ids("visit_date = FROM_TODAY(1, DAYS)")).toEqual(["2"]);
    // 17:00 JST closing instant, inclusive: 07:59Z is before, 08:00Z is at the minute.
    expect(ids('applied_at <= "2024-08-09T17:00:00+09:00" order by $id asc')).toEqual(["1", "2"]);
    expect(ids('applied_at < "2024-08-09T17:00:00+09:00"')).toEqual(["1"]);
    expect(ids('applied_at = "2024-08-09"')).toEqual(["2", "1"]);
    expect(ids("applied_at > NOW()")).toEqual(["2", "1"]);
    expect(ids("applied_at is empty")).toEqual(["3"]);
    // The spec §3 guard of 訪問完了: empty-string comparisons on dates.
    expect(ids('visit_date != "" and name != "" order by $id asc')).toEqual(["1", "2"]);
    expect(ids('visit_date = ""')).toEqual(["3"]);
  });

  test("status, $id and the record number field", () => {
    expect(ids('ステータス = "申込受付"')).toEqual(["3", "1"]);
    expect(ids('ステータス in ("当選", "申込受付") and $id > 1')).toEqual(["3", "2"]);
    expect(ids("no <= 2 order by no asc")).toEqual(["1", "2"]);
    const compiled = compileQuery(
      "$id > 1 and $id <= 500 order by $id asc limit 500",
      schema,
      context,
    );
    expect(compiled.idRange).toEqual({ min: 2, max: 500 });
    expect(compiled.idOrder).toBe("asc");
    expect(compiled.limit).toBe(500);
  });

  test("user fields accept LOGINUSER(); files match by name", () => {
    expect(ids("作成者 in (LOGINUSER())")).toEqual(["1"]);
    expect(ids('作成者 not in ("staff1", "staff2")')).toEqual(["2"]);
    expect(ids('attachments like "report"')).toEqual(["1"]);
  });

  test("order by several keys, empties first ascending", () => {
    expect(ids("order by employees asc")).toEqual(["3", "1", "2"]);
    // Code-point order: 当 (U+5F53) sorts before 申 (U+7533).
    expect(ids("order by ステータス asc, $id desc")).toEqual(["2", "3", "1"]);
    expect(ids("order by employees desc limit 2 offset 0")).toEqual(["2", "1", "3"]);
  });

  test('string literals unescape \\" and \\\\', () => {
    const query = parseQuery('name = "a\\"b\\\\c"');
    expect(query.where).toEqual({
      kind: "compare",
      field: "name",
      operator: "=",
      operand: { kind: "string", value: 'a"b\\c' },
    });
  });

  test("limit over 500 is GAIA_QU01, offset over 10,000 is GAIA_QU02", () => {
    expect(compileQuery("limit 500 offset 10000", schema, context).offset).toBe(10000);
    expect(errorOf(() => compileQuery("limit 501", schema, context)).code).toBe("GAIA_QU01");
    expect(errorOf(() => compileQuery("offset 10001", schema, context)).code).toBe("GAIA_QU02");
  });

  test.each([
    ["name ===", "CB_VA01"],
    ['name = "unterminated', "CB_VA01"],
    ['name = "a\tb"', "CB_VA01"],
    ['(name = "a"', "CB_VA01"],
    ["order employees", "CB_VA01"],
    ["limit ten", "CB_VA01"],
    ['unknown_code = "a"', "GAIA_IQ11"],
    ["order by unknown_code asc", "GAIA_IQ11"],
    ['memo = "x"', "GAIA_IQ03"],
    ['industry = "卸売業"', "GAIA_IQ03"],
    ['name > "a"', "GAIA_IQ03"],
    ['declarations in ("存在しない")', "GAIA_IQ10"],
    ["name = TODAY()", "GAIA_IQ03"],
  ])("%s → %s", (query, code) => {
    expect(errorOf(() => compileQuery(query, schema, context)).code).toBe(code);
  });

  test("errors carry kintone's body in the caller's language", () => {
    const error = errorOf(() => compileQuery('nope = "1"', schema, context));
    expect(error.toBody("ja").message).toBe("指定されたフィールド（nope）が見つかりません。");
    expect(error.toBody("en").message).toBe("Specified field (nope) not found.");
    const syntax = errorOf(() => compileQuery("name ===", schema, context)).toBody("ja");
    expect(syntax.errors?.query?.messages[0]).toMatch(/^クエリ記法が間違っています。/);
  });

  test("compileCondition evaluates a bare condition and rejects paging", () => {
    const condition = compileCondition('industry in ("卸売業")', schema, context);
    expect(records.map(condition)).toEqual([true, false, false]);
    expect(compileCondition("", schema, context)(records[0] ?? {})).toBe(true);
    expect(errorOf(() => compileCondition("limit 5", schema, context)).code).toBe("CB_VA01");
  });
});
