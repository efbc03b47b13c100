import { DimensionError, InvalidArgumentError } from "../../errors.js";

// Set only inside `trustedFactor`: the operations below build consistent scopes and tables
// themselves, so their (many, small) results skip the constructor's checks and copies.
let trusted = false;

/**
 * A factor from arrays the caller guarantees consistent (distinct variables, positive
 * cardinalities, values of the product size), taken as they are. Internal to the inference
 * module; `new Factor` is the checked public constructor.
 */
export function trustedFactor(
  variables: Int32Array,
  cardinalities: Int32Array,
  values: Float64Array,
): Factor {
  trusted = true;
  try {
    return new Factor(variables, cardinalities, values);
  } finally {
    trusted = false;
  }
}

// Scratch buffers of the factor operations (not reentrant, and JavaScript is single-threaded):
// a product of small factors would otherwise spend most of its time allocating typed arrays.
let scratchF64 = new Float64Array(256);
let scratchI32 = new Int32Array(256);

function f64(size: number): Float64Array {
  if (scratchF64.length < size)
    scratchF64 = new Float64Array(Math.max(size, 2 * scratchF64.length));
  return scratchF64;
}

function i32(size: number): Int32Array {
  if (scratchI32.length < size) scratchI32 = new Int32Array(Math.max(size, 2 * scratchI32.length));
  return scratchI32;
}

/**
 * A factor (potential) over discrete variables: a non-negative table φ(X₁, …, X_k) indexed by
 * the joint states of its scope (Koller & Friedman 2009, *Probabilistic Graphical Models*,
 * §4.2.1 and Box 10.A "Efficient implementation of factor operations").
 *
 * Layout: `variables` are variable numbers (distinct non-negative integers, meaning whatever
 * the caller assigns), `cardinalities[i]` is the number of states of `variables[i]`, and
 * `values` is the table in **row-major order with the last variable varying fastest**, so the
 * stride of `variables[i]` is the product of the cardinalities after it. A conditional
 * probability table `P(X | A, B)` with scope `[A, B, X]` therefore has exactly the layout of a
 * CPT's rows (last parent fastest, one row per parent configuration) flattened.
 *
 * Factors are values: every operation returns a new factor and never changes its operands.
 * A factor with an empty scope is a scalar (one value).
 *
 * @example
 * ```ts
 * // P(A) over 2 states and P(B | A) with B over 2 states
 * const pA = new Factor([0], [2], [0.3, 0.7]);
 * const pBgivenA = new Factor([0, 1], [2, 2], [0.9, 0.1, 0.2, 0.8]);
 * const joint = pA.product(pBgivenA); // scope [0, 1]
 * joint.sumOut(0).values;             // P(B) = [0.41, 0.59]
 * ```
 * @see Koller & Friedman (2009), *Probabilistic Graphical Models*, §4.2.1 (factors, Definition
 *   4.2 factor product) and §9.3.1 (factor marginalization).
 * @since 0.1.0
 */
export class Factor {
  /** The scope: variable numbers, distinct. @since 0.1.0 */
  readonly variables: Int32Array;
  /** The number of states of each scope variable (≥ 1), aligned with `variables`. @since 0.1.0 */
  readonly cardinalities: Int32Array;
  /**
   * The table, row-major with the last variable fastest; length = product of the
   * cardinalities. Treat as read-only.
   *
   * @since 0.1.0
   */
  readonly values: Float64Array;

