/** The sandbox's own screen text, in the user's kintone language. */
const TEXT = {
  ja: {
    portal: "ポータル",
    apps: "アプリ",
    noApps: "アプリがありません。",
    login: "ログイン",
    loginTitle: "kintone サンドボックスにログイン",
    username: "ログイン名",
    password: "パスワード",
    loginFailed: "ログイン名またはパスワードが正しくありません。",
    logout: "ログアウト",
    addRecord: "レコードを追加する",
    appSettings: "アプリの設定",
    view: "一覧",
    records: "件",
    previous: "前へ",
    next: "次へ",
    noRecords: "表示するレコードがありません。",
    showDetail: "レコードの詳細を表示する",
    editRecord: "編集する",
    save: "保存",
    cancel: "キャンセル",
    back: "戻る",
    status: "ステータス",
    assignee: "作業者",
    chooseAssignee: "作業者を選択してください",
    proceed: "実行",
    noAssignee: "（作業者なし）",
    formError: "入力内容が正しくありません。",
    recordNotFound: "レコードが見つかりません。",
    loading: "読み込み中…",
    pluginSettings: "プラグインの設定",
    plugins: "プラグイン",
    settings: "設定",
    noPlugins: "このアプリにはプラグインが追加されていません。",
    required: "必須",
    relatedNone: "関連するレコードはありません。",
    saved: "保存しました。",
    none: "",
    inlineEdit: "インライン編集",
    recordTitle: "レコード",
    create: "レコードの追加",
    edit: "レコードの編集",
    desktopVersion: "PC版で表示",
    mobileVersion: "モバイル版で表示",
  },
  en: {
    portal: "Portal",
    apps: "Apps",
    noApps: "No apps.",
    login: "Login",
    loginTitle: "Log in to the kintone sandbox",
    username: "Login name",
    password: "Password",
    loginFailed: "The login name or password is incorrect.",
    logout: "Log out",
    addRecord: "Add record",
    appSettings: "App settings",
    view: "View",
    records: "records",
    previous: "Previous",
    next: "Next",
    noRecords: "There are no records to display.",
    showDetail: "Show record details",
    editRecord: "Edit",
    save: "Save",
    cancel: "Cancel",
    back: "Back",
    status: "Status",
    assignee: "Assignee",
    chooseAssignee: "Choose the assignee",
    proceed: "Proceed",
    noAssignee: "(no assignee)",
    formError: "Missing or invalid input.",
    recordNotFound: "The record was not found.",
    loading: "Loading…",
    pluginSettings: "Plug-in settings",
    plugins: "Plug-ins",
    settings: "Settings",
    noPlugins: "No plug-ins are added to this app.",
    required: "Required",
    relatedNone: "No related records.",
    saved: "Saved.",
    none: "",
    inlineEdit: "Inline edit",
    recordTitle: "Record",
    create: "Add record",
    edit: "Edit record",
    desktopVersion: "Desktop version",
    mobileVersion: "Mobile version",
  },
} as const;

export type TextKey = keyof (typeof TEXT)["ja"];

let current: "ja" | "en" = "ja";

export function setLanguage(lang: "ja" | "en"): void {
  current = lang;
}

export function language(): "ja" | "en" {
  return current;
}

export function t(key: TextKey): string {
  return TEXT[current][key];
}
