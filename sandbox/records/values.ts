/**
 * From a REST `record` object to stored fields and back: type checks, options, lengths and
 * ranges, defaults on create, server-set system fields, files, users and lookups. Field errors
 * go to a collector keyed like kintone (`record.<code>.value`, or `records[i].<code>.value`
 * for the plural endpoints) so one response lists them all.
 */
import type { AuthContext } from "../auth/authenticate";
import { hasAppRight } from "../auth/permissions";
import type { SandboxDb } from "../db/database";
import { describeFile } from "../files/store";
import { FieldErrorCollector, type Message } from "../http/errors";
import type { FieldProperty } from "../query";
import type { AppModel } from "./appModel";
import { fieldMessages as m, recordErrors } from "./messages";
import { computeRecord, innerFields, type StoredCell, type StoredRow } from "../calc/compute";
import {
  findRecord,
  findRecordIdsByValue,
  nextRowId,
  statement,
  type StoredFields,
  type StoredRecord,
} from "./store";

export type RecordInput = Record<string, { value?: unknown } | undefined>;

export interface WriteContext {
  db: SandboxDb;
  model: AppModel;
  auth: AuthContext;
  now: Date;
  errors: FieldErrorCollector;
  /** `record` or `records[3]`: the prefix of error keys. */
  prefix: string;
  /** Loads another app's model (lookups). */
  loadModel: (appId: unknown) => AppModel;
  /** Inside a subtable row, kintone stores a number it cannot read as "" without an error. */
  inTable?: boolean;
}

const SERVER_SET = new Set(["RECORD_NUMBER", "CALC", "STATUS", "STATUS_ASSIGNEE", "CATEGORY"]);
const NOT_STORED = new Set(["REFERENCE_TABLE", "LABEL", "SPACER", "HR", "GROUP"]);
const SYSTEM_STAMPS = new Set(["CREATOR", "CREATED_TIME", "MODIFIER", "UPDATED_TIME"]);
/** Fields holding a list of values; their validation errors are keyed `….values[i].value`. */
const MULTI_VALUE_TYPES = [
  "CHECK_BOX",
  "MULTI_SELECT",
  "FILE",
  "USER_SELECT",
  "ORGANIZATION_SELECT",
  "GROUP_SELECT",
];
const ARRAY_TYPES = new Set([...MULTI_VALUE_TYPES, "SUBTABLE"]);
const VALUES_SUFFIX = new Set(MULTI_VALUE_TYPES);
const NUMBER_PATTERN = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** kintone stamps times to the minute: `2024-07-12T08:00:00Z`. */
export function minuteStamp(date: Date): string {
  return `${date.toISOString().slice(0, 16)}:00Z`;
}

/** Fields a record stores (everything but layout and related-records fields). */
function storedProperties(model: AppModel): FieldProperty[] {
  return Object.values(model.fields).filter((p) => !NOT_STORED.has(p.type));
}

/** kintone's empty value: `[]` for lists, `null` for an unselected drop-down, otherwise `""`. */
function emptyValue(type: string): unknown {
  if (ARRAY_TYPES.has(type)) return [];
  return type === "DROP_DOWN" ? null : "";
}

function errorKey(ctx: WriteContext, property: FieldProperty): string {
  return `${ctx.prefix}.${property.code}.${VALUES_SUFFIX.has(property.type) ? "values" : "value"}`;
}

function fail(ctx: WriteContext, property: FieldProperty, message: Message): void {
  ctx.errors.add(`${ctx.prefix}.${property.code}.value`, message);
}

/** A number kintone cannot read is reported under a bracketed key: `record[<code>].value`. */
function failNumber(ctx: WriteContext, property: FieldProperty): string {
  if (!ctx.inTable) ctx.errors.add(`${ctx.prefix}[${property.code}].value`, m.notNumber);
  return "";
}

export function userEntry(db: SandboxDb, code: string): { code: string; name: string } | undefined {
  if (code === "Administrator") return { code, name: "Administrator" };
  const row = statement(db, "SELECT code, name FROM users WHERE code = ?").get(code) as
    { code: string; name: string } | undefined;
  return row ? { code: row.code, name: row.name } : undefined;
}