  /**
   * Builds a factor. Typed arrays of the storage types (`Int32Array` scope and cardinalities,
   * `Float64Array` values) are adopted, not copied: do not change them afterwards. Any other
   * array-like is copied.
   *
   * @param variables - the scope, distinct non-negative integers
   * @param cardinalities - one state count (a positive integer) per scope variable
   * @param values - the table (row-major, last variable fastest), non-negative entries
   * @throws {@link InvalidArgumentError} (argument `"variables"` or `"cardinalities"`) for a
   *   repeated or negative variable number, a non-integer one, or a cardinality that is not a
   *   positive integer
   * @throws {@link DimensionError} if `values` does not have one entry per joint state, or the
   *   scope and cardinalities differ in length
   * @remarks The entries of `values` are not checked: the constructor trusts them to be
   *   non-negative and finite.
   * @since 0.1.0
   */
  constructor(
    variables: ArrayLike<number>,
    cardinalities: ArrayLike<number>,
    values: ArrayLike<number>,
  ) {
    if (trusted) {
      this.variables = variables as Int32Array;
      this.cardinalities = cardinalities as Int32Array;
      this.values = values as Float64Array;
      return;
    }
    if (variables.length !== cardinalities.length) {
      throw new DimensionError(
        `inference.Factor: ${variables.length} variables but ${cardinalities.length} cardinalities`,
        variables.length,
        cardinalities.length,
      );
    }
    const vars = variables instanceof Int32Array ? variables : Int32Array.from(variables);
    const cards =
      cardinalities instanceof Int32Array ? cardinalities : Int32Array.from(cardinalities);
    let size = 1;
    for (let i = 0; i < vars.length; i++) {
      const v = variables[i] as number;
      const c = cardinalities[i] as number;
      if (!Number.isInteger(v) || v < 0 || v > 0x7fffffff) {
        throw new InvalidArgumentError(
          `inference.Factor: variable number ${v} is not a non-negative integer`,
          "variables",
        );
      }
      if (!Number.isInteger(c) || c < 1 || c > 0x7fffffff) {
        throw new InvalidArgumentError(
          `inference.Factor: cardinality ${c} of variable ${v} is not a positive integer`,
          "cardinalities",
        );
      }
      for (let j = 0; j < i; j++) {
        if (vars[j] === v) {
          throw new InvalidArgumentError(
            `inference.Factor: variable ${v} appears twice in the scope`,
            "variables",
          );
        }
      }
      size *= c;
    }
    if (values.length !== size) {
      throw new DimensionError(
        `inference.Factor: the table has ${values.length} entries, expected ${size} (the product of the cardinalities)`,
        size,
        values.length,
      );
    }
    this.variables = vars;
    this.cardinalities = cards;
    this.values = values instanceof Float64Array ? values : Float64Array.from(values);
  }

  /**
   * The number of table entries (product of the cardinalities; 1 for a scalar).
   *
   * @since 0.1.0
   */
  get size(): number {
    return this.values.length;
  }

  /**
   * The position of a variable in the scope.
   *
   * @param variable - a variable number
   * @returns its index in `variables`, or −1 if it is not in the scope
   * @since 0.1.0
   */
  indexOf(variable: number): number {
    return this.variables.indexOf(variable);
  }

  /**
   * The sum of all entries (for a normalised distribution, 1).
   *
   * @returns Σ values
   * @remarks O(size).
   * @since 0.1.0
   */
  sum(): number {
    let s = 0;
    const v = this.values;
    for (let i = 0; i < v.length; i++) s += v[i] as number;
    return s;
  }

  /**
   * The factor product φ·ψ over the union of the scopes (this factor's variables first, then
   * the other's new ones).
   *
   * @param other - the other factor
   * @returns the product
   * @throws {@link DimensionError} if a shared variable has different cardinalities
   * @remarks O(size of the result). See {@link factorProduct} for several factors at once.
   * @see Koller & Friedman (2009), Definition 4.2 (factor product).
   * @since 0.1.0
   */
  product(other: Factor): Factor {
    return factorProduct([this, other]);
  }

  /**
   * Marginalises (sums out) variables: Σ_{X} φ. Variables not in the scope are ignored.
   *
   * @param variables - one variable number or several
   * @returns the factor over the remaining variables, in their original order (this factor
   *   itself if none of `variables` is in the scope)
   * @remarks O(size of this factor).
   * @see Koller & Friedman (2009), §9.3.1 (factor marginalization).
   * @since 0.1.0
   */
  sumOut(variables: number | ArrayLike<number>): Factor {
    const drop = typeof variables === "number" ? [variables] : Array.from(variables);
    const keep = new Int32Array(this.variables.length);
    let k = 0;
    for (let i = 0; i < this.variables.length; i++) {
      const v = this.variables[i] as number;
      if (!drop.includes(v)) keep[k++] = i;
    }
    if (k === this.variables.length) return this;
    return project(this, keep.subarray(0, k));
  }

  /**
   * Reduces the factor to evidence (Koller & Friedman 2009, Definition 4.5, "factor
   * reduction"): fixes each given variable to a state and drops it from the scope. Variables
   * not in the scope are ignored.
   *
   * @param assignment - variable number → state index
   * @returns the reduced factor (this factor itself if nothing applies)
   * @throws {@link InvalidArgumentError} (argument: the variable number) for a state outside
   *   `0 .. cardinality − 1`
   * @remarks O(size of the result).
   * @see Koller & Friedman (2009), §4.2.3 (Definition 4.5, factor reduction).
   * @since 0.1.0
   */
  reduce(assignment: ReadonlyMap<number, number>): Factor {
    const fixed = new Int32Array(this.variables.length).fill(-1);
    let any = false;
    for (let i = 0; i < this.variables.length; i++) {
      const s = assignment.get(this.variables[i] as number);
      if (s === undefined) continue;
      const c = this.cardinalities[i] as number;
      if (!Number.isInteger(s) || s < 0 || s >= c) {
        throw new InvalidArgumentError(
          `inference.Factor.reduce: state ${s} of variable ${this.variables[i]} is not in 0..${c - 1}`,
          String(this.variables[i]),
        );
      }
      fixed[i] = s;
      any = true;
    }
    return any ? reduceByPosition(this, fixed) : this;
  }

