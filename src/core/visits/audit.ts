/**
 * The visit rules as an audit invariant: REST, CSV import and FormBridge can write a booking the
 * record screens would refuse, so `followup audit` re-checks every booked visit against the rules
 * and against the other bookings of the same expert.
 */
import { type FieldResolver, type KintoneRecordLike, sameCodes } from "../application";
import type { Localized } from "../i18n";
import type { VisitSettings } from "../settings/programSettings";
import { applicationNoKey, statusOf } from "../workflow/record";
import type { StateKey } from "../vocabulary";
import { visitBookingFromRecord } from "./booking";
import { checkVisit, hasBooking, type VisitBooking } from "./rules";

export const VISIT_INVARIANT = "VISIT_BOOKING_INVALID";

export interface VisitAuditFinding {
  invariant: typeof VISIT_INVARIANT;
  recordId: string;
  applicationNo: string;
  status: string;
  message: Localized;
}

/** Declined and excluded records keep their old booking; it binds no expert any more. */
const INACTIVE_STATES: readonly StateKey[] = ["declined", "ineligible"];

/** The bookings that still hold an expert's time (records not declined or excluded). */
export function activeBookings(
  records: readonly KintoneRecordLike[],
  states: Record<StateKey, string>,
  field: FieldResolver = sameCodes,
): VisitBooking[] {
  const inactive = new Set(INACTIVE_STATES.map((key) => states[key]));
  return records
    .filter((record) => !inactive.has(statusOf(record)))
    .map((record) => visitBookingFromRecord(record, field))
    .filter(hasBooking);
}

export function findVisitProblems(
  records: readonly KintoneRecordLike[],
  settings: VisitSettings,
  states: Record<StateKey, string>,
  field: FieldResolver = sameCodes,
): VisitAuditFinding[] {
  const inactive = new Set(INACTIVE_STATES.map((key) => states[key]));
  const bookings = activeBookings(records, states, field);
  return records.flatMap((record) => {
    const status = statusOf(record);
    if (inactive.has(status)) return [];
    const booking = visitBookingFromRecord(record, field);
    // A visited record must show the whole visit; others may be booked step by step.
    const complete = status === states.visited;
    const problems = checkVisit(booking, bookings, settings, { complete });
    if (problems.length === 0) return [];
    const company = booking.companyName || "-";
    return [
      {
        invariant: VISIT_INVARIANT,
        recordId: booking.recordId,
        applicationNo: applicationNoKey(record[field("application_no")]?.value),
        status,
        message: {
          ja: `「${company}」の訪問予定: ${problems.map((p) => p.message.ja).join(" ")}`,
          en: `Visit of "${company}": ${problems.map((p) => p.message.en).join(" ")}`,
        },
      },
    ];
  });
}
