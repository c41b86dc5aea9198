/**
 * Expert visits as an RFC 5545 iCalendar file that calendar programs import. Each visit's UID is
 * made of the app and record ids, so importing a later export updates the events instead of adding
 * copies; SEQUENCE is the record's revision, so the newer version wins. Times are Japan wall-clock
 * times with TZID=Asia/Tokyo and the zone's VTIMEZONE (Japan has no daylight saving: one rule).
 * A declined or excluded application's booked visit is exported as CANCELLED, so it disappears.
 */
import { minutesOfDay } from "../visits/rules";

export interface CalendarVisit {
  appId: string;
  recordId: string;
  revision: string;
  applicationNo: string;
  companyName: string;
  address: string;
  contactName: string;
  contactPhone: string;
  expert: string;
  date: string;
  start: string;
  minutes: number;
  cancelled: boolean;
}

export interface CalendarOptions {
  /** A name for the calendar (X-WR-CALNAME), e.g. the program and the expert. */
  name: string;
  /** Host part of the UIDs: the kintone domain, so two kintones never share a UID. */
  domain: string;
  /** When the file is made (DTSTAMP). */
  now: Date;
}

const ZONE = "Asia/Tokyo";

const VTIMEZONE = [
  "BEGIN:VTIMEZONE",
  `TZID:${ZONE}`,
  "BEGIN:STANDARD",
  "DTSTART:19510908T000000",
  "TZOFFSETFROM:+0900",
  "TZOFFSETTO:+0900",
  "TZNAME:JST",
  "END:STANDARD",
  "END:VTIMEZONE",
];

/** TEXT value escaping (RFC 5545 §3.3.11). */
function text(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/** Folds a content line at 75 octets without splitting a UTF-8 character (RFC 5545 §3.1). */
function fold(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with a space
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

const two = (n: number) => String(n).padStart(2, "0");

/** `20240917T100000` for a Japan date and minutes after its midnight (may run past midnight). */
function localDateTime(date: string, minutes: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const wall = new Date(Date.UTC(y, m - 1, d) + minutes * 60_000);
  return (
    `${wall.getUTCFullYear()}${two(wall.getUTCMonth() + 1)}${two(wall.getUTCDate())}` +
    `T${two(wall.getUTCHours())}${two(wall.getUTCMinutes())}00`
  );
}

function utcStamp(instant: Date): string {
  return instant
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/** The stable UID of one record's visit. */
export function visitUid(visit: Pick<CalendarVisit, "appId" | "recordId">, domain: string) {
  return `followup-visit-${visit.appId}-${visit.recordId}@${domain}`;
}

function eventLines(visit: CalendarVisit, options: CalendarOptions): string[] {
  const start = minutesOfDay(visit.start) ?? 0;
  const description = [
    `受付番号: ${visit.applicationNo}`,
    `訪問専門家: ${visit.expert}`,
    visit.contactName && `担当者: ${visit.contactName}`,
    visit.contactPhone && `電話: ${visit.contactPhone}`,
  ].filter(Boolean);
  return [
    "BEGIN:VEVENT",
    `UID:${visitUid(visit, options.domain)}`,
    `DTSTAMP:${utcStamp(options.now)}`,
    `SEQUENCE:${Number(visit.revision) || 0}`,
    `DTSTART;TZID=${ZONE}:${localDateTime(visit.date, start)}`,
    `DTEND;TZID=${ZONE}:${localDateTime(visit.date, start + visit.minutes)}`,
    `SUMMARY:${text(`訪問: ${visit.companyName}（${visit.expert}）`)}`,
    ...(visit.address ? [`LOCATION:${text(visit.address)}`] : []),
    `DESCRIPTION:${text(description.join("\n"))}`,
    `STATUS:${visit.cancelled ? "CANCELLED" : "CONFIRMED"}`,
    "END:VEVENT",
  ];
}

/** The whole file, CRLF line ends, long lines folded. */
export function visitsCalendar(visits: readonly CalendarVisit[], options: CalendarOptions): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//kintone-cyber-followup//visits//JA",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${text(options.name)}`,
    `X-WR-TIMEZONE:${ZONE}`,
    ...VTIMEZONE,
    ...visits.flatMap((visit) => eventLines(visit, options)),
    "END:VCALENDAR",
  ];
  return lines.map(fold).join("\r\n") + "\r\n";
}
