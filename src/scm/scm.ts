import { CycleError, InvalidScmError, UnknownNodeError } from "../errors.js";
import { CausalGraph, formatCycle, type ReadonlyCausalGraph } from "../graph/causal-graph.js";
import { topologicalOrder } from "../graph/topological.js";
import { compileExpression } from "./expression.js";
import { PROBABILITY_SUM_TOLERANCE, validateNoise } from "./noise.js";
import type {
  CompiledExpression,
  Domain,
  ExogenousVariable,
  Mechanism,
  NoiseDistribution,
  ScmSpec,
  VariableSpec,
} from "./types.js";

/**
 * An endogenous variable of a built {@link Scm}: its spec with defaults filled in (every
 * mechanism names its exogenous variables explicitly), plus the parents and exogenous variables
 * its mechanism reads.
 *
 * @since 0.1.0
 */
export interface EndogenousVariable extends VariableSpec {
  /** Endogenous parents the mechanism reads, in mechanism order. */
  readonly parents: readonly string[];
  /** Exogenous variables the mechanism reads. */
  readonly noise: readonly string[];
}

/**
 * A structural causal model (Pearl 2009, *Causality* §1.4.1, §7.1): endogenous variables with
 * domains and structural equations (mechanisms), and mutually independent, explicitly named
 * exogenous variables. An exogenous variable shared by several mechanisms is a latent common
 * cause and shows as a bidirected edge in {@link Scm.graph}.
 *
 * Models are immutable: build one with {@link createScm}; every transformation (e.g. an
 * intervention) returns a new model.
 *
 * @see Pearl, J. (2009). *Causality*, 2nd ed., §7.1 (Definition 7.1.1, causal model) and
 *   §1.4.1 (functional causal models).
 * @since 0.1.0
 */
export class Scm {
  /**
   * The causal graph over the endogenous variables: `P -> V` for each parent P of V's
   * mechanism, `V <-> W` when V and W share an exogenous variable. Its nodes are in spec order.
   * Frozen: mutating it throws.
   *
   * @since 0.1.0
   */
  readonly graph: ReadonlyCausalGraph;
  /** Endogenous variables in a topological order (ties broken by spec order). @since 0.1.0 */
  readonly variables: readonly EndogenousVariable[];
  /** Exogenous variables: declared ones in declaration order, then created defaults. @since 0.1.0 */
  readonly exogenous: readonly ExogenousVariable[];
  readonly #byName: ReadonlyMap<string, EndogenousVariable>;
  readonly #exogenousByName: ReadonlyMap<string, ExogenousVariable>;
  readonly #expressions: ReadonlyMap<string, CompiledExpression>;

  /**
   * Use {@link createScm}; the constructor is for causalkit's own modules and trusts its
   * (already validated) input.
   *
   * @param graph - the model graph
   * @param variables - variables in topological order
   * @param exogenous - exogenous variables
   * @param expressions - compiled expressions by variable name
   * @internal
   */
  constructor(
    graph: CausalGraph,
    variables: readonly EndogenousVariable[],
    exogenous: readonly ExogenousVariable[],
    expressions: ReadonlyMap<string, CompiledExpression>,
  ) {
    this.graph = graph.freeze();
    this.variables = Object.freeze([...variables]);
    this.exogenous = Object.freeze([...exogenous]);
    this.#byName = new Map(variables.map((v) => [v.name, v]));
    this.#exogenousByName = new Map(exogenous.map((u) => [u.name, u]));
    this.#expressions = expressions;
    Object.freeze(this);
  }

  /**
   * Endogenous variable names in topological order (a new array on every access).
   *
   * @since 0.1.0
   */
  get variableNames(): string[] {
    return this.variables.map((v) => v.name);
  }

  /**
   * Whether the model has an endogenous variable of this name.
   *
   * @param name - a variable name
   * @returns whether the model has this endogenous variable (false for exogenous names)
   * @since 0.1.0
   */
  hasVariable(name: string): boolean {
    return this.#byName.has(name);
  }

