import {
  CONSENT_OPTION,
  DECLARATIONS,
  ELIGIBILITY_LABELS,
  INDUSTRIES,
  LOTTERY_RESULTS,
  PARTICIPATION_CATEGORIES,
  PARTICIPATION_INTENTS,
  type Industry,
} from "../core/vocabulary";

/**
 * Synthetic applications for the sandbox demo and tests: realistic, deterministic from a seed, mostly
 * eligible, plus at least one application for every eligibility rule of spec §4 (the eligibility
 * engine decides; these only give it something to decide on). Every name, number and address is made
 * up; e-mail addresses use the reserved example domains.
 */

export const DEMO_SEED = 20240712;
export const DEMO_APPLICATION_COUNT = 120;

/** A kintone REST record for addRecords: field code → {value}. */
export type DemoRecord = Record<string, { value: string | string[] }>;

export interface DemoApplication {
  /** What this application is there to exercise ("eligible" or a spec §4 rule id). */
  exercises: string;
  record: DemoRecord;
}

/** mulberry32: a tiny seeded PRNG. Demo data only; never used for the lottery. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 法人番号 check digit over 12 base digits: 9 − (Σ Pn·Qn mod 9), n from the right, Qn = 1 (odd) / 2 (even). */
export function corporateCheckDigit(base12: string): number {
  let sum = 0;
  for (let n = 1; n <= 12; n++) {
    const digit = Number(base12[12 - n]);
    sum += digit * (n % 2 === 1 ? 1 : 2);
  }
  return 9 - (sum % 9);
}

/**
 * Made-up Tokyo businesses, "name stem|line of business", per industry group in roughly the mix of
 * Tokyo's SMEs (services and the 製造・建設・運輸 group the largest, then retail and restaurants,
 * then wholesale). Each stem is used once, so every company has its own name.
 */
