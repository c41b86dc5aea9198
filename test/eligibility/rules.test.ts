import type { ApplicationInput } from "../../src/core/application";
import { type EligibilityResult, type RuleId, screenApplication } from "../../src/core/eligibility";
import {
  defaultProgramSettings,
  type ProgramSettings,
} from "../../src/core/settings/programSettings";
import { DECLARATIONS, PARTICIPATION_CATEGORIES } from "../../src/core/vocabulary";
import { validApplication } from "./fixtures";

const NOW = new Date("2024-07-20T03:00:00Z");
const settings = defaultProgramSettings();

function screen(
  overrides: Partial<ApplicationInput>,
  options: { settings?: ProgramSettings; now?: Date } = {},
) {
  return screenApplication(validApplication(overrides), options.settings ?? settings, {
    lang: "ja",
    now: options.now ?? NOW,
  });
}

function rulesOf(result: EligibilityResult): RuleId[] {
  return result.violations.map((violation) => violation.rule);
}

/** Each row: the change to a valid application, and whether `rule` must fire. */
type Row = [description: string, overrides: Partial<ApplicationInput>, fires: boolean];

function table(rule: RuleId, rows: Row[]) {
  describe(rule, () => {
    test.each(rows)("%s", (_, overrides, fires) => {
      expect(rulesOf(screen(overrides)).includes(rule)).toBe(fires);
    });
  });
}

test("the valid fixture has no violation", () => {
  expect(screen({})).toEqual({ status: "eligible", violations: [] });
});

table("COMPANY_NAME_REQUIRED", [
  ["filled", { company_name: "有限会社あおば" }, false],
  ["empty", { company_name: "" }, true],
  ["half-width spaces", { company_name: "   " }, true],
  ["ideographic space", { company_name: "\u3000" }, true],
  ["missing", { company_name: undefined }, true],
]);

table("ENTITY_TYPE_REQUIRED", [
  ["会社", { entity_type: "会社" }, false],
  ["個人事業主", { entity_type: "個人事業主", corporate_number: "" }, false],
  ["surrounded by spaces", { entity_type: " 会社\u3000" }, false],
  ["empty", { entity_type: "" }, true],
  ["whitespace", { entity_type: "  " }, true],
  ["another word", { entity_type: "株式会社" }, true],
  ["version 1 option 法人 reads as 会社", { entity_type: "法人" }, false],
  [
    "その他の法人・団体 is a choice (not eligible, but chosen)",
    { entity_type: "その他の法人・団体" },
    false,
  ],
  ["missing", { entity_type: undefined }, true],
]);

table("CORPORATE_NUMBER_FORMAT", [
  ["13 digits", { corporate_number: "7010705000725" }, false],
  ["full-width digits", { corporate_number: "７０１０７０５０００７２５" }, false],
  ["with hyphens and look-alikes", { corporate_number: "7010-7050ー00725" }, false],
  ["surrounded by spaces", { corporate_number: " 7010705000725 " }, false],
  ["12 digits", { corporate_number: "701070500072" }, true],
  ["14 digits", { corporate_number: "70107050007250" }, true],
  ["a letter", { corporate_number: "701070500072A" }, true],
  ["empty", { corporate_number: "" }, true],
  ["whitespace", { corporate_number: "   " }, true],
  ["個人事業主 without a number", { entity_type: "個人事業主", corporate_number: "" }, false],
  ["個人事業主 with a short number", { entity_type: "個人事業主", corporate_number: "123" }, false],
]);

table("CORPORATE_NUMBER_CHECK_DIGIT", [
  ["日本税理士会連合会 7010705000725", { corporate_number: "7010705000725" }, false],
  ["4011001098993", { corporate_number: "4011001098993" }, false],
  ["full-width valid number", { corporate_number: "４０１１００１０９８９９３" }, false],
  ["check digit one too high", { corporate_number: "8010705000725" }, true],
  ["check digit one too low", { corporate_number: "3011001098993" }, true],
  ["a base digit changed", { corporate_number: "7010705000726" }, true],
  ["not judged when the format is wrong", { corporate_number: "12345" }, false],
  [
    "not judged for 個人事業主",
    { entity_type: "個人事業主", corporate_number: "8010705000725" },
    false,
  ],
]);

