// Numerical evaluation of an estimand on a discrete distribution.
import { InvalidArgumentError, UnknownNodeError } from "../../errors.js";
import { doOf, type Estimand, freeVars, type ProbTerm, unknownKind } from "./id-ast.js";
import { formatText } from "./id-format.js";

/**
 * A discrete probability distribution over named variables, as seen by
 * {@link evaluateEstimand}: every variable takes the states `0..cardinality(v) - 1`, and
 * `probability` returns marginal probabilities of joint events. A pure interface, so that an
 * exact joint table ({@link jointTableDistribution}), a table of sample frequencies
 * ({@link frequencyDistribution}) or any other source (e.g. an exact inference engine) can back
 * the evaluation.
 *
 * @since 0.1.0
 */
export interface Distribution {
  /** The variables the distribution is over. */
  readonly variables: readonly string[];
  /**
   * The number of states of a variable (states are `0..k-1`).
   *
   * @param variable - a variable of the distribution
   * @returns its number of states, a positive integer
   * @since 0.1.0
   */
  cardinality(variable: string): number;
  /**
   * The marginal probability that the variables of `assignment` jointly take the given states,
   * `P(V1 = s1, ..., Vk = sk)`; 1 for an empty assignment.
   *
   * @param assignment - variable → state index, over any subset of the variables
   * @returns a probability in [0, 1]
   * @since 0.1.0
   */
  probability(assignment: ReadonlyMap<string, number>): number;
  /**
   * Optional fast path: a function that returns `P(variables = states)` for a fixed list of
   * variables, taking the states in the same order. When present, {@link evaluateEstimand}
   * prepares one such accessor per probability term and calls it instead of `probability`.
   * It must agree with `probability`.
   *
   * @param variables - distinct variables of the distribution
   * @returns the accessor; `states[i]` is the state of `variables[i]`
   * @since 0.1.0
   */
  marginalAccessor?(variables: readonly string[]): (states: ArrayLike<number>) => number;
}

/** Marginal of a fixed list of variables, read at the states of the environment. */
type Reader = (env: Int32Array) => number;

/** A probability term prepared for evaluation: `P(vars, given) / P(given)`. */
interface PreparedProb {
  readonly joint: Reader;
  readonly given: Reader | undefined;
}

/** Mutable evaluation state. */
interface EvalState {
  readonly dist: Distribution;
  /** Variable name → slot in `env`. */
  readonly slot: ReadonlyMap<string, number>;
  /** Current state of every variable of the estimand (free ones from the assignment). */
  readonly env: Int32Array;
  readonly prepared: Map<ProbTerm, PreparedProb>;
  /** The first undefined term met, for the error message. */
  undefinedTerm: string | undefined;
}

const WHERE = "identification.evaluateEstimand";

/** Checks every variable of `e` (free or bound) against the distribution; collects them. */
function checkVariables(e: Estimand, known: ReadonlySet<string>, seen: Set<string>): void {
  const check = (v: string): void => {
    if (!known.has(v)) {
      throw new UnknownNodeError(`${WHERE}: variable "${v}" is not in the distribution`, v);
    }
    seen.add(v);
  };
  switch (e.kind) {
    case "prob":
      for (const list of [e.vars, e.given, doOf(e)]) for (const v of list) check(v);
      if (doOf(e).length > 0) {
        throw new InvalidArgumentError(
          `${WHERE}: the interventional term ${formatText(e)} cannot be evaluated from an observational distribution`,
          "estimand",
        );
      }
      return;
    case "sum":
      for (const v of e.over) check(v);
      checkVariables(e.body, known, seen);
      return;
    case "product":
      for (const f of e.factors) checkVariables(f, known, seen);
      return;
    case "ratio":
      checkVariables(e.numerator, known, seen);
      checkVariables(e.denominator, known, seen);
      return;
    default:
      unknownKind(e, WHERE);
  }
}

function reader(st: EvalState, vars: readonly string[]): Reader {
  const names = [...new Set(vars)];
  const slots = Int32Array.from(names, (v) => st.slot.get(v) as number);
  const { dist } = st;
  if (dist.marginalAccessor !== undefined) {
    const access = dist.marginalAccessor(names);
    const states = new Int32Array(slots.length);
    return (env) => {
      for (let i = 0; i < slots.length; i++) states[i] = env[slots[i] as number] as number;
      return access(states);
    };
  }
  return (env) => {
    const m = new Map<string, number>();
    for (let i = 0; i < slots.length; i++)
      m.set(names[i] as string, env[slots[i] as number] as number);
    return dist.probability(m);
  };
}

function prepare(p: ProbTerm, st: EvalState): PreparedProb {
  let prepared = st.prepared.get(p);
  if (prepared === undefined) {
    prepared = {
      joint: reader(st, [...p.given, ...p.vars]),
      given: p.given.length > 0 ? reader(st, p.given) : undefined,
    };
    st.prepared.set(p, prepared);
  }
  return prepared;
}

