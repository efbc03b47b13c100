/**
 * Recursive-descent parser of the Bayesian Interchange Format (BIF 0.15) into plain variable
 * declarations with conditional probability tables, used by `io/bif.ts`.
 *
 * Grammar accepted (keywords case-sensitive; `,` and `|` are ignored between tokens):
 *
 * ```text
 * file        := block+
 * block       := network | variable | probability
 * network     := "network" name? "{" property* "}"
 * variable    := "variable" name "{" (type | property)* "}"
 * type        := "type" "discrete" "[" integer "]" "{" name* "}" ";"?
 * probability := "probability" "(" name name* ")" "{" entry* "}"
 * entry       := "(" name* ")" number+ ";" | "table" number+ ";" | "default" number+ ";"
 *              | property
 * property    := "property" <any text up to ";"> ";"
 * name        := word | quoted string
 * ```
 *
 * In `probability ( X | A, B )` the first name is the child, the others its parents. A `table`
 * lists the numbers in header order (X, A, B) with the last variable varying fastest, i.e. the
 * child slowest: `table 0.6 0.05 0.4 0.95;` for `probability ( L | F )` means
 * P(L=l₀|F=f₀)=0.6, P(L=l₀|F=f₁)=0.05, P(L=l₁|F=f₀)=0.4, P(L=l₁|F=f₁)=0.95 (the "dog-problem"
 * network in both layouts, pgmpy `pgmpy/tests/test_readwrite/test_BIF.py`). A row
 * `(a, b) p₀, p₁, …;` gives the child's distribution for one parent configuration; rows may come
 * in any order. `default p₀, p₁, …;` gives the distribution of every configuration no row or
 * table gives.
 *
 * @internal
 * @module
 */

import { PROBABILITY_SUM_TOLERANCE } from "../../scm/noise.js";
import {
  BifLexer,
  type LexerMark,
  T_EOF,
  T_LBRACE,
  T_LBRACKET,
  T_LPAREN,
  T_RBRACE,
  T_RBRACKET,
  T_RPAREN,
  T_SEMI,
  T_STRING,
  T_WORD,
} from "./bif-lexer.js";

/** A parsed conditional probability table: rows per parent configuration, last parent fastest. */
export interface BifCpt {
  readonly parents: readonly string[];
  readonly table: readonly (readonly number[])[];
}

/** A parsed `variable` block, with its CPT once its `probability` block is read. */
export interface BifVariable {
  readonly name: string;
  readonly states: readonly string[];
  /** Position of the name in the `variable` block. */
  readonly line: number;
  readonly column: number;
  cpt: BifCpt | undefined;
}

/** A parsed BIF file. */
export interface BifNetwork {
  /** The network name, if the file has a named `network` block. */
  readonly name: string | undefined;
  /** The variables in file order, each with its CPT. */
  readonly variables: readonly BifVariable[];
}

/** Largest CPT accepted (states × parent configurations): 2^26 entries, about 0.5 GB. */
export const MAX_TABLE_ENTRIES: number = 2 ** 26;

interface VariableState extends BifVariable {
  readonly stateIndex: ReadonlyMap<string, number>;
}

interface NameToken {
  readonly name: string;
  readonly line: number;
  readonly column: number;
}

/**
 * Parses BIF text.
 *
 * @param text - the BIF text
 * @param where - message prefix (`module.function`)
 * @returns the network: every variable has a CPT of the right shape (not yet checked to sum to 1)
 * @throws {@link ParseError} on any syntax or structure problem, at the offending token
 */
export function parseBifNetwork(text: string, where: string): BifNetwork {
  return new BifParser(text, where).parse();
}

class BifParser {
  readonly #lex: BifLexer;
  readonly #vars = new Map<string, VariableState>();
  readonly #order: VariableState[] = [];
  #networkName: string | undefined;
  #sawNetwork = false;
  /** Variables whose probability block has been read (or claimed by a deferred block). */
  readonly #claimed = new Set<string>();

  constructor(text: string, where: string) {
    this.#lex = new BifLexer(text, where);
  }

