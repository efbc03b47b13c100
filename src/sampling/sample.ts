import { InvalidArgumentError } from "../errors.js";
import type { Scm } from "../scm/scm.js";
import { type Block, type ColumnArray, compileKernels, type Kernel } from "./_internal/kernels.js";
import { NoiseFiller } from "./distributions.js";
import { deriveRng, type Rng, type Seed } from "./rng.js";
import { type Column, discreteArray, Table } from "./table.js";

/**
 * Options of {@link sample}.
 *
 * @since 0.1.0
 */
export interface SampleOptions {
  /**
   * The seed. Each exogenous variable `U` draws from its own stream `deriveRng(seed, U)`.
   * @defaultValue 0
   */
  readonly seed?: Seed;
  /**
   * Also return the exogenous (noise) values, one `Float64Array` column per exogenous variable
   * of the model (including ones no mechanism reads, e.g. the noise of an intervened
   * variable), readable with {@link Table.exogenous}.
   * @defaultValue false
   */
  readonly includeNoise?: boolean;
}

/**
 * Options of {@link sampleChunks}.
 *
 * @since 0.1.0
 */
export interface SampleChunksOptions extends SampleOptions {
  /**
   * Rows per chunk (the last chunk may be shorter). The values do not depend on it.
   * @defaultValue 65536
   */
  readonly chunkSize?: number;
}

/** The default seed. */
const DEFAULT_SEED = 0;
/** The default number of rows per chunk of {@link sampleChunks}. */
const DEFAULT_CHUNK_SIZE = 65536;
/**
 * Rows generated per block inside a chunk: each exogenous variable's block of noise is drawn,
 * then every kernel runs over the block, so the noise stays in cache. The values do not depend
 * on it (every stream is consumed sequentially).
 */
const BLOCK_SIZE = 1024;

/** A compiled model: kernels in topological order, one noise stream per exogenous slot. */
class Sampler {
  readonly #model: Scm;
  readonly #kernels: Kernel[];
  readonly #fillers: NoiseFiller[];
  readonly #rngs: Rng[];
  readonly #noiseNames: string[];
  readonly #includeNoise: boolean;
  readonly #noise: Float64Array[];
  readonly #scratchIndex: Int32Array;
  readonly #scratch: Float64Array;
  #row = 0;