  /**
   * The factor divided by its sum, i.e. a probability distribution over its scope.
   *
   * @returns the normalised factor
   * @throws {@link InvalidArgumentError} (argument `"factor"`) if the sum is 0 or not finite
   * @remarks O(size).
   * @since 0.1.0
   */
  normalize(): Factor {
    const s = this.sum();
    if (!(s > 0) || !Number.isFinite(s)) {
      throw new InvalidArgumentError(
        `inference.Factor.normalize: the factor sums to ${s}, cannot normalise`,
        "factor",
      );
    }
    const out = new Float64Array(this.values.length);
    for (let i = 0; i < out.length; i++) out[i] = (this.values[i] as number) / s;
    return new Factor(this.variables, this.cardinalities, out);
  }

  /**
   * The same factor with its scope permuted into the given order.
   *
   * @param variables - a permutation of this factor's scope
   * @returns the permuted factor
   * @throws {@link InvalidArgumentError} (argument `"variables"`) if `variables` is not a
   *   permutation of the scope
   * @remarks O(size).
   * @since 0.1.0
   */
  permute(variables: ArrayLike<number>): Factor {
    const n = this.variables.length;
    const positions = new Int32Array(variables.length);
    const seen = new Uint8Array(n);
    for (let i = 0; i < variables.length; i++) {
      const p = this.variables.indexOf(variables[i] as number);
      if (p < 0 || seen[p] === 1) {
        throw new InvalidArgumentError(
          `inference.Factor.permute: [${Array.from(variables).join(", ")}] is not a permutation of the scope [${Array.from(this.variables).join(", ")}]`,
          "variables",
        );
      }
      seen[p] = 1;
      positions[i] = p;
    }
    if (variables.length !== n) {
      throw new InvalidArgumentError(
        `inference.Factor.permute: [${Array.from(variables).join(", ")}] is not a permutation of the scope [${Array.from(this.variables).join(", ")}]`,
        "variables",
      );
    }
    let identity = true;
    for (let i = 0; i < n; i++) if (positions[i] !== i) identity = false;
    return identity ? this : project(this, positions);
  }
}

/** Writes the strides of a factor's variables (row-major, last fastest) to `out` at `at`. */
function writeStrides(cards: Int32Array, out: Int32Array | Float64Array, at: number): void {
  let acc = 1;
  for (let i = cards.length - 1; i >= 0; i--) {
    out[at + i] = acc;
    acc *= cards[i] as number;
  }
}

/**
 * Sums the factor onto the variables at the given scope positions, in that order (a projection
 * when positions cover every variable with nonzero cardinality product, a permutation when
 * they are all positions).
 */
function project(f: Factor, positions: Int32Array): Factor {
  const d = f.variables.length;
  const P = positions.length;
  const outVars = new Int32Array(P);
  const outCards = new Int32Array(P);
  for (let i = 0; i < P; i++) {
    outVars[i] = f.variables[positions[i] as number] as number;
    outCards[i] = f.cardinalities[positions[i] as number] as number;
  }
  // Scratch: output strides [0, P), stride in the output of each input position [P, P + d)
  // (0 for summed-out variables), odometer [P + d, P + 2d).
  const buf = i32(P + 2 * d);
  buf.fill(0, 0, P + 2 * d);
  writeStrides(outCards, buf, 0);
  for (let i = 0; i < P; i++) buf[P + (positions[i] as number)] = buf[i] as number;
  let outSize = 1;
  for (let i = 0; i < P; i++) outSize *= outCards[i] as number;
  const out = new Float64Array(outSize);
  const values = f.values;
  const cards = f.cardinalities;
  const c0 = P + d;
  let j = 0;
  const size = values.length;
  for (let i = 0; i < size; i++) {
    out[j] = (out[j] as number) + (values[i] as number);
    for (let k = d - 1; k >= 0; k--) {
      const c = (buf[c0 + k] as number) + 1;
      if (c < (cards[k] as number)) {
        buf[c0 + k] = c;
        j += buf[P + k] as number;
        break;
      }
      buf[c0 + k] = 0;
      j -= (buf[P + k] as number) * ((cards[k] as number) - 1);
    }
  }
  return trustedFactor(outVars, outCards, out);
}