const BUSINESSES: Record<Industry, readonly string[]> = {
  "製造業・建設業・運輸業・その他": [
    "大森精工|精密金属部品の切削加工",
    "蒲田プレス工業|自動車部品のプレス加工",
    "東糀谷金型製作所|プラスチック射出成形用金型の製作",
    "墨田メリヤス|ニット製品の製造",
    "向島硝子工芸|江戸切子などガラス製品の製造",
    "押上印刷|商業印刷・製本",
    "葛飾ゴム化工|工業用ゴム部品の製造",
    "新小岩計器|圧力計・温度計の製造",
    "板橋光学|光学レンズの研磨加工",
    "志村化学工業|接着剤・塗料の製造",
    "足立鋳造所|アルミ鋳物の製造",
    "竹ノ塚ベーカリー工房|パン・洋菓子の製造（卸向け）",
    "王子紙工|紙器・段ボール箱の製造",
    "荒川皮革|革靴・革小物の製造",
    "尾久電子|電子基板の実装",
    "昭島ダイカスト|ダイカスト部品の製造",
    "八王子テキスタイル|織物の製造",
    "日野プレシジョン|医療機器部品の精密加工",
    "武蔵村山食品|惣菜の製造",
    "羽村機工|産業機械の組立",
    "品川建設|住宅の新築・リフォーム工事",
    "目黒工務店|木造住宅の設計・施工",
    "世田谷塗装|建物の外壁塗装工事",
    "杉並設備工業|給排水・空調設備工事",
    "練馬電設|電気工事",
    "江戸川土木|道路・下水道工事",
    "北区内装|店舗内装工事",
    "府中防水|屋上・外壁の防水工事",
    "調布解体工業|建物の解体工事",
    "町田造園|造園・植栽工事",
    "平和島運送|一般貨物自動車運送",
    "東京湾ロジスティクス|倉庫・物流センターの運営",
    "新木場木材運輸|建材の運送",
    "立川ハイヤー|タクシー・ハイヤー",
    "青梅エクスプレス|軽貨物の配送",
    "浜松町トラベル|旅行業（団体旅行の企画・手配）",
    "多摩リサイクル|産業廃棄物の収集運搬",
    "国立農園|野菜の生産・直売",
    "江東エンジニアリング|プラント設備の保守",
    "三鷹精密|時計部品の製造",
    "小平ファブリック|カーテン・インテリア布製品の製造",
    "東村山パッケージ|食品用包装資材の製造",
    "錦糸町不動産|不動産の賃貸・管理",
  ],
  卸売業: [
    "日本橋繊維|衣料品・生地の卸売",
    "馬喰町商事|雑貨・服飾品の卸売",
    "神田電材|電気材料の卸売",
    "秋葉原パーツ|電子部品の卸売",
    "築地水産|鮮魚・水産加工品の卸売",
    "合羽橋厨房商会|業務用厨房機器の卸売",
    "浅草橋トイ|玩具・人形の卸売",
    "蔵前文具|文房具・事務用品の卸売",
    "大田市場青果|青果物の卸売",
    "亀戸金物|金物・工具の卸売",
    "東京食材トレーディング|輸入食材の卸売",
    "芝浦医療器|医療機器の卸売",
    "新宿ケミカル|化学製品の卸売",
    "京橋ワイン|酒類の卸売",
  ],
  サービス業: [
    "中野ソフトウェア|受託ソフトウェア開発",
    "五反田システムズ|業務システムの開発・保守",
    "渋谷クラウドラボ|クラウド導入支援・情報処理サービス",
    "恵比寿デザイン|ウェブサイト・パンフレットのデザイン",
    "新宿会計事務所|税務・会計サービス",
    "池袋社労士オフィス|社会保険労務士業務",
    "赤坂コンサルティング|経営コンサルティング",
    "六本木映像|映像制作",
    "麻布翻訳センター|翻訳・通訳",
    "上野ホテル|ビジネスホテルの運営",
    "湯島旅館|旅館の運営",
    "吉祥寺ビューティー|美容室の運営",
    "高円寺理容|理容業",
    "荻窪クリーニング|クリーニング",
    "大崎ビルメンテナンス|ビルの清掃・設備管理",
    "田町警備保障|施設警備",
    "御茶ノ水学院|学習塾",
    "練馬ケアサービス|訪問介護",
    "両国レンタカー|自動車の賃貸",
    "月島パーキング|駐車場の運営",
    "大手町人材サービス|人材派遣",
    "自由が丘フォトスタジオ|写真撮影・スタジオ",
    "三軒茶屋整体院|整体・リラクゼーション",
    "中目黒広告制作|広告制作",
    "品川データサービス|データ入力・情報処理サービス",
    "豊洲ITサポート|パソコン・ネットワークの保守",
    "二子玉川動物病院|動物病院",
    "神楽坂設計事務所|建築設計",
    "本郷特許事務所|特許・商標の出願代理",
    "西新宿イベント企画|イベントの企画運営",
    "蒲田自動車整備|自動車の整備・車検",
    "北千住フィットネス|スポーツジムの運営",
    "大井町印章|印章の作成・名入れ",
    "赤羽システム開発|スマートフォンアプリの開発",
    "市ヶ谷法務サービス|行政書士業務",
    "池尻研究所|食品の受託試験・分析",
    "阿佐ヶ谷音楽教室|音楽教室の運営",
  ],
  小売業: [
    "銀座フルーツパーラー|果物・洋菓子の販売と喫茶",
    "谷中和菓子店|和菓子の製造小売",
    "戸越銀座精肉店|精肉・惣菜の販売",
    "巣鴨呉服店|呉服の販売",
    "神保町古書店|古書の販売",
    "下北沢古着店|古着の販売",
    "浅草天ぷら屋|天ぷら料理店",
    "人形町洋食|洋食レストラン",
    "新橋居酒屋|居酒屋",
    "荻窪ラーメン|ラーメン店",
    "代官山カフェ|カフェ",
    "築地すし店|すし店",
    "赤羽酒店|酒類の販売",
    "町田園芸センター|園芸用品・植物の販売",
    "練馬自転車店|自転車の販売・修理",
    "板橋薬局|調剤薬局・ドラッグストア",
    "大山眼鏡店|眼鏡の販売",
    "府中家電|家電製品の販売・修理",
    "国分寺珈琲|コーヒー豆の焙煎販売",
    "三鷹ネットショップ|雑貨のネット通信販売",
    "清澄白河ベーカリー|パンの製造小売",
    "西荻窪スイーツ|洋菓子店",
    "月島もんじゃ|もんじゃ焼き店",
    "門前仲町弁当|弁当の製造販売",
  ],
};

