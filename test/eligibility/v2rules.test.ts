/**
 * The rules spec v2 §4 added or changed: who may apply, the industry hint, the participation
 * categories, a blank capital, live-only duplicates, quoted applicant text and the signature.
 */
import type { ApplicationInput } from "../../src/core/application";
import {
  type EligibilityResult,
  formatEligibilityNotes,
  type RuleId,
  screenApplication,
  screenApplications,
  normalizeAddress,
} from "../../src/core/eligibility";
import { screeningSignature } from "../../src/core/eligibility/signature";
import {
  defaultProgramSettings,
  type ProgramSettings,
} from "../../src/core/settings/programSettings";
import { PARTICIPATION_CATEGORIES } from "../../src/core/vocabulary";
import { corporateNumberFrom, validApplication } from "./fixtures";

const NOW = new Date("2024-07-20T03:00:00Z");
const settings = defaultProgramSettings();

function screen(
  overrides: Partial<ApplicationInput>,
  custom: ProgramSettings = settings,
  lang: "ja" | "en" = "ja",
) {
  return screenApplication(validApplication(overrides), custom, { lang, now: NOW });
}
const rulesOf = (result: EligibilityResult): RuleId[] => result.violations.map((v) => v.rule);
const messageOf = (result: EligibilityResult, rule: RuleId) =>
  result.violations.find((v) => v.rule === rule)?.message ?? "";

type Row = [description: string, overrides: Partial<ApplicationInput>, fires: boolean];
function table(rule: RuleId, rows: Row[]) {
  describe(rule, () => {
    test.each(rows)("%s", (_, overrides, fires) => {
      expect(rulesOf(screen(overrides)).includes(rule)).toBe(fires);
    });
  });
}

table("ENTITY_NOT_ELIGIBLE", [
  ["会社", { entity_type: "会社" }, false],
  ["個人事業主", { entity_type: "個人事業主", company_name: "山田デザイン事務所" }, false],
  ["legacy 法人", { entity_type: "法人" }, false],
  ["その他の法人・団体", { entity_type: "その他の法人・団体" }, true],
  ["会社 named NPO法人", { company_name: "NPO法人みどりネット" }, true],
  ["会社 named 特定非営利活動法人", { company_name: "特定非営利活動法人みどり" }, true],
  ["会社 named 一般社団法人", { company_name: "一般社団法人東京技術協会" }, true],
  ["会社 named （一社） in full width", { company_name: "（一社）東京技術協会" }, true],
  ["会社 named 医療法人社団", { company_name: "医療法人社団 健友会" }, true],
  ["会社 named 社会福祉法人", { company_name: "社会福祉法人あおば福祉会" }, true],
  ["会社 named 学校法人", { company_name: "学校法人山田学園" }, true],
  ["会社 named 事業協同組合", { company_name: "東京印刷事業協同組合" }, true],
  [
    "個人事業主 named 公益財団法人",
    { entity_type: "個人事業主", company_name: "公益財団法人さくら" },
    true,
  ],
  ["a company that serves 医療法人", { company_name: "株式会社医療法人サポート" }, false],
  ["㈱ abbreviation with 協同組合 in the name", { company_name: "㈱協同組合システムズ" }, false],
]);

test("ENTITY_NOT_ELIGIBLE says who may apply and why this one may not", () => {
  expect(messageOf(screen({ entity_type: "その他の法人・団体" }), "ENTITY_NOT_ELIGIBLE")).toBe(
    "本事業に申し込めるのは、会社（株式会社・有限会社・合同会社・合名会社・合資会社）と個人事業主だけです。事業形態が「その他の法人・団体」のため、お申込みいただけません。事業形態の選択が誤っている場合は、選び直してください。",
  );
  const named = screen({ company_name: "一般社団法人東京技術協会" });
  expect(named.status).toBe("ineligible");
  expect(messageOf(named, "ENTITY_NOT_ELIGIBLE")).toContain(
    "企業名にある「一般社団法人」は会社ではない法人・団体の名称のため",
  );
  expect(
    messageOf(screen({ entity_type: "その他の法人・団体" }, settings, "en"), "ENTITY_NOT_ELIGIBLE"),
  ).toMatch(
    /^Only companies .* and sole proprietors may apply\. The type of business is その他の法人・団体/,
  );
});

