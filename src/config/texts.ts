/**
 * Every text of the plugin settings page in one place ({ja, en}), so the page's wording is
 * reviewed and reused here; texts with values are functions of them. The schema's own messages
 * stay with the schema (core/settings), the field names with the vocabulary.
 */
import type { Localized } from "../core/i18n";
import type { ACTIONS, STATES } from "../core/vocabulary";

/** The operations whose buttons the settings name people for, with their labels. */
export const OPERATIONS = [
  { key: "screen", ja: "審査・同期", en: "Screen and sync" },
  { key: "draw", ja: "抽選", en: "Draw" },
  { key: "promote", ja: "繰り上げ", en: "Promote" },
] as const;

/** What each process state and action is, for the labels of their name inputs. */
export const STATE_LABELS: Record<keyof typeof STATES, Localized> = {
  applied: { ja: "申込を受け付けた", en: "Applied" },
  winner: { ja: "当選", en: "Winner" },
  waitlisted: { ja: "補欠", en: "Waitlisted" },
  confirmed: { ja: "参加が確定した", en: "Participation confirmed" },
  questionnaireDone: { ja: "質問票の回答が届いた", en: "Questionnaire answered" },
  visited: { ja: "訪問が済んだ", en: "Visited" },
  declined: { ja: "辞退した", en: "Declined" },
  ineligible: { ja: "対象外", en: "Ineligible" },
};
export const ACTION_LABELS: Record<keyof typeof ACTIONS, Localized> = {
  registerWinner: { ja: "当選にする", en: "Register as winner" },
  registerWaitlist: { ja: "補欠にする", en: "Register as waitlisted" },
  registerIneligible: { ja: "対象外にする", en: "Register as ineligible" },
  sendBack: { ja: "対象外から申込受付に差し戻す", en: "Send back from ineligible to applied" },
  promote: { ja: "補欠から当選に繰り上げる", en: "Promote from the waitlist" },
  confirm: { ja: "参加を確定する", en: "Confirm participation" },
  decline: { ja: "辞退にする", en: "Decline" },
  answerQuestionnaire: { ja: "質問票の回答を受け取る", en: "Questionnaire answered" },
  completeVisit: { ja: "訪問を完了する", en: "Complete the visit" },
  cancel: { ja: "当選・補欠・参加を取り消す（対象外へ）", en: "Cancel (to ineligible)" },
};

