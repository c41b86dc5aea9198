import { type FieldResolver, fieldText, type KintoneRecordLike, sameCodes } from "../application";
import type { ApplicationField } from "../vocabulary";
import { recordIdOf } from "../workflow/record";
import type { VisitBooking } from "./rules";

/** The visit fields of an applications record (REST or event shape), through the field resolver. */
export function visitBookingFromRecord(
  record: KintoneRecordLike,
  field: FieldResolver = sameCodes,
  fallbackId = "",
): VisitBooking {
  const text = (logical: ApplicationField) => fieldText(record, field(logical));
  return {
    recordId: recordIdOf(record) || fallbackId,
    companyName: text("company_name"),
    date: text("visit_date"),
    start: text("visit_start"),
    minutes: text("visit_minutes"),
    expert: text("expert_name"),
  };
}

/** The logical fields a booking is read from (for REST `fields`). */
export const VISIT_BOOKING_FIELDS = [
  "company_name",
  "visit_date",
  "visit_start",
  "visit_minutes",
  "expert_name",
] as const satisfies readonly ApplicationField[];
