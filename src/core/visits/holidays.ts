/**
 * Japanese national holidays (祝日法, incl. 振替休日 and 国民の休日) from @holiday-jp/holiday_jp, the
 * maintained dataset checked against the Cabinet Office's syukujitsu.csv (it runs to 2050). The
 * plugin bundles only the years a visit of a coming round can fall in (the package ships one module
 * per year, ~0.5 KiB gzipped each, and the record screens have a size budget); a date outside them
 * is refused rather than guessed. Update path: README, "Holiday data".
 */
import y2024 from "@holiday-jp/holiday_jp/lib/holidays_every_year/2024";
import y2025 from "@holiday-jp/holiday_jp/lib/holidays_every_year/2025";
import y2026 from "@holiday-jp/holiday_jp/lib/holidays_every_year/2026";
import y2027 from "@holiday-jp/holiday_jp/lib/holidays_every_year/2027";
import y2028 from "@holiday-jp/holiday_jp/lib/holidays_every_year/2028";
import y2029 from "@holiday-jp/holiday_jp/lib/holidays_every_year/2029";
import y2030 from "@holiday-jp/holiday_jp/lib/holidays_every_year/2030";

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
];

const HOLIDAYS = new Map<string, HolidayEntry>();
for (const year of YEARS)
  for (const [date, entry] of Object.entries(year)) HOLIDAYS.set(date, entry);

export const FIRST_HOLIDAY_YEAR = 2024;
export const LAST_HOLIDAY_YEAR = 2030;

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
