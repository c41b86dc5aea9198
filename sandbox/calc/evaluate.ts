/**
 * Evaluates a parsed kintone formula. Values are numbers (dates and times as seconds since
 * 1970-01-01T00:00Z or since midnight), strings, booleans, `null` for an empty field, and lists
 * (a subtable column, a check box). A formula that cannot be computed fails with the marker
 * kintone's screens show (#ERROR!, #VALUE!, #CONVERT!, #PRECISION!); the REST API answers "".
 */
import type { FormulaNode } from "./formula";

export type CalcValue = number | string | boolean | null | CalcValue[];
export type CalcMarker = "#ERROR!" | "#VALUE!" | "#CONVERT!" | "#PRECISION!";

export class CalcFailure extends Error {
  constructor(readonly marker: CalcMarker) {
    super(marker);
  }
}

/** kintone's default number precision (app settings `numberPrecision`): 16 digits, 4 decimals, half to even. */
const DIGITS = 16;
const DECIMALS = 4;

export function evaluateFormula(node: FormulaNode, lookup: (code: string) => CalcValue): CalcValue {
  const run = (n: FormulaNode): CalcValue => {
    switch (n.kind) {
      case "number":
      case "string":
        return n.value;
      case "field":
        return lookup(n.code);
      case "unary":
        return n.op === "-" ? -toNumber(run(n.operand)) : toNumber(run(n.operand));
      case "binary":
        return binary(n.op, run(n.left), run(n.right));
      case "call":
        return call(n.name, n.args, run);
    }
  };
  return run(node);
}

function toNumber(value: CalcValue): number {
  if (value === null) return 0;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "number") return value;
  throw new CalcFailure("#VALUE!");
}

