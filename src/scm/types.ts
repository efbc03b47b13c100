/**
 * The data types of structural causal models: domains, exogenous noise distributions,
 * mechanisms (structural equations) and the plain specification a model is built from.
 *
 * Value encoding, used everywhere in causalkit: a **discrete** variable's value is the 0-based
 * index of its state in `domain.states`; a **continuous** variable's value is a finite double.
 *
 * @module
 */

/**
 * A discrete domain: an ordered list of distinct state names. Values are state indices.
 *
 * @since 0.1.0
 */
export interface DiscreteDomain {
  /** Discriminant. */
  readonly type: "discrete";
  /** Distinct state names, in order; value `i` means `states[i]`. At least one state. */
  readonly states: readonly string[];
}

/**
 * A continuous (real-valued) domain. Values are finite doubles.
 *
 * @since 0.1.0
 */
export interface ContinuousDomain {
  /** Discriminant. */
  readonly type: "continuous";
}

/**
 * The domain of an endogenous variable.
 *
 * @since 0.1.0
 */
export type Domain = DiscreteDomain | ContinuousDomain;

/** Normal distribution N(mean, sd²); `sd > 0`. @since 0.1.0 */
export interface NormalNoise {
  /** Discriminant. */
  readonly type: "normal";
  /** Mean. @defaultValue 0 */
  readonly mean: number;
  /** Standard deviation, > 0. */
  readonly sd: number;
}

/** Continuous uniform distribution on [min, max); `min < max`. @since 0.1.0 */
export interface UniformNoise {
  /** Discriminant. */
  readonly type: "uniform";
  /** Lower bound (inclusive). */
  readonly min: number;
  /** Upper bound (exclusive), > min. */
  readonly max: number;
}

/** Bernoulli distribution on {0, 1} with P(1) = p; `0 ≤ p ≤ 1`. @since 0.1.0 */
export interface BernoulliNoise {
  /** Discriminant. */
  readonly type: "bernoulli";
  /** Probability of 1, in [0, 1]. */
  readonly p: number;
}

/** Categorical distribution on {0, …, k−1}; `probs` non-negative, summing to 1 (±1e-6). @since 0.1.0 */
export interface CategoricalNoise {
  /** Discriminant. */
  readonly type: "categorical";
  /** Probabilities of 0, 1, …, k−1. */
  readonly probs: readonly number[];
}

/** Exponential distribution with the given rate (mean 1/rate); `rate > 0`. @since 0.1.0 */
export interface ExponentialNoise {
  /** Discriminant. */
  readonly type: "exponential";
  /** Rate λ > 0. */
  readonly rate: number;
}

/** Laplace distribution with density exp(−|x − location| / scale) / (2·scale). @since 0.1.0 */
export interface LaplaceNoise {
  /** Discriminant. */
  readonly type: "laplace";
  /** Location (mean and median). */
  readonly location: number;
  /** Scale b > 0. */
  readonly scale: number;
}

/** Location-scale Student-t distribution: location + scale·T with T ~ t(df). @since 0.1.0 */
export interface StudentTNoise {
  /** Discriminant. */
  readonly type: "studentT";
  /** Degrees of freedom ν > 0. */
  readonly df: number;
  /** Location. */
  readonly location: number;
  /** Scale > 0. */
  readonly scale: number;
}

/**
 * Distribution of an exogenous (noise) variable.
 *
 * @since 0.1.0
 */
export type NoiseDistribution =
  | NormalNoise
  | UniformNoise
  | BernoulliNoise
  | CategoricalNoise
  | ExponentialNoise
  | LaplaceNoise
  | StudentTNoise;

/**
 * An exogenous variable: named, with its own distribution. Exogenous variables are mutually
 * independent; one exogenous variable used by two mechanisms expresses a latent common cause
 * (it appears as a bidirected edge in the model's graph).
 *
 * @since 0.1.0
 */
export interface ExogenousVariable {
  /** Unique name (distinct from every endogenous name). */
  readonly name: string;
  /** Its distribution. */
  readonly distribution: NoiseDistribution;
}

/**
 * Conditional probability table of a discrete variable, sampled by the inverse CDF of one
 * uniform(0, 1) exogenous variable: with cumulative row probabilities c₀ ≤ c₁ ≤ …, the value is
 * the first state k with u < c_k. The same unit's u therefore gives its counterfactual values
 * too (the "inverse-CDF coupling").
 *
 * Row layout: `table` has one row per parent configuration, configurations enumerated with the
 * **last parent varying fastest** (as in BIF files and pgmpy); each row lists the child's state
 * probabilities in state order and sums to 1 (±1e-6). A root CPT has exactly one row.
 *
 * @since 0.1.0
 */
export interface CptMechanism {
  /** Discriminant. */
  readonly type: "cpt";
  /** Parent variables (all discrete), in table order. */
  readonly parents: readonly string[];
  /** Rows of probabilities, one per parent configuration (last parent fastest). */
  readonly table: readonly (readonly number[])[];
  /**
   * The uniform exogenous variable driving the inverse CDF.
   * @defaultValue `"U_<variable>"`, created as uniform(0, 1) if not declared
   */
  readonly noise?: string;
}

