/**
 * The expert visit's booking rules (spec §1, §2.1): a weekday that is neither a national holiday nor
 * a closure day, inside the secretariat's hours, 60–120 minutes, and never at the same time as the
 * same expert's other visit. Pure: the caller brings the other bookings (read from kintone).
 * Dates are Japan calendar dates as kintone's DATE field holds them (`YYYY-MM-DD`), times its TIME
 * text (`HH:MM`); no `Date` in the machine's zone is used.
 */
import type { Localized } from "../i18n";
import type { VisitSettings } from "../settings/programSettings";
import { holidayDataCovers, holidayOn, LAST_HOLIDAY_YEAR } from "./holidays";

/** One booking as the four visit fields hold it (values as text, "" when blank). */
export interface VisitBooking {
  /** `$id`, so a record is never compared with itself. */
  recordId: string;
  companyName: string;
  date: string;
  start: string;
  minutes: string;
  expert: string;
}

export type VisitRule =
  | "VISIT_INCOMPLETE"
  | "VISIT_DATE_INVALID"
  | "VISIT_WEEKEND"
  | "VISIT_HOLIDAY"
  | "VISIT_HOLIDAY_DATA_MISSING"
  | "VISIT_CLOSURE_DAY"
  | "VISIT_START_INVALID"
  | "VISIT_MINUTES_OUT_OF_RANGE"
  | "VISIT_OUTSIDE_HOURS"
  | "VISIT_OVERLAP";

export type VisitField = "visit_date" | "visit_start" | "visit_minutes" | "expert_name";

export interface VisitProblem {
  rule: VisitRule;
  field: VisitField;
  message: Localized;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{1,2}):(\d{2})(?::\d{2})?$/;
const WEEKDAYS_JA = ["日", "月", "火", "水", "木", "金", "土"];
const WEEKDAYS_EN = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** Day of the week (0 = Sunday) of a valid calendar date, or undefined for an impossible one. */
function weekdayOf(date: string): number | undefined {
  const match = DATE.exec(date);
  if (!match) return undefined;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = new Date(Date.UTC(y, m - 1, d));
  if (utc.getUTCFullYear() !== y || utc.getUTCMonth() !== m - 1 || utc.getUTCDate() !== d) {
    return undefined;
  }
  return utc.getUTCDay();
}

/** Minutes after midnight of `HH:MM`, or undefined. */
export function minutesOfDay(time: string): number | undefined {
  const match = TIME.exec(time.trim());
  if (!match) return undefined;
  const [h, m] = [Number(match[1]), Number(match[2])];
  return h > 23 || m > 59 ? undefined : h * 60 + m;
}

