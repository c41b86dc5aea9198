import { DECLARATIONS, PARTICIPATION_CATEGORIES } from "../../../src/core/vocabulary";

/** The field values of an application that passes every rule (default field codes). */
export function validApplicationValues(
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    application_no: "12",
    company_name: "株式会社テスト",
    entity_type: "個人事業主",
    corporate_number: "",
    postal_code: "1638001",
    prefecture: "東京都",
    address: "東京都新宿区西新宿2-8-1",
    industry: "サービス業",
    capital_yen: "",
    employees: "5",
    participation_category: PARTICIPATION_CATEGORIES[1],
    consent_survey: ["同意する"],
    declarations: [...DECLARATIONS],
    contact_email: "info@example.jp",
    contact_phone: "03-1234-5678",
    applied_at: "2024-07-20T01:00:00Z",
    eligibility: "適格",
    eligibility_notes: "",
    lottery_result: "未抽選",
    lottery_rank: "",
    waitlist_no: "",
    participation_intent: "未回答",
    visit_date: "",
    expert_name: "",
    ...overrides,
  };
}