/**
 * Linear structural equation of a continuous variable:
 * `value = intercept + Σᵢ coefficients[i]·parents[i] + noise`. Discrete parents enter by their
 * state index.
 *
 * @since 0.1.0
 */
export interface LinearMechanism {
  /** Discriminant. */
  readonly type: "linear";
  /** Parent variables. */
  readonly parents: readonly string[];
  /** One finite coefficient per parent. */
  readonly coefficients: readonly number[];
  /** Intercept. @defaultValue 0 */
  readonly intercept?: number;
  /**
   * The additive exogenous variable.
   * @defaultValue `"U_<variable>"`, created as normal(0, 1) if not declared
   */
  readonly noise?: string;
}

/**
 * Logistic (Bernoulli) mechanism of a binary discrete variable (exactly two states): with
 * `p = 1 / (1 + exp(−(intercept + Σᵢ coefficients[i]·parents[i])))`, the value is state 1 if
 * `u < p` and state 0 otherwise, where u is a uniform(0, 1) exogenous variable.
 *
 * @since 0.1.0
 */
export interface LogisticMechanism {
  /** Discriminant. */
  readonly type: "logistic";
  /** Parent variables. */
  readonly parents: readonly string[];
  /** One finite coefficient per parent. */
  readonly coefficients: readonly number[];
  /** Intercept (log-odds of state 1 when every parent is 0). @defaultValue 0 */
  readonly intercept?: number;
  /**
   * The uniform exogenous variable.
   * @defaultValue `"U_<variable>"`, created as uniform(0, 1) if not declared
   */
  readonly noise?: string;
}

/**
 * Values handed to a {@link FunctionMechanism}: variable name → value (state index for discrete
 * variables). The object is reused between calls: read it, never keep it.
 *
 * @since 0.1.0
 */
export type ValueRecord = Readonly<Record<string, number>>;

/**
 * Arbitrary TypeScript structural equation `value = fn(parents, noise)`. For a discrete variable
 * `fn` returns a state index; for a continuous one a finite number. `fn` must be pure and
 * deterministic (all randomness comes from `noise`). Not serialisable to JSON.
 *
 * @since 0.1.0
 */
export interface FunctionMechanism {
  /** Discriminant. */
  readonly type: "function";
  /** Parent variables passed to `fn`. */
  readonly parents: readonly string[];
  /** Exogenous variables passed to `fn` (each must be declared). @defaultValue [] */
  readonly noise?: readonly string[];
  /** The equation. */
  readonly fn: (parents: ValueRecord, noise: ValueRecord) => number;
}

/**
 * Structural equation written as a mathjs expression, e.g. `"2*X + 0.5*Z^2 + U_Y"`, compiled
 * once when the model is built. Its symbols are endogenous parents and exogenous variables (a
 * name that is not a valid mathjs symbol cannot be used here). Only arithmetic and a fixed list
 * of numeric functions are allowed; unknown symbols and any other function are rejected when
 * the model is built. For a discrete variable the result must be a state index.
 *
 * @since 0.1.0
 */
export interface ExpressionMechanism {
  /** Discriminant. */
  readonly type: "expression";
  /** The expression. */
  readonly expression: string;
}

/**
 * Constant mechanism `value = value` (what a hard intervention `do(X = x)` installs).
 *
 * @since 0.1.0
 */
export interface ConstantMechanism {
  /** Discriminant. */
  readonly type: "constant";
  /** The value (a state index for a discrete variable). */
  readonly value: number;
}

/**
 * Shift intervention on a continuous variable: `value = base(parents, noise) + delta`.
 *
 * @since 0.1.0
 */
export interface ShiftMechanism {
  /** Discriminant. */
  readonly type: "shift";
  /** The mechanism being shifted (not itself a constant). */
  readonly base: Mechanism;
  /** Finite additive shift. */
  readonly delta: number;
}

/**
 * A structural equation.
 *
 * @since 0.1.0
 */
export type Mechanism =
  | CptMechanism
  | LinearMechanism
  | LogisticMechanism
  | FunctionMechanism
  | ExpressionMechanism
  | ConstantMechanism
  | ShiftMechanism;

/**
 * An endogenous variable as given to {@link createScm}.
 *
 * @since 0.1.0
 */
export interface VariableSpec {
  /** Unique name (any string; expression mechanisms can only refer to mathjs-symbol names). */
  readonly name: string;
  /** Its domain. */
  readonly domain: Domain;
  /** Its structural equation. */
  readonly mechanism: Mechanism;
}

/**
 * Plain specification of a structural causal model.
 *
 * @since 0.1.0
 */
export interface ScmSpec {
  /** Endogenous variables, in any order (the model sorts them topologically). */
  readonly variables: readonly VariableSpec[];
  /** Declared exogenous variables; undeclared default noises are created. @defaultValue [] */
  readonly exogenous?: readonly ExogenousVariable[];
}

/**
 * A compiled expression: evaluated many times, compiled once.
 *
 * @since 0.1.0
 */
export interface CompiledExpression {
  /** The source text. */
  readonly source: string;
  /** Distinct free symbols, in order of first appearance. */
  readonly symbols: readonly string[];
  /**
   * Evaluates the expression.
   * @param scope - a value for every symbol
   * @returns the numeric result (may be non-finite; callers check)
   * @since 0.1.0
   */
  evaluate(scope: ValueRecord): number;
}