/** Distinct legal forms, in the proportion Tokyo's companies use them. */
const COMPANY_FORMS = [
  "株式会社{}",
  "{}株式会社",
  "株式会社{}",
  "有限会社{}",
  "合同会社{}",
  "株式会社{}",
];
const SURNAMES = [
  "佐藤",
  "鈴木",
  "高橋",
  "田中",
  "伊藤",
  "渡辺",
  "山本",
  "中村",
  "小林",
  "加藤",
  "吉田",
  "山口",
  "松本",
  "井上",
  "木村",
  "林",
  "清水",
  "山崎",
  "森",
  "池田",
  "橋本",
  "阿部",
  "石川",
  "前田",
];
const GIVEN_NAMES = [
  "一郎",
  "健太",
  "大輔",
  "翔太",
  "拓也",
  "直樹",
  "誠",
  "浩",
  "花子",
  "美咲",
  "陽子",
  "真由美",
  "恵",
  "彩",
  "由美子",
  "さくら",
  "優子",
  "和也",
  "亮",
  "智子",
];
/** Place words in the business names → [municipality, town, postal code prefix]: plausible, not looked up. */
const PLACES: ReadonlyArray<readonly [string, string, string, string]> = `
大森|大田区|大森北|143
蒲田|大田区|蒲田|144
東糀谷|大田区|東糀谷|144
平和島|大田区|平和島|143
大田|大田区|東海|143
墨田|墨田区|墨田|131
向島|墨田区|向島|131
押上|墨田区|押上|131
錦糸町|墨田区|江東橋|130
両国|墨田区|両国|130
葛飾|葛飾区|立石|124
新小岩|葛飾区|新小岩|124
板橋|板橋区|板橋|173
大山|板橋区|大山町|173
志村|板橋区|志村|174
足立|足立区|千住|120
竹ノ塚|足立区|竹の塚|121
北千住|足立区|千住|120
王子|北区|王子|114
北区|北区|赤羽南|115
赤羽|北区|赤羽|115
荒川|荒川区|荒川|116
尾久|荒川区|西尾久|116
昭島|昭島市|昭和町|196
八王子|八王子市|明神町|192
日野|日野市|日野本町|191
武蔵村山|武蔵村山市|学園|208
羽村|羽村市|栄町|205
青梅|青梅市|東青梅|198
立川|立川市|曙町|190
国立|国立市|中|186
国分寺|国分寺市|本町|185
小平|小平市|小川町|187
東村山|東村山市|本町|189
府中|府中市|宮町|183
調布|調布市|小島町|182
町田|町田市|原町田|194
三鷹|三鷹市|下連雀|181
吉祥寺|武蔵野市|吉祥寺本町|180
多摩|多摩市|落合|206
品川|品川区|東品川|140
大崎|品川区|大崎|141
五反田|品川区|西五反田|141
戸越銀座|品川区|戸越|142
大井町|品川区|大井|140
目黒|目黒区|目黒本町|152
中目黒|目黒区|上目黒|153
自由が丘|目黒区|自由が丘|152
世田谷|世田谷区|世田谷|154
三軒茶屋|世田谷区|三軒茶屋|154
二子玉川|世田谷区|玉川|158
下北沢|世田谷区|北沢|155
池尻|世田谷区|池尻|154
杉並|杉並区|阿佐谷南|166
阿佐ヶ谷|杉並区|阿佐谷北|166
高円寺|杉並区|高円寺南|166
荻窪|杉並区|上荻|167
西荻窪|杉並区|西荻北|167
練馬|練馬区|豊玉北|176
江戸川|江戸川区|中央|132
江東|江東区|亀戸|136
亀戸|江東区|亀戸|136
豊洲|江東区|豊洲|135
新木場|江東区|新木場|136
清澄白河|江東区|白河|135
門前仲町|江東区|門前仲町|135
東京湾|江東区|有明|135
日本橋|中央区|日本橋人形町|103
人形町|中央区|日本橋人形町|103
馬喰町|中央区|日本橋馬喰町|103
築地|中央区|築地|104
銀座|中央区|銀座|104
京橋|中央区|京橋|104
月島|中央区|月島|104
東京|中央区|八重洲|104
神田|千代田区|神田小川町|101
秋葉原|千代田区|外神田|101
大手町|千代田区|大手町|100
御茶ノ水|千代田区|神田駿河台|101
神保町|千代田区|神田神保町|101
市ヶ谷|千代田区|九段南|102
合羽橋|台東区|松が谷|111
浅草|台東区|浅草|111
浅草橋|台東区|浅草橋|111
蔵前|台東区|蔵前|111
上野|台東区|上野|110
谷中|台東区|谷中|110
湯島|文京区|湯島|113
本郷|文京区|本郷|113
芝浦|港区|芝浦|108
浜松町|港区|浜松町|105
田町|港区|芝|108
新橋|港区|新橋|105
赤坂|港区|赤坂|107
六本木|港区|六本木|106
麻布|港区|麻布十番|106
新宿|新宿区|西新宿|160
西新宿|新宿区|西新宿|160
神楽坂|新宿区|神楽坂|162
渋谷|渋谷区|渋谷|150
恵比寿|渋谷区|恵比寿|150
代官山|渋谷区|代官山町|150
中野|中野区|中野|164
池袋|豊島区|東池袋|170
巣鴨|豊島区|巣鴨|170`
  .trim()
  .split("\n")
  .map((line) => line.split("|") as [string, string, string, string])
  // Longest first: 西新宿 before 新宿, 北千住 before 足立.
  .sort((a, b) => b[0].length - a[0].length);
