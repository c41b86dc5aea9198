/**
 * Turns a parsed query into a predicate, an order comparator and paging, checking every field
 * code and operator against the app's fields the way kintone does. Values are read from
 * `RecordValues` (code → stored `value`, `$id` → id), so a caller can feed parsed records or
 * just the columns it extracted.
 */
import type { Condition, Expression, Operand, OrderItem, Query } from "./ast";
import {
  dateFunctionRange,
  dayNumberOf,
  dayRangeToInstants,
  instantOf,
  localDayNumber,
  minuteRange,
  type Range,
} from "./dates";
import {
  functionNotAllowed,
  limitTooLarge,
  notAnOption,
  offsetTooLarge,
  operatorNotAllowed,
  processDisabled,
  syntaxError,
  unknownField,
} from "./errors";
import { parseQuery } from "./parser";
import { ID_TYPE, type FieldSchema, type QueryContext, type RecordValues } from "./schema";

export const MAX_LIMIT = 500;
export const MAX_OFFSET = 10_000;
export const DEFAULT_LIMIT = 100;

export type Predicate = (values: RecordValues) => boolean;

export interface CompiledQuery {
  test: Predicate;
  compare: (a: RecordValues, b: RecordValues) => number;
  /** The order's sort keys of one record, for sorting many records (decorate, sort, undecorate). */
  orderKey: (values: RecordValues) => SortKey[];
  compareKeys: (a: SortKey[], b: SortKey[]) => number;
  /** Field codes the predicate and the order read (never `$id`). */
  fieldCodes: string[];
  limit: number;
  offset: number;
  /** Bounds on `$id` implied by top-level `and` conditions; a cheap pre-filter. */
  idRange: { min: number; max: number };
  /** Set when the order is `$id` (or the record number) alone: rows can stream in id order. */
  idOrder: "asc" | "desc" | null;
}

type Family =
  | "id"
  | "number"
  | "text"
  | "longText"
  | "choice"
  | "multiChoice"
  | "date"
  | "time"
  | "dateTime"
  | "systemTime"
  | "user"
  | "status"
  | "file";

const FAMILIES: Record<string, Family> = {
  [ID_TYPE]: "id",
  RECORD_NUMBER: "id",
  NUMBER: "number",
  CALC: "number",
  SINGLE_LINE_TEXT: "text",
  LINK: "text",
  MULTI_LINE_TEXT: "longText",
  RICH_TEXT: "longText",
  DROP_DOWN: "choice",
  RADIO_BUTTON: "choice",
  CHECK_BOX: "multiChoice",
  MULTI_SELECT: "multiChoice",
  DATE: "date",
  TIME: "time",
  DATETIME: "dateTime",
  CREATED_TIME: "systemTime",
  UPDATED_TIME: "systemTime",
  CREATOR: "user",
  MODIFIER: "user",
  USER_SELECT: "user",
  ORGANIZATION_SELECT: "user",
  GROUP_SELECT: "user",
  STATUS_ASSIGNEE: "user",
  CATEGORY: "user",
  STATUS: "status",
  FILE: "file",
};

const COMPARE = ["=", "!=", ">", "<", ">=", "<="];
const ALLOWED: Record<Family, string[]> = {
  id: [...COMPARE, "in", "not in"],
  number: [...COMPARE, "in", "not in", "is", "is not"],
  text: ["=", "!=", "in", "not in", "like", "not like", "is", "is not"],
  longText: ["like", "not like", "is", "is not"],
  choice: ["in", "not in", "is", "is not"],
  multiChoice: ["in", "not in", "is", "is not"],
  date: [...COMPARE, "is", "is not"],
  time: [...COMPARE, "is", "is not"],
  dateTime: [...COMPARE, "is", "is not"],
  systemTime: COMPARE,
  user: ["in", "not in", "is", "is not"],
  status: ["=", "!=", "in", "not in"],
  file: ["like", "not like", "is", "is not"],
};

interface ResolvedField {
  code: string;
  /** Key in RecordValues: `$id` for ids, otherwise the field code. */
  key: string;
  family: Family;
  options: Set<string> | null;
  /** A subtable cell: the record's value is the list of that column's values. */
  inTable?: boolean;
}

export function compileQuery(
  source: string | Query,
  schema: FieldSchema,
  context: QueryContext,
): CompiledQuery {
  const query = typeof source === "string" ? parseQuery(source) : source;
  if (query.limit !== null && query.limit > MAX_LIMIT) throw limitTooLarge();
  if (query.offset !== null && query.offset > MAX_OFFSET) throw offsetTooLarge();
  const compiler = new Compiler(schema, context);
  const test = query.where ? compiler.expression(query.where) : () => true;
  const order = compiler.order(query.orderBy);
  return {
    test,
    compare: order.compare,
    orderKey: order.orderKey,
    compareKeys: order.compareKeys,
    fieldCodes: [...compiler.codes],
    limit: query.limit ?? DEFAULT_LIMIT,
    offset: query.offset ?? 0,
    idRange: idRangeOf(query.where, compiler),
    idOrder: order.idOrder,
  };
}

