/**
 * The industry group a line of business belongs to, as 中小企業庁 maps 日本標準産業分類 (JSIC) onto
 * 基本法 §2 (domain-rules §1.3): 飲食店 and 持ち帰り・配達飲食 are 小売業; 情報サービス (software,
 * 情報処理), 宿泊, 専門サービス and the like are サービス業; 旅行業 stays in その他. Only words that
 * name one group plainly are listed: the hint is a prompt for a person, never a verdict.
 */
import type { Industry } from "../vocabulary";
import { normalizeText } from "./normalize";

const OTHER: Industry = "製造業・建設業・運輸業・その他";

const KEYWORDS: ReadonlyArray<readonly [Industry, readonly string[]]> = [
  [
    "小売業",
    [
      "飲食",
      "レストラン",
      "食堂",
      "カフェ",
      "喫茶",
      "居酒屋",
      "ラーメン",
      "寿司",
      "焼肉",
      "そば店",
      "うどん店",
      "ダイニング",
      "バー経営",
      "テイクアウト",
      "弁当",
      "ケータリング",
      "小売",
      "販売店",
      "商店",
      "ドラッグストア",
      "コンビニ",
      "スーパーマーケット",
      "ネットショップ",
      "通信販売",
      "通販",
    ],
  ],
  [
    "サービス業",
    [
      "ソフトウェア",
      "ソフトウエア",
      "システム開発",
      "システムエンジニアリング",
      "受託開発",
      "情報処理",
      "情報サービス",
      "アプリ開発",
      "旅館",
      "ホテル",
      "宿泊",
      "美容",
      "理容",
      "クリーニング",
      "税理士",
      "会計事務所",
      "社会保険労務士",
      "コンサルティング",
      "デザイン事務所",
      "広告制作",
      "映像制作",
      "ビルメンテナンス",
      "清掃",
      "警備",
      "人材派遣",
      "介護",
      "学習塾",
      "駐車場",
      "レンタル",
      "リース",
    ],
  ],
  ["卸売業", ["卸売", "卸業", "問屋", "商社"]],
  [
    OTHER,
    [
      "製造",
      "工場",
      "建設",
      "工務店",
      "土木",
      "電気工事",
      "設備工事",
      "運送",
      "運輸",
      "物流",
      "倉庫",
      "タクシー",
      "印刷",
      "旅行業",
      "旅行代理店",
    ],
  ],
];

export interface IndustryHint {
  /** The group the description points to. */
  industry: Industry;
  /** The listed word found in the description (program vocabulary, never the applicant's text). */
  keyword: string;
}

/**
 * The groups a description names, in the order of KEYWORDS, one hint per group (its first word
 * found). Empty when the description names none.
 */
export function industryHints(description: string | undefined): IndustryHint[] {
  const text = normalizeText(description).normalize("NFKC");
  if (text === "") return [];
  const hints: IndustryHint[] = [];
  for (const [industry, words] of KEYWORDS) {
    const keyword = words.find((word) => text.includes(word.normalize("NFKC")));
    if (keyword !== undefined) hints.push({ industry, keyword });
  }
  return hints;
}