/** For a name with no place word (and sole proprietors). */
const TOKYO_PLACES = PLACES.filter(([, city]) => city.endsWith("区")).map(
  ([, city, town, postal]) => [city, town, postal] as [string, string, string],
);

function placeOf(stem: string): [string, string, string] | undefined {
  const found = PLACES.find(([word]) => stem.startsWith(word));
  return found && [found[1], found[2], found[3]];
}

const OTHER_PLACES: Array<[string, string, string]> = [
  ["神奈川県", "横浜市西区みなとみらい", "220"],
  ["大阪府", "大阪市北区梅田", "530"],
];
const PRIOR_PROGRAMS = [
  "中小企業サイバーセキュリティ対策継続支援事業（令和5年度）",
  "サイバーセキュリティ対策促進助成金",
  "中小企業サイバーセキュリティ基本対策事業（令和4年度）",
];
const EMAIL_DOMAINS = ["example.jp", "example.co.jp", "example.com"];

const DAY_MS = 86_400_000;
const JST_MS = 9 * 3_600_000;

/** The day the spec's own round closed after (2024-08-09 17:00): its demo window is the spec's default. */
export const DEMO_REFERENCE_DAY = new Date("2024-08-10T12:00:00+09:00");

export interface DemoWindow {
  /** ISO instants with the +09:00 offset, as the settings keep them. */
  opensAt: string;
  closesAt: string;
}

function jstIso(ms: number): string {
  return new Date(ms + JST_MS).toISOString().replace(/\.\d{3}Z$/, "+09:00");
}

/**
 * The demo round is dated from the day its data is created: the window closed at 17:00 JST the
 * day before and opened four weeks before that, at 00:00 JST. So the demo is ready to screen and
 * draw, and a new application typed into it is refused as late.
 */
