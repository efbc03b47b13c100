import { InvalidArgumentError } from "../errors.js";
import { encodeState, toEntries } from "./_internal/states.js";
import type { StateAssignment } from "./state-assignment.js";

/**
 * The exact answer to a {@link query}: the joint distribution of the targets,
 * `P(targets | do(…), given)`.
 *
 * @since 0.1.0
 */
export interface QueryResult {
  /** The target variables, in the order the query listed them. */
  readonly targets: readonly string[];
  /** The state names of each target, aligned with `targets`. */
  readonly states: readonly (readonly string[])[];
  /**
   * The joint distribution, row-major with the **last target varying fastest**: entry
   * `Σᵢ sᵢ·strideᵢ` is the probability of target i being in state sᵢ for every i, where
   * `strideᵢ` is the product of the state counts of the targets after i. Probabilities in
   * [0, 1] summing to 1 (±1e-12). Treat as read-only.
   */
  readonly probabilities: Float64Array;
  /** The intervention the query applied: variable → state name (empty if none). */
  readonly do: ReadonlyMap<string, string>;
  /** The evidence the query conditioned on: variable → state name (empty if none). */
  readonly given: ReadonlyMap<string, string>;
  /**
   * The marginal distribution of one target.
   *
   * @param target - a target of the query
   * @returns state name → probability, every state in domain order (zero ones included)
   * @throws {@link InvalidArgumentError} (argument: the name) if `target` is not a target
   * @since 0.1.0
   */
  marginal(target: string): Map<string, number>;
  /**
   * The probability of an event on the targets: a full assignment gives one joint entry, a
   * partial one the sum over the unassigned targets.
   *
   * @param assignment - some targets → state (name or index); see {@link StateAssignment}
   * @returns the probability, in [0, 1]
   * @throws {@link InvalidArgumentError} for a variable that is not a target (argument: the
   *   name), an unknown state, or a malformed assignment
   * @since 0.1.0
   */
  probability(assignment: StateAssignment): number;
  /**
   * The expected state index of a target, `Σₖ k·P(target = k)`: the mean of a binary (0/1) or
   * ordinal-coded variable.
   *
   * @param target - a target of the query
   * @returns the expectation, in [0, states − 1]
   * @throws {@link InvalidArgumentError} (argument: the name) if `target` is not a target
   * @since 0.1.0
   */
  expectation(target: string): number;
  /**
   * Plain JSON form: {@link MarginalResultJson} for one target, {@link JointResultJson} for
   * several. `JSON.stringify(result)` calls it.
   *
   * @returns the JSON object
   * @since 0.1.0
   */
  toJSON(): QueryResultJson;
}

/**
 * JSON of a single-target {@link QueryResult}.
 *
 * @example
 * ```json
 * { "targets": ["wet grass"], "do": { "sprinkler": "on" }, "given": {},
 *   "distribution": { "dry": 0.1, "wet": 0.9 } }
 * ```
 * @since 0.1.0
 */
export interface MarginalResultJson {
  /** The one target. */
  readonly targets: string[];
  /** Intervention: variable → state name. */
  readonly do: Record<string, string>;
  /** Evidence: variable → state name. */
  readonly given: Record<string, string>;
  /** State name → probability, every state in domain order, zeros included. */
  readonly distribution: Record<string, number>;
}

/**
 * One cell of a joint distribution in {@link JointResultJson}.
 *
 * @since 0.1.0
 */
export interface JointRowJson {
  /** Target → state name, for every target. */
  readonly assignment: Record<string, string>;
  /** Its probability. */
  readonly p: number;
}

/**
 * JSON of a {@link QueryResult} with two or more targets.
 *
 * @example
 * ```json
 * { "targets": ["A", "B"], "do": {}, "given": {},
 *   "joint": [{ "assignment": { "A": "no", "B": "no" }, "p": 0.5 }, …],
 *   "marginals": { "A": { "no": 0.6, "yes": 0.4 }, "B": { … } } }
 * ```
 * @since 0.1.0
 */
export interface JointResultJson {
  /** The targets, in query order. */
  readonly targets: string[];
  /** Intervention: variable → state name. */
  readonly do: Record<string, string>;
  /** Evidence: variable → state name. */
  readonly given: Record<string, string>;
  /** Every joint state (zeros included), in row-major order with the last target fastest. */
  readonly joint: JointRowJson[];
  /** The marginal of each target: target → (state name → probability). */
  readonly marginals: Record<string, Record<string, number>>;
}

/**
 * The JSON form of a {@link QueryResult}: {@link MarginalResultJson} for one target (it has
 * `distribution`), {@link JointResultJson} for several (it has `joint` and `marginals`).
 *
 * @since 0.1.0
 */
export type QueryResultJson = MarginalResultJson | JointResultJson;

