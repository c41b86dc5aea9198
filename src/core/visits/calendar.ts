import { type FieldResolver, fieldText, type KintoneRecordLike, sameCodes } from "../application";
import type { CalendarVisit } from "../export/icalendar";
import type { StateKey } from "../vocabulary";
import { statusOf } from "../workflow/record";
import { visitBookingFromRecord } from "./booking";
import { expertKey, hasBooking, minutesOfDay } from "./rules";

export interface CalendarSelection {
  visits: CalendarVisit[];
  /** Records with a booking too incomplete to place on a calendar (no date, time, duration or expert). */
  incomplete: Array<{ recordId: string; companyName: string }>;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The booked visits of the applications app for a calendar, optionally of one expert. Declined
 * and excluded applications keep their events, marked cancelled, so a re-import removes them.
 */
export function calendarVisitsOf(
  records: readonly KintoneRecordLike[],
  appId: string,
  states: Record<StateKey, string>,
  options: { field?: FieldResolver; expert?: string } = {},
): CalendarSelection {
  const code = options.field ?? sameCodes;
  const wanted = options.expert === undefined ? undefined : expertKey(options.expert);
  const cancelledStates = new Set([states.declined, states.ineligible]);
  const selection: CalendarSelection = { visits: [], incomplete: [] };
  for (const record of records) {
    const booking = visitBookingFromRecord(record, code);
    if (!hasBooking(booking)) continue;
    if (wanted !== undefined && expertKey(booking.expert) !== wanted) continue;
    const minutes = Number(booking.minutes.normalize("NFKC").trim());
    const complete =
      DATE.test(booking.date.trim()) &&
      minutesOfDay(booking.start) !== undefined &&
      Number.isInteger(minutes) &&
      minutes > 0 &&
      booking.expert.trim() !== "";
    if (!complete) {
      selection.incomplete.push({ recordId: booking.recordId, companyName: booking.companyName });
      continue;
    }
    selection.visits.push({
      appId,
      recordId: booking.recordId,
      revision: fieldText(record, "$revision"),
      applicationNo: fieldText(record, code("application_no")),
      companyName: booking.companyName,
      address: fieldText(record, code("address")),
      contactName: fieldText(record, code("contact_name")),
      contactPhone: fieldText(record, code("contact_phone")),
      expert: booking.expert.trim(),
      date: booking.date.trim(),
      start: booking.start.trim(),
      minutes,
      cancelled: cancelledStates.has(statusOf(record)),
    });
  }
  selection.visits.sort((a, b) => `${a.date} ${a.start}`.localeCompare(`${b.date} ${b.start}`));
  return selection;
}