  /**
   * An endogenous variable by name.
   *
   * @param name - the variable
   * @returns the variable
   * @throws {@link UnknownNodeError} if there is no such endogenous variable
   * @since 0.1.0
   */
  variable(name: string): EndogenousVariable {
    const v = this.#byName.get(name);
    if (!v) throw new UnknownNodeError(`scm.variable: unknown variable "${name}"`, name);
    return v;
  }

  /**
   * An exogenous variable by name.
   *
   * @param name - the exogenous variable
   * @returns it
   * @throws {@link UnknownNodeError} if there is no such exogenous variable
   * @since 0.1.0
   */
  exogenousVariable(name: string): ExogenousVariable {
    const u = this.#exogenousByName.get(name);
    if (!u) throw new UnknownNodeError(`scm.exogenousVariable: unknown exogenous "${name}"`, name);
    return u;
  }

  /**
   * The compiled form of a variable's expression mechanism (also when it is the base of a
   * shift mechanism).
   *
   * @param name - the variable
   * @returns the compiled expression
   * @throws {@link UnknownNodeError} if the variable does not exist or has no expression
   *   mechanism
   * @since 0.1.0
   */
  compiledExpression(name: string): CompiledExpression {
    const c = this.#expressions.get(name);
    if (!c) {
      throw new UnknownNodeError(
        `scm.compiledExpression: variable "${name}" has no expression mechanism`,
        name,
      );
    }
    return c;
  }

  /**
   * The model's specification (with defaults filled in): `createScm(m.toSpec())` rebuilds an
   * equal model.
   *
   * @returns the spec
   * @since 0.1.0
   */
  toSpec(): ScmSpec {
    return {
      variables: this.variables.map(({ name, domain, mechanism }) => ({ name, domain, mechanism })),
      exogenous: this.exogenous,
    };
  }

  /**
   * Returns a new model in which some variables' mechanisms (and, optionally, domains) are
   * replaced; the rest is shared. Used by interventions.
   *
   * @param replacements - variable name → new mechanism
   * @param extraExogenous - exogenous variables to add (e.g. the noise of a soft intervention)
   * @returns the new model
   * @throws {@link UnknownNodeError} for an unknown variable
   * @throws {@link InvalidScmError} if the result is invalid, as in {@link createScm} (the input
   *   is unchanged)
   * @throws {@link CycleError} if the new mechanisms' parents close a directed cycle
   * @since 0.1.0
   */
  withMechanisms(
    replacements: ReadonlyMap<string, Mechanism>,
    extraExogenous: readonly ExogenousVariable[] = [],
  ): Scm {
    for (const name of replacements.keys()) this.variable(name);
    const spec = this.toSpec();
    return createScm({
      variables: spec.variables.map((v) => {
        return replacements.has(v.name)
          ? { ...v, mechanism: replacements.get(v.name) as Mechanism }
          : v;
      }),
      exogenous: [...(spec.exogenous ?? []), ...extraExogenous],
    });
  }
}

