/**
 * Dates and times in the login user's kintone time zone (getLoginUser().timezone), not the
 * browser's, as kintone shows them.
 */
let zone: string | undefined;

export function setTimeZone(timeZone: string | undefined): void {
  try {
    if (timeZone) new Intl.DateTimeFormat("en", { timeZone });
    zone = timeZone || undefined;
  } catch {
    zone = undefined;
  }
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

export function toWallClock(date: Date): WallClock {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).formatToParts(date);
  const part = (type: string) => Number(parts.find((each) => each.type === type)?.value ?? 0);
  return {
    year: part("year"),
    month: part("month"),
    day: part("day"),
    hour: part("hour"),
    minute: part("minute"),
  };
}

/** The instant at which the zone's clock shows this wall-clock time. */
export function fromWallClock(clock: WallClock): Date {
  const guess = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute);
  const shown = toWallClock(new Date(guess));
  const offset = Date.UTC(shown.year, shown.month - 1, shown.day, shown.hour, shown.minute) - guess;
  return new Date(guess - offset);
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** `YYYY-MM-DD HH:mm` (or with `T` for datetime-local inputs) in the user's zone. */
export function wallClockText(date: Date, separator = " "): string {
  const c = toWallClock(date);
  return `${c.year}-${pad(c.month)}-${pad(c.day)}${separator}${pad(c.hour)}:${pad(c.minute)}`;
}

/** Today's date in the user's zone, `YYYY-MM-DD`. */
export function todayText(): string {
  return wallClockText(new Date()).slice(0, 10);
}