test("その他の法人・団体 is not asked for a corporate number or capital", () => {
  expect(
    rulesOf(screen({ entity_type: "その他の法人・団体", corporate_number: "", capital_yen: "" })),
  ).toEqual(["ENTITY_NOT_ELIGIBLE"]);
});

test("an unknown entity option is quoted back and blocks", () => {
  const result = screen({ entity_type: "株式会社" });
  expect(result.status).toBe("ineligible");
  expect(messageOf(result, "ENTITY_TYPE_REQUIRED")).toBe(
    "事業形態を「会社」「個人事業主」「その他の法人・団体」の中から選んでください（入力値：「株式会社」）。",
  );
});

table("INDUSTRY_HINT", [
  ["no description", { business_description: "" }, false],
  ["manufacturing as その他", { business_description: "金属部品の製造" }, false],
  ["software house as その他", { business_description: "受託ソフトウェア開発" }, true],
  [
    "software house as サービス業",
    { industry: "サービス業", business_description: "受託ソフトウェア開発" },
    false,
  ],
  [
    "restaurant as サービス業",
    { industry: "サービス業", business_description: "イタリアンレストランの経営" },
    true,
  ],
  [
    "restaurant as 小売業",
    { industry: "小売業", business_description: "イタリアンレストランの経営" },
    false,
  ],
  [
    "cafe in full width as サービス業",
    { industry: "サービス業", business_description: "ｶﾌｪ" },
    true,
  ],
  ["hotel as その他", { business_description: "ビジネスホテル運営" }, true],
  ["wholesale as 小売業", { industry: "小売業", business_description: "食品の卸売" }, true],
  [
    "travel agency as サービス業 (旅行業 is その他)",
    { industry: "サービス業", business_description: "旅行業" },
    true,
  ],
  [
    "two groups, one of them chosen",
    { industry: "サービス業", business_description: "飲食店向けシステム開発" },
    false,
  ],
  ["words of no group", { business_description: "いろいろ" }, false],
  // JSIC K: real estate (68–692) is その他; only parking (693) and goods rental (70) are サービス業.
  ["real estate as その他", { business_description: "不動産の賃貸・管理" }, false],
  ["parking as その他", { business_description: "月極駐車場の運営" }, true],
]);

test("INDUSTRY_HINT is a warning that names the group and what it would mean", () => {
  const restaurant = screen({
    industry: "サービス業",
    business_description: "レストランチェーンの経営",
    capital_yen: "90000000",
    employees: "95",
  });
  expect(restaurant.status).toBe("review");
  expect(messageOf(restaurant, "INDUSTRY_HINT")).toBe(
    "主な事業内容に「レストラン」とあり、小売業に当たる可能性があります（選ばれた業種：サービス業）。小売業の場合は中小企業者の範囲（資本金5,000万円以下又は常時使用する従業員50人以下）を超えます。業種の区分（飲食店は小売業、ソフトウェア・情報処理・宿泊はサービス業）をご確認ください。事務局で確認します。",
  );
  const software = screen({
    business_description: "ソフトウェア受託開発",
    capital_yen: "100000000",
    employees: "150",
  });
  expect(rulesOf(software)).toEqual(["INDUSTRY_HINT"]);
  expect(messageOf(software, "INDUSTRY_HINT")).toContain("サービス業の場合は中小企業者の範囲");
  const en = screen({ business_description: "ソフトウェア受託開発" }, settings, "en");
  expect(messageOf(en, "INDUSTRY_HINT")).toBe(
    "The main line of business mentions ソフトウェア, which may belong to サービス業 (chosen: 製造業・建設業・運輸業・その他). Please check the industry groups (restaurants are retail; software, information processing and lodging are services). The secretariat will check.",
  );
});

describe("CAPITAL_INVALID for a 会社", () => {
  test.each<[string, Partial<ApplicationInput>, "warning" | "error" | undefined]>([
    ["blank, employees qualify (5 of 300)", { capital_yen: "", employees: "5" }, "warning"],
    ["blank, employees exactly at the limit", { capital_yen: "", employees: "300" }, "warning"],
    ["blank, employees one over the limit", { capital_yen: "", employees: "301" }, "error"],
    ["blank, employees unknown", { capital_yen: "", employees: "" }, "error"],
    ["full-width non-numeric", { capital_yen: "３億円" }, "error"],
    ["full-width digits", { capital_yen: "３００００００００" }, undefined],
  ])("%s", (_, overrides, severity) => {
    const found = screen(overrides).violations.find((v) => v.rule === "CAPITAL_INVALID");
    expect(found?.severity).toBe(severity);
  });
});

