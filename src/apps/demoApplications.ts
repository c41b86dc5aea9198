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

/** Made-up business names by industry group, so a name fits its industry. */
const NAME_STEMS: Record<Industry, readonly string[]> = {
  "製造業・建設業・運輸業・その他": [
    "山田製作所",
    "東都精機",
    "城南印刷",
    "光が丘電機",
    "港南建設",
    "江東メタル",
    "板橋化成",
    "北区運輸",
    "荒川縫製",
    "足立パッケージ",
    "葛飾金型",
    "大田精密",
    "八王子織物",
    "日野オートパーツ",
    "昭島エンジニアリング",
    "品川ロジテック",
    "墨田ガラス",
    "青梅木材",
  ],
  卸売業: [
    "隅田川物産",
    "青葉商事",
    "台東レザー",
    "日本橋繊維",
    "神田電材",
    "築地水産",
    "蒲田機械商会",
    "亀戸金物",
    "浜松町トレーディング",
    "秋葉原パーツ",
  ],
  サービス業: [
    "武蔵野システム",
    "多摩テクノ",
    "目黒デザイン",
    "中野ソフトウェア",
    "杉並ヘルスケア",
    "渋谷クリエイト",
    "新宿会計サービス",
    "豊島データ",
    "立川ネットワークス",
    "三鷹ラボ",
    "府中ビルメンテナンス",
    "調布映像",
    "西東京トラベル",
    "清瀬メディカル",
    "狛江クリーニング",
  ],
  小売業: [
    "銀座フーズ",
    "世田谷ベーカリー",
    "国分寺珈琲",
    "町田園芸",
    "練馬グリーン",
    "浅草工芸堂",
    "吉祥寺ブックス",
    "自由が丘雑貨店",
    "赤羽酒店",
    "巣鴨呉服店",
  ],
};
/** Distinct legal forms; with the stems they make distinct names. */
const COMPANY_FORMS = ["株式会社{}", "{}株式会社", "有限会社{}", "合同会社{}"];
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
/** [municipality, town, postal code prefix]: plausible, not looked up. */
const TOKYO_PLACES: Array<[string, string, string]> = [
  ["千代田区", "神田小川町", "101"],
  ["中央区", "日本橋人形町", "103"],
  ["港区", "芝浦", "108"],
  ["新宿区", "西新宿", "160"],
  ["文京区", "本郷", "113"],
  ["台東区", "浅草橋", "111"],
  ["墨田区", "錦糸", "130"],
  ["江東区", "亀戸", "136"],
  ["品川区", "大崎", "141"],
  ["目黒区", "中目黒", "153"],
  ["大田区", "蒲田", "144"],
  ["世田谷区", "三軒茶屋", "154"],
  ["渋谷区", "恵比寿", "150"],
  ["中野区", "中野", "164"],
  ["杉並区", "荻窪", "167"],
  ["豊島区", "東池袋", "170"],
  ["北区", "赤羽", "115"],
  ["荒川区", "西日暮里", "116"],
  ["板橋区", "大山町", "173"],
  ["練馬区", "豊玉北", "176"],
  ["足立区", "千住", "120"],
  ["葛飾区", "立石", "124"],
  ["江戸川区", "西葛西", "134"],
  ["八王子市", "明神町", "192"],
  ["立川市", "曙町", "190"],
  ["武蔵野市", "吉祥寺本町", "180"],
  ["三鷹市", "下連雀", "181"],
  ["府中市", "宮町", "183"],
  ["調布市", "小島町", "182"],
  ["町田市", "原町田", "194"],
];
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

const WINDOW_START_MS = Date.parse("2024-07-12T00:00:00+09:00");
const WINDOW_END_MS = Date.parse("2024-08-09T17:00:00+09:00");

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

class DemoWriter {
  private readonly random: () => number;
  private serial = 0;
  private readonly named: Partial<Record<Industry, number>> = {};

  constructor(seed: number) {
    this.random = seededRandom(seed);
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(0, items.length - 1)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  }

  /** The next unused name of the industry: every stem once, then again with the next legal form. */
  companyName(industry: Industry): string {
    const stems = NAME_STEMS[industry];
    const used = this.named[industry] ?? 0;
    this.named[industry] = used + 1;
    const stem = stems[used % stems.length] ?? "";
    const form = COMPANY_FORMS[Math.floor(used / stems.length) % COMPANY_FORMS.length] ?? "{}";
    return form.replace("{}", stem);
  }

  phoneIn(city: string): string {
    if (this.int(0, 2) === 0) return `090-${this.digits(4)}-${this.digits(4)}`;
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
    return kintoneDateTime(this.int(WINDOW_START_MS, WINDOW_END_MS));
  }

