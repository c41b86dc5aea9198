/**
 * The settings page's date-time inputs hold Japan wall-clock time (`<input type="datetime-local">`
 * text, no offset); the settings store instants with an explicit +09:00. Japan has no daylight
 * saving, so the conversion is a fixed offset whatever the administrator's machine is set to.
 */
import { parseInstant } from "../eligibility/instant";

const JST_OFFSET_MS = 9 * 60 * 60_000;
const WALL_CLOCK = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;

const two = (n: number) => String(n).padStart(2, "0");

/**
 * The Japan wall-clock text of an instant as a datetime-local input shows it
 * (`2024-08-09T17:00`, seconds only when not zero); "" when the text is no instant.
 */
export function japanWallClock(instant: string): string {
  const epochMs = parseInstant(instant);
  if (epochMs === undefined) return "";
  const wall = new Date(epochMs + JST_OFFSET_MS);
  const date = `${String(wall.getUTCFullYear()).padStart(4, "0")}-${two(wall.getUTCMonth() + 1)}-${two(wall.getUTCDate())}`;
  const time = `${two(wall.getUTCHours())}:${two(wall.getUTCMinutes())}`;
  const seconds = wall.getUTCSeconds();
  return seconds === 0 ? `${date}T${time}` : `${date}T${time}:${two(seconds)}`;
}

/**
 * The instant a Japan wall-clock text means, written as the settings store it
 * (`2024-08-09T17:00:00+09:00`); undefined for text that is not a real date and time.
 */
export function instantFromJapanWallClock(wallClock: string): string | undefined {
  const match = WALL_CLOCK.exec(wallClock.trim());
  if (!match) return undefined;
  const text = `${match[1]}T${match[2]}:${match[3]}:${match[4] ?? "00"}+09:00`;
  return parseInstant(text) === undefined ? undefined : text;
}

/** An instant as people in Japan read it, with the offset said: `2024-08-09 17:00 (+09:00)`. */
export function japanTimeWithOffset(instant: string): string {
  const wall = japanWallClock(instant);
  return wall === "" ? instant : `${wall.replace("T", " ")} (+09:00)`;
}
