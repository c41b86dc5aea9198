/**
 * Recursive-descent parser for kintone's query language:
 *   query   := [or] [order by item {, item}] [limit N] [offset N]   (limit/offset in either order)
 *   or      := and {"or" and};  and := factor {"and" factor};  factor := "(" or ")" | condition
 * Keywords are case-insensitive. Anything else is CB_VA01 ("クエリ記法が間違っています。").
 */
import type { ComparisonOperator, Condition, Expression, Operand, OrderItem, Query } from "./ast";
import { syntaxError } from "./errors";
import { tokenize, type Token } from "./lexer";

const COMPARISONS = new Set(["=", "!=", ">", "<", ">=", "<="]);
const RESERVED = new Set(["and", "or", "order", "limit", "offset", "not", "in", "like", "is"]);

export function parseQuery(source: string): Query {
  return new Parser(tokenize(source)).parse();
}

class Parser {
  private position = 0;

  constructor(private readonly tokens: Token[]) {}

  parse(): Query {
    const where = this.atClauseKeyword() || this.atEnd() ? null : this.parseOr();
    const orderBy = this.parseOrderBy();
    let limit: number | null = null;
    let offset: number | null = null;
    while (!this.atEnd()) {
      if (limit === null && this.acceptWord("limit")) limit = this.expectCount("limit");
      else if (offset === null && this.acceptWord("offset")) offset = this.expectCount("offset");
      else throw this.unexpected();
    }
    return { where, orderBy, limit, offset };
  }

  private parseOr(): Expression {
    let left = this.parseAnd();
    while (this.acceptWord("or")) left = { kind: "or", left, right: this.parseAnd() };
    return left;
  }

  private parseAnd(): Expression {
    let left = this.parseFactor();
    while (this.acceptWord("and")) left = { kind: "and", left, right: this.parseFactor() };
    return left;
  }

  private parseFactor(): Expression {
    if (this.acceptSymbol("(")) {
      const inner = this.parseOr();
      this.expectSymbol(")");
      return inner;
    }
    return this.parseCondition();
  }

  private parseCondition(): Condition {
    const field = this.expectFieldCode();
    const token = this.next();
    if (token.kind === "symbol" && COMPARISONS.has(token.text)) {
      return {
        kind: "compare",
        field,
        operator: token.text as ComparisonOperator,
        operand: this.parseOperand(),
      };
    }
    if (token.kind !== "word") throw this.unexpected(token);
    const keyword = token.text.toLowerCase();
    if (keyword === "not") {
      const second = this.next();
      const secondWord = second.kind === "word" ? second.text.toLowerCase() : "";
      if (secondWord === "in")
        return { kind: "in", field, negated: true, operands: this.parseList() };
      if (secondWord === "like")
        return { kind: "like", field, negated: true, operand: this.parseOperand() };
      throw this.unexpected(second);
    }
    if (keyword === "in") return { kind: "in", field, negated: false, operands: this.parseList() };
    if (keyword === "like")
      return { kind: "like", field, negated: false, operand: this.parseOperand() };
    if (keyword === "is") {
      const negated = this.acceptWord("not");
      if (!this.acceptWord("empty")) throw this.unexpected();
      return { kind: "empty", field, negated };
    }
    throw this.unexpected(token);
  }

  private parseList(): Operand[] {
    this.expectSymbol("(");
    const operands = [this.parseOperand()];
    while (this.acceptSymbol(",")) operands.push(this.parseOperand());
    this.expectSymbol(")");
    return operands;
  }

  private parseOperand(): Operand {
    const token = this.next();
    if (token.kind === "string") return { kind: "string", value: token.text };
    if (token.kind === "number") return { kind: "number", value: token.text };
    if (token.kind === "word" && this.acceptSymbol("(")) {
      const args: string[] = [];
      if (!this.acceptSymbol(")")) {
        do {
          const arg = this.next();
          if (arg.kind === "symbol") throw this.unexpected(arg);
          args.push(arg.text);
        } while (this.acceptSymbol(","));
        this.expectSymbol(")");
      }
      return { kind: "function", name: token.text.toUpperCase(), args };
    }
    throw this.unexpected(token);
  }

  private parseOrderBy(): OrderItem[] {
    if (!this.acceptWord("order")) return [];
    if (!this.acceptWord("by")) throw this.unexpected();
    const items: OrderItem[] = [];
    do {
      const field = this.expectFieldCode();
      let direction: "asc" | "desc" = "asc";
      if (this.acceptWord("desc")) direction = "desc";
      else this.acceptWord("asc");
      items.push({ field, direction });
    } while (this.acceptSymbol(","));
    return items;
  }

  private expectCount(keyword: string): number {
    const token = this.next();
    if (token.kind !== "number" || !/^\d+$/.test(token.text)) {
      throw syntaxError(`${keyword} needs a whole number`);
    }
    return Number(token.text);
  }

  private expectFieldCode(): string {
    const token = this.next();
    if (token.kind !== "word" || RESERVED.has(token.text.toLowerCase()))
      throw this.unexpected(token);
    return token.text;
  }

  private atClauseKeyword(): boolean {
    const token = this.tokens[this.position];
    if (token?.kind !== "word") return false;
    const word = token.text.toLowerCase();
    const following = this.tokens[this.position + 1];
    if (word === "order")
      return following?.kind === "word" && following.text.toLowerCase() === "by";
    return (word === "limit" || word === "offset") && following?.kind === "number";
  }

  private atEnd(): boolean {
    return this.position >= this.tokens.length;
  }

  private next(): Token {
    const token = this.tokens[this.position];
    if (!token) throw syntaxError("unexpected end of query");
    this.position++;
    return token;
  }

  private acceptWord(word: string): boolean {
    const token = this.tokens[this.position];
    if (token?.kind === "word" && token.text.toLowerCase() === word) {
      this.position++;
      return true;
    }
    return false;
  }

  private acceptSymbol(symbol: string): boolean {
    const token = this.tokens[this.position];
    if (token?.kind === "symbol" && token.text === symbol) {
      this.position++;
      return true;
    }
    return false;
  }

  private expectSymbol(symbol: string): void {
    if (!this.acceptSymbol(symbol)) throw this.unexpected();
  }

  private unexpected(token: Token | undefined = this.tokens[this.position]): Error {
    return token
      ? syntaxError(`"${token.text}" at ${token.at}`)
      : syntaxError("unexpected end of query");
  }
}
