import fc from "fast-check";
import { csvField, toCsv, UTF8_BOM } from "../../src/core/export/csv";
import { resultsCsv, RESULT_COLUMNS } from "../../src/core/export/results";
import { parseCsv } from "./support/parseCsv";

const body = (csv: string) => {
  expect(csv.startsWith(UTF8_BOM)).toBe(true);
  return csv.slice(UTF8_BOM.length);
};

describe("CSV for Excel", () => {
  it("starts with a BOM and ends every record with CRLF", () => {
    const csv = toCsv(["a", "b"], [["1", "2"]]);
    expect(body(csv)).toBe("a,b\r\n1,2\r\n");
  });

  it("quotes commas, quotes and line breaks and doubles inner quotes", () => {
    expect(csvField("株式会社A,B")).toBe('"株式会社A,B"');
    expect(csvField('"合同"会社')).toBe('"""合同""会社"');
    expect(csvField("一行目\n二行目")).toBe('"一行目\n二行目"');
    expect(csvField("普通の会社")).toBe("普通の会社");
  });

  it("defuses cells Excel would run as formulas", () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
  });

  it("round-trips any text that does not look like a formula", () => {
    const cell = fc.string({ unit: "grapheme" }).filter((s) => !/^[=+\-@\t\r]/.test(s));
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { maxLength: 5 }),
        (rows) => {
          expect(parseCsv(body(toCsv(["x", "y"], rows)))).toEqual([["x", "y"], ...rows]);
        },
      ),
    );
  });
});

const record = (fields: Record<string, string>) =>
  Object.fromEntries(Object.entries(fields).map(([code, value]) => [code, { value }]));

describe("results CSV", () => {
  it("has one row per application in 受付番号 order with the lottery's result", () => {
    const csv = resultsCsv([
      record({
        application_no: "10",
        company_name: '株式会社"テスト",東京\n本社',
        contact_name: "山田",
        contact_email: "y@example.jp",
        eligibility: "適格",
        lottery_result: "補欠",
        waitlist_no: "3",
        lottery_run_id: "run-1",
      }),
      record({
        application_no: "2",
        company_name: "B社",
        eligibility: "対象外",
        lottery_result: "未抽選",
      }),
      record({
        application_no: "9",
        company_name: "C社",
        eligibility: "適格",
        lottery_result: "当選",
        waitlist_no: "",
        lottery_run_id: "run-1",
      }),
    ]);
    expect(parseCsv(body(csv))).toEqual([
      [...RESULT_COLUMNS],
      ["2", "B社", "", "", "対象外", "", "", ""],
      ["9", "C社", "", "", "当選", "", "run-1", ""],
      ["10", '株式会社"テスト",東京\n本社', "山田", "y@example.jp", "補欠", "3", "run-1", ""],
    ]);
  });
});