  constructor(model: Scm, seed: Seed, includeNoise: boolean) {
    this.#model = model;
    this.#includeNoise = includeNoise;
    const used = new Set<string>();
    for (const v of model.variables) for (const u of v.noise) used.add(u);
    const noiseSlot = new Map<string, number>();
    this.#fillers = [];
    this.#rngs = [];
    this.#noiseNames = [];
    for (const u of model.exogenous) {
      if (!includeNoise && !used.has(u.name)) continue;
      noiseSlot.set(u.name, this.#fillers.length);
      this.#fillers.push(new NoiseFiller(u.distribution));
      this.#rngs.push(deriveRng(seed, u.name));
      this.#noiseNames.push(u.name);
    }
    this.#noise = this.#fillers.map(() => new Float64Array(BLOCK_SIZE));
    this.#scratchIndex = new Int32Array(BLOCK_SIZE);
    this.#scratch = new Float64Array(BLOCK_SIZE);
    this.#kernels = compileKernels(model, noiseSlot);
  }

  /** Generates the next `m` rows (continuing every stream where the last call stopped). */
  next(m: number): Table {
    const model = this.#model;
    const columns: ColumnArray[] = model.variables.map((v) =>
      v.domain.type === "discrete" ? discreteArray(v.domain.states.length, m) : new Float64Array(m),
    );
    const exo = this.#includeNoise ? this.#noiseNames.map(() => new Float64Array(m)) : [];
    const block: Block = {
      columns,
      noise: this.#noise,
      start: 0,
      len: 0,
      firstRow: this.#row,
      scratchIndex: this.#scratchIndex,
      scratch: this.#scratch,
    };
    const kernels = this.#kernels;
    for (let start = 0; start < m; start += BLOCK_SIZE) {
      const len = Math.min(BLOCK_SIZE, m - start);
      for (let s = 0; s < this.#fillers.length; s++) {
        const buf = this.#noise[s] as Float64Array;
        (this.#fillers[s] as NoiseFiller).fill(this.#rngs[s] as Rng, buf, 0, len);
        if (this.#includeNoise) (exo[s] as Float64Array).set(buf.subarray(0, len), start);
      }
      block.start = start;
      block.len = len;
      block.firstRow = this.#row + start;
      for (let k = 0; k < kernels.length; k++) (kernels[k] as Kernel).run(block);
    }
    this.#row += m;
    const cols: Column[] = model.variables.map((v, i) =>
      v.domain.type === "discrete"
        ? {
            name: v.name,
            kind: "discrete",
            states: v.domain.states,
            values: columns[i] as Uint8Array | Int32Array,
          }
        : { name: v.name, kind: "continuous", values: columns[i] as Float64Array },
    );
    const exoMap = new Map<string, Float64Array>();
    for (let s = 0; s < exo.length; s++) {
      exoMap.set(this.#noiseNames[s] as string, exo[s] as Float64Array);
    }
    return Table.fromTrustedColumns(m, cols, exoMap);
  }
}

function checkCount(where: string, label: string, n: unknown, min: number): number {
  if (typeof n !== "number" || !Number.isSafeInteger(n) || n < min) {
    throw new InvalidArgumentError(
      `${where}: ${label} must be ${min === 0 ? "a non-negative" : "a positive"} safe integer, got ${String(n)}`,
      label,
    );
  }
  return n;
}

function readOptions(where: string, options: SampleOptions): { seed: Seed; includeNoise: boolean } {
  const seed = options.seed ?? DEFAULT_SEED;
  if (typeof seed !== "string" && typeof seed !== "number") {
    throw new InvalidArgumentError(`${where}: seed must be a string or a number`, "seed");
  }
  const includeNoise = options.includeNoise ?? false;
  if (typeof includeNoise !== "boolean") {
    throw new InvalidArgumentError(`${where}: includeNoise must be a boolean`, "includeNoise");
  }
  return { seed, includeNoise };
}

/**
 * Draws `n` independent units from a structural causal model by ancestral (forward) sampling:
 * every exogenous variable is drawn from its distribution, then the endogenous variables are
 * computed in topological order from their mechanisms (Pearl 2009, *Causality* §1.4.1; Koller &
 * Friedman 2009, §12.1.1 for forward sampling of Bayesian networks).
 *
 * Mechanisms: a CPT takes the first state k with u < c_k (c the cumulative row of the parents'
 * configuration, the last positive state's cumulative taken as exactly 1); linear is
 * `intercept + Σ coefficient·parent + noise` (summed in that order); logistic is state 1 iff
 * `u < 1/(1 + exp(−η))`; constant fills; function and expression mechanisms are called once
 * per row with reused records; shift adds `delta` to its base.
 *
 * Determinism: each exogenous variable `U` draws from its own stream `deriveRng(seed, U)`,
 * consumed sequentially, so the same model and seed give an identical table on every run and
 * platform (for the same JavaScript engine, see {@link fillNoise}), whatever the chunking
 * ({@link sampleChunks}), and adding or removing a variable does not change the values of
 * the others' noise.
 *
 * @param model - the model
 * @param n - number of rows, a non-negative safe integer
 * @param options - seed and whether to include the noise
 * @returns a columnar table with one column per endogenous variable, in model order
 * @throws {@link InvalidArgumentError} if `n` is not a non-negative safe integer, or an option
 *   has the wrong type
 * @throws {@link InvalidScmError} naming the variable and the row if a function or expression
 *   mechanism returns something other than a state index (discrete variable, reason
 *   `"mechanism-result"`) or a finite number (continuous variable, reason `"non-finite"`), or
 *   throws (reason `"mechanism-error"`, with the error as `cause`), or if a linear equation
 *   overflows (`"non-finite"`)
 * @see Pearl, J. (2009). *Causality*, 2nd ed., §1.4.1 and §7.1.
 * @remarks O(n · (Σ parents + variables)) for CPT, linear and logistic mechanisms, plus
 *   O(k) per CPT or categorical draw over k states; memory O(n · variables) for the result
 *   (one byte per discrete cell with ≤ 256 states). Kernels are compiled once per call.
 * @example
 * ```ts
 * const t = sample(model, 10_000, { seed: 42 });
 * const rain = t.column("rain");
 * ```
 * @since 0.1.0
 */
export function sample(model: Scm, n: number, options: SampleOptions = {}): Table {
  const rows = checkCount("sampling.sample", "n", n, 0);
  const { seed, includeNoise } = readOptions("sampling.sample", options);
  return new Sampler(model, seed, includeNoise).next(rows);
}

/**
 * Streams `n` rows as consecutive tables of at most `chunkSize` rows, for samples too large to
 * hold in memory. The concatenation of the chunks equals `sample(model, n, options)` exactly,
 * whatever `chunkSize`. `n = 0` yields one empty table (so writers still emit a header).
 *
 * The arguments are checked, and the model compiled, when `sampleChunks` is called; each chunk
 * is generated when the iterator reaches it.
 *
 * @param model - the model
 * @param n - total number of rows, a non-negative safe integer
 * @param options - seed, noise and chunk size
 * @returns a generator of tables, in order
 * @throws {@link InvalidArgumentError} if `n` or `chunkSize` is invalid, or an option has the
 *   wrong type
 * @throws {@link InvalidScmError} while iterating, as {@link sample}
 * @remarks Memory O(chunkSize · variables); time as {@link sample}.
 * @see Pearl, J. (2009). *Causality*, 2nd ed., §1.4.1; Koller & Friedman (2009), *Probabilistic
 *   Graphical Models*, §12.1.1 (forward sampling).
 * @example
 * ```ts
 * const out = fs.createWriteStream("data.csv");
 * await writeCsv(sampleChunks(model, 10_000_000, { seed: 1 }), out);
 * out.end();
 * ```
 * @since 0.1.0
 */
export function sampleChunks(
  model: Scm,
  n: number,
  options: SampleChunksOptions = {},
): Generator<Table, void, undefined> {
  const rows = checkCount("sampling.sampleChunks", "n", n, 0);
  const chunkSize = checkCount(
    "sampling.sampleChunks",
    "chunkSize",
    options.chunkSize ?? DEFAULT_CHUNK_SIZE,
    1,
  );
  const { seed, includeNoise } = readOptions("sampling.sampleChunks", options);
  const sampler = new Sampler(model, seed, includeNoise);
  return chunks(sampler, rows, chunkSize);
}

function* chunks(
  sampler: Sampler,
  n: number,
  chunkSize: number,
): Generator<Table, void, undefined> {
  if (n === 0) {
    yield sampler.next(0);
    return;
  }
  for (let done = 0; done < n; done += chunkSize) yield sampler.next(Math.min(chunkSize, n - done));
}