/** A condition alone (views' filterCond, process-management action conditions). Empty → always true. */
export function compileCondition(
  source: string,
  schema: FieldSchema,
  context: QueryContext,
): Predicate {
  const query = parseQuery(source);
  if (query.orderBy.length > 0 || query.limit !== null || query.offset !== null) {
    throw syntaxError("a condition takes no order by, limit or offset");
  }
  return query.where ? new Compiler(schema, context).expression(query.where) : () => true;
}

class Compiler {
  readonly codes = new Set<string>();
  private readonly today: number;

  constructor(
    private readonly schema: FieldSchema,
    private readonly context: QueryContext,
  ) {
    this.today = localDayNumber(context.now.getTime(), context.timeZone);
  }

  resolve(code: string): ResolvedField {
    if (code === "$id") return { code, key: "$id", family: "id", options: null };
    const property = Object.hasOwn(this.schema, code) ? this.schema[code] : undefined;
    const family = property ? FAMILIES[property.type] : undefined;
    if (!property) throw unknownField(code);
    if (!family) throw operatorNotAllowed(code, "=");
    if (property.type === "STATUS" && property.enabled === false) throw processDisabled();
    if (family === "id") return { code, key: "$id", family, options: null };
    this.codes.add(code);
    const options = property.options ? new Set(Object.keys(property.options)) : null;
    return { code, key: code, family, options, inTable: typeof property.subtable === "string" };
  }

  expression(expression: Expression): Predicate {
    if (expression.kind === "and") {
      const left = this.expression(expression.left);
      const right = this.expression(expression.right);
      return (values) => left(values) && right(values);
    }
    if (expression.kind === "or") {
      const left = this.expression(expression.left);
      const right = this.expression(expression.right);
      return (values) => left(values) || right(values);
    }
    return this.condition(expression);
  }

  private condition(condition: Condition): Predicate {
    const field = this.resolve(condition.field);
    const operator = operatorLabel(condition);
    if (!ALLOWED[field.family].includes(operator)) throw operatorNotAllowed(field.code, operator);
    if (field.inTable) return this.tableCondition(field, condition, operator);
    return this.scalarCondition(field, condition);
  }

  /**
   * A subtable field: kintone takes `in`/`not in` (not `=`/`!=`). A record matches when any
   * row matches; a negated condition matches when no row matches its positive form.
   */
  private tableCondition(field: ResolvedField, condition: Condition, operator: string): Predicate {
    if (operator === "=" || operator === "!=") throw operatorNotAllowed(field.code, operator);
    const negated = "negated" in condition && condition.negated;
    const positive = this.scalarCondition(
      field,
      negated ? ({ ...condition, negated: false } as Condition) : condition,
    );
    return (values) => {
      const cells = Array.isArray(values[field.key]) ? (values[field.key] as unknown[]) : [];
      const any = cells.some((cell) => positive({ ...values, [field.key]: cell }));
      return negated ? !any : any;
    };
  }

  private scalarCondition(field: ResolvedField, condition: Condition): Predicate {
    switch (condition.kind) {
      case "empty": {
        const empty = (values: RecordValues) => isEmpty(values[field.key]);
        return condition.negated ? (values) => !empty(values) : empty;
      }
      case "like": {
        const needle = this.text(field, condition.operand).toLowerCase();
        const contains = (values: RecordValues) =>
          textsOf(field, values[field.key]).some((t) => t.toLowerCase().includes(needle));
        return condition.negated ? (values) => !contains(values) : contains;
      }
      case "in": {
        const member = this.membership(field, condition.operands);
        return condition.negated ? (values) => !member(values) : member;
      }
      case "compare":
        return this.comparison(field, condition.operator, condition.operand);
    }
  }

  private membership(field: ResolvedField, operands: Operand[]): Predicate {
    if (field.family === "id" || field.family === "number") {
      const wanted = operands.map((o) => this.text(field, o));
      const numbers = new Set(wanted.filter((w) => w !== "").map(Number));
      const wantsEmpty = wanted.includes("");
      return (values) => {
        const n = toNumber(values[field.key]);
        return n === null ? wantsEmpty : numbers.has(n);
      };
    }
    const wanted = new Set(operands.map((o) => this.text(field, o)));
    if (field.options) {
      for (const value of wanted) {
        if (value !== "" && !field.options.has(value)) throw notAnOption(field.code, value);
      }
    }
    return (values) => {
      const present = textsOf(field, values[field.key]);
      if (present.length === 0) return wanted.has("");
      return present.some((p) => wanted.has(p));
    };
  }