export function clockText(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** Experts are matched on their name without spacing or width differences (「山田 太郎」and「山田(full-width space)太郎」). */
export function expertKey(name: string): string {
  return name.normalize("NFKC").replace(/\s+/g, "");
}

function wholeMinutes(text: string): number | undefined {
  const trimmed = text.normalize("NFKC").trim();
  if (!/^\d+$/.test(trimmed)) return undefined;
  return Number(trimmed);
}

function dateLabel(date: string, weekday: number): Localized {
  return { ja: `${date}（${WEEKDAYS_JA[weekday]}）`, en: `${date} (${WEEKDAYS_EN[weekday]})` };
}

function isClosureDay(date: string, closureDays: readonly string[]): boolean {
  return closureDays.includes(date) || closureDays.includes(date.slice(5));
}

const blank = (value: string) => value.trim() === "";

/** Whether any of the four visit fields is filled in (a booking has started). */
export function hasBooking(visit: VisitBooking): boolean {
  return [visit.date, visit.start, visit.minutes, visit.expert].some((v) => !blank(v));
}

function checkDate(visit: VisitBooking, settings: VisitSettings): VisitProblem[] {
  const weekday = weekdayOf(visit.date.trim());
  const field = "visit_date";
  if (weekday === undefined) {
    return [
      {
        rule: "VISIT_DATE_INVALID",
        field,
        message: {
          ja: `訪問日「${visit.date}」は日付として読めません（例: 2024-09-17）。`,
          en: `The visit date "${visit.date}" is not a date (e.g. 2024-09-17).`,
        },
      },
    ];
  }
  const date = visit.date.trim();
  const label = dateLabel(date, weekday);
  if (weekday === 0 || weekday === 6) {
    return [
      {
        rule: "VISIT_WEEKEND",
        field,
        message: {
          ja: `訪問日 ${label.ja} は土日です。訪問は平日に設定してください。`,
          en: `The visit date ${label.en} is a weekend day. Visits are on weekdays.`,
        },
      },
    ];
  }
  if (!holidayDataCovers(date)) {
    return [
      {
        rule: "VISIT_HOLIDAY_DATA_MISSING",
        field,
        message: {
          ja: `訪問日 ${label.ja} の祝日データがありません（${LAST_HOLIDAY_YEAR}年まで）。プラグインを更新してください。`,
          en: `No holiday data for ${label.en} (available until ${LAST_HOLIDAY_YEAR}). Update the plugin.`,
        },
      },
    ];
  }
  const holiday = holidayOn(date);
  if (holiday) {
    return [
      {
        rule: "VISIT_HOLIDAY",
        field,
        message: {
          ja: `訪問日 ${label.ja} は祝日（${holiday.ja}）です。平日に設定してください。`,
          en: `The visit date ${label.en} is a national holiday (${holiday.en}). Choose a working day.`,
        },
      },
    ];
  }
  if (isClosureDay(date, settings.closureDays)) {
    return [
      {
        rule: "VISIT_CLOSURE_DAY",
        field,
        message: {
          ja: `訪問日 ${label.ja} は事務局の休業日（年末年始など）です。別の日に設定してください。`,
          en: `The visit date ${label.en} is a closure day of the secretariat (year-end holidays etc.). Choose another day.`,
        },
      },
    ];
  }
  return [];
}

function checkTime(visit: VisitBooking, settings: VisitSettings): VisitProblem[] {
  const problems: VisitProblem[] = [];
  const start = minutesOfDay(visit.start);
  const minutes = wholeMinutes(visit.minutes);
  if (start === undefined && !blank(visit.start)) {
    problems.push({
      rule: "VISIT_START_INVALID",
      field: "visit_start",
      message: {
        ja: `開始時刻「${visit.start}」は時刻として読めません（例: 10:00）。`,
        en: `The start time "${visit.start}" is not a time (e.g. 10:00).`,
      },
    });
  }
  const outOfRange =
    minutes === undefined || minutes < settings.minMinutes || minutes > settings.maxMinutes;
  if (outOfRange && !blank(visit.minutes)) {
    problems.push({
      rule: "VISIT_MINUTES_OUT_OF_RANGE",
      field: "visit_minutes",
      message: {
        ja: `所要時間は ${settings.minMinutes}〜${settings.maxMinutes} 分の整数で入力してください（入力: ${visit.minutes}）。`,
        en: `The duration must be a whole number of minutes from ${settings.minMinutes} to ${settings.maxMinutes} (given: ${visit.minutes}).`,
      },
    });
  }
  const opens = minutesOfDay(settings.opensAt) ?? 0;
  const closes = minutesOfDay(settings.closesAt) ?? 24 * 60;
  if (start !== undefined && (start < opens || start + (minutes ?? 0) > closes)) {
    const end = clockText(start + (minutes ?? 0));
    problems.push({
      rule: "VISIT_OUTSIDE_HOURS",
      field: "visit_start",
      message: {
        ja: `訪問（${clockText(start)}〜${end}）が事務局の対応時間 ${settings.opensAt}〜${settings.closesAt} に収まっていません。`,
        en: `The visit (${clockText(start)}–${end}) is outside the secretariat's hours ${settings.opensAt}–${settings.closesAt}.`,
      },
    });
  }
  return problems;
}

/** The time span [start, end) of a complete booking in minutes of its day, or undefined. */
function spanOf(visit: VisitBooking): { start: number; end: number } | undefined {
  const start = minutesOfDay(visit.start);
  const minutes = wholeMinutes(visit.minutes);
  if (start === undefined || minutes === undefined || weekdayOf(visit.date.trim()) === undefined)
    return undefined;
  return { start, end: start + minutes };
}

/** The other bookings of the same expert on the same day whose time overlaps this one (end = start is no overlap). */
export function overlappingVisits(
  visit: VisitBooking,
  others: readonly VisitBooking[],
): VisitBooking[] {
  const span = spanOf(visit);
  if (!span || blank(visit.expert)) return [];
  const key = expertKey(visit.expert);
  return others.filter((other) => {
    if (other.recordId === visit.recordId || other.date.trim() !== visit.date.trim()) return false;
    if (expertKey(other.expert) !== key) return false;
    const theirs = spanOf(other);
    return theirs !== undefined && theirs.start < span.end && span.start < theirs.end;
  });
}

function overlapProblem(visit: VisitBooking, other: VisitBooking): VisitProblem {
  const span = spanOf(other);
  const time = span ? `${clockText(span.start)}〜${clockText(span.end)}` : other.start;
  const company = other.companyName.trim() || `#${other.recordId}`;
  return {
    rule: "VISIT_OVERLAP",
    field: "visit_start",
    message: {
      ja: `${visit.expert.trim()} さんは ${other.date} ${time} に「${company}」の訪問が入っています。時間が重ならないようにしてください。`,
      en: `${visit.expert.trim()} already visits "${company}" on ${other.date} ${time}. Choose a time that does not overlap.`,
    },
  };
}

/**
 * Every problem of one booking. A record without any visit field filled is fine (not booked yet),
 * and staff may fill the fields one at a time; `complete` (訪問完了, a visited record) needs all
 * four. `others` are the program's other bookings (the same record and other experts are skipped).
 */
export function checkVisit(
  visit: VisitBooking,
  others: readonly VisitBooking[],
  settings: VisitSettings,
  options: { complete?: boolean } = {},
): VisitProblem[] {
  if (!hasBooking(visit) && !options.complete) return [];
  const missing = (
    [
      ["visit_date", visit.date],
      ["visit_start", visit.start],
      ["visit_minutes", visit.minutes],
      ["expert_name", visit.expert],
    ] as const
  ).filter(([, value]) => blank(value));
  const problems: VisitProblem[] = options.complete
    ? missing.map(([field]) => ({
        rule: "VISIT_INCOMPLETE",
        field,
        message: {
          ja: "訪問日・開始時刻・所要時間・訪問専門家をすべて入力してください。",
          en: "Enter the visit date, start time, duration and expert.",
        },
      }))
    : [];
  if (!blank(visit.date)) problems.push(...checkDate(visit, settings));
  problems.push(...checkTime(visit, settings));
  if (missing.length === 0) {
    problems.push(...overlappingVisits(visit, others).map((other) => overlapProblem(visit, other)));
  }
  return problems;
}
