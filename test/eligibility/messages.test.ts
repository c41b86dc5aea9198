/**
 * A message test for every rule: each is triggered, in both languages, and says in plain words what
 * to do — no unfilled {slot}, no rule id, Japanese in the polite style of Tokyo notices.
 */
import type { ApplicationInput } from "../../src/core/application";
import { RULE_IDS, type RuleId, screenApplications } from "../../src/core/eligibility";
import { defaultProgramSettings } from "../../src/core/settings/programSettings";
import { PARTICIPATION_CATEGORIES } from "../../src/core/vocabulary";
import { validApplication } from "./fixtures";

const NOW = new Date("2024-07-20T03:00:00Z");
const settings = defaultProgramSettings();
settings.roundOneParticipants = [
  { corporateNumber: "", name: "一覧商店", address: "東京都中央区銀座1-1-1" },
];

/** Applications that trigger the rule (the last one carries it; batch rules need two). */
const TRIGGERS: Record<RuleId, Array<Partial<ApplicationInput>>> = {
  COMPANY_NAME_REQUIRED: [{ company_name: "" }],
  ENTITY_TYPE_REQUIRED: [{ entity_type: "" }],
  ENTITY_NOT_ELIGIBLE: [{ entity_type: "その他の法人・団体" }],
  CORPORATE_NUMBER_FORMAT: [{ corporate_number: "123" }],
  CORPORATE_NUMBER_CHECK_DIGIT: [{ corporate_number: "8010705000725" }],
  PREFECTURE_NOT_TOKYO: [{ prefecture: "大阪府", address: "" }],
  ADDRESS_PREFECTURE_MISMATCH: [{ address: "埼玉県川口市1-1" }],
  POSTAL_CODE_FORMAT: [{ postal_code: "123" }],
  PHONE_FORMAT: [{ contact_phone: "03-1234" }],
  EMAIL_FORMAT: [{ contact_email: "x@" }],
  INDUSTRY_REQUIRED: [{ industry: "" }],
  INDUSTRY_HINT: [{ business_description: "ソフトウェア開発" }],
  EMPLOYEES_INVALID: [{ employees: "多数" }],
  CAPITAL_INVALID: [{ capital_yen: "不明" }],
  SME_SIZE_EXCEEDED: [{ capital_yen: "400000000", employees: "400" }],
  PARTICIPATION_CATEGORY_REQUIRED: [{ participation_category: "" }],
  PRIOR_PROGRAM_REQUIRED: [
    { participation_category: PARTICIPATION_CATEGORIES[0], prior_program: "" },
  ],
  PRIOR_PROGRAM_NOT_BEFORE_FY2024: [
    {
      entity_type: "個人事業主",
      corporate_number: "",
      company_name: "一覧商店",
      address: "東京都中央区銀座1-1-1",
    },
  ],
  CONSENT_REQUIRED: [{ consent_survey: [] }],
  DECLARATIONS_INCOMPLETE: [{ declarations: [] }],
  APPLIED_AT_INVALID: [{ appliedAt: "きのう" }],
  APPLIED_BEFORE_WINDOW: [{ appliedAt: "2024-07-01T10:00:00+09:00" }],
  APPLIED_AFTER_WINDOW: [{ appliedAt: "2024-08-10T10:00:00+09:00" }],
  DUPLICATE_CORPORATE_NUMBER: [
    {
      id: "1",
      appliedAt: "2024-07-15T10:00:00+09:00",
      contact_phone: "0311110000",
      contact_email: "a@example.jp",
      company_name: "A",
    },
    { id: "2", contact_phone: "0322220000", contact_email: "b@example.jp", company_name: "B" },
  ],
  POSSIBLE_DUPLICATE: [
    { id: "1", corporate_number: "4011001098993", company_name: "A" },
    { id: "2", company_name: "B" },
  ],
};

describe.each(["ja", "en"] as const)("messages in %s", (lang) => {
  test.each([...RULE_IDS])("%s", (rule) => {
    const results = screenApplications(
      TRIGGERS[rule].map((overrides) => validApplication(overrides)),
      settings,
      { lang, now: NOW },
    );
    const found = results.at(-1)?.violations.find((v) => v.rule === rule);
    expect(found).toBeDefined();
    const message = found?.message ?? "";
    expect(message).not.toMatch(/\{\w+\}/);
    expect(message).not.toMatch(/[A-Z]{3,}_[A-Z_]+/);
    expect(message).not.toContain("\n");
    if (lang === "ja") {
      expect(message).toMatch(/。$/);
      expect(message).toMatch(/ください|ません|します|です/);
      expect(message).not.toMatch(/「「|」」です/);
    } else {
      expect(message).toMatch(/[.)]$/);
    }
  });
});
