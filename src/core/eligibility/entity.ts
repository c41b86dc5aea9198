/**
 * Who may apply (spec v2 §1): 会社 and 個人事業主 only. A name can still carry a legal form that is
 * not a 会社 (NPO法人, 一般社団法人, 医療法人 …) when the applicant ticked 会社; those forms, and the
 * name and address comparison used to spot the same business twice, live here.
 */
import { type EntityType, ENTITY_TYPES, LEGACY_ENTITY_LABELS, PREFECTURES } from "../vocabulary";
import { normalizeText, toHalfWidth } from "./normalize";

/** Legal forms that are not a 会社 under 会社法, so not a 中小企業者 under 基本法 §2. Longest first. */
const NON_COMPANY_FORMS = [
  "特定非営利活動法人",
  "地方独立行政法人",
  "有限責任事業組合",
  "社会保険労務士法人",
  "土地家屋調査士法人",
  "独立行政法人",
  "国立大学法人",
  "一般社団法人",
  "一般財団法人",
  "公益社団法人",
  "公益財団法人",
  "社会福祉法人",
  "司法書士法人",
  "行政書士法人",
  "医療法人社団",
  "医療法人財団",
  "弁護士法人",
  "税理士法人",
  "弁理士法人",
  "社団法人",
  "財団法人",
  "医療法人",
  "学校法人",
  "宗教法人",
  "監査法人",
  "NPO法人",
  "協同組合",
  "(一社)",
  "(一財)",
  "(公社)",
  "(公財)",
  "(特非)",
  "(医)",
  "(福)",
  "(学)",
  "(宗)",
] as const;

/** The company forms of 会社法 (and the old 有限会社), written out or abbreviated. */
const COMPANY_FORMS = [
  "株式会社",
  "有限会社",
  "合同会社",
  "合名会社",
  "合資会社",
  "(株)",
  "(有)",
  "(同)",
  "(名)",
  "(資)",
  "㈱",
  "㈲",
] as const;

function comparableName(name: string | undefined): string {
  return normalizeText(name).normalize("NFKC").replace(/\s+/g, "").toUpperCase();
}

/**
 * The non-company legal form in a business name, if it has one and no company form besides
 * (「株式会社医療法人サポート」 is a company that serves 医療法人).
 */
export function nonCompanyForm(name: string | undefined): string | undefined {
  const text = comparableName(name);
  if (text === "" || COMPANY_FORMS.some((form) => text.includes(form.normalize("NFKC")))) {
    return undefined;
  }
  return NON_COMPANY_FORMS.find((form) => text.includes(form));
}

/** The spec's entity type for a chosen option (法人 of version 1 apps is 会社), or undefined. */
export function entityTypeOf(value: string | undefined): EntityType | undefined {
  const text = normalizeText(value);
  const legacy = LEGACY_ENTITY_LABELS[text];
  if (legacy) return legacy;
  return ENTITY_TYPES.find((type) => type === text);
}

/** A business name without its legal form, spaces and width differences: the same name typed twice compares equal. */
export function normalizeBusinessName(name: string | undefined): string {
  let text = comparableName(name);
  for (const form of [...COMPANY_FORMS, ...NON_COMPANY_FORMS]) {
    text = text.split(form.normalize("NFKC")).join("");
  }
  return text.replace(/[・.,、。'"]/g, "");
}

const KANJI_DIGITS: Record<string, number> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 一〜九十九 as written in 丁目 (三丁目, 十二丁目); other text unchanged. */
function kanjiNumber(text: string): string {
  const match = /^([一二三四五六七八九]?)(十?)([一二三四五六七八九]?)$/.exec(text);
  if (!match || text === "") return text;
  const [, first = "", ten = "", ones = ""] = match;
  if (ten === "") return String(KANJI_DIGITS[first] ?? text);
  const tens = first === "" ? 1 : (KANJI_DIGITS[first] ?? 0);
  return String(tens * 10 + (KANJI_DIGITS[ones] ?? 0));
}

/**
 * An address reduced for comparison: half-width, no spaces, no leading postal code or 東京都,
 * 「1丁目2番3号」 and 「1-2-3」 written the same way.
 */
export function normalizeAddress(address: string | undefined): string {
  let text = toHalfWidth(normalizeText(address)).normalize("NFKC").replace(/\s+/g, "");
  text = text.replace(/^〒?\d{3}[-‐―−ー]?\d{4}/, "");
  const prefecture = PREFECTURES.find((name) => text.startsWith(name));
  if (prefecture) text = text.slice(prefecture.length);
  text = text
    .replace(/([一二三四五六七八九十]+)丁目/g, (_, n: string) => `${kanjiNumber(n)}丁目`)
    .replace(/[‐―−ー－]/g, "-")
    .replace(/(\d+)丁目/g, "$1-")
    .replace(/(\d+)番地?/g, "$1-")
    .replace(/(\d+)号/g, "$1")
    .replace(/-+/g, "-")
    .replace(/-$/, "");
  return text.toUpperCase();
}
