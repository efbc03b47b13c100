/**
 * The causalkit error hierarchy. Every error the library throws on bad input is a
 * {@link CausalKitError} with a stable `code`, so consumers need only one `instanceof` check,
 * and tests assert on the class and the code rather than on message text.
 *
 * Messages start with `module.function:` and name the offending variable, edge or line.
 *
 * @module errors
 */

/**
 * Base class of every error causalkit throws. `code` is stable across versions (e.g. `"E_CYCLE"`);
 * the message is for humans and may change.
 *
 * @since 0.1.0
 */
export class CausalKitError extends Error {
  /** Stable machine-readable error code, e.g. `"E_CYCLE"`. */
  readonly code: string;

  /**
   * Creates the error.
   *
   * @param code - stable error code
   * @param message - human-readable message, starting with `module.function:`
   * @param options - standard `ErrorOptions`; pass `{ cause }` when wrapping a third-party error
   * @since 0.1.0
   */
  constructor(code: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/**
 * A directed edge would close a directed cycle, or a graph given as input is cyclic.
 * `cycle` lists the nodes of one cycle in order, first node repeated at the end
 * (e.g. `["a", "b", "a"]`). Code `"E_CYCLE"`.
 *
 * @since 0.1.0
 */
export class CycleError extends CausalKitError {
  /** The nodes of the cycle in edge order, the first node repeated at the end. */
  readonly cycle: readonly string[];

  /**
   * Creates the error.
   *
   * @param message - human-readable message
   * @param cycle - the nodes of the cycle, first node repeated at the end
   * @since 0.1.0
   */
  constructor(message: string, cycle: readonly string[]) {
    super("E_CYCLE", message);
    this.cycle = Object.freeze([...cycle]);
  }
}

/**
 * A node (graph) or variable (model) name that does not exist. Code `"E_UNKNOWN_NODE"`.
 *
 * @since 0.1.0
 */
export class UnknownNodeError extends CausalKitError {
  /** The unknown node or variable name. */
  readonly node: string;

  /**
   * Creates the error.
   *
   * @param message - human-readable message naming the node
   * @param node - the unknown name
   * @since 0.1.0
   */
  constructor(message: string, node: string) {
    super("E_UNKNOWN_NODE", message);
    this.node = node;
  }
}

/**
 * A structural causal model (or a piece of one: a domain, a mechanism, a noise distribution)
 * is invalid. `variable` names the offending variable; `reason` is a short machine-readable
 * tag such as `"cpt-row-sum"`, `"table-size"`, `"duplicate-state"`, `"parameter"`,
 * `"missing-parent"`, `"expression"`. Code `"E_INVALID_SCM"`.
 *
 * @since 0.1.0
 */
export class InvalidScmError extends CausalKitError {
  /** The offending variable (endogenous or exogenous) name. */
  readonly variable: string;
  /** Short machine-readable tag of what is wrong, e.g. `"cpt-row-sum"`. */
  readonly reason: string;

  /**
   * Creates the error.
   *
   * @param message - human-readable message naming the variable
   * @param variable - the offending variable
   * @param reason - short tag of what is wrong
   * @param options - `{ cause }` when wrapping another error
   * @since 0.1.0
   */
  constructor(message: string, variable: string, reason: string, options?: ErrorOptions) {
    super("E_INVALID_SCM", message, options);
    this.variable = variable;
    this.reason = reason;
  }
}

/**
 * Text in some format (dagitty, DOT, JSON, BIF, CSV, expression) could not be parsed.
 * `line` and `column` are 1-based. Code `"E_PARSE"`.
 *
 * @since 0.1.0
 */
export class ParseError extends CausalKitError {
  /** The format being parsed, e.g. `"dagitty"`, `"dot"`, `"bif"`, `"json"`, `"csv"`. */
  readonly format: string;
  /** 1-based line of the offending input. */
  readonly line: number;
  /** 1-based column of the offending input. */
  readonly column: number;

  /**
   * Creates the error.
   *
   * @param format - the format being parsed
   * @param message - human-readable message (the position is appended by the caller)
   * @param line - 1-based line
   * @param column - 1-based column
   * @param options - `{ cause }` when wrapping another error
   * @since 0.1.0
   */
  constructor(
    format: string,
    message: string,
    line: number,
    column: number,
    options?: ErrorOptions,
  ) {
    super("E_PARSE", message, options);
    this.format = format;
    this.line = line;
    this.column = column;
  }
}

/**
 * An array, table or matrix has the wrong size. Code `"E_DIMENSION"`.
 *
 * @since 0.1.0
 */
export class DimensionError extends CausalKitError {
  /** The expected size. */
  readonly expected: number;
  /** The size that was given. */
  readonly actual: number;

  /**
   * Creates the error.
   *
   * @param message - human-readable message naming what has the wrong size
   * @param expected - expected size
   * @param actual - actual size
   * @since 0.1.0
   */
  constructor(message: string, expected: number, actual: number) {
    super("E_DIMENSION", message);
    this.expected = expected;
    this.actual = actual;
  }
}

/**
 * An argument is invalid in a way no more specific class covers: a value outside a variable's
 * domain, a negative sample size, a malformed option. `argument` names the argument (or the
 * variable whose value is wrong). Code `"E_INVALID_ARGUMENT"`.
 *
 * @since 0.1.0
 */
export class InvalidArgumentError extends CausalKitError {
  /** The offending argument or variable name. */
  readonly argument: string;

  /**
   * Creates the error.
   *
   * @param message - human-readable message
   * @param argument - the offending argument or variable
   * @since 0.1.0
   */
  constructor(message: string, argument: string) {
    super("E_INVALID_ARGUMENT", message);
    this.argument = argument;
  }
}

/**
 * Exact inference would build a factor (table) with more cells than the allowed maximum.
 * Thrown by exact inference (`query`, `variableElimination` and the effect functions of `causalkit/inference`) **before** any
 * large table is allocated: the elimination order is planned first and its largest factor
 * compared with the limit. Also thrown when tabulating one mechanism of a model (a `function`
 * or `expression` mechanism, enumerated over its parents' and finite noises' states) would take
 * more than 2²⁵ cells or evaluations, and by the counterfactual functions when, under
 * `coupling: "independent"`, an independently coupled copy of a cpt / logistic variable would
 * need a table of more than 2²⁴ cells. Code `"E_FACTOR_TOO_LARGE"`.
 *
 * Raising `maxFactorSize` trades memory (8 bytes per cell) for the answer; a query whose
 * network has a large treewidth may simply be out of reach of exact inference.
 *
 * @since 0.1.0
 */
export class FactorTooLargeError extends CausalKitError {
  /** The number of cells of the largest factor the computation would build. */
  readonly size: number;
  /** The maximum that was allowed (`maxFactorSize`). */
  readonly limit: number;

  /**
   * Creates the error.
   *
   * @param message - human-readable message, starting with `module.function:`
   * @param size - cells of the largest factor
   * @param limit - the allowed maximum
   * @since 0.1.0
   */
  constructor(message: string, size: number, limit: number) {
    super("E_FACTOR_TOO_LARGE", message);
    this.size = size;
    this.limit = limit;
  }
}

/**
 * A causalkit invariant was broken: this is a bug in causalkit, not in the caller's input.
 * Code `"E_INTERNAL"`.
 *
 * @since 0.1.0
 */
export class InternalError extends CausalKitError {
  /**
   * Creates the error.
   *
   * @param message - what invariant failed
   * @since 0.1.0
   */
  constructor(message: string) {
    super("E_INTERNAL", `${message} (this is a bug in causalkit; please report it)`);
  }
}

/**
 * Throws an {@link InternalError}: the one place internal invariant failures go through.
 *
 * @param message - what invariant failed
 * @returns never: it always throws
 * @throws {@link InternalError} always
 * @since 0.1.0
 */
export function internalError(message: string): never {
  throw new InternalError(message);
}
