/**
 * CSV as Excel (Japanese locale) and every RFC 4180 reader open it: UTF-8 with a byte-order mark
 * (without it Excel guesses Shift_JIS and garbles 企業名), CRLF line ends, and a field quoted
 * whenever it holds a comma, a double quote, CR or LF, with quotes doubled inside.
 */
export const UTF8_BOM = "\uFEFF";

const NEEDS_QUOTES = /[",\r\n]/;
/** Cells Excel would run as a formula (CSV injection): applicants type these names on a public form. */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One header row and the data rows, each row ending in CRLF (RFC 4180 §2.1–2.2). */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const lines = [header, ...rows].map((row) => row.map(csvField).join(",") + "\r\n");
  return UTF8_BOM + lines.join("");
}
