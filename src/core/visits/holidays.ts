/**
 * Japanese national holidays (祝日法, incl. 振替休日 and 国民の休日) from @holiday-jp/holiday_jp, the
 * maintained dataset checked against the Cabinet Office's syukujitsu.csv. Only the years a visit can
 * fall in are bundled (the package ships one module per year); a date outside them is refused rather
 * than guessed. Update path: README, "Holiday data".
 */
import y2024 from "@holiday-jp/holiday_jp/lib/holidays_every_year/2024";
import y2025 from "@holiday-jp/holiday_jp/lib/holidays_every_year/2025";
import y2026 from "@holiday-jp/holiday_jp/lib/holidays_every_year/2026";
import y2027 from "@holiday-jp/holiday_jp/lib/holidays_every_year/2027";
import y2028 from "@holiday-jp/holiday_jp/lib/holidays_every_year/2028";
import y2029 from "@holiday-jp/holiday_jp/lib/holidays_every_year/2029";
import y2030 from "@holiday-jp/holiday_jp/lib/holidays_every_year/2030";
import y2031 from "@holiday-jp/holiday_jp/lib/holidays_every_year/2031";
import y2032 from "@holiday-jp/holiday_jp/lib/holidays_every_year/2032";
import y2033 from "@holiday-jp/holiday_jp/lib/holidays_every_year/2033";
import y2034 from "@holiday-jp/holiday_jp/lib/holidays_every_year/2034";
import y2035 from "@holiday-jp/holiday_jp/lib/holidays_every_year/2035";
import y2036 from "@holiday-jp/holiday_jp/lib/holidays_every_year/2036";
import y2037 from "@holiday-jp/holiday_jp/lib/holidays_every_year/2037";
import y2038 from "@holiday-jp/holiday_jp/lib/holidays_every_year/2038";
import y2039 from "@holiday-jp/holiday_jp/lib/holidays_every_year/2039";
import y2040 from "@holiday-jp/holiday_jp/lib/holidays_every_year/2040";
import y2041 from "@holiday-jp/holiday_jp/lib/holidays_every_year/2041";
import y2042 from "@holiday-jp/holiday_jp/lib/holidays_every_year/2042";
import y2043 from "@holiday-jp/holiday_jp/lib/holidays_every_year/2043";
import y2044 from "@holiday-jp/holiday_jp/lib/holidays_every_year/2044";
import y2045 from "@holiday-jp/holiday_jp/lib/holidays_every_year/2045";
import y2046 from "@holiday-jp/holiday_jp/lib/holidays_every_year/2046";
import y2047 from "@holiday-jp/holiday_jp/lib/holidays_every_year/2047";
import y2048 from "@holiday-jp/holiday_jp/lib/holidays_every_year/2048";
import y2049 from "@holiday-jp/holiday_jp/lib/holidays_every_year/2049";
import y2050 from "@holiday-jp/holiday_jp/lib/holidays_every_year/2050";

interface HolidayEntry {
  name: string;
  name_en: string;
}

const YEARS: ReadonlyArray<Record<string, HolidayEntry>> = [
  y2024,
  y2025,
  y2026,
  y2027,
  y2028,
  y2029,
  y2030,
  y2031,
  y2032,
  y2033,
  y2034,
  y2035,
  y2036,
  y2037,
  y2038,
  y2039,
  y2040,
  y2041,
  y2042,
  y2043,
  y2044,
  y2045,
  y2046,
  y2047,
  y2048,
  y2049,
  y2050,
];

const HOLIDAYS = new Map<string, HolidayEntry>();
for (const year of YEARS)
  for (const [date, entry] of Object.entries(year)) HOLIDAYS.set(date, entry);

export const FIRST_HOLIDAY_YEAR = 2024;
export const LAST_HOLIDAY_YEAR = 2050;

/** Whether the holiday data cover the year of a `YYYY-MM-DD` date. */
export function holidayDataCovers(date: string): boolean {
  const year = Number(date.slice(0, 4));
  return year >= FIRST_HOLIDAY_YEAR && year <= LAST_HOLIDAY_YEAR;
}

/** The holiday on a `YYYY-MM-DD` calendar date (Japan's date, never a `Date` in the server's zone). */
export function holidayOn(date: string): { ja: string; en: string } | undefined {
  const entry = HOLIDAYS.get(date);
  return entry && { ja: entry.name, en: entry.name_en };
}
