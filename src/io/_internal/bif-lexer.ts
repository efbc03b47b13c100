/**
 * Hand-written lexer of the Bayesian Interchange Format (BIF 0.15), used by `io/bif.ts`.
 *
 * One forward pass over the string with `charCodeAt`; no token objects: the current token lives
 * in the lexer's fields (`kind`, `start`, `end`, `line`, `column`), so the multi-megabyte files
 * of the bnlearn repository lex without per-token allocation.
 *
 * Lexical rules (Cozman, "The Interchange Format for Bayesian Networks", BIF 0.15): white space
 * is ignored; `//` line and `/* … *\/` block comments are ignored; the characters `,` and `|`
 * are ignored between tokens; punctuation is `{ } ( ) [ ] ;`; a quoted string `"…"` is one
 * name (escapes `\"` and `\\`; any other backslash is kept); every other maximal run of
 * characters that are not white space, punctuation, `"`, `,`, `|` and do not start a comment is
 * a *word* (a keyword, a name, a state label or a number, told apart by the parser).
 *
 * @internal
 * @module
 */

import { ParseError } from "../../errors.js";

/** Token kind: end of input. */
export const T_EOF: number = 0;
/** Token kind: a bare word. */
export const T_WORD: number = 1;
/** Token kind: a quoted string. */
export const T_STRING: number = 2;
/** Token kind: `{`. */
export const T_LBRACE: number = 3;
/** Token kind: `}`. */
export const T_RBRACE: number = 4;
/** Token kind: `(`. */
export const T_LPAREN: number = 5;
/** Token kind: `)`. */
export const T_RPAREN: number = 6;
/** Token kind: `[`. */
export const T_LBRACKET: number = 7;
/** Token kind: `]`. */
export const T_RBRACKET: number = 8;
/** Token kind: `;`. */
export const T_SEMI: number = 9;

const KIND_NAMES = [
  "end of input",
  "word",
  "string",
  '"{"',
  '"}"',
  '"("',
  '")"',
  '"["',
  '"]"',
  '";"',
];

// Character classes of ASCII codes: 0 word character, 1 white space, 2 ignored separator
// (`,` `|`), 3 punctuation, 4 quote, 5 slash (maybe a comment).
const C_WORD = 0;
const C_SPACE = 1;
const C_SEP = 2;
const C_PUNCT = 3;
const C_QUOTE = 4;
const C_SLASH = 5;
const CLASS = new Uint8Array(128);
for (const c of [9, 10, 11, 12, 13, 32]) CLASS[c] = C_SPACE;
for (let c = 0; c < 32; c++) if (CLASS[c] === C_WORD) CLASS[c] = C_SPACE;
CLASS[44] = C_SEP; // ,
CLASS[124] = C_SEP; // |
for (const ch of "{}()[];") CLASS[ch.charCodeAt(0)] = C_PUNCT;
CLASS[34] = C_QUOTE;
CLASS[47] = C_SLASH;

const PUNCT_KIND: Record<number, number> = {
  123: T_LBRACE,
  125: T_RBRACE,
  40: T_LPAREN,
  41: T_RPAREN,
  91: T_LBRACKET,
  93: T_RBRACKET,
  59: T_SEMI,
};

/** A saved lexer position (see {@link BifLexer.save}). */
export interface LexerMark {
  readonly pos: number;
  readonly line: number;
  readonly lineStart: number;
}

/**
 * The BIF lexer. Call {@link BifLexer.next} to advance; the current token is described by the
 * public fields. Positions are 1-based lines and columns (columns count UTF-16 code units).
 */
export class BifLexer {
  readonly text: string;
  /** Kind of the current token (`T_*`). */
  kind: number = T_EOF;
  /** Start offset of the current token (for strings: of the opening quote). */
  start = 0;
  /** End offset (exclusive) of the current token. */
  end = 0;
  /** 1-based line of the current token's first character. */
  line = 1;
  /** 1-based column of the current token's first character. */
  column = 1;
  /** The decoded value of the current string token. */
  stringValue = "";
  #pos = 0;
  #line = 1;
  #lineStart = 0;
  readonly #where: string;

