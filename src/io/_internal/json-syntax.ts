/**
 * Locates the first syntax error in a JSON text (RFC 8259), for error messages with a line and
 * column: `JSON.parse` does not report a position consistently across engines.
 *
 * @internal
 * @module
 */

/** The first syntax error: its 0-based offset and a short description. */
export interface JsonSyntaxError {
  /** 0-based UTF-16 offset of the offending character (the text length at the end). */
  readonly offset: number;
  /** What is wrong, e.g. `expected ',' or '}'`. */
  readonly message: string;
}

class Stop {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

/**
 * Scans `text` as JSON.
 *
 * @returns the first syntax error, or undefined if the text is valid JSON
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let i = 0;
  const n = text.length;
  const stop = (message: string, at = i): never => {
    throw new Stop(at, message);
  };
  const describe = (): string => (i >= n ? "end of input" : `character ${JSON.stringify(text[i])}`);
  const ws = (): void => {
    while (i < n) {
      const c = text[i];
      if (c === " " || c === "\t" || c === "\n" || c === "\r") i++;
      else break;
    }
  };
  const digits = (): number => {
    const start = i;
    while (i < n && (text[i] ?? "") >= "0" && (text[i] ?? "") <= "9") i++;
    return i - start;
  };
  const literal = (word: string): void => {
    for (let k = 0; k < word.length; k++) {
      if (text[i] !== word[k]) stop(`invalid literal (expected "${word}")`);
      i++;
    }
  };
  const string = (): void => {
    const start = i;
    i++; // opening quote
    for (;;) {
      if (i >= n) stop("unterminated string", start);
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return;
      }
      if (c < 0x20) stop("control character in string (escape it)");
      if (c === 92) {
        const e = text[i + 1];
        if (e === "u") {
          for (let k = 2; k < 6; k++) {
            const h = text[i + k] ?? "";
            const hex = (h >= "0" && h <= "9") || (h >= "a" && h <= "f") || (h >= "A" && h <= "F");
            if (!hex) stop("invalid \\u escape", i);
          }
          i += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) stop("invalid escape", i);
        i += 2;
        continue;
      }
      i++;
    }
  };
  const number = (): void => {
    if (text[i] === "-") i++;
    if (text[i] === "0") i++;
    else if (digits() === 0) stop("invalid number");
    if (text[i] === ".") {
      i++;
      if (digits() === 0) stop("invalid number (digits expected after '.')");
    }
    if (text[i] === "e" || text[i] === "E") {
      i++;
      if (text[i] === "+" || text[i] === "-") i++;
      if (digits() === 0) stop("invalid number (digits expected in the exponent)");
    }
  };
  const value = (depth: number): void => {
    if (depth > 2000) stop("nesting too deep to locate the error");
    ws();
    const c = text[i];
    if (c === "{") {
      i++;
      ws();
      if (text[i] === "}") {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') stop(`expected a property name in double quotes, found ${describe()}`);
        string();
        ws();
        if (text[i] !== ":") stop(`expected ':' after the property name, found ${describe()}`);
        i++;
        value(depth + 1);
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "}") {
          i++;
          return;
        }
        stop(`expected ',' or '}', found ${describe()}`);
      }
    }
    if (c === "[") {
      i++;
      ws();
      if (text[i] === "]") {
        i++;
        return;
      }
      for (;;) {
        value(depth + 1);
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "]") {
          i++;
          return;
        }
        stop(`expected ',' or ']', found ${describe()}`);
      }
    }
    if (c === '"') string();
    else if (c === "t") literal("true");
    else if (c === "f") literal("false");
    else if (c === "n") literal("null");
    else if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) number();
    else stop(`expected a value, found ${describe()}`);
  };
  try {
    value(0);
    ws();
    if (i < n) stop(`unexpected ${describe()} after the JSON value`);
    return undefined;
  } catch (e) {
    if (e instanceof Stop) return { offset: e.offset, message: e.message };
    throw e;
  }
}

/** 1-based line and column of a 0-based offset (`\n`, `\r\n` and `\r` end lines). */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text[i];
    if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
