/** Splits a kintone query into tokens. Field codes may hold any letter (Japanese included), digits, `_` and `$`. */
import { syntaxError } from "./errors";

export type Token =
  | { kind: "word"; text: string; at: number }
  | { kind: "string"; text: string; at: number }
  | { kind: "number"; text: string; at: number }
  | { kind: "symbol"; text: "(" | ")" | "," | "=" | "!=" | ">" | "<" | ">=" | "<="; at: number };

const WHITESPACE = /[ \t\r\n\u3000]/;
const WORD_CHAR = /[\p{L}\p{N}_$・＿＄￥]/u;
const NUMBER = /^-?\d+(\.\d+)?/;

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source.charAt(i);
    if (WHITESPACE.test(c)) {
      i++;
    } else if (c === '"') {
      const [text, end] = readString(source, i);
      tokens.push({ kind: "string", text, at: i });
      i = end;
    } else if ("(),".includes(c)) {
      tokens.push({ kind: "symbol", text: c as "(" | ")" | ",", at: i });
      i++;
    } else if ("=!<>".includes(c)) {
      const two = source.slice(i, i + 2);
      if (two === "!=" || two === ">=" || two === "<=") {
        tokens.push({ kind: "symbol", text: two, at: i });
        i += 2;
      } else if (c === "!") {
        throw syntaxError(`"!" at ${i}`);
      } else {
        tokens.push({ kind: "symbol", text: c as "=" | ">" | "<", at: i });
        i++;
      }
    } else if (NUMBER.test(source.slice(i))) {
      const text = NUMBER.exec(source.slice(i))?.[0] ?? "";
      const next = source.charAt(i + text.length);
      if (next && WORD_CHAR.test(next) && c !== "-") {
        // Field codes may start with digits: read it as a word.
        const word = readWord(source, i);
        tokens.push({ kind: "word", text: word, at: i });
        i += word.length;
      } else {
        tokens.push({ kind: "number", text, at: i });
        i += text.length;
      }
    } else if (WORD_CHAR.test(c)) {
      const word = readWord(source, i);
      tokens.push({ kind: "word", text: word, at: i });
      i += word.length;
    } else {
      throw syntaxError(`"${c}" at ${i}`);
    }
  }
  return tokens;
}

function readWord(source: string, start: number): string {
  let end = start;
  while (end < source.length && WORD_CHAR.test(source.charAt(end))) end++;
  return source.slice(start, end);
}

/** A double-quoted literal; `\"` and `\\` escape. A raw tab or line break inside is an error, as in kintone. */
function readString(source: string, start: number): [string, number] {
  let text = "";
  let i = start + 1;
  while (i < source.length) {
    const c = source.charAt(i);
    if (c === '"') return [text, i + 1];
    if (c === "\t" || c === "\n" || c === "\r")
      throw syntaxError(`control character in string at ${i}`);
    if (c === "\\") {
      const next = source.charAt(i + 1);
      if (next === "") break;
      text += next;
      i += 2;
    } else {
      text += c;
      i++;
    }
  }
  throw syntaxError(`unterminated string at ${start}`);
}