/** A new record: defaults for absent fields, then the input, then server-set fields and lookups. */
export function buildNewRecord(ctx: WriteContext, input: RecordInput): StoredFields {
  const fields: StoredFields = {};
  const canSetStamps = hasManageRight(ctx);
  for (const property of storedProperties(ctx.model)) {
    if (SERVER_SET.has(property.type) || SYSTEM_STAMPS.has(property.type)) continue;
    const given = Object.hasOwn(input, property.code) ? input[property.code] : undefined;
    let value: unknown;
    if (given === undefined) value = defaultOf(ctx, property);
    else if (property.type === "SUBTABLE") value = tableRows(ctx, property, given.value, []);
    else value = normalize(ctx, property, given.value);
    fields[property.code] = { type: property.type, value };
  }
  stampSystemFields(ctx, fields, "create", canSetStamps ? input : {});
  applyLookups(ctx, fields, input, true);
  validateRequiredAndLimits(ctx, storedProperties(ctx.model), fields);
  computeRecord(ctx.model.fields, fields);
  return fields;
}

/** An update: the input overrides the stored values; absent fields keep theirs. */
export function buildUpdatedRecord(
  ctx: WriteContext,
  existing: StoredRecord,
  input: RecordInput,
): StoredFields {
  const fields: StoredFields = { ...existing.fields };
  for (const property of storedProperties(ctx.model)) {
    if (SERVER_SET.has(property.type) || SYSTEM_STAMPS.has(property.type)) continue;
    const given = Object.hasOwn(input, property.code) ? input[property.code] : undefined;
    if (given !== undefined) {
      const value =
        property.type === "SUBTABLE"
          ? tableRows(ctx, property, given.value, existing.fields[property.code]?.value)
          : normalize(ctx, property, given.value);
      fields[property.code] = { type: property.type, value };
    } else if (!fields[property.code]) {
      fields[property.code] = { type: property.type, value: emptyValue(property.type) };
    }
  }
  stampSystemFields(ctx, fields, "update", {});
  applyLookups(ctx, fields, input, false);
  validateRequiredAndLimits(ctx, storedProperties(ctx.model), fields, input);
  computeRecord(ctx.model.fields, fields);
  return fields;
}

function hasManageRight(ctx: WriteContext): boolean {
  return hasAppRight(ctx.db, ctx.auth, ctx.model.app.id, "manage");
}

/**
 * Creator/modifier and times are the server's. On create, a caller who may manage the app can
 * set them (kintone allows this for data migration, e.g. cli-kintone import).
 */
function stampSystemFields(
  ctx: WriteContext,
  fields: StoredFields,
  mode: "create" | "update",
  given: RecordInput,
): void {
  const { codes } = ctx.model;
  const me = userEntry(ctx.db, ctx.auth.user.code) ?? {
    code: ctx.auth.user.code,
    name: ctx.auth.user.name,
  };
  const now = minuteStamp(ctx.now);
  const userOf = (code: string | undefined): { code: string; name: string } => {
    const wanted = code ? (given[code]?.value as { code?: unknown } | undefined)?.code : undefined;
    return (typeof wanted === "string" && userEntry(ctx.db, wanted)) || me;
  };
  const timeOf = (code: string | undefined): string => {
    const wanted = code ? given[code]?.value : undefined;
    if (typeof wanted === "string") {
      const parsed = Date.parse(wanted);
      if (!Number.isNaN(parsed)) return minuteStamp(new Date(parsed));
    }
    return now;
  };
  if (mode === "create") {
    if (codes.creator) fields[codes.creator] = { type: "CREATOR", value: userOf(codes.creator) };
    if (codes.createdTime)
      fields[codes.createdTime] = { type: "CREATED_TIME", value: timeOf(codes.createdTime) };
  }
  if (codes.modifier) fields[codes.modifier] = { type: "MODIFIER", value: userOf(codes.modifier) };
  if (codes.updatedTime)
    fields[codes.updatedTime] = { type: "UPDATED_TIME", value: timeOf(codes.updatedTime) };
}

function defaultOf(ctx: WriteContext, property: FieldProperty): unknown {
  const today = ctx.now.toISOString();
  switch (property.type) {
    case "DATE":
      return property.defaultNowValue ? localDate(ctx.now) : (property.defaultValue ?? "");
    case "DATETIME":
      return property.defaultNowValue ? minuteStamp(ctx.now) : (property.defaultValue ?? "");
    case "TIME":
      return property.defaultNowValue ? today.slice(11, 16) : (property.defaultValue ?? "");
    case "CHECK_BOX":
    case "MULTI_SELECT":
      return Array.isArray(property.defaultValue) ? [...(property.defaultValue as string[])] : [];
    case "USER_SELECT":
    case "ORGANIZATION_SELECT":
    case "GROUP_SELECT":
      return defaultEntities(ctx, property.defaultValue);
    case "FILE":
    case "SUBTABLE":
      return [];
    case "DROP_DOWN":
      return typeof property.defaultValue === "string" && property.defaultValue !== ""
        ? property.defaultValue
        : null;
    default:
      return typeof property.defaultValue === "string" ? property.defaultValue : "";
  }
}