/**
 * Reduces a factor: `fixed[i] ≥ 0` fixes the variable at scope position i to that state,
 * −1 keeps it. States must be valid (callers check).
 *
 * @param f - the factor
 * @param fixed - per scope position: a state index or −1
 * @returns the reduced factor over the free positions, in scope order
 * @internal
 */
export function reduceByPosition(f: Factor, fixed: Int32Array): Factor {
  const d = f.variables.length;
  // Scratch: strides [0, d), input stride of each free position [d, 2d), odometer [2d, 3d).
  const buf = i32(3 * d);
  buf.fill(0, 0, 3 * d);
  writeStrides(f.cardinalities, buf, 0);
  let base = 0;
  let free = 0;
  for (let i = 0; i < d; i++) {
    const s = fixed[i] as number;
    if (s >= 0) base += s * (buf[i] as number);
    else free++;
  }
  const outVars = new Int32Array(free);
  const outCards = new Int32Array(free);
  let k = 0;
  let outSize = 1;
  for (let i = 0; i < d; i++) {
    if ((fixed[i] as number) >= 0) continue;
    outVars[k] = f.variables[i] as number;
    outCards[k] = f.cardinalities[i] as number;
    buf[d + k] = buf[i] as number;
    outSize *= f.cardinalities[i] as number;
    k++;
  }
  const out = new Float64Array(outSize);
  const values = f.values;
  const c0 = 2 * d;
  let j = base;
  for (let o = 0; o < outSize; o++) {
    out[o] = values[j] as number;
    for (let q = free - 1; q >= 0; q--) {
      const c = (buf[c0 + q] as number) + 1;
      if (c < (outCards[q] as number)) {
        buf[c0 + q] = c;
        j += buf[d + q] as number;
        break;
      }
      buf[c0 + q] = 0;
      j -= (buf[d + q] as number) * ((outCards[q] as number) - 1);
    }
  }
  return trustedFactor(outVars, outCards, out);
}

/**
 * The product of several factors, optionally summing one variable out on the fly:
 * `Σ_v Π_i φ_i` (or `Π_i φ_i` when `sumOutVariable` is omitted). Fusing the product with the
 * sum is the elimination step of variable elimination (Koller & Friedman 2009, Algorithm 9.1
 * "Sum-Product-Eliminate-Var"): the product over the full scope is never stored.
 *
 * The result's scope is the union of the operands' scopes in order of first appearance,
 * without `sumOutVariable`.
 *
 * @param factors - the factors (at least one)
 * @param sumOutVariable - a variable to sum out of the product; it need not appear in any
 *   factor (then nothing is summed)
 * @returns the product (or the summed product)
 * @throws {@link InvalidArgumentError} (argument `"factors"`) for an empty list
 * @throws {@link DimensionError} if a variable has different cardinalities in two factors
 * @remarks O(F · Π cardinalities of the union scope) time for F factors and O(size of the
 *   result) memory, with an odometer over the union scope and one running index per factor
 *   (Koller & Friedman 2009, Algorithm 10.A.1).
 * @see Koller & Friedman (2009), *Probabilistic Graphical Models*, Algorithm 9.1
 *   (Sum-Product-Eliminate-Var) and Box 10.A (efficient factor product).
 * @example
 * ```ts
 * const pA = new Factor([0], [2], [0.3, 0.7]);
 * const pBgivenA = new Factor([0, 1], [2, 2], [0.9, 0.1, 0.2, 0.8]);
 * factorProduct([pA, pBgivenA], 0).values; // P(B) = [0.41, 0.59]
 * ```
 * @since 0.1.0
 */
