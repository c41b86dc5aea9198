/**
 * The program's vocabulary, exactly as spec §2–§3 fixes it: logical field codes, option labels,
 * process states and actions. Every other module imports these names instead of spelling them again.
 * Logical field codes are the defaults `followup setup` creates; the plugin maps them onto an
 * existing app's codes (see the plugin config's field map).
 */

export const APPLICATION_FIELDS = [
  "application_no",
  "company_name",
  "entity_type",
  "corporate_number",
  "representative_name",
  "postal_code",
  "prefecture",
  "address",
  "industry",
  "capital_yen",
  "employees",
  "participation_category",
  "prior_program",
  "consent_survey",
  "declarations",
  "contact_name",
  "contact_email",
  "contact_phone",
  "applied_at",
  "eligibility",
  "eligibility_notes",
  "screened_at",
  "lottery_result",
  "lottery_rank",
  "waitlist_no",
  "lottery_run_id",
  "participation_intent",
  "questionnaires",
  "visit_date",
  "expert_name",
  "withdrawal_reason",
  "visit_report",
] as const;
export type ApplicationField = (typeof APPLICATION_FIELDS)[number];

/** The blank-space element id of the plugin's panel on the detail screen. */
export const FOLLOWUP_PANEL_SPACE = "followup_panel";

export const ENTITY_TYPES = ["法人", "個人事業主"] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const INDUSTRIES = [
  "製造業・建設業・運輸業・その他",
  "卸売業",
  "サービス業",
  "小売業",
] as const;
export type Industry = (typeof INDUSTRIES)[number];

export const PARTICIPATION_CATEGORIES = ["過去に都の関連事業に参加", "新規（支援を希望）"] as const;

export const CONSENT_OPTION = "同意する";

/** 誓約事項 ア–キ (spec §2.4), in order. */
export const DECLARATIONS = [
  "ア 都税・消費税等の滞納がない",
  "イ 法令・公序良俗に反しない",
  "ウ 東京都への賃料・使用料等の支払いが滞っていない",
  "エ 民事再生・会社更生・破産等の手続中でない",
  "オ 暴力団関係者・風俗関連業・ギャンブル業等に該当しない",
  "カ 連鎖販売取引・ネガティブオプション・催眠商法・霊感商法等の業態でない",
  "キ 宗教活動・政治活動を主たる目的とする団体でない",
] as const;

export const ELIGIBILITY_LABELS = {
  unscreened: "未判定",
  eligible: "適格",
  review: "要確認",
  ineligible: "対象外",
} as const;

export const LOTTERY_RESULTS = { undrawn: "未抽選", winner: "当選", waitlisted: "補欠" } as const;

export const PARTICIPATION_INTENTS = {
  unanswered: "未回答",
  participate: "参加する",
  decline: "辞退する",
} as const;

export const PREFECTURES = [
  "北海道",
  "青森県",
  "岩手県",
  "宮城県",
  "秋田県",
  "山形県",
  "福島県",
  "茨城県",
  "栃木県",
  "群馬県",
  "埼玉県",
  "千葉県",
  "東京都",
  "神奈川県",
  "新潟県",
  "富山県",
  "石川県",
  "福井県",
  "山梨県",
  "長野県",
  "岐阜県",
  "静岡県",
  "愛知県",
  "三重県",
  "滋賀県",
  "京都府",
  "大阪府",
  "兵庫県",
  "奈良県",
  "和歌山県",
  "鳥取県",
  "島根県",
  "岡山県",
  "広島県",
  "山口県",
  "徳島県",
  "香川県",
  "愛媛県",
  "高知県",
  "福岡県",
  "佐賀県",
  "長崎県",
  "熊本県",
  "大分県",
  "宮崎県",
  "鹿児島県",
  "沖縄県",
] as const;

/** Process management states of the applications app (spec §3). */
export const STATES = {
  applied: "申込受付",
  winner: "当選",
  waitlisted: "補欠",
  confirmed: "参加確定",
  questionnaireDone: "質問票回答済",
  visited: "訪問済",
  declined: "辞退",
  ineligible: "対象外",
} as const;
export type StateKey = keyof typeof STATES;