function defaultEntities(
  ctx: WriteContext,
  defaults: unknown,
): Array<{ code: string; name: string }> {
  if (!Array.isArray(defaults)) return [];
  return defaults.flatMap((d: { code?: string; type?: string }) => {
    if (d.type === "FUNCTION" && d.code === "LOGINUSER()") {
      const me = userEntry(ctx.db, ctx.auth.user.code);
      return me ? [me] : [];
    }
    const user = d.code ? userEntry(ctx.db, d.code) : undefined;
    return user ? [user] : [];
  });
}

/** Today in Japan's calendar (the sandbox users' zone). */
function localDate(now: Date): string {
  return new Date(now.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
}

function normalize(ctx: WriteContext, property: FieldProperty, value: unknown): unknown {
  if (value === null || value === undefined) return emptyValue(property.type);
  switch (property.type) {
    case "NUMBER": {
      const text = typeof value === "number" ? String(value) : value;
      if (typeof text !== "string") return failNumber(ctx, property);
      const trimmed = text.trim();
      if (trimmed === "") return "";
      if (!NUMBER_PATTERN.test(trimmed)) return failNumber(ctx, property);
      return canonicalNumber(trimmed);
    }
    case "RADIO_BUTTON":
    case "DROP_DOWN": {
      if (typeof value !== "string") return invalid(ctx, property, m.notText);
      if (value === "") return emptyValue(property.type);
      if (property.options && !Object.hasOwn(property.options, value)) {
        fail(ctx, property, m.notInOptions(value));
      }
      return value;
    }
    case "CHECK_BOX":
    case "MULTI_SELECT": {
      if (!Array.isArray(value)) return invalid(ctx, property, m.notArray, []);
      value.forEach((item, i) => {
        if (
          typeof item !== "string" ||
          (property.options && !Object.hasOwn(property.options, item))
        ) {
          ctx.errors.add(
            `${ctx.prefix}.${property.code}.values[${i}].value`,
            m.notInOptions(String(item)),
          );
        }
      });
      return value.map(String);
    }
    case "DATE":
      return normalizeDate(ctx, property, value);
    case "TIME": {
      const match = typeof value === "string" ? /^(\d{1,2}):(\d{2})(:\d{2})?$/.exec(value) : null;
      if (value === "") return "";
      if (!match || Number(match[1]) > 23 || Number(match[2]) > 59)
        return invalid(ctx, property, m.badTime);
      return `${match[1]?.padStart(2, "0")}:${match[2]}`;
    }
    case "DATETIME":
      return normalizeDateTime(ctx, property, value);
    case "FILE":
      return normalizeFiles(ctx, property, value);
    case "USER_SELECT":
    case "ORGANIZATION_SELECT":
    case "GROUP_SELECT":
      return normalizeEntities(ctx, property, value);
    default:
      if (typeof value === "number") return String(value);
      if (typeof value !== "string") return invalid(ctx, property, m.notText);
      return value;
  }
}

/** kintone stores a number as it reads it: `"1.5e1"` → `"15"`, `"007"` → `"7"`. */
function canonicalNumber(text: string): string {
  const digits = text.replace(/[eE].*$/, "").replace(/\D/g, "").length;
  const n = Number(text);
  const plain = String(n);
  // A double holds 15 digits; beyond that (or where it would print an exponent) keep the text.
  if (!Number.isFinite(n) || (digits > 15 && !/[eE]/.test(text)) || /e/i.test(plain)) return text;
  return plain;
}

function invalid(
  ctx: WriteContext,
  property: FieldProperty,
  message: Message,
  fallback: unknown = "",
): unknown {
  fail(ctx, property, message);
  return fallback;
}

function normalizeDate(ctx: WriteContext, property: FieldProperty, value: unknown): unknown {
  if (value === "") return "";
  const match = typeof value === "string" ? /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value) : null;
  if (!match) return invalid(ctx, property, m.badDate);
  const [, y, mo, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (date.getUTCMonth() !== Number(mo) - 1) return invalid(ctx, property, m.badDate);
  return date.toISOString().slice(0, 10);
}

/** Any ISO date-time; a value without a zone is read as UTC. Stored in UTC to the minute. */
function normalizeDateTime(ctx: WriteContext, property: FieldProperty, value: unknown): unknown {
  if (value === "") return "";
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) {
    return invalid(ctx, property, m.badDateTime);
  }
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/.test(value) ? value : `${value}Z`;
  const ms = Date.parse(zoned);
  if (Number.isNaN(ms)) return invalid(ctx, property, m.badDateTime);
  return minuteStamp(new Date(ms));
}