export function demoWindow(createdAt: Date): DemoWindow {
  const today = Math.floor((createdAt.getTime() + JST_MS) / DAY_MS) * DAY_MS - JST_MS;
  const closes = today - DAY_MS + 17 * 3_600_000;
  const opens = today - DAY_MS - 28 * DAY_MS;
  return { opensAt: jstIso(opens), closesAt: jstIso(closes) };
}

/** kintone DATETIME value (UTC, minute precision). */
function kintoneDateTime(ms: number): string {
  return new Date(Math.floor(ms / 60_000) * 60_000).toISOString().replace(/\.\d{3}Z$/, "Z");
}

const SIZE_LIMITS: Record<Industry, { capital: number; employees: number }> = {
  "製造業・建設業・運輸業・その他": { capital: 300_000_000, employees: 300 },
  卸売業: { capital: 100_000_000, employees: 100 },
  サービス業: { capital: 50_000_000, employees: 100 },
  小売業: { capital: 50_000_000, employees: 50 },
};

const FULL_WIDTH_DIGITS = "０１２３４５６７８９";
function toFullWidth(ascii: string): string {
  return ascii.replace(/[0-9]/g, (d) => FULL_WIDTH_DIGITS.charAt(Number(d))).replace(/-/g, "－");
}

interface Business {
  industry: Industry;
  stem: string;
  description: string;
}

/** Round amounts companies register, in yen. */
const CAPITALS = [3, 5, 5, 10, 10, 10, 20, 30, 50, 80, 100, 300].map((m) => m * 1_000_000);
const SOLE_TRADES: ReadonlyArray<readonly [string, string]> = [
  ["税理士事務所", "税務・会計サービス"],
  ["デザイン事務所", "グラフィックデザイン"],
  ["写真事務所", "写真撮影"],
  ["行政書士事務所", "行政書士業務"],
  ["鍼灸院", "鍼灸・マッサージ"],
  ["建築設計事務所", "住宅の設計"],
];

class DemoWriter {
  private readonly random: () => number;
  private serial = 0;
  private readonly businesses: Business[];
  private readonly usedNames = new Set<string>();

  constructor(
    seed: number,
    readonly window: { opens: number; closes: number },
  ) {
    this.random = seededRandom(seed);
    const all = INDUSTRIES.flatMap((industry) =>
      BUSINESSES[industry].map((line) => {
        const [stem = "", description = ""] = line.split("|");
        return { industry, stem, description };
      }),
    );
    // Fisher–Yates with the seeded generator: a different mix and order per seed.
    for (let i = all.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [all[i], all[j]] = [all[j] as Business, all[i] as Business];
    }
    this.businesses = all;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(0, items.length - 1)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  }

  /** The next business not used yet (the first that `which` accepts, when given). */
  business(which: (business: Business) => boolean = () => true): Business {
    const index = this.businesses.findIndex(which);
    const [found] = index < 0 ? [] : this.businesses.splice(index, 1);
    if (!found) throw new Error("no demo business left");
    return found;
  }

  phoneIn(city: string): string {
    if (this.int(0, 5) === 0) return `090-${this.digits(4)}-${this.digits(4)}`;
    return city.endsWith("区")
      ? `03-${this.digits(4)}-${this.digits(4)}`
      : `042-${this.digits(3)}-${this.digits(4)}`;
  }

  digits(count: number): string {
    return Array.from({ length: count }, () => String(this.int(0, 9))).join("");
  }

  corporateNumber(): string {
    const base = String(this.int(1, 9)) + this.digits(11);
    return String(corporateCheckDigit(base)) + base;
  }

  personName(): string {
    return `${this.pick(SURNAMES)} ${this.pick(GIVEN_NAMES)}`;
  }

  appliedAt(): string {
    return kintoneDateTime(this.int(this.window.opens, this.window.closes));
  }

  /** Mostly small: most Tokyo SMEs have a handful to a few dozen employees. */
  employees(limit: number): number {
    const band = this.int(0, 9);
    if (band < 6) return this.int(1, Math.min(20, limit));
    if (band < 9) return this.int(Math.min(21, limit), Math.min(60, limit));
    return this.int(Math.min(61, limit), limit);
  }

