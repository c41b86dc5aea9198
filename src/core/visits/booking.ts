import { type FieldMap, fieldText, type KintoneRecordLike } from "../application";
import type { ApplicationField } from "../vocabulary";
import { recordIdOf } from "../workflow/record";
import type { VisitBooking } from "./rules";

/** The visit fields of an applications record (REST or event shape), through the field map. */
export function visitBookingFromRecord(
  record: KintoneRecordLike,
  fieldMap: FieldMap = {},
  fallbackId = "",
): VisitBooking {
  const text = (field: ApplicationField) => fieldText(record, fieldMap[field] ?? field);
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