table("PREFECTURE_NOT_TOKYO", [
  ["東京都", { prefecture: "東京都" }, false],
  ["東京都 with spaces", { prefecture: " 東京都 " }, false],
  ["神奈川県", { prefecture: "神奈川県", address: "" }, true],
  ["東京 without 都", { prefecture: "東京" }, true],
  ["empty", { prefecture: "" }, true],
  ["missing", { prefecture: undefined }, true],
]);

table("ADDRESS_PREFECTURE_MISMATCH", [
  ["address in Tokyo", { address: "東京都千代田区丸の内1-1" }, false],
  ["address without a prefecture", { address: "新宿区西新宿2-8-1" }, false],
  ["empty address", { address: "" }, false],
  ["postal code before a Tokyo address", { address: "〒163-8001 東京都新宿区" }, false],
  ["address in 神奈川県", { address: "神奈川県横浜市中区" }, true],
  ["address in 京都府", { address: "京都府京都市中京区" }, true],
  ["postal code before another prefecture", { address: "〒220-0012 神奈川県横浜市" }, true],
  ["leading full-width space", { address: "\u3000大阪府大阪市" }, true],
  ["matches the prefecture chosen", { prefecture: "神奈川県", address: "神奈川県横浜市" }, false],
]);

table("POSTAL_CODE_FORMAT", [
  ["7 digits", { postal_code: "1638001" }, false],
  ["NNN-NNNN", { postal_code: "163-8001" }, false],
  ["full-width", { postal_code: "１６３－８００１" }, false],
  ["katakana long-vowel mark as hyphen", { postal_code: "163ー8001" }, false],
  ["with 〒", { postal_code: "〒163-8001" }, false],
  ["6 digits", { postal_code: "163-800" }, true],
  ["8 digits", { postal_code: "163-80011" }, true],
  ["letters", { postal_code: "abc-defg" }, true],
  ["empty", { postal_code: "" }, true],
  ["whitespace", { postal_code: "  " }, true],
]);

table("PHONE_FORMAT", [
  ["10 digits", { contact_phone: "0312345678" }, false],
  ["11 digits", { contact_phone: "09012345678" }, false],
  ["hyphens", { contact_phone: "03-1234-5678" }, false],
  ["full-width with brackets", { contact_phone: "０３（１２３４）５６７８" }, false],
  ["hyphen look-alikes ‐―−", { contact_phone: "090‐1234―5678" }, false],
  ["minus sign −", { contact_phone: "03−1234−5678" }, false],
  ["international +81", { contact_phone: "+81 3-1234-5678" }, false],
  ["9 digits", { contact_phone: "031234567" }, true],
  ["12 digits", { contact_phone: "031234567890" }, true],
  ["not starting with 0", { contact_phone: "1312345678" }, true],
  ["letters", { contact_phone: "03-1234-ABCD" }, true],
  ["empty", { contact_phone: "" }, true],
]);

table("EMAIL_FORMAT", [
  ["plain", { contact_email: "a@example.jp" }, false],
  ["full-width", { contact_email: "ａ＠ｅｘａｍｐｌｅ．ｊｐ" }, false],
  ["mixed case with plus and subdomain", { contact_email: "A.B+c@Mail.Example.CO.JP" }, false],
  ["surrounded by spaces", { contact_email: " a@example.jp " }, false],
  ["no domain dot", { contact_email: "a@example" }, true],
  ["two @", { contact_email: "a@@example.jp" }, true],
  ["space inside", { contact_email: "a b@example.jp" }, true],
  ["no local part", { contact_email: "@example.jp" }, true],
  ["empty", { contact_email: "" }, true],
]);