  /** A complete, eligible application of a Tokyo 会社 within its industry's SME limits. */
  eligible(which?: (business: Business) => boolean): DemoRecord {
    this.serial++;
    const business = this.business(which);
    const limits = SIZE_LIMITS[business.industry];
    // A few exceed one limit but not the other: still an SME (either limit suffices).
    const variant = this.int(0, 14);
    const capital =
      variant === 0
        ? limits.capital * 2
        : this.pick(CAPITALS.filter((amount) => amount <= limits.capital));
    const employees =
      variant === 1 ? limits.employees + this.int(1, 50) : this.employees(limits.employees);
    const [city, town, postal] = placeOf(business.stem) ?? this.pick(TOKYO_PLACES);
    const returning = this.int(0, 9) < 3;
    const form = this.pick(COMPANY_FORMS);
    const companyName = form.replace("{}", business.stem);
    this.usedNames.add(companyName);
    return {
      company_name: { value: companyName },
      entity_type: { value: "会社" },
      corporate_number: { value: this.corporateNumber() },
      representative_name: { value: this.personName() },
      postal_code: { value: `${postal}-${this.digits(4)}` },
      prefecture: { value: "東京都" },
      address: {
        value: `東京都${city}${town}${this.int(1, 4)}丁目${this.int(1, 30)}番${this.int(1, 20)}号`,
      },
      industry: { value: business.industry },
      business_description: { value: business.description },
      capital_yen: { value: String(capital) },
      employees: { value: String(employees) },
      participation_category: {
        value: returning ? PARTICIPATION_CATEGORIES[0] : PARTICIPATION_CATEGORIES[1],
      },
      prior_program: { value: returning ? this.pick(PRIOR_PROGRAMS) : "" },
      consent_survey: { value: [CONSENT_OPTION] },
      declarations: { value: [...DECLARATIONS] },
      contact_name: { value: this.personName() },
      contact_email: { value: `contact${this.serial}@${this.pick(EMAIL_DOMAINS)}` },
      contact_phone: { value: this.phoneIn(city) },
      applied_at: { value: this.appliedAt() },
      eligibility: { value: ELIGIBILITY_LABELS.unscreened },
      lottery_result: { value: LOTTERY_RESULTS.undrawn },
      participation_intent: { value: PARTICIPATION_INTENTS.unanswered },
    };
  }

  /** A sole proprietor trading under the owner's surname (e.g. 佐藤税理士事務所). */
  soleProprietor(): DemoRecord {
    this.serial++;
    const owner = this.personName();
    const surname = owner.split(" ")[0] ?? owner;
    let trade = this.pick(SOLE_TRADES);
    let name = `${surname}${trade[0]}`;
    for (let tries = 0; this.usedNames.has(name) && tries < 20; tries++) {
      trade = this.pick(SOLE_TRADES);
      name = `${this.pick(SURNAMES)}${trade[0]}`;
    }
    this.usedNames.add(name);
    const [city, town, postal] = this.pick(TOKYO_PLACES);
    return {
      company_name: { value: name },
      entity_type: { value: "個人事業主" },
      corporate_number: { value: "" },
      representative_name: { value: owner },
      postal_code: { value: `${postal}-${this.digits(4)}` },
      prefecture: { value: "東京都" },
      address: {
        value: `東京都${city}${town}${this.int(1, 4)}-${this.int(1, 30)}-${this.int(1, 20)}`,
      },
      industry: { value: "サービス業" },
      business_description: { value: trade[1] },
      capital_yen: { value: "" },
      employees: { value: String(this.int(0, 3)) },
      participation_category: { value: PARTICIPATION_CATEGORIES[1] },
      prior_program: { value: "" },
      consent_survey: { value: [CONSENT_OPTION] },
      declarations: { value: [...DECLARATIONS] },
      contact_name: { value: owner },
      contact_email: { value: `office${this.serial}@${this.pick(EMAIL_DOMAINS)}` },
      contact_phone: { value: this.phoneIn(city) },
      applied_at: { value: this.appliedAt() },
      eligibility: { value: ELIGIBILITY_LABELS.unscreened },
      lottery_result: { value: LOTTERY_RESULTS.undrawn },
      participation_intent: { value: PARTICIPATION_INTENTS.unanswered },
    };
  }
}