/**
 * Builds and validates a structural causal model.
 *
 * Defaults: a CPT or logistic mechanism without `noise` gets an exogenous `U_<name>` ~
 * uniform(0, 1); a linear mechanism gets `U_<name>` ~ normal(0, 1) (unless an exogenous variable
 * of that name is declared, which is then used). When an endogenous variable is itself called
 * `U_<name>`, the default is `U_<name>_2` (or `_3`, …).
 *
 * @param spec - the variables (any order) and declared exogenous variables
 * @returns the model, its variables in topological order
 * @throws {@link InvalidScmError} naming the variable, with `reason`: `"spec"` if
 *   `spec.variables` is not an array; `"name"` for a missing, empty or duplicate name
 *   (endogenous or exogenous); `"domain"` for a malformed domain or a mechanism that does not
 *   fit it (e.g. a CPT of a continuous variable, a logistic one without exactly two states, a
 *   non-discrete CPT parent); `"duplicate-state"` for a repeated state name; `"mechanism"` for an
 *   unknown or malformed mechanism (parents not an array, a parent listed twice or equal to the
 *   variable, a function without `fn`, a shift of a shift or of a constant);
 *   `"missing-parent"` for a parent that is not a variable; `"table-size"` for a CPT with the
 *   wrong number of rows or entries, or a coefficient list of the wrong length;
 *   `"cpt-row-sum"` for a CPT row not summing to 1 within 1e-6; `"parameter"` for a non-finite
 *   or out-of-range parameter, an invalid exogenous distribution, or a CPT / logistic noise
 *   that is not uniform(0, 1); `"missing-noise"` for an undeclared exogenous variable (or one
 *   named like an endogenous variable); `"expression"` for an invalid expression (see
 *   {@link compileExpression})
 * @throws {@link CycleError} if the mechanisms' parent relation is cyclic
 * @remarks O(total size of the spec): linear in the number of variables, parents and CPT
 *   entries, plus the compilation of each expression.
 * @see Pearl, J. (2009). *Causality*, 2nd ed., §7.1 (Definition 7.1.1, causal model);
 *   Kahn (1962) for the topological order (see {@link topologicalOrder}).
 * @example
 * ```ts
 * const m = createScm({
 *   variables: [
 *     { name: "rain", domain: { type: "discrete", states: ["no", "yes"] },
 *       mechanism: { type: "cpt", parents: [], table: [[0.8, 0.2]] } },
 *     { name: "wet grass", domain: { type: "discrete", states: ["no", "yes"] },
 *       mechanism: { type: "cpt", parents: ["rain"], table: [[0.9, 0.1], [0.2, 0.8]] } },
 *   ],
 * });
 * ```
 * @since 0.1.0
 */
export function createScm(spec: ScmSpec): Scm {
  if (spec === null || typeof spec !== "object" || !Array.isArray(spec.variables)) {
    throw new InvalidScmError("scm.createScm: spec.variables must be an array", "", "spec");
  }
  const specs = new Map<string, VariableSpec>();
  for (const v of spec.variables) {
    if (v === null || typeof v !== "object" || typeof v.name !== "string" || v.name === "") {
      throw new InvalidScmError(
        "scm.createScm: every variable needs a non-empty string name",
        String(v?.name),
        "name",
      );
    }
    if (specs.has(v.name)) {
      throw new InvalidScmError(`scm.createScm: duplicate variable "${v.name}"`, v.name, "name");
    }
    specs.set(v.name, v);
  }

  const exogenous = new Map<string, ExogenousVariable>();
  for (const u of spec.exogenous ?? []) {
    if (typeof u?.name !== "string" || u.name === "") {
      throw new InvalidScmError(
        "scm.createScm: every exogenous variable needs a non-empty string name",
        String(u?.name),
        "name",
      );
    }
    if (exogenous.has(u.name) || specs.has(u.name)) {
      throw new InvalidScmError(
        `scm.createScm: exogenous name "${u.name}" is used twice`,
        u.name,
        "name",
      );
    }
    exogenous.set(
      u.name,
      Object.freeze({ name: u.name, distribution: validateNoise(u.name, u.distribution) }),
    );
  }

  const built = new Map<string, EndogenousVariable>();
  const expressions = new Map<string, CompiledExpression>();
  const defaults = new Set<string>();
  // Mechanisms may name other variables' default noises (`U_A`): every default noise must exist
  // before a mechanism that names noise explicitly, or an expression, is validated.
  const rank = (v: VariableSpec): number => {
    const m = v.mechanism?.type === "shift" ? v.mechanism.base : v.mechanism;
    if (m?.type === "expression") return 2;
    const explicit =
      m?.type === "function"
        ? (m.noise ?? []).length > 0
        : "noise" in (m ?? {}) && (m as { noise?: unknown }).noise !== undefined;
    return explicit ? 1 : 0;
  };
  const validationOrder = [...specs.values()].sort((a, b) => rank(a) - rank(b));
  for (const v of validationOrder) {
    const domain = validateDomain(v.name, v.domain);
    const ctx: MechanismContext = {
      variable: v.name,
      domain,
      specs,
      exogenous,
      expressions,
      defaults,
    };
    const { mechanism, parents, noise } = validateMechanism(ctx, v.mechanism, false);
    built.set(
      v.name,
      Object.freeze({
        name: v.name,
        domain,
        mechanism,
        parents: Object.freeze(parents),
        noise: Object.freeze(noise),
      }),
    );
  }

  const graph = buildGraph(
    new Map([...specs.keys()].map((name) => [name, built.get(name) as EndogenousVariable])),
  );
  // The graph's nodes were added in spec order, so ties keep the order the user wrote.
  const order = topologicalOrder(graph).map((name) => built.get(name) as EndogenousVariable);
  return new Scm(graph, order, [...exogenous.values()], expressions);
}