table("INDUSTRY_REQUIRED", [
  ["製造業・建設業・運輸業・その他", { industry: "製造業・建設業・運輸業・その他" }, false],
  ["卸売業", { industry: "卸売業" }, false],
  ["サービス業", { industry: "サービス業" }, false],
  ["小売業", { industry: "小売業" }, false],
  ["empty", { industry: "" }, true],
  ["unknown group", { industry: "飲食業" }, true],
  ["政令 industry while off", { industry: "旅館業" }, true],
]);

table("EMPLOYEES_INVALID", [
  ["0", { employees: "0" }, false],
  ["with a comma", { employees: "1,000", capital_yen: "0" }, false],
  ["full-width", { employees: "１２" }, false],
  ["decimal zero", { employees: "12.0" }, false],
  ["negative", { employees: "-1" }, true],
  ["fraction", { employees: "1.5" }, true],
  ["with a unit", { employees: "20人" }, true],
  ["kanji", { employees: "二十" }, true],
  ["empty", { employees: "" }, true],
  ["whitespace", { employees: "  " }, true],
  ["missing", { employees: undefined }, true],
]);

table("CAPITAL_INVALID", [
  ["0", { capital_yen: "0" }, false],
  ["with commas", { capital_yen: "300,000,000" }, false],
  ["full-width with full-width commas", { capital_yen: "３００，０００，０００" }, false],
  ["3億円", { capital_yen: "3億円" }, true],
  ["negative", { capital_yen: "-1" }, true],
  ["fraction", { capital_yen: "1000.5" }, true],
  ["empty", { capital_yen: "" }, true],
  ["whitespace", { capital_yen: "\u3000" }, true],
  ["個人事業主 leaves it empty", { entity_type: "個人事業主", capital_yen: "" }, false],
  ["個人事業主 writes text", { entity_type: "個人事業主", capital_yen: "なし" }, false],
]);

describe("SME_SIZE_EXCEEDED", () => {
  const industries: Array<[string, number, number]> = [
    ["製造業・建設業・運輸業・その他", 300_000_000, 300],
    ["卸売業", 100_000_000, 100],
    ["サービス業", 50_000_000, 100],
    ["小売業", 50_000_000, 50],
  ];
  const cases = industries.flatMap(([industry, capital, employees]) => {
    const rows: Array<[string, string, Partial<ApplicationInput>, boolean]> = [
      [
        industry,
        "法人 at both limits",
        { capital_yen: `${capital}`, employees: `${employees}` },
        false,
      ],
      [
        industry,
        "法人 capital at limit, employees far over",
        { capital_yen: `${capital}`, employees: `${employees * 10}` },
        false,
      ],
      [
        industry,
        "法人 capital one over, employees at limit",
        { capital_yen: `${capital + 1}`, employees: `${employees}` },
        false,
      ],
      [
        industry,
        "法人 both one over",
        { capital_yen: `${capital + 1}`, employees: `${employees + 1}` },
        true,
      ],
      [
        industry,
        "個人事業主 at the employee limit",
        { entity_type: "個人事業主", capital_yen: "", employees: `${employees}` },
        false,
      ],
      [
        industry,
        "個人事業主 one over",
        { entity_type: "個人事業主", capital_yen: "", employees: `${employees + 1}` },
        true,
      ],
      [
        industry,
        "個人事業主 one over with a small capital filled in",
        { entity_type: "個人事業主", capital_yen: "0", employees: `${employees + 1}` },
        true,
      ],
      [
        industry,
        "個人事業主 at the limit with a huge capital filled in",
        { entity_type: "個人事業主", capital_yen: "99999999999", employees: `${employees}` },
        false,
      ],
    ];
    return rows.map(
      ([name, description, overrides, fires]) =>
        [name, description, { industry: name, ...overrides }, fires] as const,
    );
  });
  test.each(cases)("%s: %s", (_, __, overrides, fires) => {
    expect(rulesOf(screen(overrides)).includes("SME_SIZE_EXCEEDED")).toBe(fires);
  });

  test.each([
    ["exactly 3億円 and 300人 qualifies", "300000000", "300", false],
    ["3億円 and 301人 qualifies by capital", "300,000,000", "301", false],
    ["3億1円 and 300人 qualifies by employees", "300000001", "300", false],
    ["3億1円 and 301人 exceeds", "300000001", "301", true],
  ])("%s", (_, capital_yen, employees, fires) => {
    expect(rulesOf(screen({ capital_yen, employees })).includes("SME_SIZE_EXCEEDED")).toBe(fires);
  });

  test("not judged when the capital of a 法人 cannot be read; the capital is reported instead", () => {
    expect(rulesOf(screen({ capital_yen: "3億円", employees: "5000" }))).toEqual([
      "CAPITAL_INVALID",
    ]);
  });

  test("the message names the industry and its limits in Japanese and English", () => {
    const overrides = { industry: "卸売業", capital_yen: "100000001", employees: "101" };
    const [ja] = screen(overrides).violations;
    expect(ja?.message).toContain("卸売業");
    expect(ja?.message).toContain("資本金1億円以下又は常時使用する従業員100人以下");
    expect(ja?.field).toBe("employees");
    const en = screenApplication(validApplication(overrides), settings, { lang: "en", now: NOW });
    expect(en.violations[0]?.message).toContain(
      "capital at most ¥100,000,000 or at most 100 regular employees",
    );
  });

  test("サービス業 limits read 5,000万円; a sole proprietor's message leaves capital out", () => {
    const corporation = screen({
      industry: "サービス業",
      capital_yen: "50000001",
      employees: "101",
    });
    expect(corporation.violations[0]?.message).toContain("資本金5,000万円以下");
    const sole = screen({ industry: "小売業", entity_type: "個人事業主", employees: "51" });
    expect(sole.violations[0]?.message).toContain("従業員50人以下");
    expect(sole.violations[0]?.message).not.toContain("資本金5,000万円");
  });
});

