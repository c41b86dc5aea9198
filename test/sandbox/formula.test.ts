/** The sandbox's kintone formula engine on its own (sandbox/calc): grammar, functions, failures. */
import { computeRecord, formulasInOrder } from "../../sandbox/calc/compute";
import { CalcFailure, evaluateFormula } from "../../sandbox/calc/evaluate";
import { FormulaError, parseFormula } from "../../sandbox/calc/formula";
import type { FieldSchema } from "../../sandbox/query";

const run = (source: string, values: Record<string, unknown> = {}) =>
  evaluateFormula(parseFormula(source), (code) => (values[code] ?? null) as never);

function failure(source: string): string {
  try {
    run(source);
  } catch (error) {
    if (error instanceof CalcFailure) return error.marker;
    if (error instanceof FormulaError) return error.reason.ja;
    throw error;
  }
  throw new Error(`${source} did not fail`);
}

test("operators bind as in arithmetic: ^ before * / before + - before & before comparison", () => {
  expect(run("2 + 3 * 4")).toBe(14);
  expect(run("(2 + 3) * 4")).toBe(20);
  expect(run("2 ^ 3 ^ 2")).toBe(64);
  expect(run("-2 ^ 2")).toBe(4);
  expect(run('1 + 2 & "個"')).toBe("3個");
  expect(run("1 + 1 = 2")).toBe(true);
  expect(run("4 ^ 1.5")).toBe(4);
});

test('an empty field counts as 0 in arithmetic and as "" in text', () => {
  expect(run("a + b", { a: null, b: 3 })).toBe(3);
  expect(run('a & "円"', { a: null })).toBe("円");
});

test("comparing different types: = is false, != true, ordering fails", () => {
  expect(run('1 = "1"')).toBe(false);
  expect(run('1 != "1"')).toBe(true);
  expect(failure('1 < "1"')).toBe("#VALUE!");
});

test("ROUND / ROUNDUP / ROUNDDOWN round away from and toward zero, also at tens", () => {
  expect(run("ROUND(-2.5, 0)")).toBe(-3);
  expect(run("ROUNDUP(-2.1, 0)")).toBe(-3);
  expect(run("ROUNDDOWN(-2.9, 0)")).toBe(-2);
  expect(run("ROUND(1234, -2)")).toBe(1200);
  expect(run("ROUND(1.005, 2)")).toBe(1.01);
});

test("YEN and DATE_FORMAT write text as kintone's help shows", () => {
  expect(run("YEN(1132.85, 1)")).toBe("¥1,132.9");
  expect(run("YEN(1132.85, 0)")).toBe("¥1,133");
  // 2024-08-31T15:30:00Z is 2024-09-01 00:30 in Tokyo.
  const at = Date.parse("2024-08-31T15:30:00Z") / 1000;
  expect(run('DATE_FORMAT(t, "YYYY/MM/dd HH:mm", "Asia/Tokyo")', { t: at })).toBe(
    "2024/09/01 00:30",
  );
  expect(run('DATE_FORMAT(t, "M月d日 H時", "UTC")', { t: at })).toBe("8月31日 15時");
});

test("IF / AND / OR / NOT / CONTAINS", () => {
  expect(run('IF(AND(a > 1, OR(b = "x", NOT(c))), "yes", "no")', { a: 2, b: "y", c: false })).toBe(
    "yes",
  );
  expect(run('CONTAINS(opts, "B")', { opts: ["A", "B"] })).toBe(true);
});

test("grammar errors are the deploy-time reasons kintone gives", () => {
  expect(failure("1 ＋ 2")).toBe(
    "全角記号「＋」が入力されています。半角記号「+」を入力してください。",
  );
  expect(failure("FOO(1)")).toBe("FOO関数は使用できません。");
  expect(failure("IF(1, 2)")).toBe("IF関数には3個の引数が必要です。");
  expect(failure("(1 + 2")).toBe("計算式の文法が正しくありません。");
  expect(failure("1 / 0")).toBe("#ERROR!");
});

test('circular references are refused; a failed formula reads "" with its marker', () => {
  const fields = {
    a: { type: "CALC", code: "a", label: "A", expression: "b + 1", format: "NUMBER" },
    b: { type: "CALC", code: "b", label: "B", expression: "a + 1", format: "NUMBER" },
  } as FieldSchema;
  expect(() => formulasInOrder(fields)).toThrow(FormulaError);
  const record = { n: { type: "NUMBER", value: "1" } } as Record<
    string,
    { type: string; value: unknown }
  >;
  const markers = computeRecord(
    {
      n: { type: "NUMBER", code: "n" },
      text: { type: "CALC", code: "text", label: "T", expression: '"x"', format: "NUMBER" },
    } as FieldSchema,
    record,
  );
  expect(record.text?.value).toBe("");
  expect(markers.get("text")).toBe("#CONVERT!");
});
