import { applicationFromRecord, fieldResolver } from "../../src/core/application";
import {
  addressPrefecture,
  corporateNumberCheckDigit,
  formatJapanTime,
  isValidCorporateNumber,
  normalizeCode,
  normalizePhone,
  normalizeText,
  parseInstant,
  parseWholeNumber,
  toHalfWidth,
} from "../../src/core/eligibility";

describe("normalization", () => {
  test.each([
    ["ＡＢＣ１２３", "ABC123"],
    ["ｔｅｓｔ＠ｅｘａｍｐｌｅ．ｊｐ", "test@example.jp"],
    ["株式会社\u3000テスト", "株式会社 テスト"],
    ["カタカナとひらがなは変えない", "カタカナとひらがなは変えない"],
  ])("toHalfWidth(%s) = %s", (input, expected) => {
    expect(toHalfWidth(input)).toBe(expected);
  });

  test.each([
    ["163ー8001", "1638001"],
    ["163－8001", "1638001"],
    ["163‐8001", "1638001"],
    ["163―8001", "1638001"],
    ["163−8001", "1638001"],
    ["163-8001", "1638001"],
    ["０３ (１２３４) ５６７８", "0312345678"],
    [" \u3000 ", ""],
  ])("normalizeCode(%s) = %s", (input, expected) => {
    expect(normalizeCode(input)).toBe(expected);
  });

  test("normalizePhone turns +81 into the domestic 0", () => {
    expect(normalizePhone("+81-90-1234-5678")).toBe("09012345678");
  });

  test.each<[string | undefined, number | undefined]>([
    ["0", 0],
    ["300", 300],
    ["300,000,000", 300_000_000],
    ["３００，０００，０００", 300_000_000],
    ["１，０００", 1000],
    ["+12", 12],
    ["12.00", 12],
    [" 42 ", 42],
    ["", undefined],
    ["  ", undefined],
    [undefined, undefined],
    ["-1", undefined],
    ["1.5", undefined],
    ["3億円", undefined],
    ["1e3", undefined],
    ["0x10", undefined],
    ["Infinity", undefined],
    ["NaN", undefined],
  ])("parseWholeNumber(%s) = %s (never a silent 0)", (input, expected) => {
    expect(parseWholeNumber(input)).toBe(expected);
  });

  test("normalizeText of a missing value is blank", () => {
    expect(normalizeText(undefined)).toBe("");
  });

  test.each([
    ["東京都新宿区", "東京都"],
    ["〒163-8001　東京都新宿区", "東京都"],
    ["北海道札幌市", "北海道"],
    ["京都府京都市", "京都府"],
    ["新宿区", undefined],
  ])("addressPrefecture(%s) = %s", (address, expected) => {
    expect(addressPrefecture(address)).toBe(expected);
  });
});

describe("corporate number check digit", () => {
  test.each([
    ["7010705000725", 7],
    ["4011001098993", 4],
  ])("%s has check digit %i (published examples)", (number, digit) => {
    expect(corporateNumberCheckDigit(number)).toBe(digit);
    expect(isValidCorporateNumber(number)).toBe(true);
  });

  test("rejects a wrong check digit and a wrong length", () => {
    expect(isValidCorporateNumber("1010705000725")).toBe(false);
    expect(isValidCorporateNumber("010705000725")).toBe(false);
  });
});

describe("instants in Japan time", () => {
  test.each<[string, string | undefined]>([
    ["2024-08-09T08:00:00Z", "2024-08-09T08:00:00.000Z"],
    ["2024-08-09T17:00:00+09:00", "2024-08-09T08:00:00.000Z"],
    ["2024-08-09T17:00:00+0900", "2024-08-09T08:00:00.000Z"],
    ["2024-08-09T17:00:00", "2024-08-09T08:00:00.000Z"],
    ["2024-08-09 17:00", "2024-08-09T08:00:00.000Z"],
    ["2024-08-09", "2024-08-08T15:00:00.000Z"],
    ["2024-08-09T03:00:00-05:00", "2024-08-09T08:00:00.000Z"],
    ["2024-08-09T17:00:00.5+09:00", "2024-08-09T08:00:00.500Z"],
    ["2024-13-01", undefined],
    ["2023-02-29", undefined],
    ["2024-08-09T24:00:00Z", undefined],
    ["9 Aug 2024", undefined],
    ["", undefined],
  ])("parseInstant(%s)", (input, expected) => {
    const instant = parseInstant(input);
    expect(instant === undefined ? undefined : new Date(instant).toISOString()).toBe(expected);
  });

  test.each([
    ["2024-08-09T08:00:00Z", "ja", "令和6年8月9日（金）17:00"],
    ["2024-07-11T15:00:00Z", "ja", "令和6年7月12日（金）00:00"],
    ["2019-04-30T15:00:00Z", "ja", "令和元年5月1日（水）00:00"],
    ["2024-08-09T08:00:30Z", "ja", "令和6年8月9日（金）17:00:30"],
    ["2024-08-09T08:00:00Z", "en", "Fri 9 Aug 2024 17:00 JST"],
  ] as const)("formatJapanTime(%s, %s) = %s", (iso, lang, expected) => {
    expect(formatJapanTime(Date.parse(iso), lang)).toBe(expected);
  });
});

describe("applicationFromRecord", () => {
  test("reads kintone REST values, check boxes as arrays, $id and applied_at", () => {
    expect(
      applicationFromRecord({
        $id: { value: "12" },
        company_name: { value: "株式会社A" },
        employees: { value: "10" },
        capital_yen: { value: 5000 },
        consent_survey: { value: ["同意する"] },
        declarations: { value: [] },
        applied_at: { value: "2024-07-20T01:00:00Z" },
        eligibility: { value: "未判定" },
      }),
    ).toEqual({
      id: "12",
      company_name: "株式会社A",
      employees: "10",
      capital_yen: "5000",
      consent_survey: ["同意する"],
      declarations: [],
      appliedAt: "2024-07-20T01:00:00Z",
    });
  });

  test("follows the field map to an existing app's codes", () => {
    const application = applicationFromRecord(
      {
        会社名: { value: "有限会社B" },
        company_name: { value: "ignored" },
        誓約: { value: ["ア"] },
        industry: { value: "小売業" },
      },
      fieldResolver({ company_name: "会社名", declarations: "誓約", industry: "" }),
    );
    // "" is a field the app does not use: read as missing, never as the logical code's field.
    expect(application).toEqual({ company_name: "有限会社B", declarations: ["ア"] });
  });

  test("values of the wrong shape read as missing, so the rules report them", () => {
    expect(
      applicationFromRecord({
        company_name: { value: { text: "x" } },
        employees: { value: null },
        consent_survey: { value: "同意する" },
        applied_at: { value: "" },
        prefecture: undefined,
      }),
    ).toEqual({ consent_survey: ["同意する"] });
  });
});
