/**
 * A small strict JSON scanner (RFC 8259) used only to report positions: where a syntax error is
 * (JSON.parse messages differ between engines and versions) and where the value at a JSON
 * pointer starts (to give schema errors a line and column). Parsing itself is JSON.parse's job.
 */

/** A 1-based line and column (columns count UTF-16 code units). */
export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

/** A syntax error found by the scanner. */
export interface JsonSyntaxProblem {
  /** 0-based offset of the offending character (text length for an unexpected end). */
  readonly offset: number;
  /** What is wrong, e.g. `"unexpected character '}'"`. */
  readonly reason: string;
}

/**
 * @param text - the text
 * @param offset - a 0-based offset into it (clamped to the text)
 * @returns the 1-based line and column of `offset`
 */
export function positionAt(text: string, offset: number): TextPosition {
  const end = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/**
 * Scans `text` as strict JSON.
 *
 * @param text - the text
 * @returns the first syntax problem, or `undefined` if the text is valid JSON
 */
export function findJsonSyntaxProblem(text: string): JsonSyntaxProblem | undefined {
  try {
    new Scanner(text, undefined).document();
    return undefined;
  } catch (e) {
    if (e instanceof ScanStop) return e.problem;
    throw e;
  }
}

/**
 * The offset where the value at a JSON pointer starts, in valid JSON text.
 *
 * @param text - valid JSON text
 * @param pointer - a JSON pointer (RFC 6901), e.g. `"/variables/2/mechanism"`; `""` is the root
 * @returns the 0-based offset of the value, or `undefined` if the pointer does not resolve
 */
export function locateJsonPointer(text: string, pointer: string): number | undefined {
  const tokens =
    pointer === ""
      ? []
      : pointer
          .slice(1)
          .split("/")
          .map((t) => t.replace(/~1/g, "/").replace(/~0/g, "~"));
  const scanner = new Scanner(text, tokens);
  try {
    scanner.document();
  } catch (e) {
    if (!(e instanceof ScanStop)) throw e;
  }
  return scanner.found;
}

class ScanStop {
  readonly problem: JsonSyntaxProblem;
  constructor(problem: JsonSyntaxProblem) {
    this.problem = problem;
  }
}

class Scanner {
  readonly #text: string;
  readonly #target: readonly string[] | undefined;
  #pos = 0;
  /** Offset of the value at the target pointer, once seen. */
  found: number | undefined;

  constructor(text: string, target: readonly string[] | undefined) {
    this.#text = text;
    this.#target = target;
  }

  document(): void {
    this.#ws();
    this.#value(0, this.#target !== undefined);
    this.#ws();
    if (this.#pos < this.#text.length) this.#fail("unexpected text after the JSON value");
  }

  #fail(reason: string, offset = this.#pos): never {
    throw new ScanStop({ offset, reason });
  }

  #unexpected(): never {
    if (this.#pos >= this.#text.length) this.#fail("unexpected end of input");
    return this.#fail(`unexpected character ${JSON.stringify(this.#text[this.#pos])}`);
  }

  #ws(): void {
    const t = this.#text;
    while (this.#pos < t.length) {
      const c = t.charCodeAt(this.#pos);
      if (c === 32 || c === 9 || c === 10 || c === 13) this.#pos++;
      else break;
    }
  }

  /**
   * Scans one value starting at the current position (no leading whitespace).
   * @param depth - number of pointer tokens matched so far
   * @param onPath - whether the value lies on the target pointer's path
   */
  #value(depth: number, onPath: boolean): void {
    const target = this.#target;
    if (onPath && target !== undefined && depth === target.length && this.found === undefined) {
      this.found = this.#pos;
      // Nothing more to look for: stop scanning.
      throw new ScanStop({ offset: this.#pos, reason: "found" });
    }
    const c = this.#text[this.#pos];
    if (c === "{") this.#object(depth, onPath);
    else if (c === "[") this.#array(depth, onPath);
    else if (c === '"') this.#string();
    else if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) this.#number();
    else if (this.#text.startsWith("true", this.#pos)) this.#pos += 4;
    else if (this.#text.startsWith("false", this.#pos)) this.#pos += 5;
    else if (this.#text.startsWith("null", this.#pos)) this.#pos += 4;
    else this.#unexpected();
  }

  #object(depth: number, onPath: boolean): void {
    const wanted = onPath ? this.#target?.[depth] : undefined;
    this.#pos++;
    this.#ws();
    if (this.#text[this.#pos] === "}") {
      this.#pos++;
      return;
    }
    for (;;) {
      if (this.#text[this.#pos] !== '"') {
        if (this.#pos >= this.#text.length) this.#fail("unexpected end of input");
        this.#fail(`expected a property name in double quotes`);
      }
      const keyStart = this.#pos;
      this.#string();
      const key = JSON.parse(this.#text.slice(keyStart, this.#pos)) as string;
      this.#ws();
      if (this.#text[this.#pos] !== ":") this.#fail("expected ':' after a property name");
      this.#pos++;
      this.#ws();
      this.#value(depth + 1, wanted !== undefined && key === wanted);
      this.#ws();
      const c = this.#text[this.#pos];
      if (c === ",") {
        this.#pos++;
        this.#ws();
      } else if (c === "}") {
        this.#pos++;
        return;
      } else if (c === undefined) {
        this.#fail("unexpected end of input");
      } else {
        this.#fail("expected ',' or '}' after a property value");
      }
    }
  }

  #array(depth: number, onPath: boolean): void {
    const wanted = onPath ? this.#target?.[depth] : undefined;
    this.#pos++;
    this.#ws();
    if (this.#text[this.#pos] === "]") {
      this.#pos++;
      return;
    }
    for (let i = 0; ; i++) {
      this.#value(depth + 1, wanted !== undefined && String(i) === wanted);
      this.#ws();
      const c = this.#text[this.#pos];
      if (c === ",") {
        this.#pos++;
        this.#ws();
      } else if (c === "]") {
        this.#pos++;
        return;
      } else if (c === undefined) {
        this.#fail("unexpected end of input");
      } else {
        this.#fail("expected ',' or ']' after an array element");
      }
    }
  }

  #string(): void {
    const t = this.#text;
    this.#pos++;
    for (;;) {
      if (this.#pos >= t.length) this.#fail("unterminated string");
      const c = t.charCodeAt(this.#pos);
      if (c === 34) {
        this.#pos++;
        return;
      }
      if (c < 32) this.#fail("control character in a string (escape it)");
      if (c === 92) {
        const e = t[this.#pos + 1];
        if (e === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(t.slice(this.#pos + 2, this.#pos + 6))) {
            this.#fail("invalid \\u escape");
          }
          this.#pos += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) {
          this.#pos += 2;
        } else {
          this.#fail("invalid escape in a string");
        }
      } else {
        this.#pos++;
      }
    }
  }

  #number(): void {
    const m = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    m.lastIndex = this.#pos;
    const match = m.exec(this.#text);
    if (!match) this.#fail("invalid number");
    this.#pos += match[0].length;
    const next = this.#text[this.#pos];
    if (next !== undefined && /[0-9.eE+-]/.test(next)) this.#fail("invalid number");
  }
}