  /**
   * @param text - the BIF text
   * @param where - message prefix, e.g. `"io.parseBif"`
   */
  constructor(text: string, where: string) {
    this.text = text;
    this.#where = where;
    if (text.charCodeAt(0) === 0xfeff) {
      this.#pos = 1;
      this.#lineStart = 1;
    }
    this.next();
  }

  /** The current position, to come back to with {@link BifLexer.restore}. */
  save(): LexerMark {
    return { pos: this.start, line: this.line, lineStart: this.start - (this.column - 1) };
  }

  /**
   * Moves back (or forward) to a saved token and re-reads it.
   * @param mark - from {@link BifLexer.save}
   */
  restore(mark: LexerMark): void {
    this.#pos = mark.pos;
    this.#line = mark.line;
    this.#lineStart = mark.lineStart;
    this.next();
  }

  /**
   * A {@link ParseError} at the given position (default: the current token).
   * @param message - what is wrong
   * @param line - 1-based line
   * @param column - 1-based column
   */
  error(message: string, line: number = this.line, column: number = this.column): ParseError {
    return new ParseError(
      "bif",
      `${this.#where}: ${message} at line ${line}, column ${column}`,
      line,
      column,
    );
  }

  /** A description of the current token for messages, e.g. `word "foo"` or `"}"`. */
  describe(): string {
    if (this.kind === T_WORD)
      return `"${this.text.slice(this.start, Math.min(this.end, this.start + 40))}"`;
    if (this.kind === T_STRING) return `string ${JSON.stringify(this.stringValue)}`;
    return KIND_NAMES[this.kind] ?? "token";
  }

  /** The text of the current word, or the value of the current string. */
  name(): string {
    return this.kind === T_STRING ? this.stringValue : this.text.slice(this.start, this.end);
  }

  /**
   * @param keyword - a keyword
   * @returns whether the current token is the word `keyword` (case-sensitive)
   */
  isWord(keyword: string): boolean {
    return (
      this.kind === T_WORD &&
      this.end - this.start === keyword.length &&
      this.text.startsWith(keyword, this.start)
    );
  }

