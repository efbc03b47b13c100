/**
 * A small hand-written tokenizer shared by the dagitty and DOT parsers. Both languages are
 * dot-like: identifiers (bare words or double-quoted strings), braces, brackets, `;`, `,`, `=`
 * and edge operators. Positions are 1-based lines and columns (columns count UTF-16 code units,
 * as most editors do); `\n`, `\r\n` and a lone `\r` each end a line.
 *
 * @internal
 * @module
 */
import { internalError, ParseError } from "../../errors.js";

/** The language being tokenized. */
export type Dialect = "dagitty" | "dot";

/** Token kinds: an identifier, an edge operator, a punctuation character, or the end. */
export type TokenKind = "id" | "edge" | "{" | "}" | "[" | "]" | ";" | "," | "=" | ":" | "eof";

/** One token with its 1-based start position. */
export interface Token {
  /** What kind of token this is. */
  readonly kind: TokenKind;
  /** The identifier (unescaped), the edge operator, or the punctuation character. */
  readonly text: string;
  /** True for a double-quoted identifier (which is never a keyword). */
  readonly quoted: boolean;
  /** 1-based line of the first character. */
  readonly line: number;
  /** 1-based column of the first character. */
  readonly column: number;
}

/** Where errors are reported from: `format` for {@link ParseError}, `where` as message prefix. */
export interface ParseContext {
  /** The format name, e.g. `"dagitty"`. */
  readonly format: string;
  /** The `module.function` prefix of messages, e.g. `"io.parseDagitty"`. */
  readonly where: string;
}

/**
 * Builds a {@link ParseError} whose message starts with the function name and ends with the
 * position.
 */
export function parseError(
  ctx: ParseContext,
  message: string,
  line: number,
  column: number,
): ParseError {
  return new ParseError(
    ctx.format,
    `${ctx.where}: ${message} at line ${line}, column ${column}`,
    line,
    column,
  );
}

/** Edge operators of each dialect, longest first so that the first match is the longest. */
const EDGE_OPERATORS: Record<Dialect, readonly string[]> = {
  dagitty: ["<->", "<-@", "--@", "@->", "@-@", "@--", "<-", "->", "--"],
  dot: ["->", "--"],
};

const PUNCTUATION = new Set(["{", "}", "[", "]", ";", ",", "="]);

const isAsciiLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const UNICODE_WORD = /^[\p{L}\p{M}\p{N}]$/u;

/** dagitty bare words: ASCII letters, digits, `_`, `.`, and non-ASCII letters, marks, digits. */
function isDagittyWordChar(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  if (c < 128) return isAsciiLetter(c) || isDigit(c) || c === 95 || c === 46;
  return UNICODE_WORD.test(ch);
}

/** DOT identifier characters: letters, `_`, and (as in Graphviz) every non-ASCII character. */
function isDotIdStart(c: number): boolean {
  return isAsciiLetter(c) || c === 95 || c >= 128;
}

function isWhitespace(ch: string): boolean {
  return (
    ch === " " ||
    ch === "\t" ||
    ch === "\n" ||
    ch === "\r" ||
    ch === "\f" ||
    ch === "\v" ||
    ch === "\uFEFF"
  );
}

/**
 * Splits `text` into tokens (the last one of kind `"eof"`).
 *
 * Shared lexical rules: whitespace separates tokens; comments are `// ...` to the end of the
 * line, `/* ... *\/`, and lines whose first non-blank character is `#`. A quoted identifier is
 * `"..."` in which `\"` stands for `"`, `\\` for `\`, a backslash before a line break joins the
 * lines, and any other backslash is kept as is; quoted identifiers joined by `+` are
 * concatenated. Bare identifiers: dagitty `-?[0-9A-Za-z_.]+` (plus non-ASCII letters and
 * digits); DOT `[A-Za-z_\u0080-][A-Za-z_0-9\u0080-]*` or a numeral `-?(.[0-9]+|[0-9]+(.[0-9]*)?)`.
 *
 * @throws {@link ParseError} for an unexpected character, an unterminated string or comment
 */