export function factorProduct(factors: readonly Factor[], sumOutVariable?: number): Factor {
  const F = factors.length;
  if (F === 0) {
    throw new InvalidArgumentError("inference.factorProduct: no factors to multiply", "factors");
  }
  // union scope, first appearance order; the summed variable goes last (fastest)
  const scope: number[] = [];
  const cards: number[] = [];
  let elimCard = 1;
  let elimSeen = false;
  for (const f of factors) {
    for (let i = 0; i < f.variables.length; i++) {
      const v = f.variables[i] as number;
      const c = f.cardinalities[i] as number;
      if (v === sumOutVariable) {
        if (elimSeen && c !== elimCard) cardinalityClash(v, elimCard, c);
        elimSeen = true;
        elimCard = c;
        continue;
      }
      const at = scope.indexOf(v);
      if (at < 0) {
        scope.push(v);
        cards.push(c);
      } else if (cards[at] !== c) {
        cardinalityClash(v, cards[at] as number, c);
      }
    }
  }
  const d = scope.length;
  let outSize = 1;
  for (const c of cards) outSize *= c;
  // Scratch (zeroed): stride of each output dimension in each factor, 0 when absent, at
  // [f * d + k]; the summed variable's stride in each factor at [F·d + f]; each factor's
  // running index at [F·d + F + f]. Float64 because strides of huge factors exceed 2³¹.
  const E = F * d;
  const buf = f64(E + 2 * F);
  buf.fill(0, 0, E + 2 * F);
  const tables: Float64Array[] = new Array(F);
  for (let fi = 0; fi < F; fi++) {
    const f = factors[fi] as Factor;
    tables[fi] = f.values;
    let stride = 1;
    for (let i = f.variables.length - 1; i >= 0; i--) {
      const v = f.variables[i] as number;
      if (v === sumOutVariable) buf[E + fi] = stride;
      else buf[fi * d + scope.indexOf(v)] = stride;
      stride *= f.cardinalities[i] as number;
    }
  }
  const out = new Float64Array(outSize);
  const outCards = Int32Array.from(cards);
  const counter = i32(d);
  counter.fill(0, 0, d);

  if (F === 1) {
    const t = tables[0] as Float64Array;
    const es = buf[E] as number;
    let j = 0;
    for (let o = 0; o < outSize; o++) {
      let acc = 0;
      let jj = j;
      for (let k = 0; k < elimCard; k++) {
        acc += t[jj] as number;
        jj += es;
      }
      out[o] = acc;
      for (let q = d - 1; q >= 0; q--) {
        const c = (counter[q] as number) + 1;
        if (c < (outCards[q] as number)) {
          counter[q] = c;
          j += buf[q] as number;
          break;
        }
        counter[q] = 0;
        j -= (buf[q] as number) * ((outCards[q] as number) - 1);
      }
    }
  } else if (F === 2) {
    const t0 = tables[0] as Float64Array;
    const t1 = tables[1] as Float64Array;
    const e0 = buf[E] as number;
    const e1 = buf[E + 1] as number;
    let j0 = 0;
    let j1 = 0;
    for (let o = 0; o < outSize; o++) {
      let acc = 0;
      let a = j0;
      let b = j1;
      for (let k = 0; k < elimCard; k++) {
        acc += (t0[a] as number) * (t1[b] as number);
        a += e0;
        b += e1;
      }
      out[o] = acc;
      for (let q = d - 1; q >= 0; q--) {
        const c = (counter[q] as number) + 1;
        if (c < (outCards[q] as number)) {
          counter[q] = c;
          j0 += buf[q] as number;
          j1 += buf[d + q] as number;
          break;
        }
        counter[q] = 0;
        const back = (outCards[q] as number) - 1;
        j0 -= (buf[q] as number) * back;
        j1 -= (buf[d + q] as number) * back;
      }
    }
  } else {
    const idx = E + F;
    for (let o = 0; o < outSize; o++) {
      let acc = 0;
      for (let k = 0; k < elimCard; k++) {
        let p = 1;
        for (let fi = 0; fi < F; fi++) {
          p *= (tables[fi] as Float64Array)[
            (buf[idx + fi] as number) + k * (buf[E + fi] as number)
          ] as number;
        }
        acc += p;
      }
      out[o] = acc;
      for (let q = d - 1; q >= 0; q--) {
        const c = (counter[q] as number) + 1;
        if (c < (outCards[q] as number)) {
          counter[q] = c;
          for (let fi = 0; fi < F; fi++) {
            buf[idx + fi] = (buf[idx + fi] as number) + (buf[fi * d + q] as number);
          }
          break;
        }
        counter[q] = 0;
        const back = (outCards[q] as number) - 1;
        for (let fi = 0; fi < F; fi++) {
          buf[idx + fi] = (buf[idx + fi] as number) - (buf[fi * d + q] as number) * back;
        }
      }
    }
  }
  return trustedFactor(Int32Array.from(scope), outCards, out);
}

function cardinalityClash(v: number, a: number, b: number): never {
  throw new DimensionError(
    `inference.factorProduct: variable ${v} has ${a} states in one factor and ${b} in another`,
    a,
    b,
  );
}
