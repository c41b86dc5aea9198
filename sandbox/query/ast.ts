/** The parsed form of a kintone query: `<condition> order by … limit N offset N`. */

export type ComparisonOperator = "=" | "!=" | ">" | "<" | ">=" | "<=";

export type Operand =
  | { kind: "string"; value: string }
  | { kind: "number"; value: string }
  | { kind: "function"; name: string; args: string[] };

export type Condition =
  | { kind: "compare"; field: string; operator: ComparisonOperator; operand: Operand }
  | { kind: "in"; field: string; negated: boolean; operands: Operand[] }
  | { kind: "like"; field: string; negated: boolean; operand: Operand }
  | { kind: "empty"; field: string; negated: boolean };

export type Expression =
  | Condition
  | { kind: "and"; left: Expression; right: Expression }
  | { kind: "or"; left: Expression; right: Expression };

export interface OrderItem {
  field: string;
  direction: "asc" | "desc";
}

export interface Query {
  where: Expression | null;
  orderBy: OrderItem[];
  limit: number | null;
  offset: number | null;
}