  parse(): BifNetwork {
    const lex = this.#lex;
    const deferred: LexerMark[] = [];
    if (lex.kind === T_EOF)
      throw lex.error("empty input: no network, variable or probability block");
    while (lex.kind !== T_EOF) {
      if (lex.isWord("network")) this.#network();
      else if (lex.isWord("variable")) this.#variable();
      else if (lex.isWord("probability")) {
        const mark = lex.save();
        if (!this.#probability(false)) deferred.push(mark);
      } else {
        throw lex.error(`expected "network", "variable" or "probability", got ${lex.describe()}`);
      }
    }
    // Probability blocks that name a variable declared further down the file.
    for (const mark of deferred) {
      lex.restore(mark);
      this.#probability(true);
    }
    for (const v of this.#order) {
      if (v.cpt === undefined) {
        throw lex.error(`variable "${v.name}" has no probability block`, v.line, v.column);
      }
    }
    return { name: this.#networkName, variables: this.#order };
  }

  #expect(kind: number, what: string, context: string): void {
    const lex = this.#lex;
    if (lex.kind !== kind) throw lex.error(`expected ${what} ${context}, got ${lex.describe()}`);
    lex.next();
  }

  #name(context: string): NameToken {
    const lex = this.#lex;
    if (lex.kind !== T_WORD && lex.kind !== T_STRING) {
      throw lex.error(`expected a name ${context}, got ${lex.describe()}`);
    }
    const token = { name: lex.name(), line: lex.line, column: lex.column };
    lex.next();
    return token;
  }

  #network(): void {
    const lex = this.#lex;
    if (this.#sawNetwork) throw lex.error('a second "network" block');
    this.#sawNetwork = true;
    lex.next();
    if (lex.kind === T_WORD || lex.kind === T_STRING) {
      this.#networkName = lex.name();
      lex.next();
    }
    this.#expect(T_LBRACE, '"{"', "after the network name");
    for (;;) {
      if (lex.isWord("property")) lex.skipProperty();
      else if (lex.kind === T_RBRACE) break;
      else
        throw lex.error(`expected "property" or "}" in the network block, got ${lex.describe()}`);
    }
    lex.next();
  }