interface MechanismContext {
  readonly variable: string;
  readonly domain: Domain;
  readonly specs: ReadonlyMap<string, VariableSpec>;
  readonly exogenous: Map<string, ExogenousVariable>;
  readonly expressions: Map<string, CompiledExpression>;
  /** Exogenous variables created as defaults (never shared by two variables). */
  readonly defaults: Set<string>;
}

interface ValidatedMechanism {
  readonly mechanism: Mechanism;
  readonly parents: string[];
  readonly noise: string[];
}

function validateDomain(variable: string, domain: Domain): Domain {
  const bad = (what: string, reason = "domain"): never => {
    throw new InvalidScmError(`scm.createScm: variable ${variable}: ${what}`, variable, reason);
  };
  if (domain === null || typeof domain !== "object") return bad("domain must be an object");
  if (domain.type === "continuous") return Object.freeze({ type: "continuous" });
  if (domain.type !== "discrete") {
    return bad(`unknown domain type "${(domain as { type?: unknown }).type}"`);
  }
  if (!Array.isArray(domain.states) || domain.states.length === 0) {
    return bad("a discrete domain needs at least one state");
  }
  const seen = new Set<string>();
  for (const s of domain.states) {
    if (typeof s !== "string") bad(`state names must be strings, got ${typeof s}`);
    if (seen.has(s)) bad(`duplicated state name "${s}"`, "duplicate-state");
    seen.add(s);
  }
  return Object.freeze({ type: "discrete", states: Object.freeze([...domain.states]) });
}

