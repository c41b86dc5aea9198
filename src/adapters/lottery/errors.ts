import type { Localized } from "../../core/i18n";

export type LotteryRefusalCode =
  | "invalid-quota"
  | "invalid-seed"
  | "unscreened-records"
  | "empty-pool"
  | "draw-exists"
  | "draw-running"
  | "no-draw-to-resume"
  | "pool-changed"
  | "concurrent-append"
  | "not-allowed"
  | "conflict"
  | "no-draw"
  | "draw-incomplete"
  | "no-vacancy"
  | "waitlist-empty"
  | "invalid-count"
  | "window-open"
  | "window-closed"
  | "seed-not-committed"
  | "commitment-exists"
  | "invalid-commitment"
  | "reason-required"
  | "wrong-state";

/**
 * Why the lottery will not do (or finish) what was asked, in Japanese and English. `message`
 * carries both so a log line is readable either way; callers show `text[lang]`. `recordIds` names
 * the applications to look at, when there are any.
 */
export class LotteryRefusal extends Error {
  constructor(
    readonly code: LotteryRefusalCode,
    readonly text: Localized,
    readonly recordIds: string[] = [],
  ) {
    super(`${text.ja} (${text.en})`);
    this.name = "LotteryRefusal";
  }
}

/** "12, 13, 40" — at most `limit` ids, then "… (N more)". */
export function listIds(ids: readonly string[], limit = 20): { ja: string; en: string } {
  const shown = ids.slice(0, limit).join(", ");
  const rest = ids.length - limit;
  return rest > 0
    ? { ja: `${shown} ほか${rest}件`, en: `${shown} and ${rest} more` }
    : { ja: shown, en: shown };
}

export function errorStatus(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === "number" ? status : undefined;
}

export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

/** kintone refused for lack of permission (users: CB_NO02; API tokens: GAIA_NO01). */
export function isPermissionError(error: unknown): boolean {
  const code = errorCode(error);
  return errorStatus(error) === 403 || code === "CB_NO02" || code === "GAIA_NO01";
}

/** The record changed underneath: revision mismatch (409 GAIA_CO02) or status moved (GAIA_IL03). */
export function isConflictError(error: unknown): boolean {
  const code = errorCode(error);
  return errorStatus(error) === 409 || code === "GAIA_CO02" || code === "GAIA_IL03";
}

export function notAllowed(): LotteryRefusal {
  return new LotteryRefusal("not-allowed", {
    ja: "抽選を実行する権限がありません（申込管理アプリのレコード編集と抽選記録アプリのレコード追加が必要です）",
    en: "you are not allowed to draw (editing applications and adding lottery log records are required)",
  });
}
