/**
 * Instants in Japan time, independent of the machine's time zone. Japan has kept UTC+9 without
 * daylight saving since 1951, so a fixed offset is exact; no `Date` local-time method is used.
 */
import type { Lang } from "../i18n";
import { toHalfWidth } from "./normalize";

const JST_OFFSET_MINUTES = 9 * 60;
const MINUTE = 60_000;

const ISO_LIKE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

function offsetMinutes(zone: string | undefined): number {
  if (zone === undefined) return JST_OFFSET_MINUTES;
  if (zone.toUpperCase() === "Z") return 0;
  const sign = zone.startsWith("-") ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
}

/**
 * Epoch milliseconds of an ISO 8601 date-time (kintone's DATETIME is `2024-08-09T08:00:00Z`).
 * Without an offset the time is read as Japan time, and a date alone as 00:00 JST.
 * Returns `undefined` for anything else, including impossible dates such as 2024-02-30.
 */
export function parseInstant(value: string): number | undefined {
  const match = ISO_LIKE.exec(toHalfWidth(value).trim());
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const hour = Number(match[4] ?? 0);
  const minute = Number(match[5] ?? 0);
  const second = Number(match[6] ?? 0);
  const millisecond = Number((match[7] ?? "0").padEnd(3, "0").slice(0, 3));
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) {
    return undefined;
  }
  // Day 0 of the next month is the last day of this one.
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
  const wallClock = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  return wallClock - offsetMinutes(match[8]) * MINUTE;
}

const WEEKDAYS_JA = ["日", "月", "火", "水", "木", "金", "土"];
const WEEKDAYS_EN = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS_EN = [
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "May",
  "Jun",
  "Jul",
  "Aug",
  "Sep",
  "Oct",
  "Nov",
  "Dec",
];
/** 令和 began on 2019-05-01 JST. */
const REIWA_START = Date.UTC(2019, 4, 1);

function japaneseYear(wallClock: number, year: number): string {
  if (wallClock < REIWA_START) return `${year}年`;
  const reiwa = year - 2018;
  return `令和${reiwa === 1 ? "元" : reiwa}年`;
}

/** An instant as notices write it: 令和6年8月9日（金）17:00 / Fri 9 Aug 2024 17:00 JST. */
export function formatJapanTime(epochMs: number, lang: Lang): string {
  const wall = new Date(epochMs + JST_OFFSET_MINUTES * MINUTE);
  const year = wall.getUTCFullYear();
  const month = wall.getUTCMonth();
  const day = wall.getUTCDate();
  const weekday = wall.getUTCDay();
  const clock = [wall.getUTCHours(), wall.getUTCMinutes(), wall.getUTCSeconds()];
  if (clock[2] === 0) clock.pop();
  const time = clock.map((part) => String(part).padStart(2, "0")).join(":");
  if (lang === "en")
    return `${WEEKDAYS_EN[weekday]} ${day} ${MONTHS_EN[month]} ${year} ${time} JST`;
  return `${japaneseYear(wall.getTime(), year)}${month + 1}月${day}日（${WEEKDAYS_JA[weekday]}）${time}`;
}

/**
 * An instant for the window messages: 西暦 and 和暦 together in Japanese, so a reader of either
 * finds the date (2024年（令和6年）8月9日（金）17:00); `seconds` when the seconds decide the case.
 */
export function formatWindowTime(epochMs: number, lang: Lang, seconds = false): string {
  const wall = new Date(epochMs + JST_OFFSET_MINUTES * MINUTE);
  const year = wall.getUTCFullYear();
  const clock = [wall.getUTCHours(), wall.getUTCMinutes()];
  if (seconds) clock.push(wall.getUTCSeconds());
  const time = clock.map((part) => String(part).padStart(2, "0")).join(":");
  const weekday = wall.getUTCDay();
  const day = wall.getUTCDate();
  const month = wall.getUTCMonth();
  if (lang === "en") {
    return `${WEEKDAYS_EN[weekday]} ${day} ${MONTHS_EN[month]} ${year} ${time} JST`;
  }
  const era = wall.getTime() < REIWA_START ? "" : `（${japaneseYear(wall.getTime(), year)}）`;
  return `${year}年${era}${month + 1}月${day}日（${WEEKDAYS_JA[weekday]}）${time}`;
}
