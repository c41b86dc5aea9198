import { randomBytes } from "node:crypto";

export type Lang = "ja" | "en";
export interface Message {
  ja: string;
  en: string;
}
/** Field-level details of CB_VA01, keyed like kintone: `record.company_name.value`. */
export type FieldErrors = Record<string, Message[]>;

export interface KintoneErrorBody {
  code: string;
  id: string;
  message: string;
  errors?: Record<string, { messages: string[] }>;
}

/** A kintone REST error: answered as `{code, id, message, errors?}` with `status`. */
export class KintoneError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly text: Message,
    readonly errors?: FieldErrors,
  ) {
    super(`[${status}] [${code}] ${text.en}`);
    this.name = "KintoneError";
  }

  body(lang: Lang): KintoneErrorBody {
    const body: KintoneErrorBody = {
      code: this.code,
      id: randomBytes(15).toString("base64url"),
      message: this.text[lang],
    };
    if (this.errors) {
      body.errors = Object.fromEntries(
        Object.entries(this.errors).map(([key, list]) => [
          key,
          { messages: list.map((m) => m[lang]) },
        ]),
      );
    }
    return body;
  }
}

/** The language kintone answers in: English only when the client asks for it first. */
export function languageOf(acceptLanguage: string | undefined): Lang {
  return /^\s*en\b/i.test(acceptLanguage ?? "") ? "en" : "ja";
}

export const errors = {
  loginRequired: () =>
    new KintoneError(401, "CB_AU01", { ja: "ログインしてください。", en: "Please login." }),
  passwordFailed: () =>
    new KintoneError(401, "CB_WA01", {
      ja: "ユーザーのパスワード認証に失敗しました。「X-Cybozu-Authorization」ヘッダーの値が正しくありません。",
      en: "Password authentication failed. The value in http header of X-Cybozu-Authorization is not valid.",
    }),
  apiTokenMismatch: () =>
    new KintoneError(400, "GAIA_IA02", {
      ja: "指定したAPIトークンが、アプリで生成したAPIトークンと一致しません。",
      en: "The specified API token does not match the API token generated via an app.",
    }),
  apiTokenWrongApp: (appId: number) =>
    new KintoneError(400, "GAIA_IA02", {
      ja: `APIトークンとアプリ(id:${appId})の組み合わせが正しくありません。`,
      en: `The combination of the API token and the app (ID: ${appId}) is not valid.`,
    }),
  apiTokenNotAllowed: () =>
    new KintoneError(403, "GAIA_NO01", {
      ja: "このAPIトークンでは、指定したAPIを実行できません。",
      en: "Using this API token, you cannot run the specified API.",
    }),
  requestTokenInvalid: () =>
    new KintoneError(403, "CB_IL02", {
      ja: "不正なリクエストです。",
      en: "Illegal request.",
    }),
  noPrivilege: () =>
    new KintoneError(403, "CB_NO02", {
      ja: "権限がありません。",
      en: "No privilege to proceed.",
    }),
  badRequest: (detail?: Message) =>
    new KintoneError(
      400,
      "CB_IL02",
      detail ?? { ja: "不正なリクエストです。", en: "Illegal request." },
    ),
  invalidJson: () =>
    new KintoneError(400, "CB_IJ01", {
      ja: "不正なJSON文字列です。",
      en: "Invalid JSON string.",
    }),
  validation: (fieldErrors: FieldErrors) =>
    new KintoneError(
      400,
      "CB_VA01",
      { ja: "入力内容が正しくありません。", en: "Missing or invalid input." },
      fieldErrors,
    ),
  appNotFound: (appId: number | string) =>
    new KintoneError(404, "GAIA_AP01", {
      ja: `指定したアプリ（id: ${appId}）が見つかりません。削除されている可能性があります。`,
      en: `The app (ID: ${appId}) not found. The app may have been deleted.`,
    }),
  revisionConflict: () =>
    new KintoneError(409, "GAIA_CO02", {
      ja: "指定したrevisionは最新ではありません。ほかのユーザーがレコードを更新した可能性があります。",
      en: "The revision is not the latest. Someone may update a record.",
    }),
  appRevisionConflict: (appId: number) =>
    new KintoneError(409, "GAIA_CO02", {
      ja: `指定したrevisionは最新ではありません。ほかのユーザーがアプリ（id: ${appId}）の設定を変更した可能性があります。`,
      en: `The revision is not the latest. Someone may update an app settings (ID: ${appId}).`,
    }),
  tooManyRequests: () =>
    new KintoneError(429, "GAIA_TO04", {
      ja: "同時に処理できるリクエスト数の上限を超えています。時間をおいて再度お試しください。",
      en: "The number of concurrent requests exceeds the limit. Please try again later.",
    }),
  notFoundApi: () =>
    new KintoneError(404, "CB_NF01", {
      ja: "指定したAPIが見つかりません。",
      en: "The specified API is not found.",
    }),
  methodNotAllowed: () =>
    new KintoneError(405, "CB_NF01", {
      ja: "指定したAPIが見つかりません。",
      en: "The specified API is not found.",
    }),
};

/** Collects CB_VA01 details and throws them all at once. */
export class FieldErrorCollector {
  private readonly found: FieldErrors = {};

  add(path: string, text: Message): void {
    (this.found[path] ??= []).push(text);
  }

  get empty(): boolean {
    return Object.keys(this.found).length === 0;
  }

  throwIfAny(): void {
    if (!this.empty) throw errors.validation(this.found);
  }
}