describe("政令 industries", () => {
  const withOrdinance = defaultProgramSettings();
  withOrdinance.industries = withOrdinance.industries.map((row) => ({ ...row, enabled: true }));

  test.each([
    ["ゴム製品製造業 at 900人", "ゴム製品製造業", "900", false],
    ["ゴム製品製造業 at 901人", "ゴム製品製造業", "901", true],
    [
      "ソフトウェア業・情報処理サービス業 at 300人",
      "ソフトウェア業・情報処理サービス業",
      "300",
      false,
    ],
    [
      "ソフトウェア業・情報処理サービス業 at 301人",
      "ソフトウェア業・情報処理サービス業",
      "301",
      true,
    ],
    ["旅館業 at 200人", "旅館業", "200", false],
    ["旅館業 at 201人", "旅館業", "201", true],
  ])("%s", (_, industry, employees, fires) => {
    const result = screen(
      { industry, employees, capital_yen: "999999999999" },
      { settings: withOrdinance },
    );
    expect(rulesOf(result)).toEqual(fires ? ["SME_SIZE_EXCEEDED"] : []);
  });
});

table("PARTICIPATION_CATEGORY_REQUIRED", [
  [
    "past participant",
    {
      participation_category: PARTICIPATION_CATEGORIES[0],
      prior_program: "継続支援事業（令和5年度）",
    },
    false,
  ],
  ["never supported", { participation_category: PARTICIPATION_CATEGORIES[1] }, false],
  ["version 1 wording", { participation_category: "新規（支援を希望）" }, true],
  ["empty", { participation_category: "" }, true],
  ["other text", { participation_category: "その他" }, true],
]);

table("CONSENT_REQUIRED", [
  ["checked", { consent_survey: ["同意する"] }, false],
  ["nothing checked", { consent_survey: [] }, true],
  ["missing", { consent_survey: undefined }, true],
  ["another label", { consent_survey: ["同意しない"] }, true],
]);

table("DECLARATIONS_INCOMPLETE", [
  ["all seven", { declarations: [...DECLARATIONS] }, false],
  ["all seven in another order", { declarations: [...DECLARATIONS].reverse() }, false],
  ["six", { declarations: DECLARATIONS.slice(1) }, true],
  ["none", { declarations: [] }, true],
  ["missing", { declarations: undefined }, true],
]);

