/**
 * The built-in message of every rule, in the polite style of Tokyo notices (domain-rules §7), with
 * `{placeholders}` filled from the program settings and the application. The plugin config may
 * replace any template per rule and language (ProgramSettings.messages).
 */
import type { Lang, Localized } from "../i18n";
import type { MessageOverride } from "../settings/programSettings";
import type { RuleId } from "./types";

export const MESSAGE_TEMPLATES: Record<RuleId, Localized> = {
  COMPANY_NAME_REQUIRED: {
    ja: "企業名・屋号を入力してください。",
    en: "Enter the company or trade name.",
  },
  ENTITY_TYPE_REQUIRED: {
    ja: "事業形態（法人／個人事業主）を選択してください。",
    en: "Select the type of business: 法人 (corporation) or 個人事業主 (sole proprietor).",
  },
  CORPORATE_NUMBER_FORMAT: {
    ja: "法人番号は13桁の数字で入力してください（入力値：{value}）。",
    en: "Enter the corporate number (法人番号) as 13 digits (entered: {value}).",
  },
  CORPORATE_NUMBER_CHECK_DIGIT: {
    ja: "法人番号が正しくありません（検査用数字が一致しません）。法人番号公表サイト等で番号をご確認ください。",
    en: "The corporate number is not valid (its check digit does not match). Please check it, e.g. on the National Tax Agency's corporate number site.",
  },
  PREFECTURE_NOT_TOKYO: {
    ja: "主たる事業所の都道府県が「{prefecture}」です。本事業は東京都内に主たる事業所を有する中小企業者が対象ですので、選択内容をご確認ください。",
    en: "The main office's prefecture is {prefecture}. The program is open only to SMEs whose main office is in Tokyo (東京都); please check your selection.",
  },
  ADDRESS_PREFECTURE_MISMATCH: {
    ja: "所在地が「{addressPrefecture}」で始まっており、選択された都道府県（{prefecture}）と一致しません。所在地と都道府県をご確認ください。",
    en: "The address starts with {addressPrefecture}, which differs from the selected prefecture ({prefecture}). Please check the address and the prefecture.",
  },
  POSTAL_CODE_FORMAT: {
    ja: "郵便番号は7桁の数字で入力してください（例：163-8001、入力値：{value}）。",
    en: "Enter the postal code as 7 digits (e.g. 163-8001; entered: {value}).",
  },
  PHONE_FORMAT: {
    ja: "電話番号は市外局番から、0で始まる10桁又は11桁の数字で入力してください（例：03-1234-5678、入力値：{value}）。",
    en: "Enter the phone number with its area code: 10 or 11 digits starting with 0 (e.g. 03-1234-5678; entered: {value}).",
  },
  EMAIL_FORMAT: {
    ja: "メールアドレスの形式が正しくありません。「name@example.co.jp」の形式で入力してください（入力値：{value}）。",
    en: "The e-mail address is not valid. Enter it like name@example.co.jp (entered: {value}).",
  },
  INDUSTRY_REQUIRED: {
    ja: "業種を次の中から選択してください：{industries}（入力値：{value}）。",
    en: "Select the industry from: {industries} (entered: {value}).",
  },
  EMPLOYEES_INVALID: {
    ja: "常時使用する従業員数は0以上の整数で入力してください（役員・個人事業主本人は含みません。入力値：{value}）。",
    en: "Enter the number of regular employees as a whole number, 0 or more; officers and the owner are not counted (entered: {value}).",
  },
  CAPITAL_INVALID: {
    ja: "資本金又は出資の総額は円単位の整数で入力してください（例：3億円は300000000。入力値：{value}）。",
    en: "Enter the capital in yen as a whole number (e.g. 300000000 for 3億円; entered: {value}).",
  },
  SME_SIZE_EXCEEDED: {
    ja: "{industry}の中小企業者の範囲（{limits}）を超えているため、お申込みいただけません。業種・資本金・従業員数の入力内容をご確認ください。",
    en: "The business exceeds the SME limits for {industry} ({limits}), so it cannot apply. Please check the industry, capital and number of employees.",
  },
  PARTICIPATION_CATEGORY_REQUIRED: {
    ja: "参加区分を次の中から選択してください：{categories}。",
    en: "Select the participation category: {categories}.",
  },
  CONSENT_REQUIRED: {
    ja: "支援後のアンケート調査及びヒアリングへのご協力に同意いただけない場合は、お申込みいただけません。「同意する」にチェックを入れてください。",
    en: "Applicants must agree to answer the post-support survey and, if asked, a hearing. Please check 同意する (agree).",
  },
  DECLARATIONS_INCOMPLETE: {
    ja: "誓約事項のすべてをご確認のうえ、チェックを入れてください（未チェック：{missing}）。",
    en: "Please read every declaration and check them all (unchecked: {missing}).",
  },
  APPLIED_AT_INVALID: {
    ja: "申込日時を日時として読み取れません（入力値：{value}）。事務局で受付日時をご確認ください。",
    en: "The application time cannot be read as a date and time (entered: {value}). The secretariat should check the receipt time.",
  },
  APPLIED_BEFORE_WINDOW: {
    ja: "申込受付期間前のお申込みです（申込日時：{appliedAt}）。受付開始は{opensAt}です。",
    en: "The application arrived before the application period opened (received {appliedAt}; opens {opensAt}).",
  },
  APPLIED_AFTER_WINDOW: {
    ja: "申込受付期間は終了しています（申込日時：{appliedAt}、締切：{closesAt}）。",
    en: "The application period had closed (received {appliedAt}; deadline {closesAt}).",
  },
  DUPLICATE_CORPORATE_NUMBER: {
    ja: "同一の法人番号によるお申込みが既にあります（{kept}）。お申込みは1事業者につき1件までです。",
    en: "An application with the same corporate number was received earlier ({kept}). Each business may apply only once.",
  },
  POSSIBLE_DUPLICATE: {
    ja: "同一の事業者と思われるお申込みが他にあります（{matches}）。事務局で確認のうえご連絡します。",
    en: "Another application seems to come from the same business ({matches}). The secretariat will check and contact you.",
  },
};

export type MessageParams = Record<string, string>;

/** The message of `rule` in `lang`, from the configured override if there is one, with `{placeholders}` filled. */
export function ruleMessage(
  rule: RuleId,
  lang: Lang,
  params: MessageParams = {},
  overrides: Partial<Record<RuleId, MessageOverride>> = {},
): string {
  const template = overrides[rule]?.[lang] || MESSAGE_TEMPLATES[rule][lang];
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => params[name] ?? placeholder);
}

function groupThousands(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** Yen as notices write it: 3億円, 5,000万円, 1億2,000万円; other amounts with separators. */
export function formatYen(amount: number, lang: Lang): string {
  if (lang === "en") return `¥${groupThousands(amount)}`;
  if (amount === 0 || amount % 10_000 !== 0) return `${groupThousands(amount)}円`;
  const oku = Math.floor(amount / 100_000_000);
  const man = (amount % 100_000_000) / 10_000;
  return `${oku > 0 ? `${groupThousands(oku)}億` : ""}${man > 0 ? `${groupThousands(man)}万` : ""}円`;
}
