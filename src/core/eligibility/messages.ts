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
    ja: "事業形態を「会社」「個人事業主」「その他の法人・団体」の中から選んでください（入力値：{value}）。",
    en: "Choose the type of business: 会社 (company), 個人事業主 (sole proprietor) or その他の法人・団体 (other body) (entered: {value}).",
  },
  ENTITY_NOT_ELIGIBLE: {
    ja: "本事業に申し込めるのは、会社（株式会社・有限会社・合同会社・合名会社・合資会社）と個人事業主だけです。{reason}ため、お申込みいただけません。事業形態の選択が誤っている場合は、選び直してください。",
    en: "Only companies (株式会社, 有限会社, 合同会社, 合名会社, 合資会社) and sole proprietors may apply. {reason}, so this application cannot be accepted. If the type of business was chosen by mistake, choose it again.",
  },
  CORPORATE_NUMBER_FORMAT: {
    ja: "法人番号は13桁の数字で入力してください（入力値：{value}）。法人番号は国税庁の法人番号公表サイトで調べられます。",
    en: "Enter the corporate number (法人番号) as 13 digits (entered: {value}). You can look it up on the National Tax Agency's corporate number site.",
  },
  CORPORATE_NUMBER_CHECK_DIGIT: {
    ja: "法人番号が正しくありません（検査用数字が一致しません）。法人番号公表サイト等で番号をご確認ください。",
    en: "The corporate number is not valid (its check digit does not match). Please check it, e.g. on the National Tax Agency's corporate number site.",
  },
  PREFECTURE_NOT_TOKYO: {
    ja: "本事業は、東京都内に主たる事業所がある中小企業者が対象です。主たる事業所の都道府県（入力値：{value}）をご確認ください。",
    en: "The program is open only to businesses whose main office is in Tokyo (東京都). Please check the main office's prefecture (entered: {value}).",
  },
  ADDRESS_PREFECTURE_MISMATCH: {
    ja: "所在地が{addressPrefecture}で始まっており、選ばれた都道府県{prefecture}と一致しません。所在地と都道府県をご確認ください。",
    en: "The address starts with {addressPrefecture}, which differs from the selected prefecture ({prefecture}). Please check the address and the prefecture.",
  },
  POSTAL_CODE_FORMAT: {
    ja: "郵便番号は7桁の数字で入力してください（例：163-8001、入力値：{value}）。",
    en: "Enter the postal code as 7 digits (e.g. 163-8001; entered: {value}).",
  },
  PHONE_FORMAT: {
    ja: "電話番号は市外局番から、0で始まる10桁又は11桁の数字だけで入力してください。内線番号などは書かないでください（例：03-1234-5678、入力値：{value}）。",
    en: "Enter the phone number with its area code: 10 or 11 digits starting with 0, without an extension or other notes (e.g. 03-1234-5678; entered: {value}).",
  },
  EMAIL_FORMAT: {
    ja: "メールアドレスの形式が正しくありません。「name@example.co.jp」の形式で入力してください（入力値：{value}）。",
    en: "The e-mail address is not valid. Enter it like name@example.co.jp (entered: {value}).",
  },
  INDUSTRY_REQUIRED: {
    ja: "業種を次の中から選んでください：{industries}（入力値：{value}）。",
    en: "Choose the industry from: {industries} (entered: {value}).",
  },
  INDUSTRY_HINT: {
    ja: "主な事業内容に「{keyword}」とあり、{suggested}に当たる可能性があります（選ばれた業種：{industry}）。{consequence}業種の区分（飲食店は小売業、ソフトウェア・情報処理・宿泊はサービス業）をご確認ください。事務局で確認します。",
    en: "The main line of business mentions {keyword}, which may belong to {suggested} (chosen: {industry}). {consequence}Please check the industry groups (restaurants are retail; software, information processing and lodging are services). The secretariat will check.",
  },
  EMPLOYEES_INVALID: {
    ja: "常時使用する従業員数は0以上の整数で入力してください（役員・個人事業主本人は含みません。入力値：{value}）。",
    en: "Enter the number of regular employees as a whole number, 0 or more; officers and the owner are not counted (entered: {value}).",
  },
  CAPITAL_INVALID: {
    ja: "資本金又は出資の総額を、円単位の数字で入力してください（例：3億円は300000000。入力値：{value}）。",
    en: "Enter the capital in yen as a whole number (e.g. 300000000 for 3億円; entered: {value}).",
  },
  SME_SIZE_EXCEEDED: {
    ja: "{industry}の中小企業者の範囲（{limits}）を超えているため、お申込みいただけません。業種・資本金・従業員数の入力内容をご確認ください。",
    en: "The business exceeds the SME limits for {industry} ({limits}), so it cannot apply. Please check the industry, capital and number of employees.",
  },
  PARTICIPATION_CATEGORY_REQUIRED: {
    ja: "参加区分を次の中から選んでください：{categories}。",
    en: "Choose the participation category: {categories}.",
  },
  PRIOR_PROGRAM_REQUIRED: {
    ja: "「令和5年度までに都のサイバーセキュリティ対策関連事業に参加」を選んだ場合は、参加した事業名と年度を入力してください（例：中小企業サイバーセキュリティ対策継続支援事業（令和5年度））。",
    en: 'With the category "took part in a Tokyo cyber-security program up to FY2023", enter the program\'s name and year (e.g. 中小企業サイバーセキュリティ対策継続支援事業（令和5年度）).',
  },
  PRIOR_PROGRAM_NOT_BEFORE_FY2024: {
    ja: "{reason}。参加区分は「令和5年度までに参加」又は「支援を受けたことがない」のどちらかが条件のため、事務局で参加歴を確認します。",
    en: '{reason}. The categories are "took part up to FY2023" or "never supported", so the secretariat will check the participation history.',
  },
  CONSENT_REQUIRED: {
    ja: "支援後のアンケート調査及びヒアリングへのご協力に同意いただけない場合は、お申込みいただけません。「同意する」にチェックを入れてください。",
    en: "Applicants must agree to answer the post-support survey and, if asked, a hearing. Please check 同意する (agree).",
  },
  DECLARATIONS_INCOMPLETE: {
    ja: "誓約事項（ア〜キ）をすべてお読みのうえ、該当するものにチェックを入れてください（チェックがないもの：{missing}）。一つでも当てはまらない場合は、お申込みいただけません。",
    en: "Please read every declaration (ア–キ) and check each one (unchecked: {missing}). A business that cannot declare all of them cannot apply.",
  },
  APPLIED_AT_INVALID: {
    ja: "申込日時を日時として読み取れません（入力値：{value}）。事務局で受付日時をご確認ください。",
    en: "The application time cannot be read as a date and time (entered: {value}). The secretariat should check the receipt time.",
  },
  APPLIED_BEFORE_WINDOW: {
    ja: "申込受付期間（{opensAt}〜{closesAt}）の前に届いたお申込みです（受付日時：{appliedAt}）。受付開始後にお申し込みください。",
    en: "The application arrived before the application period ({opensAt} to {closesAt}) opened (received {appliedAt}). Please apply once it has opened.",
  },
  APPLIED_AFTER_WINDOW: {
    ja: "申込受付期間（{opensAt}〜{closesAt}）は終了しているため、お申込みいただけません（受付日時：{appliedAt}）。",
    en: "The application period ({opensAt} to {closesAt}) has closed, so the application cannot be accepted (received {appliedAt}).",
  },
  DUPLICATE_CORPORATE_NUMBER: {
    ja: "同じ法人番号のお申込みが先に届いています（{kept}）。お申込みは1事業者につき1件までです。",
    en: "An application with the same corporate number arrived earlier ({kept}). Each business may apply only once.",
  },
  POSSIBLE_DUPLICATE: {
    ja: "同じ事業者からと思われるお申込みが他にあります（{matches}）。事務局で確認のうえご連絡します。",
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