function normalizeFiles(ctx: WriteContext, property: FieldProperty, value: unknown): unknown {
  if (!Array.isArray(value)) return invalid(ctx, property, m.notArray, []);
  return value.map((item: { fileKey?: unknown }) => {
    const key = typeof item?.fileKey === "string" ? item.fileKey : "";
    const file = describeFile(ctx.db, key);
    if (!file) throw recordErrors.fileNotFound(key);
    return {
      contentType: file.contentType,
      fileKey: file.fileKey,
      name: file.name,
      size: file.size,
    };
  });
}

function normalizeEntities(ctx: WriteContext, property: FieldProperty, value: unknown): unknown {
  if (!Array.isArray(value)) return invalid(ctx, property, m.notArray, []);
  return value.flatMap((item: { code?: unknown }) => {
    const code = typeof item?.code === "string" ? item.code : "";
    if (property.type !== "USER_SELECT") return [{ code, name: code }];
    const user = userEntry(ctx.db, code);
    if (!user) {
      ctx.errors.add(errorKey(ctx, property), m.unknownUser(code));
      return [];
    }
    return [user];
  });
}

/**
 * A subtable's rows as kintone stores them. The rows sent replace the table: a row whose `id`
 * names a stored row keeps that row's id and the cells not sent; any other row is new (new id,
 * defaults for the cells not sent). Cell errors are keyed `record.<table>.value[<i>].value.<code>.value`.
 */
function tableRows(
  ctx: WriteContext,
  table: FieldProperty,
  value: unknown,
  storedRows: unknown,
): StoredRow[] {
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value)) return invalid(ctx, table, m.notArray, []) as StoredRow[];
  const stored = new Map(
    (Array.isArray(storedRows) ? (storedRows as StoredRow[]) : []).map((row) => [row.id, row]),
  );
  const inner = Object.values(innerFields(table));
  return value.map((raw: { id?: unknown; value?: unknown }, i) => {
    const rowContext: WriteContext = {
      ...ctx,
      prefix: `${ctx.prefix}.${table.code}.value[${i}].value`,
      inTable: true,
    };
    const given = (raw?.value && typeof raw.value === "object" ? raw.value : {}) as RecordInput;
    const previous = raw?.id !== undefined ? stored.get(String(raw.id)) : undefined;
    const cells: StoredFields = {};
    for (const property of inner) {
      const sent = Object.hasOwn(given, property.code) ? given[property.code] : undefined;
      if (property.type === "CALC") cells[property.code] = { type: "CALC", value: "" };
      else if (sent !== undefined) {
        cells[property.code] = {
          type: property.type,
          value: normalize(rowContext, property, sent.value),
        };
      } else if (previous?.value[property.code]) {
        cells[property.code] = previous.value[property.code] as StoredCell;
      } else {
        cells[property.code] = { type: property.type, value: defaultOf(rowContext, property) };
      }
    }
    validateRequiredAndLimits(rowContext, inner, cells);
    return { id: previous ? previous.id : String(nextRowId(ctx.db)), value: cells };
  });
}

/** Text fields with length limits; kintone checks `minLength` on an empty value too. */
const LENGTH_TYPES = new Set(["SINGLE_LINE_TEXT", "LINK"]);

/**
 * kintone lets a RADIO_BUTTON carry `required: true` (its form shows one option always
 * chosen) but does not refuse a record without one; server-set fields are never checked.
 */
function isEnforcedRequired(property: FieldProperty): boolean {
  return (
    Boolean(property.required) && !SERVER_SET.has(property.type) && property.type !== "RADIO_BUTTON"
  );
}

function isEmptyValue(value: unknown): boolean {
  return (
    value === "" ||
    value === null ||
    value === undefined ||
    (Array.isArray(value) && value.length === 0)
  );
}