export const CONFIG_TEXTS = {
  title: {
    ja: "セキュリティ対策点検 申込・抽選管理の設定",
    en: "Security checkup program settings",
  },
  save: { ja: "保存する", en: "Save" },
  cancel: { ja: "キャンセル", en: "Cancel" },
  jst: { ja: "日本時間", en: "JST" },

  roleSection: { ja: "このアプリの役割", en: "Role of this app" },
  role: { ja: "役割", en: "Role" },
  roleApplications: { ja: "申込管理アプリ", en: "Applications app" },
  roleQuestionnaires: { ja: "このアプリは質問票アプリ", en: "This app is the questionnaire app" },

  fieldSection: {
    ja: "フィールドの対応（申込管理アプリ）",
    en: "Field mapping (applications app)",
  },
  fieldHelp: {
    ja: "各項目に対応するこのアプリのフィールドを選びます。種類が合うフィールドだけが表示されます。",
    en: "Choose the field of this app for each item. Only fields of a compatible type are listed.",
  },
  fieldNotUsed: { ja: "（使用しない）", en: "(not used)" },
  fieldMissing: { ja: "（見つからないか種類が違います）", en: "(missing or wrong type)" },
  panelSpaceId: {
    ja: "詳細パネルを表示するスペースの要素ID",
    en: "Element id of the detail panel's space",
  },

  statesSection: { ja: "プロセス管理の状態名", en: "Process states" },
  actionsSection: { ja: "プロセス管理のアクション名", en: "Process actions" },

  appsSection: { ja: "関連アプリ", en: "Related apps" },
  applicationsAppId: {
    ja: "申込管理アプリのアプリID（質問票アプリで使用）",
    en: "Applications app id (used by the questionnaire app)",
  },
  questionnairesAppId: { ja: "質問票アプリのアプリID", en: "Questionnaire app id" },
  lotteryLogAppId: { ja: "抽選記録アプリのアプリID", en: "Lottery log app id" },
  questionnaireLinkField: {
    ja: "質問票アプリの受付番号フィールドコード",
    en: "Questionnaire app's application-number field code",
  },

  programSection: { ja: "募集の設定", en: "Program settings" },
  quota: { ja: "当選枠（件）", en: "Quota (winners)" },
  opensAt: { ja: "受付開始", en: "Applications open" },
  opensAtHint: { ja: "この時刻から受け付けます。", en: "Accepted from this time on." },
  closesAt: { ja: "受付終了", en: "Applications close" },
  closesAtHint: {
    ja: "この時刻ちょうどの申込までを受け付けます。",
    en: "Accepted up to and including this time.",
  },
  capitalLimit: { ja: "資本金の上限（円）", en: "Capital limit (yen)" },
  employeeLimit: { ja: "従業員数の上限（人）", en: "Employee limit" },
  industryEnabled: { ja: "この業種を受け付ける", en: "Accept this industry" },

  visitsSection: { ja: "訪問と返信の期限", en: "Visits and reply deadlines" },
  intentDeadline: { ja: "参加意思の回答期限", en: "Participation-intent deadline" },
  intentDeadlineHint: {
    ja: "過ぎると、返信のない当選者を一覧から辞退にできます（空欄: 期限なし）。",
    en: "After it, winners without a reply can be recorded as 辞退 from the list (blank: none).",
  },
  questionnaireDays: { ja: "質問票の回答を待つ日数", en: "Days to wait for a questionnaire" },
  visitsFrom: { ja: "訪問できる時間（開始, HH:MM）", en: "Visits from (HH:MM)" },
  visitsUntil: { ja: "訪問できる時間（終了, HH:MM）", en: "Visits until (HH:MM)" },
  minMinutes: { ja: "所要時間の下限（分）", en: "Shortest visit (minutes)" },
  maxMinutes: { ja: "所要時間の上限（分）", en: "Longest visit (minutes)" },
  closureDays: {
    ja: "休業日（MM-DD は毎年、YYYY-MM-DD はその日だけ。カンマ区切り）",
    en: "Closure days (MM-DD every year, YYYY-MM-DD once; comma-separated)",
  },

  optionSection: { ja: "選択肢の対応（審査）", en: "Option labels (screening)" },
  optionHelp: (legacy: string): Localized => ({
    ja: `このアプリの選択肢の名前が仕様と違うときに入力します（既定は仕様の名前）。以前の版の「${legacy}」はそのまま読み替えます。`,
    en: `Enter the app's own label where it differs from the spec's (the default). The earlier version's ${legacy} is read as such.`,
  }),
  roundOneSection: {
    ja: "今年度の1次募集の参加企業（任意）",
    en: "This year's round-1 participants (optional)",
  },
  roundOneLines: { ja: "1行に1社", en: "One per line" },
  roundOneHint: {
    ja: "法人番号（13桁）、又は「名称, 所在地」。一覧の企業の申込は、参加区分の確認のため要確認になります。",
    en: 'A 法人番号 (13 digits), or "name, address". Their applications are flagged for a check of the participation category.',
  },

  operatorsSection: { ja: "操作できる人", en: "Who may operate" },
  operatorsHelp: {
    ja: "ログイン名・グループコードをカンマ区切りで入力します。空欄の操作のボタンは誰にも表示されません。",
    en: "Login names and group codes, separated by commas. A button with no one listed is shown to nobody.",
  },
  operatorUsers: { ja: "ユーザー", en: "users" },
  operatorGroups: { ja: "グループ", en: "groups" },
  groupsInGuestSpace: (groups: string[]): Localized => ({
    ja: `このアプリはゲストスペースにあります。ゲストスペースではkintoneがグループの所属を教えないため、グループ（${groups.join(", ")}）ではボタンが表示されません。使う人のログイン名をユーザー欄に入力してください。`,
    en: `This app is in a guest space, where kintone does not tell group membership: the groups (${groups.join(", ")}) show no buttons. Enter the login names of the people in the users field.`,
  }),

  enterDateTime: { ja: "日付と時刻を入力してください。", en: "Enter the date and time." },
  tooLarge: (bytes: number): Localized => ({
    ja: `設定が kintone の上限（256KB）を超えています（${bytes} バイト）。`,
    en: `The settings exceed kintone's 256 KB limit (${bytes} bytes).`,
  }),
  problems: (n: number): Localized => ({
    ja: `${n} 件の問題があります。各項目のメッセージを確認してください。`,
    en: `${n} problem(s); see the message beside each input.`,
  }),
  appsUnchecked: (reason: string): Localized => ({
    ja: `関連アプリを確認できませんでした：${reason}`,
    en: `Could not check the related apps: ${reason}`,
  }),
  appProblems: (n: number): Localized => ({
    ja: `関連アプリに ${n} 件の問題があります。各項目のメッセージを確認してください。`,
    en: `${n} problem(s) with the related apps; see the message beside each input.`,
  }),
  formFieldsUnread: (reason: string): Localized => ({
    ja: `フォームのフィールドを読めませんでした：${reason}`,
    en: `Could not read the form fields: ${reason}`,
  }),
  storedSettingsDamaged: {
    ja: "保存済みの設定に問題があったため、既定値を表示しています。",
    en: "The stored settings had problems; showing the defaults.",
  },
  logUnwritten: (reason: string): Localized => ({
    ja: `設定を抽選記録に書き込めなかったため、保存していません：${reason}`,
    en: `Not saved: the settings could not be written to the lottery log: ${reason}`,
  }),
  /** kintone's own plugin template says this after setConfig. */
  saved: {
    ja: "プラグインの設定を保存しました。アプリを更新してください。",
    en: "The plug-in settings have been saved. Please update the app!",
  },
} as const;
