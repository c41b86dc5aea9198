/**
 * Normalization of what applicants type (spec §4): full-width ASCII to half-width, commas in numbers,
 * hyphen look-alikes in codes and phone numbers. Every function is idempotent, and a value that is
 * still not a number after normalization is reported as such (`undefined`), never read as 0.
 */

const FULL_WIDTH_ASCII = /[\uFF01-\uFF5E]/g;
const FULL_WIDTH_OFFSET = 0xff01 - 0x21;
/** Ideographic space and the other Unicode spaces applicants paste. */
const WIDE_SPACES = /[\u3000\u00A0\u2000-\u200B\u202F\u205F\uFEFF]/g;

const NEEDS_HALF_WIDTH = /[\uFF01-\uFF5E\u3000\u00A0\u2000-\u200B\u202F\u205F\uFEFF]/;

/** Full-width letters, digits and symbols to ASCII; ideographic spaces to plain spaces. Other text is untouched. */
export function toHalfWidth(value: string): string {
  // Most values need nothing; one test is much cheaper than two replacements.
  if (!NEEDS_HALF_WIDTH.test(value)) return value;
  return value
    .replace(FULL_WIDTH_ASCII, (char) =>
      String.fromCharCode(char.charCodeAt(0) - FULL_WIDTH_OFFSET),
    )
    .replace(WIDE_SPACES, " ");
}

/** Half-width and trimmed: the form used to compare choices and test for blanks. */
export function normalizeText(value: string | undefined): string {
  return value === undefined ? "" : toHalfWidth(value).trim();
}

/** Hyphen look-alikes (ー－‐―− and kin), as typed between digit groups. */
const HYPHENS = /[-\u2010-\u2015\u2212\u30FC\uFF0D\uFF70\uFE63]/g;
const SEPARATORS = /[\s()]/g;

/** A code made of digits (postal code, phone, corporate number): half-width, without hyphens, spaces or brackets. */
export function normalizeCode(value: string | undefined): string {
  return normalizeText(value).replace(HYPHENS, "").replace(SEPARATORS, "");
}

/** Postal code: also drops a leading 〒. */
export function normalizePostalCode(value: string | undefined): string {
  return normalizeCode(value).replace(/^〒+/, "");
}

/** E-mail address: half-width, trimmed, lower case (for comparing two addresses). */
export function normalizeEmail(value: string | undefined): string {
  return normalizeText(value).toLowerCase();
}

/** A number as typed: half-width, trimmed, without thousands separators (`,` `，` `、` or spaces). */
export function normalizeNumberText(value: string | undefined): string {
  return normalizeText(value).replace(/[,、\s]/g, "");
}

const WHOLE_NUMBER = /^\+?(\d+)(?:\.0*)?$/;

/**
 * A whole number ≥ 0 (yen, headcount), or `undefined` when the text is blank, negative, fractional
 * or not a number at all (e.g. "3億円").
 */
export function parseWholeNumber(value: string | undefined): number | undefined {
  const match = WHOLE_NUMBER.exec(normalizeNumberText(value));
  return match?.[1] === undefined ? undefined : Number(match[1]);
}
