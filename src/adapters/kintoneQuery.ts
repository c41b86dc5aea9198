/** Literals of kintone's query language, for the few queries the adapters and screens build. */

/** A quoted kintone query string literal. */
export function quote(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/** The `(...)` list of an `in` / `not in` condition. */
export function inList(values: readonly string[]): string {
  return `(${values.map(quote).join(", ")})`;
}
