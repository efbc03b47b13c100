import { createRequire } from "node:module";
import type { MathJsInstance, MathNode } from "mathjs";
import { InvalidScmError } from "../errors.js";
import type { CompiledExpression, ValueRecord } from "./types.js";

/**
 * Functions an expression mechanism may call. Everything else (assignment, function definition,
 * property access, matrices, strings, `import`, `evaluate`, …) is rejected when the model is built.
 *
 * @since 0.1.0
 */
export const ALLOWED_EXPRESSION_FUNCTIONS: readonly string[] = Object.freeze([
  "abs",
  "sign",
  "sqrt",
  "cbrt",
  "exp",
  "expm1",
  "log",
  "log1p",
  "log2",
  "log10",
  "pow",
  "sin",
  "cos",
  "tan",
  "asin",
  "acos",
  "atan",
  "atan2",
  "sinh",
  "cosh",
  "tanh",
  "floor",
  "ceil",
  "round",
  "fix",
  "min",
  "max",
  "mod",
  "erf",
  "hypot",
]);

/** Named constants usable in expressions. */
const ALLOWED_CONSTANTS = new Set(["pi", "e", "PI", "E"]);

const ALLOWED_OPERATORS = new Set([
  "add",
  "subtract",
  "multiply",
  "divide",
  "pow",
  "unaryMinus",
  "unaryPlus",
  "mod",
  "smaller",
  "larger",
  "smallerEq",
  "largerEq",
  "equal",
  "unequal",
  "and",
  "or",
  "not",
]);

const allowedFunctions = new Set(ALLOWED_EXPRESSION_FUNCTIONS);

let mathInstance: MathJsInstance | undefined;

/**
 * The mathjs instance, created on first use: importing mathjs costs seconds, so models without
 * expression mechanisms (and the CLI on BIF or dagitty input) never load it.
 */
function math(): MathJsInstance {
  if (!mathInstance) {
    const require = createRequire(import.meta.url);
    const mathjs = require("mathjs") as typeof import("mathjs");
    mathInstance = mathjs.create(mathjs.all as import("mathjs").FactoryFunctionMap, {
      number: "number",
    });
  }
  return mathInstance;
}

/**
 * Parses and compiles a mathjs expression for an expression mechanism, checking that it uses only
 * arithmetic, comparisons, the conditional operator, {@link ALLOWED_EXPRESSION_FUNCTIONS} and the
 * given symbols. JavaScript is never evaluated from the string: mathjs interprets its own syntax
 * tree, and the tree is checked node by node before compilation.
 *
 * @param source - the expression, e.g. `"2*X + 0.5*Z^2 + U_Y"`
 * @param variable - the variable the expression defines (named in error messages)
 * @param knownSymbols - names the expression may refer to (endogenous and exogenous variables)
 * @returns the compiled expression with its free symbols
 * @throws {@link InvalidScmError} (reason `"expression"`) for a syntax error, an unknown symbol,
 *   a disallowed function or construct
 * @remarks Loads mathjs on the first call (about 2 s). Comparisons and logical operators
 *   evaluate to 1 or 0.
 * @see mathjs, "Expression syntax", https://mathjs.org/docs/expressions/syntax.html (the
 *   grammar accepted, before the restrictions above).
 * @example
 * ```ts
 * const c = compileExpression("2*X + 0.5*Z^2 + U_Y", "Y", new Set(["X", "Z", "U_Y"]));
 * c.symbols; // ["X", "Z", "U_Y"]
 * c.evaluate({ X: 1, Z: 2, U_Y: 0.25 }); // 4.25
 * ```
 * @since 0.1.0
 */
export function compileExpression(
  source: string,
  variable: string,
  knownSymbols: ReadonlySet<string>,
): CompiledExpression {
  const fail = (what: string, cause?: unknown): never => {
    throw new InvalidScmError(
      `scm.compileExpression: variable ${variable}: ${what} in expression "${source}"`,
      variable,
      "expression",
      cause === undefined ? undefined : { cause },
    );
  };
  if (typeof source !== "string" || source.trim() === "") fail("empty expression");
  let root: MathNode | undefined;
  try {
    root = math().parse(source);
  } catch (cause) {
    fail(`syntax error (${(cause as Error).message})`, cause);
  }
  const tree = root as MathNode;
  const symbols: string[] = [];
  const seen = new Set<string>();
  tree.traverse((node, _path, parent) => {
    switch (node.type) {
      case "ConstantNode": {
        const value = (node as unknown as { value: unknown }).value;
        if (typeof value !== "number") fail(`non-numeric constant ${String(value)}`);
        return;
      }
      case "ParenthesisNode":
      case "ConditionalNode":
        return;
      case "OperatorNode": {
        const fn = (node as unknown as { fn: string }).fn;
        if (!ALLOWED_OPERATORS.has(fn)) fail(`operator "${fn}" is not allowed`);
        return;
      }
      case "FunctionNode": {
        const name = (node as unknown as { fn: { name?: string } }).fn.name ?? "";
        if (!allowedFunctions.has(name)) fail(`function "${name}" is not allowed`);
        return;
      }
      case "SymbolNode": {
        const name = (node as unknown as { name: string }).name;
        // The callee symbol of a FunctionNode was checked above.
        if (
          parent?.type === "FunctionNode" &&
          (parent as unknown as { fn: MathNode }).fn === node
        ) {
          return;
        }
        if (knownSymbols.has(name)) {
          if (!seen.has(name)) {
            seen.add(name);
            symbols.push(name);
          }
          return;
        }
        if (ALLOWED_CONSTANTS.has(name)) return;
        fail(`unknown symbol "${name}"`);
        return;
      }
      default:
        fail(`${node.type} is not allowed`);
    }
  });
  const code = tree.compile();
  const scope = new Map<string, number>();
  return Object.freeze({
    source,
    symbols: Object.freeze(symbols),
    evaluate(values: ValueRecord): number {
      for (const s of symbols) scope.set(s, values[s] as number);
      const result: unknown = code.evaluate(scope);
      return typeof result === "boolean" ? Number(result) : (result as number);
    },
  });
}
