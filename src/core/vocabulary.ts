/**
 * The program's vocabulary, exactly as spec §2–§3 fixes it: logical field codes, option labels,
 * process states and actions. Every other module imports these names instead of spelling them again.
 * Logical field codes are the defaults `followup setup` creates; the plugin maps them onto an
 * existing app's codes (see the plugin config's field map).
 */

/**
 * The fields an applicant fills in (spec §2.1), in the form's order: the public form maps exactly
 * these. The receipt time, screening, lottery and visit fields are the server's and the
 * secretariat's, never the applicant's.
 */
export const APPLICANT_FIELDS = [
  "company_name",
  "entity_type",
  "corporate_number",
  "representative_name",
  "postal_code",
  "prefecture",
  "address",
  "industry",
  "business_description",
  "capital_yen",
  "employees",
  "participation_category",
  "prior_program",
  "consent_survey",
  "declarations",
  "contact_name",
  "contact_email",
  "contact_phone",
] as const;
export type ApplicantField = (typeof APPLICANT_FIELDS)[number];

export const APPLICATION_FIELDS = [
  "application_no",
  ...APPLICANT_FIELDS,
  "applied_at",
  "eligibility",
  "eligibility_notes",
  "screening_signature",
  "staff_decision",
  "staff_decision_reason",
  "screened_at",
  "lottery_result",
  "lottery_rank",
  "waitlist_no",
  "lottery_run_id",
  "participation_intent",
  "questionnaires",
  "visit_date",
  "visit_start",
  "visit_minutes",
  "expert_name",
  "withdrawal_reason",
  "visit_report",
] as const;
export type ApplicationField = (typeof APPLICATION_FIELDS)[number];

/** The blank-space element id of the plugin's panel on the detail screen. */
export const FOLLOWUP_PANEL_SPACE = "followup_panel";

/** 事業形態 (spec v2 §2.1): only 会社 and 個人事業主 may apply (募集要項 2(1)「中小企業者（会社及び個人事業主）」). */
export const ENTITY_TYPES = ["会社", "個人事業主", "その他の法人・団体"] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];
/** The option of version 1 apps, read as 会社 (spec v2: existing apps keep working). */
export const LEGACY_ENTITY_LABELS: Readonly<Record<string, EntityType>> = { 法人: "会社" };
/** What the form says beside the field. */
export const ENTITY_TYPE_GUIDE =
  "会社 = 株式会社・有限会社・合同会社・合名会社・合資会社。NPO法人、一般社団・財団法人、医療法人、社会福祉法人、学校法人、協同組合などは「その他の法人・団体」です（本事業の対象外）。";

export const INDUSTRIES = [
  "製造業・建設業・運輸業・その他",
  "卸売業",
  "サービス業",
  "小売業",
] as const;
export type Industry = (typeof INDUSTRIES)[number];

/** 参加区分 in the 募集要項's words (2(2)). */
export const PARTICIPATION_CATEGORIES = [
  "令和5年度までに都のサイバーセキュリティ対策関連事業に参加",
  "支援を受けたことはないが本事業での支援を希望",
] as const;

export const CONSENT_OPTION = "同意する";

/** 誓約事項 ア–キ (spec v2 §2.4): the short option labels; the form shows DECLARATION_TEXTS beside them. */
export const DECLARATIONS = [
  "ア 都税・消費税等の滞納がない",
  "イ 法令・公序良俗に反しない（その恐れもない）",
  "ウ 東京都への賃料・使用料等の支払いが滞っていない",
  "エ 民事再生・会社更生・破産の申立手続中（再生計画等認可後を除く）や私的整理手続中でない",
  "オ 暴力団関係者・風俗関連業・ギャンブル業等でない",
  "カ 連鎖販売取引・ネガティブオプション・催眠商法・霊感商法等の業態でない",
  "キ 宗教活動・政治活動を主たる目的とする団体でない",
] as const;