function toText(value: CalcValue): string {
  if (value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "1" : "0";
  if (typeof value === "number") return numberText(value);
  throw new CalcFailure("#VALUE!");
}

function isTrue(value: CalcValue): boolean {
  if (typeof value === "boolean") return value;
  if (value === null) return false;
  if (typeof value === "number") return value !== 0;
  throw new CalcFailure("#VALUE!");
}

function binary(op: string, left: CalcValue, right: CalcValue): CalcValue {
  switch (op) {
    case "+":
      return toNumber(left) + toNumber(right);
    case "-":
      return toNumber(left) - toNumber(right);
    case "*":
      return toNumber(left) * toNumber(right);
    case "/": {
      const divisor = toNumber(right);
      if (divisor === 0) throw new CalcFailure("#ERROR!");
      return toNumber(left) / divisor;
    }
    case "^": {
      // The exponent's decimals are dropped; -100..100 only.
      const exponent = Math.trunc(toNumber(right));
      if (Math.abs(exponent) > 100) throw new CalcFailure("#ERROR!");
      return toNumber(left) ** exponent;
    }
    case "&":
      return toText(left) + toText(right);
    default:
      return compare(op, left, right);
  }
}

function compare(op: string, left: CalcValue, right: CalcValue): boolean {
  const numeric = (v: CalcValue) => v === null || typeof v === "number" || typeof v === "boolean";
  const textual = (v: CalcValue) => v === null || typeof v === "string";
  let a: number | string;
  let b: number | string;
  if (numeric(left) && numeric(right)) {
    a = toNumber(left);
    b = toNumber(right);
  } else if (textual(left) && textual(right)) {
    a = toText(left);
    b = toText(right);
  } else {
    // Different types: "=" is false, "!=" true, ordering has no meaning.
    if (op === "=") return false;
    if (op === "!=" || op === "<>") return true;
    throw new CalcFailure("#VALUE!");
  }
  switch (op) {
    case "=":
      return a === b;
    case "!=":
    case "<>":
      return a !== b;
    case "<":
      return a < b;
    case "<=":
      return a <= b;
    case ">":
      return a > b;
    default:
      return a >= b;
  }
}

function flatten(values: CalcValue[]): CalcValue[] {
  return values.flatMap((v) => (Array.isArray(v) ? flatten(v) : [v]));
}

function call(name: string, args: FormulaNode[], run: (n: FormulaNode) => CalcValue): CalcValue {
  const places = () => (args[1] ? Math.trunc(toNumber(run(args[1]))) : 0);
  switch (name) {
    case "SUM":
      return flatten(args.map(run)).reduce<number>((sum, v) => sum + toNumber(v), 0);
    case "IF":
      return isTrue(run(args[0] as FormulaNode))
        ? run(args[1] as FormulaNode)
        : run(args[2] as FormulaNode);
    case "AND":
      return args.every((a) => isTrue(run(a)));
    case "OR":
      return args.some((a) => isTrue(run(a)));
    case "NOT":
      return !isTrue(run(args[0] as FormulaNode));
    case "ROUND":
      return roundTo(toNumber(run(args[0] as FormulaNode)), places(), "half-up");
    case "ROUNDUP":
      return roundTo(toNumber(run(args[0] as FormulaNode)), places(), "up");
    case "ROUNDDOWN":
      return roundTo(toNumber(run(args[0] as FormulaNode)), places(), "down");
    case "YEN":
      return yen(toNumber(run(args[0] as FormulaNode)), places());
    case "DATE_FORMAT":
      return dateFormat(
        run(args[0] as FormulaNode),
        toText(run(args[1] as FormulaNode)),
        toText(run(args[2] as FormulaNode)),
      );
    case "CONTAINS": {
      const haystack = run(args[0] as FormulaNode);
      const needle = toText(run(args[1] as FormulaNode));
      return Array.isArray(haystack) ? haystack.includes(needle) : toText(haystack) === needle;
    }
    default:
      throw new CalcFailure("#ERROR!");
  }
}

/** Rounds away from zero (half-up, up) or toward it (down) at `places` decimals (negative: tens…). */
function roundTo(value: number, places: number, mode: "half-up" | "up" | "down"): number {
  const factor = 10 ** places;
  // toPrecision removes the binary noise of the scaling (1.005 * 100 = 100.49999…).
  const scaled = Number((Math.abs(value) * factor).toPrecision(15));
  const whole = { "half-up": Math.round, up: Math.ceil, down: Math.floor }[mode](scaled);
  const result = (Math.sign(value) * whole) / factor;
  return result === 0 ? 0 : result;
}

function yen(value: number, places: number): string {
  const rounded = roundTo(value, places, "half-up");
  const decimals = Math.max(places, 0);
  const text = Math.abs(rounded).toLocaleString("en-US", {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
  return `${rounded < 0 ? "-" : ""}¥${text}`;
}

function dateFormat(value: CalcValue, format: string, zone: string): string {
  if (value === null || value === "") return "";
  const seconds = toNumber(value);
  const timeZone = zone === "system" || zone === "" ? "Asia/Tokyo" : zone;
  let parts: Record<string, string>;
  try {
    parts = Object.fromEntries(
      new Intl.DateTimeFormat("en-US", {
        timeZone,
        hourCycle: "h23",
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        second: "2-digit",
      })
        .formatToParts(new Date(seconds * 1000))
        .map((p) => [p.type, p.value]),
    );
  } catch {
    throw new CalcFailure("#VALUE!");
  }
  const hour = Number(parts.hour);
  const tokens: Record<string, string> = {
    YYYY: parts.year ?? "",
    YY: (parts.year ?? "").slice(-2),
    MM: parts.month ?? "",
    M: String(Number(parts.month)),
    dd: parts.day ?? "",
    d: String(Number(parts.day)),
    HH: String(hour).padStart(2, "0"),
    H: String(hour),
    hh: String(hour % 12 || 12).padStart(2, "0"),
    h: String(hour % 12 || 12),
    mm: parts.minute ?? "",
    ss: parts.second ?? "",
  };
  return format.replace(/YYYY|YY|MM|M|dd|d|HH|H|hh|h|mm|ss/g, (t) => tokens[t] ?? t);
}

/** A number as kintone writes it: app precision applied, no exponent, no trailing zeros. */
export function numberText(value: number): string {
  if (!Number.isFinite(value)) throw new CalcFailure("#ERROR!");
  const rounded = roundHalfEven(value, DECIMALS);
  const text = rounded.toFixed(DECIMALS).replace(/\.?0+$/, "");
  if (text.replace(/[-.]/g, "").replace(/^0+/, "").length > DIGITS) {
    throw new CalcFailure("#PRECISION!");
  }
  return text === "-0" ? "0" : text;
}

function roundHalfEven(value: number, places: number): number {
  const factor = 10 ** places;
  const scaled = Number((value * factor).toPrecision(15));
  const floor = Math.floor(scaled);
  const diff = scaled - floor;
  let whole = Math.round(scaled);
  if (Math.abs(diff - 0.5) < 1e-9) whole = floor % 2 === 0 ? floor : floor + 1;
  return whole / factor;
}
