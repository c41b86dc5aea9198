import type { ApplicationInput } from "../../src/core/application";
import { DECLARATIONS, PARTICIPATION_CATEGORIES } from "../../src/core/vocabulary";

/** An application that passes every rule with the default settings; tests change one thing at a time. */
export function validApplication(overrides: Partial<ApplicationInput> = {}): ApplicationInput {
  return {
    company_name: "株式会社テスト商会",
    entity_type: "会社",
    corporate_number: "7010705000725",
    representative_name: "山田太郎",
    postal_code: "163-8001",
    prefecture: "東京都",
    address: "東京都新宿区西新宿2-8-1",
    industry: "製造業・建設業・運輸業・その他",
    capital_yen: "10000000",
    employees: "20",
    participation_category: PARTICIPATION_CATEGORIES[1],
    prior_program: "",
    consent_survey: ["同意する"],
    declarations: [...DECLARATIONS],
    contact_name: "佐藤花子",
    contact_email: "hanako@example.co.jp",
    contact_phone: "03-1234-5678",
    appliedAt: "2024-07-20T10:00:00+09:00",
    ...overrides,
  };
}

/** A valid 13-digit 法人番号 built from 12 base digits (check digit computed independently of the code under test). */
export function corporateNumberFrom(base12: string): string {
  let sum = 0;
  for (let n = 1; n <= 12; n++) {
    const digit = Number(base12[12 - n]);
    sum += digit * (n % 2 === 0 ? 2 : 1);
  }
  return `${9 - (sum % 9)}${base12}`;
}
