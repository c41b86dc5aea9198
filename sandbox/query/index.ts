export type { Query, Expression, Condition, Operand, OrderItem } from "./ast";
export { QueryError } from "./errors";
export { parseQuery } from "./parser";
export {
  compileQuery,
  compileCondition,
  DEFAULT_LIMIT,
  MAX_LIMIT,
  MAX_OFFSET,
  type CompiledQuery,
  type Predicate,
} from "./evaluate";
export {
  ID_TYPE,
  STRUCTURED_TYPES,
  type FieldProperty,
  type FieldSchema,
  type QueryContext,
  type RecordValues,
} from "./schema";