table("PRIOR_PROGRAM_REQUIRED", [
  [
    "never supported, no program",
    { participation_category: PARTICIPATION_CATEGORIES[1], prior_program: "" },
    false,
  ],
  [
    "took part, program given",
    {
      participation_category: PARTICIPATION_CATEGORIES[0],
      prior_program: "継続支援事業（令和5年度）",
    },
    false,
  ],
  [
    "took part, program blank",
    { participation_category: PARTICIPATION_CATEGORIES[0], prior_program: "" },
    true,
  ],
  [
    "took part, program only spaces",
    { participation_category: PARTICIPATION_CATEGORIES[0], prior_program: "\u3000 " },
    true,
  ],
]);

test("PRIOR_PROGRAM_REQUIRED tells what to write", () => {
  const result = screen({ participation_category: PARTICIPATION_CATEGORIES[0], prior_program: "" });
  expect(result.status).toBe("ineligible");
  expect(messageOf(result, "PRIOR_PROGRAM_REQUIRED")).toContain(
    "参加した事業名と年度を入力してください",
  );
});

const took = (prior_program: string): Partial<ApplicationInput> => ({
  participation_category: PARTICIPATION_CATEGORIES[0],
  prior_program,
});
table("PRIOR_PROGRAM_NOT_BEFORE_FY2024", [
  ["令和5年度", took("継続支援事業（令和5年度）"), false],
  ["令和元年度", took("基本対策事業（令和元年度）"), false],
  ["2023年度", took("基本対策事業 2023年度"), false],
  ["令和6年度", took("フォローアップ事業（令和6年度）1次募集"), true],
  ["令和６年度 in full width", took("フォローアップ事業（令和６年度）"), true],
  ["令和7年度", took("何かの事業（令和7年度）"), true],
  ["R6", took("フォローアップ事業 R6"), true],
  ["FY2024", took("follow-up program FY2024"), true],
  ["今年度", took("今年度の1次募集"), true],
  ["never supported but names 令和6年度", { prior_program: "令和6年度 1次" }, true],
]);

describe("PRIOR_PROGRAM_NOT_BEFORE_FY2024 with the round-1 list in the settings", () => {
  const listed = defaultProgramSettings();
  listed.roundOneParticipants = [
    { corporateNumber: "7010705000725", name: "", address: "" },
    { corporateNumber: "", name: "山田デザイン事務所", address: "東京都新宿区西新宿二丁目8番1号" },
  ];
  test("by 法人番号", () => {
    const result = screen({}, listed);
    expect(rulesOf(result)).toEqual(["PRIOR_PROGRAM_NOT_BEFORE_FY2024"]);
    expect(messageOf(result, "PRIOR_PROGRAM_NOT_BEFORE_FY2024")).toBe(
      "今年度の1次募集の参加企業の一覧に載っています。参加区分は「令和5年度までに参加」又は「支援を受けたことがない」のどちらかが条件のため、事務局で参加歴を確認します。",
    );
  });
  test("by name and address, however the address is written", () => {
    const soleProprietor = {
      entity_type: "個人事業主",
      corporate_number: "",
      company_name: "山田 デザイン事務所",
      address: "東京都新宿区西新宿2-8-1",
    };
    expect(rulesOf(screen(soleProprietor, listed))).toEqual(["PRIOR_PROGRAM_NOT_BEFORE_FY2024"]);
    expect(
      rulesOf(screen({ ...soleProprietor, address: "東京都新宿区西新宿2-8-2" }, listed)),
    ).toEqual([]);
  });
});

test("normalizeAddress writes 丁目・番・号 and hyphens alike", () => {
  expect(normalizeAddress("〒163-8001 東京都新宿区西新宿二丁目８番１号")).toBe(
    normalizeAddress("新宿区西新宿2-8-1"),
  );
  expect(normalizeAddress("東京都新宿区西新宿2ー8ー1")).toBe(
    normalizeAddress("東京都新宿区西新宿2-8-1"),
  );
  expect(normalizeAddress("東京都新宿区西新宿2-8-1")).not.toBe(
    normalizeAddress("東京都新宿区西新宿2-8-11"),
  );
});