export function tokenize(text: string, dialect: Dialect, ctx: ParseContext): Token[] {
  const tokens: Token[] = [];
  const operators = EDGE_OPERATORS[dialect];
  const n = text.length;
  let i = 0;
  let line = 1;
  let lineStart = 0;
  let atLineStart = true;

  const col = (at: number): number => at - lineStart + 1;
  const fail = (message: string, l: number, c: number): never => {
    throw parseError(ctx, message, l, c);
  };
  /** Consumes a line break at `i` (if any) and updates the position; returns whether it did. */
  const lineBreak = (): boolean => {
    const ch = text[i];
    if (ch === "\n" || ch === "\r") {
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
      line++;
      lineStart = i;
      return true;
    }
    return false;
  };
  /** Skips whitespace and comments. */
  const skipBlank = (): void => {
    while (i < n) {
      const ch = text[i] as string;
      if (lineBreak()) {
        atLineStart = true;
        continue;
      }
      if (isWhitespace(ch)) {
        i++;
        continue;
      }
      if (ch === "#" && atLineStart) {
        while (i < n && text[i] !== "\n" && text[i] !== "\r") i++;
        continue;
      }
      if (ch === "/" && text[i + 1] === "/") {
        while (i < n && text[i] !== "\n" && text[i] !== "\r") i++;
        continue;
      }
      if (ch === "/" && text[i + 1] === "*") {
        const startLine = line;
        const startCol = col(i);
        i += 2;
        while (!(text[i] === "*" && text[i + 1] === "/")) {
          if (i >= n) fail("unterminated comment", startLine, startCol);
          if (!lineBreak()) i++;
        }
        i += 2;
        continue;
      }
      return;
    }
  };
  /** Reads a quoted string starting at the opening quote `i`. */
  const readString = (): string => {
    const startLine = line;
    const startCol = col(i);
    i++;
    let out = "";
    for (;;) {
      if (i >= n) fail("unterminated string", startLine, startCol);
      const ch = text[i] as string;
      if (ch === '"') {
        i++;
        return out;
      }
      if (ch === "\\") {
        const next = text[i + 1];
        if (next === '"' || next === "\\") {
          out += next;
          i += 2;
          continue;
        }
        if (next === "\n" || next === "\r") {
          i++;
          lineBreak();
          continue;
        }
        out += "\\";
        i++;
        continue;
      }
      if (ch === "\n" || ch === "\r") {
        const start = i;
        lineBreak();
        out += text.slice(start, i);
        continue;
      }
      out += ch;
      i++;
    }
  };
  const push = (kind: TokenKind, value: string, quoted: boolean, l: number, c: number): void => {
    tokens.push({ kind, text: value, quoted, line: l, column: c });
    atLineStart = false;
  };

  for (;;) {
    skipBlank();
    if (i >= n) break;
    const ch = text[i] as string;
    const tokLine = line;
    const tokCol = col(i);

    if (ch === '"') {
      let value = readString();
      // String concatenation: "a" + "b".
      for (;;) {
        const save = { i, line, lineStart };
        skipBlank();
        if (text[i] !== "+") {
          ({ i, line, lineStart } = save);
          break;
        }
        i++;
        skipBlank();
        if (text[i] !== '"') fail("expected a quoted string after '+'", line, col(i));
        value += readString();
      }
      push("id", value, true, tokLine, tokCol);
      continue;
    }

    const op = operators.find((o) => text.startsWith(o, i));
    if (op !== undefined) {
      i += op.length;
      push("edge", op, false, tokLine, tokCol);
      continue;
    }

    if (PUNCTUATION.has(ch) || (ch === ":" && dialect === "dot")) {
      i++;
      push(ch as TokenKind, ch, false, tokLine, tokCol);
      continue;
    }

    if (dialect === "dagitty") {
      const start = i;
      if (ch === "-") i++;
      while (i < n) {
        const cp = text.codePointAt(i) ?? 0;
        const cs = String.fromCodePoint(cp);
        if (!isDagittyWordChar(cs)) break;
        i += cs.length;
      }
      if (i > start && !(i === start + 1 && ch === "-")) {
        push("id", text.slice(start, i), false, tokLine, tokCol);
        continue;
      }
      i = start;
    } else {
      const c = ch.charCodeAt(0);
      if (isDotIdStart(c)) {
        const start = i;
        while (i < n) {
          const k = text.charCodeAt(i);
          if (!(isDotIdStart(k) || isDigit(k))) break;
          i++;
        }
        push("id", text.slice(start, i), false, tokLine, tokCol);
        continue;
      }
      const numeral = readDotNumeral(text, i);
      if (numeral > i) {
        const next = text.charCodeAt(numeral);
        if (numeral < n && (isDotIdStart(next) || isDigit(next) || next === 46)) {
          fail("badly delimited number (separate it with a blank)", line, col(numeral));
        }
        push("id", text.slice(i, numeral), false, tokLine, tokCol);
        i = numeral;
        continue;
      }
      if (text.startsWith("<-", i)) {
        fail(
          "'<-' is not a DOT edge operator (write 'b -> a', or 'a -> b [dir=both]')",
          tokLine,
          tokCol,
        );
      }
      if (ch === "<") fail("HTML-like IDs (<...>) are not supported", tokLine, tokCol);
    }

    const cp = String.fromCodePoint(text.codePointAt(i) ?? 0);
    fail(`unexpected character ${JSON.stringify(cp)}`, tokLine, tokCol);
  }
  push("eof", "", false, line, col(i));
  return tokens;
}