  /** A complete, eligible application: a Tokyo 法人 within its industry's SME limits. */
  eligible(): DemoRecord {
    this.serial++;
    const industry = this.pick(INDUSTRIES);
    const limits = SIZE_LIMITS[industry];
    // Some exceed one limit but not the other: still an SME (either limit suffices).
    const variant = this.int(0, 9);
    const capital =
      variant === 0
        ? limits.capital * 2
        : this.int(1, Math.floor(limits.capital / 1_000_000)) * 1_000_000;
    const employees =
      variant === 1 ? limits.employees + this.int(1, 50) : this.int(1, limits.employees);
    const [city, town, postal] = this.pick(TOKYO_PLACES);
    const returning = this.int(0, 9) < 3;
    const companyName = this.companyName(industry);
    const phone = this.phoneIn(city);
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
      industry: { value: industry },
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
      contact_phone: { value: phone },
      applied_at: { value: this.appliedAt() },
      eligibility: { value: ELIGIBILITY_LABELS.unscreened },
      lottery_result: { value: LOTTERY_RESULTS.undrawn },
      participation_intent: { value: PARTICIPATION_INTENTS.unanswered },
    };
  }

  soleProprietor(): DemoRecord {
    const record = this.eligible();
    const name = text(record, "representative_name");
    return {
      ...record,
      company_name: {
        value: `${this.pick(["デザイン事務所", "税理士事務所", "写真スタジオ"])} ${name}`,
      },
      entity_type: { value: "個人事業主" },
      corporate_number: { value: "" },
      capital_yen: { value: "" },
      employees: { value: String(this.int(0, 5)) },
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
  return set(writer.eligible(), {
    industry,
    capital_yen: String(limits.capital + 10_000_000),
    employees: String(limits.employees + writer.int(1, 200)),
  });
}

/** One application (at least) per eligibility rule a kintone app can hold. */
function ruleCases(w: DemoWriter): DemoApplication[] {
  const special: DemoApplication[] = [];
  const add = (exercises: string, record: DemoRecord) => special.push({ exercises, record });

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
  add("APPLIED_BEFORE_WINDOW", set(w.eligible(), { applied_at: "2024-07-11T14:59:00Z" }));
  add("APPLIED_AFTER_WINDOW", set(w.eligible(), { applied_at: "2024-08-09T08:01:00Z" }));
  add("eligible", set(w.eligible(), { applied_at: "2024-08-09T08:00:00Z" })); // 17:00 JST sharp
  add("PHONE_FORMAT", set(w.eligible(), { contact_phone: "03-1234-567" }));
  add("POSTAL_CODE_FORMAT", set(w.eligible(), { postal_code: "160-002" }));
  add("EMAIL_FORMAT", set(w.eligible(), { contact_email: "info@example" }));
  add("COMPANY_NAME_REQUIRED", set(w.eligible(), { company_name: "　" }));
  add("INDUSTRY_REQUIRED", set(w.eligible(), { industry: "" }));
  add("EMPLOYEES_INVALID", set(w.eligible(), { employees: "" }));
  add(
    "CAPITAL_INVALID",
    set(w.eligible(), { industry: "小売業", capital_yen: "", employees: "60" }),
  );
  add(
    "ENTITY_NOT_ELIGIBLE",
    set(w.eligible(), { company_name: "特定非営利活動法人 みどりのまちネット" }),
  );
  add(
    "INDUSTRY_HINT",
    set(w.eligible(), {
      industry: "サービス業",
      business_description: "イタリアンレストランの経営（都内3店舗）",
      capital_yen: "30000000",
      employees: "40",
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
    add("eligible", set(first, { applied_at: "2024-07-16T01:00:00Z" }));
    add(
      "DUPLICATE_CORPORATE_NUMBER",
      // The same company applying a second time.
      set(w.eligible(), {
        company_name: text(first, "company_name"),
        corporate_number: text(first, "corporate_number"),
        applied_at: "2024-07-30T02:00:00Z",
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
  add("eligible", w.soleProprietor());
  add("eligible", w.soleProprietor());
  add(
    "eligible",
    set(w.eligible(), { company_name: "<img src=x onerror=alert(1)>株式会社テスト" }),
  );

  return special;
}

/** The 120 demo applications, sorted by applied_at (so record ids follow receipt order). */
export function generateDemoApplications(seed = DEMO_SEED): DemoApplication[] {
  const w = new DemoWriter(seed);
  const all = ruleCases(w);
  while (all.length < DEMO_APPLICATION_COUNT)
    all.push({ exercises: "eligible", record: w.eligible() });
  return all.sort((a, b) =>
    text(a.record, "applied_at").localeCompare(text(b.record, "applied_at")),
  );
}