function validateMechanism(
  ctx: MechanismContext,
  m: Mechanism,
  isShiftBase: boolean,
): ValidatedMechanism {
  const { variable, domain } = ctx;
  const bad = (what: string, reason: string): never => {
    throw new InvalidScmError(`scm.createScm: variable ${variable}: ${what}`, variable, reason);
  };
  const finite = (label: string, v: unknown): number => {
    if (typeof v !== "number" || !Number.isFinite(v))
      bad(`${label} must be a finite number`, "parameter");
    return v as number;
  };
  if (m === null || typeof m !== "object") return bad("mechanism must be an object", "mechanism");
  switch (m.type) {
    case "cpt": {
      if (domain.type !== "discrete") return bad("a CPT needs a discrete domain", "domain");
      const parents = checkParents(ctx, m.parents, true);
      let rows = 1;
      for (const p of parents) rows *= stateCount(ctx, p);
      if (!Array.isArray(m.table) || m.table.length !== rows) {
        bad(
          `CPT has ${Array.isArray(m.table) ? m.table.length : "no"} rows, expected ${rows} (one per parent configuration)`,
          "table-size",
        );
      }
      const k = domain.states.length;
      const table = m.table.map((row, r) => {
        if (!Array.isArray(row) || row.length !== k) {
          bad(
            `CPT row ${r} has ${Array.isArray(row) ? row.length : "no"} entries, expected ${k}`,
            "table-size",
          );
        }
        let sum = 0;
        const copy = row.map((p, j) => {
          const v = finite(`CPT row ${r} entry ${j}`, p);
          if (v < 0 || v > 1) bad(`CPT row ${r} entry ${j} (${v}) is not in [0, 1]`, "parameter");
          sum += v;
          return v;
        });
        if (Math.abs(sum - 1) > PROBABILITY_SUM_TOLERANCE) {
          bad(`CPT row ${r} sums to ${sum}, not 1 (tolerance 1e-6)`, "cpt-row-sum");
        }
        return Object.freeze(copy);
      });
      const noise = uniformNoise(ctx, m.noise);
      return {
        mechanism: Object.freeze({
          type: "cpt",
          parents: Object.freeze(parents),
          table: Object.freeze(table),
          noise,
        }),
        parents,
        noise: [noise],
      };
    }
    case "linear":
    case "logistic": {
      if (m.type === "linear" && domain.type !== "continuous") {
        bad("a linear mechanism needs a continuous domain", "domain");
      }
      if (m.type === "logistic" && (domain.type !== "discrete" || domain.states.length !== 2)) {
        bad("a logistic mechanism needs a discrete domain with exactly two states", "domain");
      }
      const parents = checkParents(ctx, m.parents, false);
      if (!Array.isArray(m.coefficients) || m.coefficients.length !== parents.length) {
        bad(`needs one coefficient per parent (${parents.length})`, "table-size");
      }
      const coefficients = Object.freeze(
        m.coefficients.map((c, i) => finite(`coefficient of ${parents[i]}`, c)),
      );
      const intercept = finite("intercept", m.intercept ?? 0);
      const noise =
        m.type === "logistic"
          ? uniformNoise(ctx, m.noise)
          : defaultNoise(ctx, m.noise, { type: "normal", mean: 0, sd: 1 });
      return {
        mechanism: Object.freeze({
          type: m.type,
          parents: Object.freeze(parents),
          coefficients,
          intercept,
          noise,
        }),
        parents,
        noise: [noise],
      };
    }
    case "function": {
      if (typeof m.fn !== "function") bad("a function mechanism needs `fn`", "mechanism");
      const parents = checkParents(ctx, m.parents, false);
      const noise = [...new Set(m.noise ?? [])];
      for (const u of noise) {
        if (!ctx.exogenous.has(u)) {
          bad(`exogenous variable "${u}" is not declared`, "missing-noise");
        }
      }
      return {
        mechanism: Object.freeze({
          type: "function",
          parents: Object.freeze(parents),
          noise: Object.freeze(noise),
          fn: m.fn,
        }),
        parents,
        noise,
      };
    }
    case "expression": {
      const known = new Set<string>([...ctx.specs.keys(), ...ctx.exogenous.keys()]);
      known.delete(variable);
      const compiled = compileExpression(m.expression, variable, known);
      ctx.expressions.set(variable, compiled);
      const parents = compiled.symbols.filter((s) => ctx.specs.has(s));
      const noise = compiled.symbols.filter((s) => ctx.exogenous.has(s));
      return {
        mechanism: Object.freeze({ type: "expression", expression: m.expression }),
        parents,
        noise,
      };
    }
    case "constant": {
      const value = finite("constant value", m.value);
      if (
        domain.type === "discrete" &&
        !(Number.isInteger(value) && value >= 0 && value < domain.states.length)
      ) {
        bad(`constant ${value} is not a state index of [${domain.states.join(", ")}]`, "domain");
      }
      return { mechanism: Object.freeze({ type: "constant", value }), parents: [], noise: [] };
    }
    case "shift": {
      if (isShiftBase) bad("a shift mechanism cannot shift another shift", "mechanism");
      if (domain.type !== "continuous") bad("a shift needs a continuous domain", "domain");
      const delta = finite("shift delta", m.delta);
      const base = validateMechanism(ctx, m.base, true);
      if (base.mechanism.type === "constant")
        bad("a shift of a constant is a constant", "mechanism");
      return {
        mechanism: Object.freeze({ type: "shift", base: base.mechanism, delta }),
        parents: base.parents,
        noise: base.noise,
      };
    }
    default:
      return bad(`unknown mechanism type "${(m as { type?: unknown }).type}"`, "mechanism");
  }
}