/** Process management actions (spec §3). */
export const ACTIONS = {
  registerWinner: "当選登録",
  registerWaitlist: "補欠登録",
  registerIneligible: "対象外登録",
  sendBack: "差し戻し",
  promote: "繰り上げ",
  confirm: "参加確定",
  decline: "辞退",
  answerQuestionnaire: "質問票回答",
  completeVisit: "訪問完了",
  cancel: "取消",
} as const;
export type ActionKey = keyof typeof ACTIONS;

/** The states that hold one of the quota's places (spec §3); vacancies = quota − places held. */
export const PLACE_STATES: readonly StateKey[] = [
  "winner",
  "confirmed",
  "questionnaireDone",
  "visited",
];

/** Questionnaire app: the link back to the application (spec §2.2). */
export const QUESTIONNAIRE_LINK_FIELD = "application_no";

/** Lottery log app (spec §2.3). `sequence` (unique) orders the hash chain and lets only one append win a race. */
export const LOTTERY_LOG_FIELDS = [
  "sequence",
  "run_id",
  "kind",
  "algorithm",
  "seed",
  "pool_fingerprint",
  "pool_size",
  "quota",
  "pool",
  "ranking",
  "reason",
  "state",
  "previous_hash",
  "entry_hash",
  "bundle",
] as const;
export type LotteryLogField = (typeof LOTTERY_LOG_FIELDS)[number];

/** Kinds of lottery log entries (spec §2.3). A late 辞退 that frees a place is logged as 取消 with its reason. */
export const LOTTERY_LOG_KINDS = {
  notice: "予告",
  draw: "抽選",
  promotion: "繰り上げ",
  cancellation: "取消",
  sendBack: "差し戻し",
  settings: "設定",
} as const;
export type LotteryLogKindKey = keyof typeof LOTTERY_LOG_KINDS;
export const LOTTERY_LOG_STATES = { started: "開始", completed: "完了" } as const;

export const LOTTERY_ALGORITHM = "hmac-sha256-rank/v1";

/** Labels of the applications app's fields (spec §2.1), for screens that name a logical field. */
export const APPLICATION_FIELD_LABELS: Record<ApplicationField, { ja: string; en: string }> = {
  application_no: { ja: "受付番号", en: "Application no." },
  company_name: { ja: "企業名・屋号", en: "Company or trade name" },
  entity_type: { ja: "事業形態", en: "Entity type" },
  corporate_number: { ja: "法人番号", en: "Corporate number" },
  representative_name: { ja: "代表者氏名", en: "Representative" },
  postal_code: { ja: "郵便番号", en: "Postal code" },
  prefecture: { ja: "主たる事業所の都道府県", en: "Main office prefecture" },
  address: { ja: "主たる事業所の所在地", en: "Main office address" },
  industry: { ja: "業種", en: "Industry" },
  capital_yen: { ja: "資本金又は出資の総額（円）", en: "Capital (yen)" },
  employees: { ja: "常時使用する従業員数", en: "Regular employees" },
  participation_category: { ja: "参加区分", en: "Participation category" },
  prior_program: { ja: "参加した事業名", en: "Program taken part in" },
  consent_survey: { ja: "アンケート・ヒアリングへの協力", en: "Consent to survey and hearing" },
  declarations: { ja: "誓約事項", en: "Declarations" },
  contact_name: { ja: "担当者氏名", en: "Contact person" },
  contact_email: { ja: "メールアドレス", en: "E-mail" },
  contact_phone: { ja: "電話番号", en: "Phone" },
  applied_at: { ja: "申込日時", en: "Applied at" },
  eligibility: { ja: "審査結果", en: "Eligibility" },
  eligibility_notes: { ja: "審査メモ", en: "Screening notes" },
  screened_at: { ja: "審査日時", en: "Screened at" },
  lottery_result: { ja: "抽選結果", en: "Lottery result" },
  lottery_rank: { ja: "抽選順位", en: "Lottery rank" },
  waitlist_no: { ja: "補欠順位", en: "Waitlist no." },
  lottery_run_id: { ja: "抽選ID", en: "Lottery run id" },
  participation_intent: { ja: "参加意思", en: "Participation intent" },
  questionnaires: { ja: "質問票", en: "Questionnaires" },
  visit_date: { ja: "訪問日", en: "Visit date" },
  expert_name: { ja: "訪問専門家", en: "Visiting expert" },
  withdrawal_reason: { ja: "取消・辞退の理由", en: "Reason for cancellation or withdrawal" },
  visit_report: { ja: "訪問記録", en: "Visit report" },
};