  #variable(): void {
    const lex = this.#lex;
    lex.next();
    const id = this.#name('after "variable"');
    if (this.#vars.has(id.name)) {
      throw lex.error(`variable "${id.name}" is declared twice`, id.line, id.column);
    }
    this.#expect(T_LBRACE, '"{"', `after variable "${id.name}"`);
    let states: string[] | undefined;
    let stateIndex: Map<string, number> | undefined;
    for (;;) {
      if (lex.isWord("property")) {
        lex.skipProperty();
      } else if (lex.isWord("type")) {
        if (states !== undefined)
          throw lex.error(`variable "${id.name}" has two type declarations`);
        lex.next();
        if (!lex.isWord("discrete")) {
          throw lex.error(
            `variable "${id.name}": only discrete variables are supported, got ${lex.describe()}`,
          );
        }
        lex.next();
        this.#expect(T_LBRACKET, '"["', `after "discrete" in variable "${id.name}"`);
        const countLine = lex.line;
        const countColumn = lex.column;
        const count = this.#positiveInteger(`the state count of variable "${id.name}"`);
        this.#expect(T_RBRACKET, '"]"', `after the state count of variable "${id.name}"`);
        this.#expect(T_LBRACE, '"{"', `before the states of variable "${id.name}"`);
        states = [];
        stateIndex = new Map();
        while (lex.kind === T_WORD || lex.kind === T_STRING) {
          const s = lex.name();
          if (stateIndex.has(s)) {
            throw lex.error(`variable "${id.name}" lists state "${s}" twice`);
          }
          stateIndex.set(s, states.length);
          states.push(s);
          lex.next();
        }
        this.#expect(T_RBRACE, '"}" or a state name', `in the states of variable "${id.name}"`);
        if (lex.kind === T_SEMI) lex.next();
        if (states.length !== count) {
          throw lex.error(
            `variable "${id.name}" declares ${count} states but lists ${states.length}`,
            countLine,
            countColumn,
          );
        }
      } else if (lex.kind === T_RBRACE) {
        lex.next();
        break;
      } else {
        throw lex.error(
          `expected "type", "property" or "}" in variable "${id.name}", got ${lex.describe()}`,
        );
      }
    }
    if (states === undefined || stateIndex === undefined) {
      throw lex.error(`variable "${id.name}" has no type declaration`, id.line, id.column);
    }
    const v: VariableState = {
      name: id.name,
      states,
      stateIndex,
      line: id.line,
      column: id.column,
      cpt: undefined,
    };
    this.#vars.set(id.name, v);
    this.#order.push(v);
  }

  #positiveInteger(what: string): number {
    const lex = this.#lex;
    const text = lex.text;
    let ok = lex.kind === T_WORD && lex.end - lex.start <= 9;
    for (let p = lex.start; ok && p < lex.end; p++) {
      const c = text.charCodeAt(p);
      if (c < 48 || c > 57) ok = false;
    }
    const value = ok ? Number(text.slice(lex.start, lex.end)) : 0;
    if (value < 1) throw lex.error(`expected a positive integer as ${what}, got ${lex.describe()}`);
    lex.next();
    return value;
  }

  /**
   * Checks that numbers read for one parent configuration are a probability distribution
   * (each in [0, 1], summing to 1 within the model's tolerance), so that the error points at the
   * row in the file rather than at the model built from it.
   */
  #distribution(values: number[], what: string, line: number, column: number): number[] {
    let sum = 0;
    for (const p of values) {
      if (!(p >= 0 && p <= 1)) {
        throw this.#lex.error(`${what} has the probability ${p}, not in [0, 1]`, line, column);
      }
      sum += p;
    }
    if (Math.abs(sum - 1) > PROBABILITY_SUM_TOLERANCE) {
      throw this.#lex.error(
        `${what} sums to ${sum}, not 1 (tolerance ${PROBABILITY_SUM_TOLERANCE})`,
        line,
        column,
      );
    }
    return values;
  }

  /**
   * Reads a `probability` block. With `strict` false, a block naming a variable not declared
   * yet is skipped (returns false) to be read again at the end.
   */
  #probability(strict: boolean): boolean {
    const lex = this.#lex;
    const keywordLine = lex.line;
    const keywordColumn = lex.column;
    lex.next();
    this.#expect(T_LPAREN, '"("', 'after "probability"');
    const names: NameToken[] = [];
    while (lex.kind === T_WORD || lex.kind === T_STRING) names.push(this.#name(""));
    if (lex.kind !== T_RPAREN) {
      throw lex.error(
        `expected a variable name or ")" in a probability header, got ${lex.describe()}`,
      );
    }
    if (names.length === 0) throw lex.error("a probability block needs a variable");
    const unknown = names.find((t) => !this.#vars.has(t.name));
    if (unknown !== undefined) {
      if (strict) {
        throw lex.error(
          `unknown variable "${unknown.name}" in a probability block`,
          unknown.line,
          unknown.column,
        );
      }
      lex.next();
      this.#skipBlock();
      return false;
    }
    lex.next();
    const childToken = names[0] as NameToken;
    const child = this.#vars.get(childToken.name) as VariableState;
    if (this.#claimed.has(child.name)) {
      throw lex.error(
        `variable "${child.name}" has a second probability block`,
        childToken.line,
        childToken.column,
      );
    }
    this.#claimed.add(child.name);
    const parents: VariableState[] = [];
    for (let j = 1; j < names.length; j++) {
      const t = names[j] as NameToken;
      if (t.name === child.name || parents.some((p) => p.name === t.name)) {
        throw lex.error(
          `variable "${t.name}" is listed twice in the probability header of "${child.name}"`,
          t.line,
          t.column,
        );
      }
      parents.push(this.#vars.get(t.name) as VariableState);
    }
    const k = child.states.length;
    const m = parents.length;
    const strides = new Array<number>(m);
    let rowCount = 1;
    for (let j = m - 1; j >= 0; j--) {
      strides[j] = rowCount;
      rowCount *= (parents[j] as VariableState).states.length;
    }
    if (k * rowCount > MAX_TABLE_ENTRIES) {
      throw lex.error(
        `the table of "${child.name}" would have ${k * rowCount} entries (${rowCount} parent configurations × ${k} states), more than the ${MAX_TABLE_ENTRIES} supported`,
        keywordLine,
        keywordColumn,
      );
    }
    const rows = new Array<number[] | undefined>(rowCount).fill(undefined);
    let filled = 0;
    let defaultRow: number[] | undefined;
    this.#expect(T_LBRACE, '"{"', `after the probability header of "${child.name}"`);
    for (;;) {
      if (lex.kind === T_LPAREN) {
        const rowLine = lex.line;
        const rowColumn = lex.column;
        lex.next();
        let r = 0;
        let j = 0;
        while (lex.kind === T_WORD || lex.kind === T_STRING) {
          if (j >= m) {
            throw lex.error(
              `too many parent states in a row of "${child.name}" (it has ${m} parent${m === 1 ? "" : "s"})`,
            );
          }
          const parent = parents[j] as VariableState;
          const label = lex.name();
          const s = parent.stateIndex.get(label);
          if (s === undefined) {
            throw lex.error(
              `"${label}" is not a state of "${parent.name}" (row of "${child.name}")`,
            );
          }
          r += s * (strides[j] as number);
          j++;
          lex.next();
        }
        if (lex.kind !== T_RPAREN) {
          throw lex.error(
            `expected a state name or ")" in a row of "${child.name}", got ${lex.describe()}`,
          );
        }
        if (j < m) {
          throw lex.error(
            `a row of "${child.name}" gives ${j} parent state${j === 1 ? "" : "s"}, expected ${m}`,
          );
        }
        lex.next();
        if (rows[r] !== undefined) {
          throw lex.error(
            `the configuration ${configuration(parents, strides, r)} of "${child.name}" is given twice`,
            rowLine,
            rowColumn,
          );
        }
        const what = `the row ${configuration(parents, strides, r)} of "${child.name}"`;
        rows[r] = this.#distribution(this.#numbers(k, what), what, rowLine, rowColumn);
        filled++;
      } else if (lex.isWord("table")) {
        if (filled > 0) {
          throw lex.error(`a table for "${child.name}" after rows or another table`);
        }
        const tableLine = lex.line;
        const tableColumn = lex.column;
        lex.next();
        const values = this.#numbers(
          k * rowCount,
          `the table of "${child.name}" (${k} states × ${rowCount} parent configurations)`,
        );
        for (let r = 0; r < rowCount; r++) {
          const row = new Array<number>(k);
          for (let s = 0; s < k; s++) row[s] = values[s * rowCount + r] as number;
          const what =
            rowCount === 1
              ? `the table of "${child.name}"`
              : `the column ${configuration(parents, strides, r)} of the table of "${child.name}"`;
          rows[r] = this.#distribution(row, what, tableLine, tableColumn);
        }
        filled = rowCount;
      } else if (lex.isWord("default")) {
        if (defaultRow !== undefined) throw lex.error(`a second default row for "${child.name}"`);
        const defaultLine = lex.line;
        const defaultColumn = lex.column;
        lex.next();
        const what = `the default row of "${child.name}"`;
        defaultRow = this.#distribution(this.#numbers(k, what), what, defaultLine, defaultColumn);
      } else if (lex.isWord("property")) {
        lex.skipProperty();
      } else if (lex.kind === T_RBRACE) {
        break;
      } else {
        throw lex.error(
          `expected a row, "table", "default", "property" or "}" in the probability block of "${child.name}", got ${lex.describe()}`,
        );
      }
    }
    if (filled < rowCount) {
      for (let r = 0; r < rowCount; r++) {
        if (rows[r] !== undefined) continue;
        if (defaultRow === undefined) {
          throw lex.error(
            m === 0
              ? `the probability block of "${child.name}" has no table`
              : `the probability block of "${child.name}" has no row for the configuration ${configuration(parents, strides, r)} of (${parents.map((p) => p.name).join(", ")})`,
            keywordLine,
            keywordColumn,
          );
        }
        rows[r] = defaultRow.slice();
      }
    }
    lex.next();
    child.cpt = { parents: parents.map((p) => p.name), table: rows as number[][] };
    return true;
  }

  /** Reads exactly `count` numbers and the closing `;`. */
  #numbers(count: number, what: string): number[] {
    const lex = this.#lex;
    const values: number[] = [];
    for (let i = 0; i < count; i++) {
      const v = lex.number();
      if (Number.isNaN(v)) {
        if (lex.kind === T_SEMI) {
          throw lex.error(`too few probabilities in ${what}: got ${i}, expected ${count}`);
        }
        throw lex.error(`expected a probability in ${what}, got ${lex.describe()}`);
      }
      values.push(v);
    }
    if (lex.kind !== T_SEMI) {
      if (lex.kind === T_WORD && !Number.isNaN(Number(lex.name()))) {
        throw lex.error(`too many probabilities in ${what}: expected ${count}`);
      }
      throw lex.error(`expected ";" after ${what}, got ${lex.describe()}`);
    }
    lex.next();
    return values;
  }

  /** Skips the rest of a probability block (current token: its `{`) through its `}`. */
  #skipBlock(): void {
    const lex = this.#lex;
    this.#expect(T_LBRACE, '"{"', "after a probability header");
    for (;;) {
      if (lex.kind === T_RBRACE) break;
      if (lex.kind === T_EOF) throw lex.error('unexpected end of input (missing "}")');
      if (lex.isWord("property")) lex.skipProperty();
      else lex.next();
    }
    lex.next();
  }
}

/** `(a, b)`: the state labels of parent configuration `r` (last parent fastest). */
function configuration(
  parents: readonly VariableState[],
  strides: readonly number[],
  r: number,
): string {
  const labels = parents.map((p, j) => {
    const s = Math.floor(r / (strides[j] as number)) % p.states.length;
    return p.states[s] as string;
  });
  return `(${labels.join(", ")})`;
}