  private comparison(field: ResolvedField, operator: string, operand: Operand): Predicate {
    const check = (value: number | string | null, range: Range | null, exact: string | number) => {
      if (value === null) return operator === "!=" && exact !== "";
      if (range === null) return compareScalar(value, operator, exact);
      return inRange(value as number, operator, range);
    };
    switch (field.family) {
      case "id":
      case "number": {
        const literal = this.text(field, operand);
        const target = literal === "" ? "" : Number(literal);
        if (typeof target === "number" && Number.isNaN(target)) return () => false;
        return (values) => {
          const n = toNumber(values[field.key]);
          if (target === "") return operator === "=" ? n === null : operator === "!=" && n !== null;
          return check(n, null, target);
        };
      }
      case "date":
      case "dateTime":
      case "systemTime":
      case "time":
        if (operand.kind === "string" && operand.value === "")
          return this.emptiness(field, operator);
        return this.temporal(field, operator, operand, check);
      default: {
        const literal = this.text(field, operand);
        return (values) => {
          const value = values[field.key];
          return compareScalar(textOf(value), operator, literal);
        };
      }
    }
  }

  /** `date = ""` / `date != ""`: kintone's way to ask for an empty (or filled) date. */
  private emptiness(field: ResolvedField, operator: string): Predicate {
    if (operator !== "=" && operator !== "!=") throw syntaxError(`${operator} ""`);
    const wantsEmpty = operator === "=";
    return (values) => isEmpty(values[field.key]) === wantsEmpty;
  }

  private temporal(
    field: ResolvedField,
    operator: string,
    operand: Operand,
    check: (value: number | string | null, range: Range | null, exact: string | number) => boolean,
  ): Predicate {
    switch (field.family) {
      case "date": {
        const range = this.dayRange(field, operand);
        return (values) => check(dayValue(values[field.key]), range, 0);
      }
      case "dateTime":
      case "systemTime": {
        const range = this.instantRange(field, operand);
        return (values) => check(instantValue(values[field.key]), range, 0);
      }
      default: {
        const literal = this.text(field, operand);
        return (values) => {
          const value = values[field.key];
          return typeof value === "string" && value !== ""
            ? compareScalar(value, operator, literal)
            : check(null, null, literal);
        };
      }
    }
  }

  /** The operand as a plain string; functions only where kintone allows them. */
  private text(field: ResolvedField, operand: Operand): string {
    if (operand.kind !== "function") return operand.value;
    if (operand.name === "LOGINUSER" && field.family === "user") return this.context.loginUser;
    if (operand.name === "PRIMARY_ORGANIZATION" && field.family === "user") return "";
    throw functionNotAllowed(field.code, operand.name);
  }

  private dayRange(field: ResolvedField, operand: Operand): Range {
    if (operand.kind === "function") {
      const range = dateFunctionRange(operand.name, operand.args, this.today);
      if (!range) throw functionNotAllowed(field.code, operand.name);
      return range;
    }
    const day = dayNumberOf(operand.value);
    if (day !== null) return { from: day, to: day + 1 };
    const instant = instantOf(operand.value);
    if (instant === null) throw syntaxError(`not a date: ${operand.value}`);
    const local = localDayNumber(instant, this.context.timeZone);
    return { from: local, to: local + 1 };
  }

  private instantRange(field: ResolvedField, operand: Operand): Range {
    if (operand.kind === "function" && operand.name === "NOW") {
      return minuteRange(this.context.now.getTime());
    }
    if (operand.kind !== "function") {
      const instant = instantOf(operand.value);
      if (instant !== null) return minuteRange(instant);
    }
    return dayRangeToInstants(this.dayRange(field, operand), this.context.timeZone);
  }

  order(
    items: OrderItem[],
  ): Pick<CompiledQuery, "compare" | "idOrder" | "orderKey" | "compareKeys"> {
    const keys = items.map((item) => {
      const field = this.resolve(item.field);
      return { field, sign: item.direction === "asc" ? 1 : -1 };
    });
    // Ties (and no order at all) fall back to $id descending, kintone's default order.
    keys.push({ field: { code: "$id", key: "$id", family: "id", options: null }, sign: -1 });
    const first = keys[0];
    const byIdAlone = keys.length <= 2 && first?.field.family === "id";
    let idOrder: CompiledQuery["idOrder"] = null;
    if (byIdAlone) idOrder = first.sign === 1 ? "asc" : "desc";
    const orderKey = (values: RecordValues): SortKey[] =>
      keys.map(({ field }) => sortKey(field, values[field.key]));
    const compareKeys = (a: SortKey[], b: SortKey[]): number => {
      for (let i = 0; i < keys.length; i++) {
        const result = compareSortKeys(a[i] ?? null, b[i] ?? null);
        if (result !== 0) return result * (keys[i]?.sign ?? 1);
      }
      return 0;
    };
    return {
      compare: (a, b) => compareKeys(orderKey(a), orderKey(b)),
      idOrder,
      orderKey,
      compareKeys,
    };
  }
}