/**
 * Builds a query result (trusted input: probabilities of the right size, summing to 1).
 *
 * @param targets - target names
 * @param states - their state names
 * @param probabilities - the joint (adopted)
 * @param intervention - do(): name → state name
 * @param evidence - given: name → state name
 * @returns the result
 * @internal
 */
export function createQueryResult(
  targets: readonly string[],
  states: readonly (readonly string[])[],
  probabilities: Float64Array,
  intervention: ReadonlyMap<string, string>,
  evidence: ReadonlyMap<string, string>,
): QueryResult {
  return new DiscreteQueryResult(targets, states, probabilities, intervention, evidence);
}

class DiscreteQueryResult implements QueryResult {
  readonly targets: readonly string[];
  readonly states: readonly (readonly string[])[];
  readonly probabilities: Float64Array;
  readonly do: ReadonlyMap<string, string>;
  readonly given: ReadonlyMap<string, string>;
  readonly #strides: number[];

  constructor(
    targets: readonly string[],
    states: readonly (readonly string[])[],
    probabilities: Float64Array,
    intervention: ReadonlyMap<string, string>,
    evidence: ReadonlyMap<string, string>,
  ) {
    this.targets = Object.freeze([...targets]);
    this.states = Object.freeze(states.map((s) => Object.freeze([...s])));
    this.probabilities = probabilities;
    this.do = intervention;
    this.given = evidence;
    this.#strides = new Array<number>(targets.length);
    let acc = 1;
    for (let i = targets.length - 1; i >= 0; i--) {
      this.#strides[i] = acc;
      acc *= (states[i] as readonly string[]).length;
    }
  }

  #position(target: string, where: string): number {
    const i = this.targets.indexOf(target);
    if (i < 0) {
      throw new InvalidArgumentError(
        `inference.QueryResult.${where}: "${target}" is not a target of this query (targets: ${this.targets.join(", ")})`,
        target,
      );
    }
    return i;
  }

  #marginalArray(i: number): Float64Array {
    const k = (this.states[i] as readonly string[]).length;
    const stride = this.#strides[i] as number;
    const out = new Float64Array(k);
    const p = this.probabilities;
    for (let j = 0; j < p.length; j++) {
      const s = Math.floor(j / stride) % k;
      out[s] = (out[s] as number) + (p[j] as number);
    }
    return out;
  }

  marginal(target: string): Map<string, number> {
    const i = this.#position(target, "marginal");
    const m = this.#marginalArray(i);
    const states = this.states[i] as readonly string[];
    return new Map(states.map((s, k) => [s, m[k] as number]));
  }

  expectation(target: string): number {
    const m = this.#marginalArray(this.#position(target, "expectation"));
    let e = 0;
    for (let k = 0; k < m.length; k++) e += k * (m[k] as number);
    return e;
  }

  probability(assignment: StateAssignment): number {
    const fixed = new Int32Array(this.targets.length).fill(-1);
    for (const [name, value] of toEntries(
      assignment,
      "inference.QueryResult.probability",
      "assignment",
    )) {
      const i = this.#position(name, "probability");
      fixed[i] = encodeState(
        name,
        this.states[i] as readonly string[],
        value,
        "inference.QueryResult.probability",
      );
    }
    let total = 0;
    const p = this.probabilities;
    outer: for (let j = 0; j < p.length; j++) {
      for (let i = 0; i < fixed.length; i++) {
        const s = fixed[i] as number;
        if (s < 0) continue;
        const k = (this.states[i] as readonly string[]).length;
        if (Math.floor(j / (this.#strides[i] as number)) % k !== s) continue outer;
      }
      total += p[j] as number;
    }
    return total;
  }

  toJSON(): QueryResultJson {
    const record = <T>(entries: Iterable<readonly [string, T]>): Record<string, T> => {
      const r: Record<string, T> = Object.create(null);
      for (const [k, v] of entries) r[k] = v;
      return r;
    };
    const marginalRecord = (i: number): Record<string, number> => {
      const m = this.#marginalArray(i);
      return record((this.states[i] as readonly string[]).map((s, k) => [s, m[k] as number]));
    };
    const base = {
      targets: [...this.targets],
      do: record(this.do),
      given: record(this.given),
    };
    if (this.targets.length === 1) return { ...base, distribution: marginalRecord(0) };
    const joint: JointRowJson[] = [];
    const p = this.probabilities;
    for (let j = 0; j < p.length; j++) {
      joint.push({
        assignment: record(
          this.targets.map((t, i) => {
            const states = this.states[i] as readonly string[];
            return [
              t,
              states[Math.floor(j / (this.#strides[i] as number)) % states.length] as string,
            ];
          }),
        ),
        p: p[j] as number,
      });
    }
    return {
      ...base,
      joint,
      marginals: record(this.targets.map((t, i) => [t, marginalRecord(i)])),
    };
  }
}