test("DECLARATIONS_INCOMPLETE names the unchecked declarations", () => {
  const result = screen({
    declarations: DECLARATIONS.filter((_, index) => index !== 0 && index !== 2),
  });
  expect(result.violations[0]?.message).toContain("チェックがないもの：ア、ウ");
});

describe("application window (both ends inclusive, judged in JST)", () => {
  test.each<[string, string | undefined, RuleId[]]>([
    ["first second, JST offset", "2024-07-12T00:00:00+09:00", []],
    ["first second, in UTC", "2024-07-11T15:00:00Z", []],
    ["one second before opening", "2024-07-11T14:59:59Z", ["APPLIED_BEFORE_WINDOW"]],
    ["one second before opening, JST", "2024-07-11T23:59:59+09:00", ["APPLIED_BEFORE_WINDOW"]],
    ["last minute", "2024-08-09T16:59:59+09:00", []],
    ["closing instant 17:00:00 JST", "2024-08-09T17:00:00+09:00", []],
    ["closing instant as kintone stores it", "2024-08-09T08:00:00Z", []],
    ["closing instant with milliseconds", "2024-08-09T08:00:00.000Z", []],
    ["one second late", "2024-08-09T08:00:01Z", ["APPLIED_AFTER_WINDOW"]],
    ["compared at the second: 17:00:00.999", "2024-08-09T17:00:00.999+09:00", []],
    [
      "one second before opening, with milliseconds",
      "2024-07-11T23:59:59.999+09:00",
      ["APPLIED_BEFORE_WINDOW"],
    ],
    ["no offset reads as JST: 17:00", "2024-08-09T17:00:00", []],
    ["no offset reads as JST: 17:01", "2024-08-09 17:01", ["APPLIED_AFTER_WINDOW"]],
    ["a date alone is 00:00 JST", "2024-07-12", []],
    ["the day before opening", "2024-07-11", ["APPLIED_BEFORE_WINDOW"]],
    ["full-width digits", "２０２４-０８-０９T１７:００:００+０９:００", []],
    ["not a date", "昨日", ["APPLIED_AT_INVALID"]],
    ["impossible date", "2024-02-30T10:00:00Z", ["APPLIED_AT_INVALID"]],
  ])("%s", (_, appliedAt, expected) => {
    expect(rulesOf(screen({ appliedAt }))).toEqual(expected);
  });

  test("without applied_at the instant given as now is used", () => {
    expect(
      rulesOf(screen({ appliedAt: undefined }, { now: new Date("2024-08-09T08:00:00Z") })),
    ).toEqual([]);
    expect(rulesOf(screen({ appliedAt: "  " }, { now: new Date("2024-08-09T08:00:01Z") }))).toEqual(
      ["APPLIED_AFTER_WINDOW"],
    );
  });

  test("the messages show the window in 西暦 and 和暦, and say it has closed", () => {
    const late = screen({ appliedAt: "2024-08-09T08:30:00Z" }).violations[0];
    expect(late?.message).toBe(
      "申込受付期間（2024年（令和6年）7月12日（金）00:00〜2024年（令和6年）8月9日（金）17:00）は終了しているため、お申込みいただけません（受付日時：2024年（令和6年）8月9日（金）17:30）。",
    );
    const early = screenApplication(
      validApplication({ appliedAt: "2024-07-11T10:00:00Z" }),
      settings,
      {
        lang: "en",
      },
    ).violations[0];
    expect(early?.message).toContain("Fri 12 Jul 2024 00:00 JST to Fri 9 Aug 2024 17:00 JST");
  });

  test("seconds are shown when they decide the case, and only then", () => {
    const bySeconds = screen({ appliedAt: "2024-08-09T08:00:01Z" }).violations[0];
    expect(bySeconds?.message).toContain("8月9日（金）17:00:00）は終了");
    expect(bySeconds?.message).toContain("受付日時：2024年（令和6年）8月9日（金）17:00:01");
    const early = screen({ appliedAt: "2024-07-11T14:59:59Z" }).violations[0];
    expect(early?.message).toContain("2024年（令和6年）7月12日（金）00:00:00〜");
    expect(early?.message).toContain("受付日時：2024年（令和6年）7月11日（木）23:59:59");
    const byMinutes = screen({ appliedAt: "2024-08-09T08:30:59Z" }).violations[0];
    expect(byMinutes?.message).not.toMatch(/\d\d:\d\d:\d\d/);
  });
});

