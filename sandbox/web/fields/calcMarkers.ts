/**
 * The markers kintone's screens show for calculated fields whose formula failed (#ERROR!,
 * #VALUE!, #CONVERT!, #PRECISION!); the REST API gives "" for them. The screen works them out
 * with the sandbox's own formula engine from the record's values.
 */
import { computeRecord, type StoredCell } from "../../calc/compute";
import type { FieldSchema } from "../../query/schema";
import type { FieldProperties } from "./types";

export function calcMarkers(
  fields: FieldProperties,
  record: Record<string, { value?: unknown }>,
): Map<string, string> {
  const copy = structuredClone(record) as Record<string, StoredCell>;
  return computeRecord(fields as unknown as FieldSchema, copy);
}
