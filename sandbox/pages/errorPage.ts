/**
 * The page kintone shows instead of a screen the user may not open or that does not exist: a
 * sentence in the user's language and a way back to the portal, never a bare status word.
 */
const TEXT = {
  400: {
    ja: ["リクエストが正しくありません", "URLに誤りがあります。リンクをもう一度確認してください。"],
    en: ["Bad request", "The URL is not valid. Check the link and try again."],
  },
  403: {
    ja: [
      "この画面を表示する権限がありません",
      "アプリの管理者に、必要なアクセス権を依頼してください。",
    ],
    en: ["You do not have permission to view this page", "Ask the app administrator for access."],
  },
  404: {
    ja: [
      "ページが見つかりません",
      "アプリやレコードが削除されたか、閲覧する権限がない可能性があります。",
    ],
    en: ["Page not found", "The app or record may have been deleted, or you may not have access."],
  },
} as const;

export type ErrorStatus = keyof typeof TEXT;

export function renderErrorPage(status: ErrorStatus, lang: "ja" | "en"): string {
  const [title, detail] = TEXT[status][lang];
  const back = lang === "ja" ? "ポータルへ戻る" : "Back to the portal";
  return `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head><body style="font-family: sans-serif; margin: 2rem"><h1 style="font-size: 1.25rem">${title}</h1><p>${detail}</p><p><a href="/k/">${back}</a></p></body></html>`;
}