/** End index of a DOT numeral starting at `i` (`i` itself if there is none). */
function readDotNumeral(text: string, start: number): number {
  let i = start;
  if (text[i] === "-") i++;
  const digitsFrom = (k: number): number => {
    let j = k;
    while (j < text.length && isDigit(text.charCodeAt(j))) j++;
    return j;
  };
  if (text[i] === ".") {
    const end = digitsFrom(i + 1);
    return end > i + 1 ? end : start;
  }
  const intEnd = digitsFrom(i);
  if (intEnd === i) return start;
  if (text[intEnd] === ".") return digitsFrom(intEnd + 1);
  return intEnd;
}

/** A cursor over a token list with error helpers for recursive-descent parsers. */
export class TokenCursor {
  readonly #tokens: readonly Token[];
  readonly #ctx: ParseContext;
  #pos = 0;

  constructor(tokens: readonly Token[], ctx: ParseContext) {
    this.#tokens = tokens;
    this.#ctx = ctx;
  }

  /** The token `offset` ahead (the final `eof` token past the end). */
  peek(offset = 0): Token {
    const t = this.#tokens[Math.min(this.#pos + offset, this.#tokens.length - 1)];
    if (t === undefined) return internalError("io: empty token list");
    return t;
  }

  /** Consumes and returns the current token (never moves past `eof`). */
  next(): Token {
    const t = this.peek();
    if (t.kind !== "eof") this.#pos++;
    return t;
  }

  /** Whether the current token has the kind (and, for ids and edges, the text). */
  at(kind: TokenKind, text?: string): boolean {
    const t = this.peek();
    return t.kind === kind && (text === undefined || t.text === text);
  }

  /** Consumes the current token if it has the kind; otherwise throws naming `what`. */
  expect(kind: TokenKind, what: string): Token {
    const t = this.peek();
    if (t.kind !== kind) this.fail(t, `expected ${what}, found ${describeToken(t)}`);
    return this.next();
  }

  /** Throws a {@link ParseError} at the token. */
  fail(token: Token, message: string): never {
    throw parseError(this.#ctx, message, token.line, token.column);
  }
}

/** Human-readable description of a token for error messages. */
export function describeToken(t: Token): string {
  switch (t.kind) {
    case "eof":
      return "end of input";
    case "id":
      return t.quoted ? `the string ${JSON.stringify(t.text)}` : `"${t.text}"`;
    default:
      return `'${t.text}'`;
  }
}

/** Whether the token is the unquoted keyword `word` (case-insensitive, as in DOT). */
export function isKeyword(t: Token, ...words: readonly string[]): boolean {
  return t.kind === "id" && !t.quoted && words.includes(t.text.toLowerCase());
}