function describe(term: string, st: EvalState, vars: Iterable<string>): string {
  const parts: string[] = [];
  for (const v of new Set(vars)) parts.push(`${v}=${st.env[st.slot.get(v) as number]}`);
  return parts.length > 0 ? `${term} at ${parts.join(", ")}` : term;
}

function evalProb(p: ProbTerm, st: EvalState): number {
  const { joint, given } = prepare(p, st);
  if (given === undefined) return joint(st.env);
  const denominator = given(st.env);
  if (denominator === 0) {
    st.undefinedTerm ??= describe(formatText(p), st, [...p.vars, ...p.given]);
    return Number.NaN;
  }
  return joint(st.env) / denominator;
}

// Undefined values (a conditional or a ratio whose denominator is 0) are carried as NaN inside
// the evaluator and turned into an error at the top. A product with a factor exactly 0 is 0
// even if another factor is undefined: a stratum of probability 0 contributes nothing.
function evaluate(e: Estimand, st: EvalState): number {
  switch (e.kind) {
    case "prob":
      return evalProb(e, st);
    case "product": {
      const before = st.undefinedTerm;
      let value = 1;
      let zero = false;
      let undef = false;
      for (const f of e.factors) {
        const v = evaluate(f, st);
        if (v === 0) zero = true;
        else if (Number.isNaN(v)) undef = true;
        else value *= v;
      }
      if (zero) {
        st.undefinedTerm = before; // the undefined factor, if any, was excused
        return 0;
      }
      return undef ? Number.NaN : value;
    }
    case "ratio": {
      const n = evaluate(e.numerator, st);
      const d = evaluate(e.denominator, st);
      if (Number.isNaN(n) || Number.isNaN(d)) return Number.NaN;
      if (d === 0) {
        st.undefinedTerm ??= describe(formatText(e), st, freeVars(e));
        return Number.NaN;
      }
      return n / d;
    }
    case "sum":
      return evalSum(e.over, e.body, st);
    default:
      return unknownKind(e, WHERE);
  }
}

function evalSum(over: readonly string[], body: Estimand, st: EvalState): number {
  const { env, dist } = st;
  const vars = [...new Set(over)];
  const k = vars.length;
  const slots = Int32Array.from(vars, (v) => st.slot.get(v) as number);
  const cards = Int32Array.from(vars, (v) => dist.cardinality(v));
  const saved = Int32Array.from(slots, (s) => env[s] as number);
  for (let i = 0; i < k; i++) env[slots[i] as number] = 0;
  let total = 0;
  let undef = false;
  if (cards.every((c) => c > 0)) {
    for (;;) {
      const v = evaluate(body, st);
      if (Number.isNaN(v)) {
        undef = true;
        break;
      }
      total += v;
      // Odometer increment, last variable fastest.
      let i = k - 1;
      while (i >= 0) {
        const s = slots[i] as number;
        const next = (env[s] as number) + 1;
        if (next < (cards[i] as number)) {
          env[s] = next;
          break;
        }
        env[s] = 0;
        i--;
      }
      if (i < 0) break;
    }
  }
  for (let i = 0; i < k; i++) env[slots[i] as number] = saved[i] as number;
  return undef ? Number.NaN : total;
}

/** Evaluates an estimand (see the public `evaluateEstimand` for the contract). */
export function evaluateWith(
  e: Estimand,
  dist: Distribution,
  assignment: ReadonlyMap<string, number>,
): number {
  const known = new Set(dist.variables);
  const used = new Set<string>();
  checkVariables(e, known, used);
  for (const [v, s] of assignment) {
    if (!known.has(v)) {
      throw new UnknownNodeError(
        `${WHERE}: assigned variable "${v}" is not in the distribution`,
        v,
      );
    }
    const card = dist.cardinality(v);
    if (!Number.isInteger(s) || s < 0 || s >= card) {
      throw new InvalidArgumentError(
        `${WHERE}: state ${s} of variable "${v}" is not an integer in [0, ${card - 1}]`,
        v,
      );
    }
  }
  for (const v of freeVars(e)) {
    if (!assignment.has(v)) {
      throw new InvalidArgumentError(
        `${WHERE}: free variable "${v}" has no value in the assignment`,
        v,
      );
    }
  }
  const slot = new Map<string, number>();
  for (const v of used) slot.set(v, slot.size);
  const env = new Int32Array(slot.size);
  for (const [v, s] of slot) env[s] = assignment.get(v) ?? 0;
  const st: EvalState = { dist, slot, env, prepared: new Map(), undefinedTerm: undefined };
  const value = evaluate(e, st);
  if (Number.isNaN(value)) {
    const term = st.undefinedTerm ?? formatText(e);
    throw new InvalidArgumentError(
      `${WHERE}: ${term} is undefined: a conditioning event has probability 0 (positivity violation)`,
      term,
    );
  }
  return value;
}
