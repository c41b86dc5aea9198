/** Texts and errors of the records endpoints, in kintone's wording (ja/en). */
import { KintoneError, type Message } from "../http/errors";

export const fieldMessages = {
  required: { ja: "必須です。", en: "Required." },
  unique: {
    ja: "値がほかのレコードと重複しています。",
    en: "This value already exists in another record.",
  },
  notNumber: { ja: "数字でなければなりません。", en: "Only numbers are allowed." },
  notInOptions: (value: string): Message => ({
    ja: `"${value}"は選択肢にありません。`,
    en: `The value, "${value}", is not in options.`,
  }),
  maxLength: (n: number): Message => ({
    ja: `${n}文字より短くなければなりません。`,
    en: `Enter less than ${n} characters.`,
  }),
  minLength: (n: number): Message => ({
    ja: `${n}文字より長くなければなりません。`,
    en: `Enter more than ${n} characters.`,
  }),
  maxValue: (v: string): Message => ({
    ja: `${v}以下である必要があります。`,
    en: `The value must be ${v} or less.`,
  }),
  minValue: (v: string): Message => ({
    ja: `${v}以上である必要があります。`,
    en: `The value must be ${v} or more.`,
  }),
  badDate: { ja: "日付の形式が正しくありません。", en: "The date format is invalid." },
  badTime: { ja: "時刻の形式が正しくありません。", en: "The time format is invalid." },
  badDateTime: { ja: "日時の形式が正しくありません。", en: "The date and time format is invalid." },
  notArray: { ja: "配列で指定してください。", en: "Must be an array." },
  notText: { ja: "文字列で指定してください。", en: "Must be a string." },
  unknownUser: (code: string): Message => ({
    ja: `ユーザー（${code}）が見つかりません。`,
    en: `The user (${code}) is not found.`,
  }),
  tooMany: (what: "add" | "update" | "delete" | "status"): Message =>
    ({
      add: {
        ja: "一度に100件までのレコードを追加できます。",
        en: "A maximum of 100 records can be added at one time.",
      },
      update: {
        ja: "一度に100件までのレコードを更新できます。",
        en: "A maximum of 100 records can be updated at one time.",
      },
      delete: {
        ja: "一度に100件までのレコードを削除できます。",
        en: "A maximum of 100 records can be deleted at one time.",
      },
      status: {
        ja: "一度に100件までのレコードのステータスを更新できます。",
        en: "A maximum of 100 records can be updated at one time.",
      },
    })[what],
};

export const recordErrors = {
  recordNotFound: (id: unknown) =>
    new KintoneError(404, "GAIA_RE01", {
      ja: `指定したレコード（id: ${String(id)}）が見つかりません。`,
      en: `The specified record (ID: ${String(id)}) is not found.`,
    }),
  recordByKeyNotFound: () =>
    new KintoneError(404, "GAIA_RE01", {
      ja: "指定したレコードが見つかりません。",
      en: "The specified record is not found.",
    }),
  updateKeyNotUnique: (code: string) =>
    new KintoneError(
      400,
      "CB_VA01",
      { ja: "入力内容が正しくありません。", en: "Missing or invalid input." },
      {
        "updateKey.field": [
          {
            ja: `フィールド「${code}」は重複禁止に設定されていません。`,
            en: `The field "${code}" must be set to prohibit duplicate values.`,
          },
        ],
      },
    ),
  fileNotFound: (key: string) =>
    new KintoneError(400, "GAIA_BL01", {
      ja: `指定したファイル（id: ${key}）が見つかりません。`,
      en: `The specified file (id: ${key}) not found.`,
    }),
  lookupNotFound: (code: string, value: string) =>
    new KintoneError(400, "GAIA_LO04", {
      ja: `フィールド「${code}」の値「${value}」が、ルックアップの参照先のフィールドにないか、またはアプリやフィールドの閲覧権限がありません。`,
      en: `A value ${value} in the field ${code} does not exist in the datasource app for lookup, or you do not have permission to view the app or the field.`,
    }),
  statusChangeFailed: () =>
    new KintoneError(400, "GAIA_IL03", {
      ja: "ステータスの変更に失敗しました。ほかのユーザーがステータス、またはステータスの設定を変更した可能性があります。",
      en: "Failed to update the status. The settings or the status itself may have been changed by someone.",
    }),
  processDisabled: () =>
    new KintoneError(400, "GAIA_ST02", {
      ja: "操作に失敗しました。プロセス管理機能が無効化されています。",
      en: "Your request failed. The process management feature has been disabled.",
    }),
  assigneeRequired: () =>
    new KintoneError(400, "GAIA_SA01", {
      ja: "作業者を指定してください。",
      en: "Specify the assignee.",
    }),
  cursorNotFound: () =>
    new KintoneError(404, "GAIA_CR02", {
      ja: "指定したカーソルが見つかりません。",
      en: "The specified cursor does not exist.",
    }),
  tooManyCursors: () =>
    new KintoneError(400, "GAIA_CR01", {
      ja: "カーソルの作成数が上限に達しています。不要なカーソルを削除してください。",
      en: "The number of cursors has reached the limit. Delete unnecessary cursors.",
    }),
};