  /** Skips white space, separators and comments; leaves `#pos` at the next token. */
  #skipTrivia(): void {
    const text = this.text;
    const n = text.length;
    let pos = this.#pos;
    while (pos < n) {
      const c = text.charCodeAt(pos);
      const cls = c < 128 ? (CLASS[c] as number) : C_WORD;
      if (cls === C_SPACE) {
        if (c === 10 || (c === 13 && text.charCodeAt(pos + 1) !== 10)) {
          this.#line++;
          this.#lineStart = pos + 1;
        }
        pos++;
      } else if (cls === C_SEP) {
        pos++;
      } else if (cls === C_SLASH && text.charCodeAt(pos + 1) === 47) {
        pos += 2;
        while (pos < n) {
          const d = text.charCodeAt(pos);
          if (d === 10 || d === 13) break;
          pos++;
        }
      } else if (cls === C_SLASH && text.charCodeAt(pos + 1) === 42) {
        const line = this.#line;
        const column = pos - this.#lineStart + 1;
        pos += 2;
        for (;;) {
          if (pos >= n) {
            this.#pos = pos;
            throw this.error("unterminated /* comment", line, column);
          }
          const d = text.charCodeAt(pos);
          if (d === 42 && text.charCodeAt(pos + 1) === 47) {
            pos += 2;
            break;
          }
          if (d === 10 || (d === 13 && text.charCodeAt(pos + 1) !== 10)) {
            this.#line++;
            this.#lineStart = pos + 1;
          }
          pos++;
        }
      } else {
        break;
      }
    }
    this.#pos = pos;
  }

  /** Advances to the next token. */
  next(): void {
    this.#skipTrivia();
    const text = this.text;
    const n = text.length;
    let pos = this.#pos;
    this.start = pos;
    this.line = this.#line;
    this.column = pos - this.#lineStart + 1;
    if (pos >= n) {
      this.kind = T_EOF;
      this.end = pos;
      return;
    }
    const c = text.charCodeAt(pos);
    const cls = c < 128 ? (CLASS[c] as number) : C_WORD;
    if (cls === C_PUNCT) {
      this.kind = PUNCT_KIND[c] as number;
      this.#pos = this.end = pos + 1;
      return;
    }
    if (cls === C_QUOTE) {
      this.#readString();
      return;
    }
    // A word: up to the next white space, separator, punctuation, quote or comment start.
    pos++;
    while (pos < n) {
      const d = text.charCodeAt(pos);
      if (d < 128) {
        const k = CLASS[d] as number;
        if (k !== C_WORD) {
          if (k !== C_SLASH) break;
          const e = text.charCodeAt(pos + 1);
          if (e === 47 || e === 42) break;
        }
      }
      pos++;
    }
    this.kind = T_WORD;
    this.#pos = this.end = pos;
  }

  #readString(): void {
    const text = this.text;
    const n = text.length;
    let pos = this.#pos + 1;
    let value = "";
    let chunk = pos;
    for (;;) {
      if (pos >= n) throw this.error("unterminated string");
      const d = text.charCodeAt(pos);
      if (d === 34) break;
      if (d === 92) {
        const e = text.charCodeAt(pos + 1);
        if (e === 34 || e === 92) {
          value += text.slice(chunk, pos) + String.fromCharCode(e);
          pos += 2;
          chunk = pos;
          continue;
        }
      } else if (d === 10 || (d === 13 && text.charCodeAt(pos + 1) !== 10)) {
        this.#line++;
        this.#lineStart = pos + 1;
      }
      pos++;
    }
    this.stringValue = value + text.slice(chunk, pos);
    this.kind = T_STRING;
    this.#pos = this.end = pos + 1;
  }

  /**
   * Reads the current token as a number (a plain decimal literal such as `0.25`, `1`, `.5`,
   * `9.999e-05`; no hex, no `Infinity`/`NaN`) and advances. Returns `NaN` without advancing if
   * the current token is not such a number.
   */
  number(): number {
    if (this.kind !== T_WORD) return Number.NaN;
    const text = this.text;
    let p = this.start;
    const end = this.end;
    let c = text.charCodeAt(p);
    if (c === 43 || c === 45) c = text.charCodeAt(++p);
    let digits = 0;
    while (c >= 48 && c <= 57) {
      digits++;
      c = text.charCodeAt(++p);
    }
    if (c === 46) {
      c = text.charCodeAt(++p);
      while (c >= 48 && c <= 57) {
        digits++;
        c = text.charCodeAt(++p);
      }
    }
    if (digits === 0) return Number.NaN;
    if ((c === 101 || c === 69) && p < end) {
      c = text.charCodeAt(++p);
      if (c === 43 || c === 45) c = text.charCodeAt(++p);
      let exp = 0;
      while (c >= 48 && c <= 57) {
        exp++;
        c = text.charCodeAt(++p);
      }
      if (exp === 0) return Number.NaN;
    }
    if (p !== end) return Number.NaN;
    const value = Number(text.slice(this.start, end));
    this.next();
    return value;
  }

  /**
   * Skips a `property` attribute's text up to and including its `;` (quoted strings may
   * contain `;`). The current token must be the word `property`.
   */
  skipProperty(): void {
    const text = this.text;
    const n = text.length;
    const line = this.line;
    const column = this.column;
    let pos = this.end;
    let inString = false;
    for (;;) {
      if (pos >= n) {
        this.#pos = pos;
        throw this.error('unterminated property (missing ";")', line, column);
      }
      const d = text.charCodeAt(pos);
      if (d === 10 || (d === 13 && text.charCodeAt(pos + 1) !== 10)) {
        this.#line++;
        this.#lineStart = pos + 1;
      } else if (inString) {
        const e = text.charCodeAt(pos + 1);
        if (d === 92 && (e === 34 || e === 92)) pos++;
        else if (d === 34) inString = false;
      } else if (d === 34) {
        inString = true;
      } else if (d === 59) {
        break;
      } else if (d === 123 || d === 125) {
        throw this.error('unterminated property (missing ";")', line, column);
      }
      pos++;
    }
    this.#pos = pos + 1;
    this.next();
  }
}
