/**
 * Errors of kintone's query language, with the codes kintone answers (checked against public
 * reports of real kintone responses): CB_VA01 for syntax, GAIA_QU01/QU02 for limit/offset,
 * GAIA_IQ11 unknown field, GAIA_IQ03 operator not allowed for the field type, GAIA_IQ10 a value
 * that is not one of the field's options.
 */
import type { Lang, Localized } from "../../src/core/i18n";

export class QueryError extends Error {
  constructor(
    readonly code: string,
    readonly text: Localized,
    /** Field-level details in kintone's `errors` shape (only CB_VA01 carries them). */
    readonly errors?: Record<string, { messages: Localized[] }>,
  ) {
    super(`${code}: ${text.en}`);
    this.name = "QueryError";
  }

  /** The body kintone sends back (HTTP 400). */
  toBody(lang: Lang): {
    code: string;
    message: string;
    errors?: Record<string, { messages: string[] }>;
  } {
    const body: { code: string; message: string; errors?: Record<string, { messages: string[] }> } =
      { code: this.code, message: this.text[lang] };
    if (this.errors) {
      body.errors = Object.fromEntries(
        Object.entries(this.errors).map(([key, { messages }]) => [
          key,
          { messages: messages.map((m) => m[lang]) },
        ]),
      );
    }
    return body;
  }
}

const INVALID_INPUT: Localized = {
  ja: "入力内容が正しくありません。",
  en: "Missing or invalid input.",
};

export function syntaxError(detail?: string): QueryError {
  const suffix = detail ? ` (${detail})` : "";
  return new QueryError("CB_VA01", INVALID_INPUT, {
    query: {
      messages: [
        { ja: `クエリ記法が間違っています。${suffix}`, en: `The query is invalid.${suffix}` },
      ],
    },
  });
}

export function limitTooLarge(): QueryError {
  return new QueryError("GAIA_QU01", {
    ja: "limit には 500 以下の値を指定してください。",
    en: "limit must be 500 or less.",
  });
}

export function offsetTooLarge(): QueryError {
  return new QueryError("GAIA_QU02", {
    ja: "offset には 10,000 以下の値を指定してください。",
    en: "offset must be 10,000 or less.",
  });
}

export function unknownField(code: string): QueryError {
  return new QueryError("GAIA_IQ11", {
    ja: `指定されたフィールド（${code}）が見つかりません。`,
    en: `Specified field (${code}) not found.`,
  });
}

export function operatorNotAllowed(code: string, operator: string): QueryError {
  return new QueryError("GAIA_IQ03", {
    ja: `${code}フィールドのフィールドタイプには演算子${operator}を使用できません。`,
    en: `The operator ${operator} cannot be used for the field type of ${code}.`,
  });
}

export function notAnOption(code: string, value: string): QueryError {
  return new QueryError("GAIA_IQ10", {
    ja: `${code}の項目に「${value}」は存在しません。`,
    en: `The value "${value}" does not exist in the items of ${code}.`,
  });
}

export function functionNotAllowed(code: string, name: string): QueryError {
  return new QueryError("GAIA_IQ03", {
    ja: `${code}フィールドには関数${name}()を使用できません。`,
    en: `The function ${name}() cannot be used for the field ${code}.`,
  });
}

export function processDisabled(): QueryError {
  return new QueryError("GAIA_ST02", {
    ja: "操作に失敗しました。プロセス管理機能が無効化されています。",
    en: "Your request failed. The process management feature has been disabled.",
  });
}