describe("results", () => {
  test("all violations are returned at once, in the order of spec §4", () => {
    const result = screen({
      company_name: "",
      entity_type: "法人",
      corporate_number: "123",
      postal_code: "",
      contact_email: "x",
      employees: "many",
      consent_survey: [],
      appliedAt: "2024-09-01T00:00:00+09:00",
    });
    expect(rulesOf(result)).toEqual([
      "COMPANY_NAME_REQUIRED",
      "CORPORATE_NUMBER_FORMAT",
      "POSTAL_CODE_FORMAT",
      "EMAIL_FORMAT",
      "EMPLOYEES_INVALID",
      "CONSENT_REQUIRED",
      "APPLIED_AFTER_WINDOW",
    ]);
    expect(result.status).toBe("ineligible");
  });

  test("every violation names its field, severity and a message", () => {
    const result = screen({ prefecture: "神奈川県", address: "大阪府大阪市", employees: "" });
    expect(result.violations).toEqual([
      expect.objectContaining({
        rule: "PREFECTURE_NOT_TOKYO",
        severity: "error",
        field: "prefecture",
      }),
      expect.objectContaining({
        rule: "ADDRESS_PREFECTURE_MISMATCH",
        severity: "warning",
        field: "address",
      }),
      expect.objectContaining({ rule: "EMPLOYEES_INVALID", severity: "error", field: "employees" }),
    ]);
    expect(result.violations[1]?.message).toBe(
      "所在地が「大阪府」で始まっており、選ばれた都道府県「神奈川県」と一致しません。所在地と都道府県をご確認ください。",
    );
  });

  test("warnings alone make the status review", () => {
    expect(screen({ address: "埼玉県さいたま市" }).status).toBe("review");
  });

  test("messages quote what was entered and are English when asked", () => {
    const ja = screen({ capital_yen: "3億円" }).violations[0];
    expect(ja?.message).toBe(
      "資本金又は出資の総額を、円単位の数字で入力してください（例：3億円は300000000。入力値：「3億円」）。",
    );
    const en = screenApplication(validApplication({ employees: "" }), settings, {
      lang: "en",
      now: NOW,
    });
    expect(en.violations[0]?.message).toBe(
      "Enter the number of regular employees as a whole number, 0 or more; officers and the owner are not counted (entered: blank).",
    );
  });

  test("a message configured in the settings replaces the built-in one", () => {
    const custom = defaultProgramSettings();
    custom.messages = { CONSENT_REQUIRED: { ja: "{categories}／同意が必要です。" } };
    const result = screen({ consent_survey: [] }, { settings: custom });
    expect(result.violations[0]?.message).toBe(
      "令和5年度までに都のサイバーセキュリティ対策関連事業に参加、支援を受けたことはないが本事業での支援を希望／同意が必要です。",
    );
    const en = screenApplication(validApplication({ consent_survey: [] }), custom, {
      lang: "en",
      now: NOW,
    });
    expect(en.violations[0]?.message).toContain("post-support survey");
  });

  test("a changed window and thresholds in the settings are used", () => {
    const custom = defaultProgramSettings();
    custom.window = { opensAt: "2025-01-06T09:00:00+09:00", closesAt: "2025-01-31T17:00:00+09:00" };
    custom.industries = custom.industries.map((row) =>
      row.industry === "小売業" ? { ...row, employeeLimit: 20, capitalLimitYen: 1 } : row,
    );
    const result = screen(
      { industry: "小売業", employees: "21", capital_yen: "2" },
      { settings: custom },
    );
    expect(rulesOf(result)).toEqual(["SME_SIZE_EXCEEDED", "APPLIED_BEFORE_WINDOW"]);
    expect(result.violations[1]?.message).toContain("2025年（令和7年）1月6日（月）09:00");
  });
});