/** The 募集要項's own wording of ア–キ (seed 2(4)), shown beside the short labels. */
export const DECLARATION_TEXTS = [
  "ア 都税、消費税及び地方消費税の額に滞納がないこと",
  "イ 法令等もしくは公序良俗に反し、またはその恐れがないこと",
  "ウ 東京都に対する賃料・使用料等の債務が存する場合、その支払いが滞っていないこと",
  "エ 民事再生法、会社更生法、破産法に基づく申立手続中（再生計画等認可後は除く）、又は私的整理手続中など、事業の継続性について不確実な状況が存在していないこと",
  "オ 「東京都暴力団排除条例」に規定する暴力団関係者又は「風俗営業等の規制及び業務の適正化等に関する法律」第2条に規定する風俗関連業、ギャンブル業、賭博等、支援の対象として社会通念上適切でないと判断される業態を営むものではないこと",
  "カ その他、連鎖販売取引、ネガティブ・オプション（送り付け商法）、催眠商法、霊感商法など公的資金の助成先として適切でないと判断する業態を営むものではないこと",
  "キ 宗教活動や政治活動を主たる目的とする団体等でないこと",
] as const;

/** 業種 classification guide (中小企業庁/JSIC mapping, domain-rules §1.3), shown beside the field. */
export const INDUSTRY_GUIDE =
  "業種の区分：飲食店（レストラン・カフェ・持ち帰り飲食を含む）は小売業、ソフトウェア業・情報処理サービス業・宿泊業はサービス業、卸売業は卸売業、それ以外（製造・建設・運輸・旅行業など、②〜④以外）は「製造業・建設業・運輸業・その他」です。複数の事業がある場合は、売上の最も大きい事業で選んでください。";

export const ELIGIBILITY_LABELS = {
  unscreened: "未判定",
  eligible: "適格",
  review: "要確認",
  ineligible: "対象外",
} as const;

/** staff_decision: a person's decision overriding the screening proposal (spec v2 §2.1, §4). */
export const STAFF_DECISIONS = {
  none: "なし",
  eligible: "適格とする",
  ineligible: "対象外とする",
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
  /** A settings document saved on the plugin's settings page (spec v2 §6); the CLI applies the latest. */
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
  business_description: { ja: "主な事業内容", en: "Main line of business" },
  capital_yen: { ja: "資本金又は出資の総額（円）", en: "Capital (yen)" },
  employees: { ja: "常時使用する従業員数", en: "Regular employees" },
  participation_category: { ja: "参加区分", en: "Participation category" },
  prior_program: { ja: "参加した事業名（年度）", en: "Program taken part in (year)" },
  consent_survey: { ja: "アンケート・ヒアリングへの協力", en: "Consent to survey and hearing" },
  declarations: { ja: "誓約事項", en: "Declarations" },
  contact_name: { ja: "担当者氏名", en: "Contact person" },
  contact_email: { ja: "メールアドレス", en: "E-mail" },
  contact_phone: { ja: "電話番号", en: "Phone" },
  applied_at: { ja: "申込日時", en: "Applied at" },
  eligibility: { ja: "審査結果", en: "Eligibility" },
  eligibility_notes: { ja: "審査メモ", en: "Screening notes" },
  screening_signature: { ja: "審査の根拠", en: "Screening signature" },
  staff_decision: { ja: "事務局の判断", en: "Secretariat's decision" },
  staff_decision_reason: { ja: "判断の理由", en: "Reason for the decision" },
  screened_at: { ja: "審査日時", en: "Screened at" },
  lottery_result: { ja: "抽選結果", en: "Lottery result" },
  lottery_rank: { ja: "抽選順位", en: "Lottery rank" },
  waitlist_no: { ja: "補欠順位", en: "Waitlist no." },
  lottery_run_id: { ja: "抽選ID", en: "Lottery run id" },
  participation_intent: { ja: "参加意思", en: "Participation intent" },
  questionnaires: { ja: "質問票", en: "Questionnaires" },
  visit_date: { ja: "訪問日", en: "Visit date" },
  visit_start: { ja: "開始時刻", en: "Start time" },
  visit_minutes: { ja: "所要時間（分）", en: "Duration (minutes)" },
  expert_name: { ja: "訪問専門家", en: "Visiting expert" },
  withdrawal_reason: { ja: "取消・辞退の理由", en: "Reason for cancellation or withdrawal" },
  visit_report: { ja: "訪問記録", en: "Visit report" },
};