function operatorLabel(condition: Condition): string {
  switch (condition.kind) {
    case "compare":
      return condition.operator;
    case "in":
      return condition.negated ? "not in" : "in";
    case "like":
      return condition.negated ? "not like" : "like";
    case "empty":
      return condition.negated ? "is not" : "is";
  }
}

function textOf(value: unknown): string {
  if (typeof value === "string") return value;
  return value === null || value === undefined ? "" : String(value);
}

function toNumber(value: unknown): number | null {
  if (value === null || value === undefined || value === "") return null;
  const n = typeof value === "number" ? value : Number(value);
  return Number.isNaN(n) ? null : n;
}

function dayValue(value: unknown): number | null {
  return typeof value === "string" && value !== "" ? dayNumberOf(value) : null;
}

function instantValue(value: unknown): number | null {
  return typeof value === "string" && value !== "" ? instantOf(value) : null;
}

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === "string") return value.trim() === "";
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

/** The strings a value holds: option labels, user/organization codes, file names, or the text itself. */
function textsOf(field: ResolvedField, value: unknown): string[] {
  if (value === null || value === undefined) return [];
  const items = Array.isArray(value) ? value : [value];
  const texts: string[] = [];
  for (const item of items) {
    if (typeof item === "string") {
      if (item !== "") texts.push(item);
    } else if (item && typeof item === "object") {
      const entry = item as { code?: unknown; name?: unknown };
      const text = field.family === "file" ? entry.name : entry.code;
      if (typeof text === "string" && text !== "") texts.push(text);
    } else if (typeof item === "number") {
      texts.push(String(item));
    }
  }
  return texts;
}

function compareScalar(value: string | number, operator: string, target: string | number): boolean {
  switch (operator) {
    case "=":
      return value === target;
    case "!=":
      return value !== target;
    case ">":
      return value > target;
    case "<":
      return value < target;
    case ">=":
      return value >= target;
    default:
      return value <= target;
  }
}

function inRange(value: number, operator: string, range: Range): boolean {
  switch (operator) {
    case "=":
      return value >= range.from && value < range.to;
    case "!=":
      return value < range.from || value >= range.to;
    case ">":
      return value >= range.to;
    case ">=":
      return value >= range.from;
    case "<":
      return value < range.from;
    default:
      return value < range.to;
  }
}

export type SortKey = number | string | null;

function sortKey(field: ResolvedField, value: unknown): SortKey {
  switch (field.family) {
    case "id":
    case "number":
      return toNumber(value);
    case "date":
      return dayValue(value);
    case "dateTime":
    case "systemTime":
      return instantValue(value);
    default: {
      const texts = textsOf(field, value);
      return texts.length === 0 ? null : texts.join("\u0000");
    }
  }
}

/** Empty values sort before any value (ascending). */
function compareSortKeys(a: SortKey, b: SortKey): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

/** `$id` bounds from the conditions joined by top-level `and` (used to narrow the SQL scan). */
function idRangeOf(where: Expression | null, compiler: Compiler): CompiledQuery["idRange"] {
  const range = { min: 1, max: Number.MAX_SAFE_INTEGER };
  const visit = (expression: Expression): void => {
    if (expression.kind === "and") {
      visit(expression.left);
      visit(expression.right);
      return;
    }
    if (expression.kind !== "compare" && expression.kind !== "in") return;
    if (compiler.resolve(expression.field).family !== "id") return;
    if (expression.kind === "in") {
      if (expression.negated) return;
      const ids = expression.operands.map((o) => (o.kind === "function" ? NaN : Number(o.value)));
      if (ids.some((n) => Number.isNaN(n))) return;
      range.min = Math.max(range.min, Math.ceil(Math.min(...ids)));
      range.max = Math.min(range.max, Math.floor(Math.max(...ids)));
      return;
    }
    if (expression.operand.kind === "function") return;
    const n = Number(expression.operand.value);
    if (Number.isNaN(n)) return;
    switch (expression.operator) {
      case "=":
        range.min = Math.max(range.min, Math.ceil(n));
        range.max = Math.min(range.max, Math.floor(n));
        break;
      case ">":
        range.min = Math.max(range.min, Math.floor(n) + 1);
        break;
      case ">=":
        range.min = Math.max(range.min, Math.ceil(n));
        break;
      case "<":
        range.max = Math.min(range.max, Math.ceil(n) - 1);
        break;
      case "<=":
        range.max = Math.min(range.max, Math.floor(n));
        break;
    }
  };
  if (where) visit(where);
  return range;
}