describe("duplicates among live applications only", () => {
  const shared = corporateNumberFrom("401100109899");
  const first = validApplication({
    id: "1",
    company_name: "株式会社あおば",
    corporate_number: shared,
    contact_phone: "0311112222",
    appliedAt: "2024-07-15T10:00:00+09:00",
  });
  const again = validApplication({
    id: "2",
    company_name: "株式会社あおば",
    corporate_number: shared,
    contact_phone: "0311112222",
    contact_email: "other@example.jp",
    appliedAt: "2024-07-25T10:00:00+09:00",
  });
  test("a later live application of the same 会社 is a duplicate of the earliest live one", () => {
    const results = screenApplications([first, again], settings, { now: NOW });
    expect(rulesOf(results[1] as EligibilityResult)).toEqual(["DUPLICATE_CORPORATE_NUMBER"]);
  });
  test("a corrected re-application replaces an excluded (対象外) one, and the excluded one gets no batch finding", () => {
    const results = screenApplications([first, again], settings, { now: NOW, live: [false, true] });
    expect(results.map(rulesOf)).toEqual([[], []]);
  });
  test("sole proprietors with the same name and address are flagged for review", () => {
    const sole = (id: string, address: string, email: string) =>
      validApplication({
        id,
        entity_type: "個人事業主",
        corporate_number: "",
        company_name: "写真スタジオ 佐藤",
        address,
        contact_email: email,
        contact_phone: `03000000${id}0`,
      });
    const results = screenApplications(
      [
        sole("1", "東京都中野区中野5-1-2", "a@example.jp"),
        sole("2", "東京都中野区中野五丁目1番2号", "b@example.jp"),
      ],
      settings,
      { now: NOW },
    );
    expect(results.map((r) => r.status)).toEqual(["review", "review"]);
    expect(messageOf(results[0] as EligibilityResult, "POSSIBLE_DUPLICATE")).toContain(
      "企業名・屋号と所在地が同じ：レコード番号2",
    );
    const one = screenApplications(
      [
        sole("1", "東京都中野区中野5-1-2", "a@example.jp"),
        sole("2", "東京都中野区中野5-1-2", "b@example.jp"),
      ],
      settings,
      { now: NOW, live: [true, false] },
    );
    expect(one.map((r) => r.status)).toEqual(["eligible", "eligible"]);
  });
});

describe("the applicant's text stays one quoted value", () => {
  test.each([
    ["a newline with a fake reason", "160-002\n【不備】申込は無効です"],
    ["a carriage return and tab", "160\r\n\t002"],
    ["a closing bracket", "160」。別の理由「"],
    ["a line separator", "160\u2028002"],
  ])("%s", (_, postal_code) => {
    const result = screen({ postal_code });
    const notes = formatEligibilityNotes(result.violations);
    expect(notes.split("\n")).toHaveLength(1);
    const message = messageOf(result, "POSTAL_CODE_FORMAT");
    const quoted = /入力値：「([^「」]*)」/.exec(message);
    expect(quoted).not.toBeNull();
    expect(message.match(/「/g)).toHaveLength(1);
  });
  test("a 10 MB value is quoted shortened", () => {
    const result = screen({ postal_code: "x".repeat(10 * 1024 * 1024) });
    expect(messageOf(result, "POSTAL_CODE_FORMAT").length).toBeLessThan(200);
  });
});

describe("screening_signature", () => {
  const application = validApplication({ id: "5", business_description: "ソフトウェア開発" });
  const sign = async (
    app: ApplicationInput,
    custom: ProgramSettings = settings,
    lang: "ja" | "en" = "ja",
  ) => screeningSignature(app, screenApplication(app, custom, { lang, now: NOW }), custom);

  test("is the same in either language and with a changed message template", async () => {
    const ja = await sign(application);
    expect(ja).toMatch(/^s1:[0-9a-f]{64}$/);
    expect(await sign(application, settings, "en")).toBe(ja);
    const templated = defaultProgramSettings();
    templated.messages = {
      INDUSTRY_HINT: { ja: "業種を確認してください。", en: "Check the industry." },
    };
    expect(await sign(application, templated)).toBe(ja);
  });
  test("changes when the data under it or a deciding setting changes", async () => {
    const ja = await sign(application);
    expect(await sign({ ...application, employees: "21" })).not.toBe(ja);
    const stricter = defaultProgramSettings();
    stricter.industries = stricter.industries.map((row) => ({ ...row, employeeLimit: 10 }));
    expect(await sign(application, stricter)).not.toBe(ja);
  });
});