function text(record: DemoRecord, code: string): string {
  const value = record[code]?.value;
  return typeof value === "string" ? value : "";
}

function set(record: DemoRecord, changes: Record<string, string | string[]>): DemoRecord {
  const next = { ...record };
  for (const [code, value] of Object.entries(changes)) next[code] = { value };
  return next;
}

/** A corporate number whose check digit is wrong. */
function breakCheckDigit(valid: string): string {
  return String((Number(valid[0]) % 9) + 1) + valid.slice(1);
}

function oversized(writer: DemoWriter, industry: Industry): DemoRecord {
  const limits = SIZE_LIMITS[industry];
  return set(
    writer.eligible((b) => b.industry === industry),
    {
      capital_yen: String(limits.capital + 10_000_000),
      employees: String(limits.employees + writer.int(1, 200)),
    },
  );
}

/** One application (at least) per eligibility rule a kintone app can hold. */
function ruleCases(w: DemoWriter): DemoApplication[] {
  const special: DemoApplication[] = [];
  const add = (exercises: string, record: DemoRecord) => special.push({ exercises, record });

  // A restaurant chain that chose サービス業: as 小売業 (飲食店) it is over both limits.
  add(
    "INDUSTRY_HINT",
    set(
      w.eligible((b) => b.stem === "人形町洋食"),
      {
        industry: "サービス業",
        business_description: "洋食レストランのチェーン（都内8店舗）",
        capital_yen: "60000000",
        employees: "85",
      },
    ),
  );
  for (const [prefecture, place, postal] of OTHER_PLACES) {
    add(
      "PREFECTURE_NOT_TOKYO",
      set(w.eligible(), {
        prefecture,
        address: `${prefecture}${place}${w.int(1, 5)}-${w.int(1, 20)}-${w.int(1, 10)}`,
        postal_code: `${postal}-${w.digits(4)}`,
      }),
    );
  }
  add(
    "ADDRESS_PREFECTURE_MISMATCH",
    set(w.eligible(), {
      address: `埼玉県川口市栄町${w.int(1, 3)}-${w.int(1, 20)}-${w.int(1, 10)}`,
    }),
  );
  for (const industry of INDUSTRIES) add("SME_SIZE_EXCEEDED", oversized(w, industry));
  {
    const record = w.eligible();
    add(
      "CORPORATE_NUMBER_CHECK_DIGIT",
      set(record, { corporate_number: breakCheckDigit(text(record, "corporate_number")) }),
    );
  }
  add("CORPORATE_NUMBER_FORMAT", set(w.eligible(), { corporate_number: w.digits(12) }));
  add("CONSENT_REQUIRED", set(w.eligible(), { consent_survey: [] }));
  add("DECLARATIONS_INCOMPLETE", set(w.eligible(), { declarations: DECLARATIONS.slice(0, 5) }));
  add("DECLARATIONS_INCOMPLETE", set(w.eligible(), { declarations: [] }));
  const at = (ms: number) => kintoneDateTime(ms);
  add("APPLIED_BEFORE_WINDOW", set(w.eligible(), { applied_at: at(w.window.opens - 60_000) }));
  add("APPLIED_AFTER_WINDOW", set(w.eligible(), { applied_at: at(w.window.closes + 60_000) }));
  // 17:00 JST sharp on the closing day is still in time.
  add("eligible", set(w.eligible(), { applied_at: at(w.window.closes) }));
  add("PHONE_FORMAT", set(w.eligible(), { contact_phone: "03-1234-567" }));
  add("POSTAL_CODE_FORMAT", set(w.eligible(), { postal_code: "160-002" }));
  add("EMAIL_FORMAT", set(w.eligible(), { contact_email: "info@example" }));
  add("INDUSTRY_REQUIRED", set(w.eligible(), { industry: "" }));
  add("EMPLOYEES_INVALID", set(w.eligible(), { employees: "" }));
  add(
    "CAPITAL_INVALID",
    set(
      w.eligible((b) => b.industry === "小売業"),
      { capital_yen: "", employees: "60" },
    ),
  );
  // An NPO that ticked 会社: only 会社 and 個人事業主 may apply.
  add(
    "ENTITY_NOT_ELIGIBLE",
    set(w.eligible(), {
      company_name: "特定非営利活動法人 みどりのまちネット",
      business_description: "地域の環境保全活動",
      corporate_number: "",
    }),
  );
  add(
    "PRIOR_PROGRAM_REQUIRED",
    set(w.eligible(), { participation_category: PARTICIPATION_CATEGORIES[0], prior_program: "" }),
  );
  add(
    "PRIOR_PROGRAM_NOT_BEFORE_FY2024",
    set(w.eligible(), {
      participation_category: PARTICIPATION_CATEGORIES[0],
      prior_program: "中小企業サイバーセキュリティフォローアップ事業（令和6年度1次募集）",
    }),
  );
  return [...special, ...duplicateAndInputCases(w)];
}