function checkParents(ctx: MechanismContext, parents: unknown, mustBeDiscrete: boolean): string[] {
  const { variable } = ctx;
  if (!Array.isArray(parents)) {
    throw new InvalidScmError(
      `scm.createScm: variable ${variable}: parents must be an array`,
      variable,
      "mechanism",
    );
  }
  const seen = new Set<string>();
  for (const p of parents) {
    if (typeof p !== "string" || !ctx.specs.has(p)) {
      throw new InvalidScmError(
        `scm.createScm: variable ${variable}: parent "${String(p)}" is not a variable of the model`,
        variable,
        "missing-parent",
      );
    }
    if (p === variable || seen.has(p)) {
      throw new InvalidScmError(
        `scm.createScm: variable ${variable}: parent "${p}" is ${p === variable ? "the variable itself" : "listed twice"}`,
        variable,
        "mechanism",
      );
    }
    if (mustBeDiscrete && ctx.specs.get(p)?.domain?.type !== "discrete") {
      throw new InvalidScmError(
        `scm.createScm: variable ${variable}: CPT parent "${p}" is not discrete`,
        variable,
        "domain",
      );
    }
    seen.add(p);
  }
  return [...parents] as string[];
}

function stateCount(ctx: MechanismContext, variable: string): number {
  const d = ctx.specs.get(variable)?.domain;
  return d?.type === "discrete" && Array.isArray(d.states) ? d.states.length : 0;
}

/** The named (or default `U_<variable>`) exogenous variable, created with `fallback` if absent. */
function defaultNoise(
  ctx: MechanismContext,
  name: string | undefined,
  fallback: NoiseDistribution,
): string {
  if (name === undefined) {
    // `U_<variable>`, or a fresh `U_<variable>_2`, `_3`, … when an endogenous variable or another
    // variable's default noise has that name (sharing it would silently confound the two).
    let noise = `U_${ctx.variable}`;
    for (let k = 2; ctx.specs.has(noise) || ctx.defaults.has(noise); k++) {
      noise = `U_${ctx.variable}_${k}`;
    }
    if (!ctx.exogenous.has(noise)) {
      ctx.exogenous.set(
        noise,
        Object.freeze({ name: noise, distribution: Object.freeze(fallback) }),
      );
      ctx.defaults.add(noise);
    }
    return noise;
  }
  if (ctx.specs.has(name)) {
    throw new InvalidScmError(
      `scm.createScm: variable ${ctx.variable}: noise name "${name}" is an endogenous variable`,
      ctx.variable,
      "missing-noise",
    );
  }
  if (!ctx.exogenous.has(name)) {
    throw new InvalidScmError(
      `scm.createScm: variable ${ctx.variable}: exogenous variable "${name}" is not declared`,
      ctx.variable,
      "missing-noise",
    );
  }
  return name;
}

/** Like {@link defaultNoise}, and checks that the noise is uniform(0, 1) (inverse-CDF rule). */
function uniformNoise(ctx: MechanismContext, name: string | undefined): string {
  const noise = defaultNoise(ctx, name, { type: "uniform", min: 0, max: 1 });
  const d = ctx.exogenous.get(noise)?.distribution;
  if (d?.type !== "uniform" || d.min !== 0 || d.max !== 1) {
    throw new InvalidScmError(
      `scm.createScm: variable ${ctx.variable}: exogenous "${noise}" must be uniform(0, 1) for a CPT or logistic mechanism`,
      ctx.variable,
      "parameter",
    );
  }
  return noise;
}

function buildGraph(variables: ReadonlyMap<string, EndogenousVariable>): CausalGraph {
  const directed: [string, string][] = [];
  const users = new Map<string, string[]>();
  for (const v of variables.values()) {
    for (const p of v.parents) directed.push([p, v.name]);
    for (const u of v.noise) {
      const list = users.get(u) ?? [];
      list.push(v.name);
      users.set(u, list);
    }
  }
  const bidirected: [string, string][] = [];
  for (const list of users.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++)
        bidirected.push([list[i] as string, list[j] as string]);
    }
  }
  try {
    return CausalGraph.from({ nodes: variables.keys(), directed, bidirected });
  } catch (e) {
    if (!(e instanceof CycleError)) throw e;
    throw new CycleError(
      `scm.createScm: the mechanisms' parents form a directed cycle ${formatCycle(e.cycle)}`,
      e.cycle,
    );
  }
}
