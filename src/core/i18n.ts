/** The two languages the product speaks: Japanese (default) and English (kintone users whose language is en). */
export type Lang = "ja" | "en";

export interface Localized {
  ja: string;
  en: string;
}

export function pick(lang: Lang, text: Localized): string {
  return text[lang];
}

/** kintone's `getLoginUser().language` or an Accept-Language value, reduced to ja/en. */
export function toLang(value: string | null | undefined): Lang {
  return value?.toLowerCase().startsWith("en") ? "en" : "ja";
}
