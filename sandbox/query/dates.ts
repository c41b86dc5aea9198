/**
 * Date and time arithmetic for query operands. Dates are compared as day numbers (days since
 * 1970-01-01), date-times as epoch milliseconds. Every operand becomes a half-open range
 * [from, to): a date literal covers its day, a date-time literal its minute (kintone stores
 * date-times to the minute), TODAY() the user's current day, THIS_MONTH() the month, …
 * "Today" is the login user's day in their time zone (kintone uses the user's time zone).
 */
import { syntaxError } from "./errors";

export interface Range {
  from: number;
  to: number;
}

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const DATE_ONLY = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

export function dayNumberOf(date: string): number | null {
  const match = DATE_ONLY.exec(date.trim());
  if (!match) return null;
  const [, y, m, d] = match;
  const ms = Date.UTC(Number(y), Number(m) - 1, Number(d));
  return Number.isNaN(ms) ? null : Math.floor(ms / DAY_MS);
}

export function dateOfDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Epoch ms of an ISO date-time with an explicit zone (kintone requires `Z` or an offset). */
export function instantOf(value: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value.trim()))
    return null;
  const ms = Date.parse(value.trim());
  return Number.isNaN(ms) ? null : ms;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function zoneOffsetMs(instant: number, timeZone: string): number {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(
    formatter.formatToParts(new Date(instant)).map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return asUtc - Math.floor(instant / 1000) * 1000;
}

export function localDayNumber(instant: number, timeZone: string): number {
  return Math.floor((instant + zoneOffsetMs(instant, timeZone)) / DAY_MS);
}

export function startOfLocalDay(day: number, timeZone: string): number {
  const guess = day * DAY_MS;
  return guess - zoneOffsetMs(guess - zoneOffsetMs(guess, timeZone), timeZone);
}

export function dayRangeToInstants(range: Range, timeZone: string): Range {
  return { from: startOfLocalDay(range.from, timeZone), to: startOfLocalDay(range.to, timeZone) };
}

export function minuteRange(instant: number): Range {
  const from = Math.floor(instant / MINUTE_MS) * MINUTE_MS;
  return { from, to: from + MINUTE_MS };
}

const WEEKDAYS = ["SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"];

function ymd(day: number): { y: number; m: number; d: number } {
  const date = new Date(day * DAY_MS);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth(), d: date.getUTCDate() };
}

function dayOf(y: number, m: number, d: number): number {
  return Math.floor(Date.UTC(y, m, d) / DAY_MS);
}

function single(day: number): Range {
  return { from: day, to: day + 1 };
}

function weekRange(today: number, weeksFromNow: number, args: string[]): Range {
  // Day 0 (1970-01-01) was a Thursday; weeks start on Sunday.
  const sunday = today - ((today + 4) % 7) + weeksFromNow * 7;
  const weekday = args[0]?.toUpperCase();
  if (weekday) {
    const index = WEEKDAYS.indexOf(weekday);
    if (index < 0) throw syntaxError(`unknown weekday ${args[0]}`);
    return single(sunday + index);
  }
  return { from: sunday, to: sunday + 7 };
}

function monthRange(today: number, monthsFromNow: number, args: string[]): Range {
  const { y, m } = ymd(today);
  const first = dayOf(y, m + monthsFromNow, 1);
  const next = dayOf(y, m + monthsFromNow + 1, 1);
  const arg = args[0]?.toUpperCase();
  if (arg === "LAST") return single(next - 1);
  if (arg) {
    const d = Number(arg);
    if (!Number.isInteger(d) || d < 1 || d > 31) throw syntaxError(`bad day ${args[0]}`);
    return single(Math.min(first + d - 1, next - 1));
  }
  return { from: first, to: next };
}

function yearRange(today: number, yearsFromNow: number): Range {
  const { y } = ymd(today);
  return { from: dayOf(y + yearsFromNow, 0, 1), to: dayOf(y + yearsFromNow + 1, 0, 1) };
}

function fromToday(today: number, args: string[]): Range {
  const amount = Number(args[0]);
  const unit = args[1]?.toUpperCase();
  if (!Number.isInteger(amount)) throw syntaxError("FROM_TODAY needs a whole number");
  const { y, m, d } = ymd(today);
  switch (unit) {
    case "DAYS":
      return single(today + amount);
    case "WEEKS":
      return single(today + amount * 7);
    case "MONTHS":
      return single(dayOf(y, m + amount, d));
    case "YEARS":
      return single(dayOf(y + amount, m, d));
    default:
      throw syntaxError(`FROM_TODAY unit ${args[1] ?? ""}`);
  }
}

/** The day range of a date function, or null when `name` is not a date function. */
export function dateFunctionRange(name: string, args: string[], today: number): Range | null {
  switch (name) {
    case "TODAY":
    case "NOW":
      return single(today);
    case "YESTERDAY":
      return single(today - 1);
    case "TOMORROW":
      return single(today + 1);
    case "FROM_TODAY":
      return fromToday(today, args);
    case "THIS_WEEK":
      return weekRange(today, 0, args);
    case "LAST_WEEK":
      return weekRange(today, -1, args);
    case "NEXT_WEEK":
      return weekRange(today, 1, args);
    case "THIS_MONTH":
      return monthRange(today, 0, args);
    case "LAST_MONTH":
      return monthRange(today, -1, args);
    case "NEXT_MONTH":
      return monthRange(today, 1, args);
    case "THIS_YEAR":
      return yearRange(today, 0);
    case "LAST_YEAR":
      return yearRange(today, -1);
    case "NEXT_YEAR":
      return yearRange(today, 1);
    default:
      return null;
  }
}
