import { type Lang, pick } from "../core/i18n";
import { CommandError } from "./command";

interface KintoneErrorLike {
  status?: number;
  code?: string;
  message?: string;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").trim();
}

/**
 * Turns a failure talking to kintone into one line that says what happened and what to do.
 * A CommandError passes through; anything unrecognized keeps kintone's own message.
 */
export function explainKintoneFailure(error: unknown, lang: Lang, baseUrl: string): CommandError {
  if (error instanceof CommandError) return error;
  const e = (typeof error === "object" && error !== null ? error : {}) as KintoneErrorLike;
  const detail = oneLine(e.message ?? String(error));
  const say = (ja: string, en: string) => new CommandError(pick(lang, { ja, en }));
  if (e.code === "ECONNREFUSED" || e.code === "ENOTFOUND" || e.code === "ECONNRESET") {
    return say(
      `kintone（${baseUrl}）に接続できません。KINTONE_BASE_URL を確認するか、npm start でサンドボックスを起動してください`,
      `cannot connect to kintone at ${baseUrl}: check KINTONE_BASE_URL, or start the sandbox with npm start`,
    );
  }
  if (e.status === 401 || e.code === "CB_WA01" || e.code === "CB_AU01" || e.code === "GAIA_IA02") {
    return say(
      `kintone の認証に失敗しました。KINTONE_USERNAME/KINTONE_PASSWORD または KINTONE_API_TOKEN を確認してください（${detail}）`,
      `kintone rejected the credentials: check KINTONE_USERNAME/KINTONE_PASSWORD or KINTONE_API_TOKEN (${detail})`,
    );
  }
  if (e.status === 403 || e.code === "CB_NO02") {
    return say(
      `kintone の権限が足りません。このユーザー（APIトークン）にアプリの閲覧・編集の権限を付けてください（${detail}）`,
      `not allowed by kintone: give this user (or API token) view and edit rights on the apps (${detail})`,
    );
  }
  if (e.code === "GAIA_AP01" || e.status === 404) {
    return say(
      `アプリが見つかりません。アプリIDを確認し、followup setup を実行するか --applications-app などで指定してください（${detail}）`,
      `app not found: check the app ids, run followup setup or pass --applications-app etc. (${detail})`,
    );
  }
  if (e.status === 409 || e.code === "GAIA_CO02") {
    return say(
      "実行中にほかの人がレコードを更新しました。もう一度実行してください（書き込み済みの分はそのままで、残りだけが書き込まれます）",
      "someone else updated a record meanwhile: run the command again (what was written stays; only the rest is written)",
    );
  }
  if (e.code === "GAIA_IL03" || e.code === "GAIA_ST02") {
    return say(
      `ステータスを変更できませんでした。アプリのプロセス管理の設定（状態名・アクション名）を確認してください（${detail}）`,
      `kintone refused the status change: check the app's process management (state and action names) (${detail})`,
    );
  }
  if (e.status === 429 || e.status === 503 || /^(429|503)\b/.test(detail)) {
    return say(
      "kintone が混み合っているか停止中です。しばらく待ってからもう一度実行してください",
      "kintone is busy or down: wait a while and run the command again",
    );
  }
  if (typeof e.status === "number") {
    return say(`kintone がエラーを返しました: ${detail}`, `kintone returned an error: ${detail}`);
  }
  return new CommandError(detail);
}
