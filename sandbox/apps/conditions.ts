import { compileCondition, compileQuery, QueryError } from "../query";
import type { FieldErrorCollector } from "../http/errors";
import type { FieldMap } from "./fields";

/**
 * Checks a stored condition (a view's filterCond or sort, an action's filterCond) with the records
 * area's query compiler, so settings that kintone would refuse are refused here too.
 */
export function checkCondition(
  kind: "filterCond" | "sort",
  source: unknown,
  fields: FieldMap,
  path: string,
  errorsOut: FieldErrorCollector,
  loginUser: string,
): void {
  const text = typeof source === "string" ? source.trim() : "";
  if (text === "") return;
  const context = { now: new Date(), timeZone: "Asia/Tokyo", loginUser };
  try {
    if (kind === "sort") compileQuery(`order by ${text}`, fields, context);
    else compileCondition(text, fields, context);
  } catch (error) {
    if (!(error instanceof QueryError)) throw error;
    const details = Object.values(error.errors ?? {}).flatMap((entry) => entry.messages);
    errorsOut.add(path, details[0] ?? error.text);
  }
}
