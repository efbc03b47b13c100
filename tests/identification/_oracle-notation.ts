// Parser for the estimand notation of /work/shared/oracle/id-cases.json (see its README):
//   P(A,B|C)   sum_{A,B} F   F * G   [N] / [D]   and P(Y|do(X),Z) for interventional terms.
// A sum binds the one atom that follows it (`sum_{X} [..] * G` is (Σ_X ..) · G), as in the
// oracle file and in causalkit's formatEstimand. Independent of the library's own code: it
// builds the AST as plain objects.
import type { Estimand } from "../../src/identification/estimand.js";

class Parser {
  pos = 0;
  constructor(readonly text: string) {}

  fail(what: string): never {
    throw new Error(`oracle notation: ${what} at ${this.pos} in ${JSON.stringify(this.text)}`);
  }

  skip(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos] as string)) this.pos++;
  }

  eat(token: string): boolean {
    this.skip();
    if (this.text.startsWith(token, this.pos)) {
      this.pos += token.length;
      return true;
    }
    return false;
  }

  expect(token: string): void {
    if (!this.eat(token)) this.fail(`expected "${token}"`);
  }

  name(): string {
    this.skip();
    // Names end at a delimiter; inner spaces belong to the name ("my var").
    const m = /^[^,|(){}[\]*/]+/.exec(this.text.slice(this.pos));
    const name = m?.[0].trimEnd() ?? "";
    if (name === "") this.fail("expected a variable name");
    this.pos += (m?.[0] ?? "").length;
    return name;
  }

  names(close: string): string[] {
    const out: string[] = [];
    this.skip();
    if (this.text.startsWith(close, this.pos)) return out;
    out.push(this.name());
    while (this.eat(",")) out.push(this.name());
    return out;
  }

  // expr := product ("/" product)?
  expr(): Estimand {
    const left = this.product();
    if (this.eat("/")) return { kind: "ratio", numerator: left, denominator: this.product() };
    return left;
  }

  // product := unary ("*" unary)*
  product(): Estimand {
    const factors = [this.unary()];
    while (this.eat("*")) factors.push(this.unary());
    return factors.length === 1 ? (factors[0] as Estimand) : { kind: "product", factors };
  }

  // unary := "sum_{" names "}" unary | atom
  unary(): Estimand {
    if (this.eat("sum_{")) {
      const over = this.names("}");
      this.expect("}");
      return { kind: "sum", over, body: this.unary() };
    }
    return this.atom();
  }

  // atom := "P(" names ("|" cond)? ")" | "[" expr "]" | "1"
  atom(): Estimand {
    if (this.eat("[")) {
      const e = this.expr();
      this.expect("]");
      return e;
    }
    if (this.eat("P(")) {
      const vars = this.names("|)");
      const given: string[] = [];
      const doVars: string[] = [];
      if (this.eat("|")) {
        do {
          if (this.eat("do(")) {
            doVars.push(...this.names(")"));
            this.expect(")");
          } else {
            given.push(this.name());
          }
        } while (this.eat(","));
      }
      this.expect(")");
      return doVars.length > 0
        ? { kind: "prob", vars, given, do: doVars }
        : { kind: "prob", vars, given };
    }
    if (this.eat("1")) return { kind: "product", factors: [] };
    return this.fail("expected P(, [, sum_{ or 1");
  }
}

/** Parses one estimand in the oracle notation. */
export function parseOracleEstimand(text: string): Estimand {
  const p = new Parser(text);
  const e = p.expr();
  p.skip();
  if (p.pos !== text.length) p.fail("trailing text");
  return e;
}