/** Required, lengths and ranges: on create for every field, on update for the fields sent. */
function validateRequiredAndLimits(
  ctx: WriteContext,
  properties: FieldProperty[],
  fields: StoredFields,
  only?: RecordInput,
): void {
  for (const property of properties) {
    if (only && !Object.hasOwn(only, property.code)) continue;
    const value = fields[property.code]?.value;
    if (isEnforcedRequired(property) && isEmptyValue(value)) {
      ctx.errors.add(errorKey(ctx, property), m.required);
      continue;
    }
    if (typeof value !== "string") continue;
    const maxLength = numberSetting(property.maxLength);
    const minLength = numberSetting(property.minLength);
    if (LENGTH_TYPES.has(property.type) && !property.expression) {
      if (maxLength !== null && [...value].length > maxLength)
        fail(ctx, property, m.maxLength(maxLength + 1));
      if (minLength !== null && [...value].length < minLength)
        fail(ctx, property, m.minLength(minLength - 1));
      continue;
    }
    if (property.type !== "NUMBER" || value === "") continue;
    const n = Number(value);
    const maxValue = numberSetting(property.maxValue);
    const minValue = numberSetting(property.minValue);
    if (maxValue !== null && n > maxValue)
      fail(ctx, property, m.maxValue(String(property.maxValue)));
    if (minValue !== null && n < minValue)
      fail(ctx, property, m.minValue(String(property.minValue)));
  }
}

function numberSetting(setting: unknown): number | null {
  if (setting === undefined || setting === null || setting === "") return null;
  const n = Number(setting);
  return Number.isNaN(n) ? null : n;
}

interface LookupSetting {
  relatedApp: { app: string | number; code?: string };
  relatedKeyField: string;
  fieldMappings: Array<{ field: string; relatedField: string }>;
}

/**
 * Lookup copy: for each lookup field written (or set on create), fetch the related app's record
 * whose key field equals the value and copy the mapped fields; no match → GAIA_LO04.
 */
function applyLookups(
  ctx: WriteContext,
  fields: StoredFields,
  input: RecordInput,
  creating: boolean,
): void {
  for (const property of Object.values(ctx.model.fields)) {
    const lookup = property.lookup as LookupSetting | undefined;
    if (!lookup) continue;
    if (!creating && !Object.hasOwn(input, property.code)) continue;
    const key = String(fields[property.code]?.value ?? "");
    if (key === "") {
      for (const mapping of lookup.fieldMappings) {
        const target = ctx.model.fields[mapping.field];
        if (target) fields[mapping.field] = { type: target.type, value: emptyValue(target.type) };
      }
      continue;
    }
    const related = ctx.loadModel(lookup.relatedApp.app);
    const source = findLookupSource(ctx.db, related, lookup.relatedKeyField, key);
    if (!source) throw recordErrors.lookupNotFound(property.code, key);
    for (const mapping of lookup.fieldMappings) {
      const target = ctx.model.fields[mapping.field];
      if (!target) continue;
      const value =
        mapping.relatedField === related.codes.recordNumber
          ? String(source.id)
          : (source.fields[mapping.relatedField]?.value ?? emptyValue(target.type));
      fields[mapping.field] = { type: target.type, value };
    }
  }
}

function findLookupSource(
  db: SandboxDb,
  related: AppModel,
  keyField: string,
  key: string,
): StoredRecord | undefined {
  if (keyField === related.codes.recordNumber) {
    return /^\d+$/.test(key) ? findRecord(db, related.app.id, Number(key)) : undefined;
  }
  const [match] = findRecordIdsByValue(db, related.app.id, keyField, [key]).sort(
    (a, b) => a.id - b.id,
  );
  return match ? findRecord(db, related.app.id, match.id) : undefined;
}

/**
 * Unique fields: a value may not repeat another record's, nor another record's in the same
 * request. `batch[i].id` is the record being updated (excluded from its own check).
 */
export function checkUniqueFields(
  db: SandboxDb,
  model: AppModel,
  batch: Array<{ id?: number; fields: StoredFields; prefix: string }>,
  errors: FieldErrorCollector,
): void {
  for (const property of Object.values(model.fields)) {
    if (!property.unique) continue;
    const code = property.code;
    const values = batch
      .map((b) => b.fields[code]?.value)
      .filter((v): v is string => typeof v === "string" && v !== "");
    const owners = new Map<string, number[]>();
    for (const row of findRecordIdsByValue(db, model.app.id, code, [...new Set(values)])) {
      owners.set(row.value, [...(owners.get(row.value) ?? []), row.id]);
    }
    const seen = new Set<string>();
    for (const entry of batch) {
      const value = entry.fields[code]?.value;
      if (typeof value !== "string" || value === "") continue;
      const others = (owners.get(value) ?? []).filter((id) => id !== entry.id);
      if (others.length > 0 || seen.has(value)) {
        errors.add(`${entry.prefix}.${code}.value`, m.unique);
      }
      seen.add(value);
    }
  }
}
