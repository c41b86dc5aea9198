/**
 * kintone's calculation formula language, parsed: numbers, "strings", field codes, the operators
 * `+ - * / ^ &` and `= != <> < <= > >=`, parentheses and function calls. Precedence, lowest
 * first: comparison, `&`, `+ -`, `* /`, `^`, unary sign (so `-2^2` is 4, as in spreadsheets).
 */
import type { Message } from "../http/errors";

export type FormulaNode =
  | { kind: "number"; value: number }
  | { kind: "string"; value: string }
  | { kind: "field"; code: string }
  | { kind: "unary"; op: "-" | "+"; operand: FormulaNode }
  | { kind: "binary"; op: string; left: FormulaNode; right: FormulaNode }
  | { kind: "call"; name: string; args: FormulaNode[] };

/** A formula kintone refuses when the app is deployed (GAIA_IL01), with its reason. */
export class FormulaError extends Error {
  constructor(readonly reason: Message) {
    super(reason.en);
  }
}

const grammar = (): FormulaError =>
  new FormulaError({
    ja: "計算式の文法が正しくありません。",
    en: "The syntax of the formula is incorrect.",
  });

/** Arguments each function takes: [min, max]. */
const FUNCTION_ARITY: Record<string, [number, number]> = {
  SUM: [1, 32],
  IF: [3, 3],
  AND: [1, 32],
  OR: [1, 32],
  NOT: [1, 1],
  ROUND: [1, 2],
  ROUNDUP: [1, 2],
  ROUNDDOWN: [1, 2],
  YEN: [2, 2],
  DATE_FORMAT: [3, 3],
  CONTAINS: [2, 2],
};

type Token =
  | { kind: "number"; value: number }
  | { kind: "string"; value: string }
  | { kind: "word"; value: string }
  | { kind: "symbol"; value: string };

const FULL_WIDTH: Record<string, string> = {
  "＋": "+",
  "－": "-",
  "＊": "*",
  "／": "/",
  "（": "(",
  "）": ")",
  "，": ",",
  "＝": "=",
  "＆": "&",
  "＜": "<",
  "＞": ">",
  "”": '"',
};

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source.charAt(i);
    const rest = source.slice(i);
    if (/\s/.test(c)) {
      i++;
    } else if (FULL_WIDTH[c]) {
      throw new FormulaError({
        ja: `全角記号「${c}」が入力されています。半角記号「${FULL_WIDTH[c]}」を入力してください。`,
        en: `The full-width symbol "${c}" is entered. Enter the half-width "${FULL_WIDTH[c]}".`,
      });
    } else if (c === '"') {
      const end = source.indexOf('"', i + 1);
      if (end < 0) throw grammar();
      tokens.push({ kind: "string", value: source.slice(i + 1, end) });
      i = end + 1;
    } else if (/^\d/.test(rest) || /^\.\d/.test(rest)) {
      const text = /^\d*\.?\d+|^\d+\.?/.exec(rest)?.[0] ?? "";
      tokens.push({ kind: "number", value: Number(text) });
      i += text.length;
    } else if (/^(<=|>=|!=|<>)/.test(rest)) {
      tokens.push({ kind: "symbol", value: rest.slice(0, 2) });
      i += 2;
    } else if ("+-*/^&=<>(),".includes(c)) {
      tokens.push({ kind: "symbol", value: c });
      i++;
    } else if (/[\p{L}\p{N}_・＿＄￥$]/u.test(c)) {
      const word = /^[\p{L}\p{M}\p{N}_・＿＄￥$]+/u.exec(rest)?.[0] ?? c;
      tokens.push({ kind: "word", value: word });
      i += word.length;
    } else {
      throw grammar();
    }
  }
  return tokens;
}

const LEVELS: string[][] = [
  ["=", "!=", "<>", "<", "<=", ">", ">="],
  ["&"],
  ["+", "-"],
  ["*", "/"],
  ["^"],
];

export function parseFormula(source: string): FormulaNode {
  const tokens = tokenize(source);
  let at = 0;
  const peek = () => tokens[at];
  const isSymbol = (value: string) => peek()?.kind === "symbol" && peek()?.value === value;
  const expect = (value: string) => {
    if (!isSymbol(value)) throw grammar();
    at++;
  };

  const level = (n: number): FormulaNode => {
    if (n === LEVELS.length) return unary();
    let left = level(n + 1);
    const ops = LEVELS[n] ?? [];
    for (;;) {
      const token = peek();
      if (token?.kind !== "symbol" || !ops.includes(token.value)) return left;
      at++;
      // Left to right at every level, `^` included (as spreadsheets read `2^3^2`).
      left = { kind: "binary", op: token.value, left, right: level(n + 1) };
    }
  };

  const unary = (): FormulaNode => {
    if (isSymbol("-") || isSymbol("+")) {
      const op = peek()?.value as "-" | "+";
      at++;
      return { kind: "unary", op, operand: unary() };
    }
    return primary();
  };

  const primary = (): FormulaNode => {
    const token = peek();
    if (!token) throw grammar();
    at++;
    if (token.kind === "number") return { kind: "number", value: token.value };
    if (token.kind === "string") return { kind: "string", value: token.value };
    if (token.kind === "symbol") {
      if (token.value !== "(") throw grammar();
      const inner = level(0);
      expect(")");
      return inner;
    }
    if (!isSymbol("(")) return { kind: "field", code: token.value };
    at++;
    const name = token.value.toUpperCase();
    const args: FormulaNode[] = [];
    if (!isSymbol(")")) {
      args.push(level(0));
      while (isSymbol(",")) {
        at++;
        args.push(level(0));
      }
    }
    expect(")");
    checkCall(name, args.length);
    return { kind: "call", name, args };
  };

  const tree = level(0);
  if (at !== tokens.length) throw grammar();
  return tree;
}

function checkCall(name: string, count: number): void {
  const arity = FUNCTION_ARITY[name];
  if (!arity) {
    throw new FormulaError({
      ja: `${name}関数は使用できません。`,
      en: `The ${name} function cannot be used.`,
    });
  }
  const [min, max] = arity;
  if (count < min) {
    throw new FormulaError(
      min === max
        ? { ja: `${name}関数には${min}個の引数が必要です。`, en: `${name} takes ${min} arguments.` }
        : {
            ja: `${name}関数には${min}個以上の引数が必要です。`,
            en: `${name} takes at least ${min} arguments.`,
          },
    );
  }
  if (count > max) {
    throw new FormulaError({
      ja: `${name}関数に指定できる引数は${max}個までです。`,
      en: `${name} takes at most ${max} arguments.`,
    });
  }
}

/** Field codes a formula names, for reference checks and evaluation order. */
export function referencedCodes(node: FormulaNode, into = new Set<string>()): Set<string> {
  switch (node.kind) {
    case "field":
      into.add(node.code);
      break;
    case "unary":
      referencedCodes(node.operand, into);
      break;
    case "binary":
      referencedCodes(node.left, into);
      referencedCodes(node.right, into);
      break;
    case "call":
      node.args.forEach((arg) => referencedCodes(arg, into));
      break;
    default:
      break;
  }
  return into;
}
