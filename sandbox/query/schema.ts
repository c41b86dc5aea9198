/** The part of kintone's form-field properties the query language needs. */

export interface FieldOption {
  label: string;
  index: string | number;
}

export interface FieldProperty {
  type: string;
  code: string;
  label?: string;
  options?: Record<string, FieldOption>;
  [key: string]: unknown;
}

/** Field code → properties, the shape of `GET /k/v1/app/form/fields.json`'s `properties`. */
export type FieldSchema = Record<string, FieldProperty>;

/** What the evaluator needs to know about the caller and the clock. */
export interface QueryContext {
  now: Date;
  /** IANA zone for TODAY() and date literals against date-times (the login user's zone). */
  timeZone: string;
  /** Login name of the caller, for LOGINUSER(). */
  loginUser: string;
}

/** A stored record's values by field code (`record[code].value`), plus `$id`. */
export type RecordValues = Record<string, unknown>;

/** The pseudo type of `$id`; RECORD_NUMBER fields behave the same way in queries. */
export const ID_TYPE = "__ID__";

/** Types whose `value` is an array or object (values read from JSON need parsing). */
export const STRUCTURED_TYPES = new Set([
  "CHECK_BOX",
  "MULTI_SELECT",
  "FILE",
  "USER_SELECT",
  "ORGANIZATION_SELECT",
  "GROUP_SELECT",
  "STATUS_ASSIGNEE",
  "CREATOR",
  "MODIFIER",
  "CATEGORY",
  "SUBTABLE",
]);