/** Duplicates across applications, full-width input, sole proprietors, markup in a name. */
function duplicateAndInputCases(w: DemoWriter): DemoApplication[] {
  const special: DemoApplication[] = [];
  const add = (exercises: string, record: DemoRecord) => special.push({ exercises, record });
  {
    const first = w.eligible();
    const day = 86_400_000;
    add("eligible", set(first, { applied_at: kintoneDateTime(w.window.opens + 4 * day) }));
    // The same company applying a second time, two weeks later (the one deliberate duplicate).
    add(
      "DUPLICATE_CORPORATE_NUMBER",
      set(first, {
        applied_at: kintoneDateTime(w.window.opens + 18 * day),
        contact_email: `second.${text(first, "contact_email")}`,
        contact_phone: w.phoneIn("区"),
      }),
    );
  }
  {
    const first = w.eligible();
    add("POSSIBLE_DUPLICATE", first);
    add("POSSIBLE_DUPLICATE", set(w.eligible(), { contact_phone: text(first, "contact_phone") }));
  }
  {
    const first = w.eligible();
    add("POSSIBLE_DUPLICATE", first);
    add("POSSIBLE_DUPLICATE", set(w.eligible(), { contact_email: text(first, "contact_email") }));
  }
  {
    const record = w.eligible();
    add(
      "eligible",
      set(record, {
        corporate_number: toFullWidth(text(record, "corporate_number")),
        contact_phone: toFullWidth(text(record, "contact_phone")).replace(/－/g, "ー"),
        postal_code: toFullWidth(text(record, "postal_code")),
      }),
    );
  }
  for (let i = 0; i < 6; i++) add("eligible", w.soleProprietor());
  add(
    "eligible",
    set(w.eligible(), { company_name: "<img src=x onerror=alert(1)>株式会社テスト" }),
  );

  return special;
}

/**
 * The 120 demo applications for a round whose data is created on `createdAt` (see demoWindow),
 * sorted by applied_at (so record ids follow receipt order).
 */
export function generateDemoApplications(
  seed = DEMO_SEED,
  createdAt: Date = DEMO_REFERENCE_DAY,
): DemoApplication[] {
  const window = demoWindow(createdAt);
  const w = new DemoWriter(seed, {
    opens: Date.parse(window.opensAt),
    closes: Date.parse(window.closesAt),
  });
  const all = ruleCases(w);
  while (all.length < DEMO_APPLICATION_COUNT)
    all.push({ exercises: "eligible", record: w.eligible() });
  return all.sort((a, b) =>
    text(a.record, "applied_at").localeCompare(text(b.record, "applied_at")),
  );
}
