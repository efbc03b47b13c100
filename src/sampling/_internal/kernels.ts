// Per-mechanism sampling kernels, compiled once per sample() call and run block by block.
// Internal to `causalkit/sampling`; not exported from the package.
import { InvalidScmError, internalError } from "../../errors.js";
import type { Scm } from "../../scm/scm.js";
import type { CompiledExpression, Mechanism, ValueRecord } from "../../scm/types.js";
import { writeCumulative } from "./cumulative.js";

/** An output column of the chunk being generated. */
export type ColumnArray = Uint8Array | Int32Array | Float64Array;

/**
 * What a kernel sees while generating one block of rows: rows `[start, start + len)` of the
 * chunk's columns, and the block's noise values at `[0, len)` of each noise buffer.
 */
export interface Block {
  /** Output columns of the chunk, by variable index (model order). */
  readonly columns: readonly ColumnArray[];
  /** Noise values of the block, by exogenous slot. */
  readonly noise: readonly Float64Array[];
  /** First row of the block within the chunk. */
  start: number;
  /** Number of rows in the block. */
  len: number;
  /** Row number (within the whole sample) of the block's first row, for error messages. */
  firstRow: number;
  /** Scratch space of at least `len` integers. */
  readonly scratchIndex: Int32Array;
  /** Scratch space of at least `len` doubles. */
  readonly scratch: Float64Array;
}

/** Generates one variable's values for a block. */
export interface Kernel {
  run(block: Block): void;
}

/** Where a variable's inputs live: variable indices of its parents, slots of its noises. */
export interface KernelContext {
  readonly model: Scm;
  readonly variable: string;
  /** Index of the variable in model order (its output column). */
  readonly index: number;
  /** Number of states (0 for a continuous variable). */
  readonly stateCount: number;
  readonly variableIndex: ReadonlyMap<string, number>;
  readonly noiseSlot: ReadonlyMap<string, number>;
}

function parentIndex(ctx: KernelContext, name: string): number {
  const i = ctx.variableIndex.get(name);
  if (i === undefined || i >= ctx.index) {
    internalError(
      `sampling.sample: parent "${name}" of "${ctx.variable}" is not sampled before it`,
    );
  }
  return i;
}

function slotOf(ctx: KernelContext, name: string | undefined): number {
  const s = name === undefined ? undefined : ctx.noiseSlot.get(name);
  if (s === undefined) internalError(`sampling.sample: no noise slot for "${String(name)}"`);
  return s;
}

/**
 * CPT by inverse CDF: the row offset of each unit is accumulated parent by parent (strides
 * premultiplied by the state count, last parent fastest), then the first state k with
 * u < c_k is taken from the precomputed thresholds.
 */
class CptKernel implements Kernel {
  readonly #out: number;
  readonly #parents: Int32Array;
  readonly #strides: Int32Array;
  readonly #thresholds: Float64Array;
  readonly #noise: number;

  constructor(
    ctx: KernelContext,
    parents: readonly string[],
    table: readonly (readonly number[])[],
    noise: string | undefined,
  ) {
    const k = ctx.stateCount;
    this.#out = ctx.index;
    this.#parents = Int32Array.from(parents, (p) => parentIndex(ctx, p));
    this.#strides = new Int32Array(parents.length);
    let stride = k;
    for (let j = parents.length - 1; j >= 0; j--) {
      this.#strides[j] = stride;
      const pk = ctx.model.variable(parents[j] as string).domain;
      stride *=
        pk.type === "discrete" ? pk.states.length : internalError("CPT parent not discrete");
    }
    this.#thresholds = new Float64Array(table.length * k);
    for (let r = 0; r < table.length; r++) {
      writeCumulative(table[r] as readonly number[], this.#thresholds, r * k);
    }
    this.#noise = slotOf(ctx, noise);
  }

  run(block: Block): void {
    const { start, len } = block;
    const out = block.columns[this.#out] as Uint8Array | Int32Array;
    const u = block.noise[this.#noise] as Float64Array;
    const c = this.#thresholds;
    const np = this.#parents.length;
    if (np === 0) {
      for (let i = 0; i < len; i++) {
        const x = u[i] as number;
        let k = 0;
        while (x >= (c[k] as number)) k++;
        out[start + i] = k;
      }
      return;
    }
    const idx = block.scratchIndex;
    {
      const col = block.columns[this.#parents[0] as number] as Uint8Array | Int32Array;
      const s = this.#strides[0] as number;
      for (let i = 0; i < len; i++) idx[i] = (col[start + i] as number) * s;
    }
    for (let j = 1; j < np; j++) {
      const col = block.columns[this.#parents[j] as number] as Uint8Array | Int32Array;
      const s = this.#strides[j] as number;
      for (let i = 0; i < len; i++) idx[i] = (idx[i] as number) + (col[start + i] as number) * s;
    }
    for (let i = 0; i < len; i++) {
      const x = u[i] as number;
      let k = idx[i] as number;
      const base = k;
      while (x >= (c[k] as number)) k++;
      out[start + i] = k - base;
    }
  }
}

/** Writes intercept + Σ coefficient·parent into `acc[0..len)` (parents in mechanism order). */
function linearPredictor(
  block: Block,
  parents: Int32Array,
  coefficients: Float64Array,
  intercept: number,
  acc: Float64Array,
): void {
  const { start, len } = block;
  acc.fill(intercept, 0, len);
  for (let j = 0; j < parents.length; j++) {
    const col = block.columns[parents[j] as number] as ColumnArray;
    const a = coefficients[j] as number;
    for (let i = 0; i < len; i++) acc[i] = (acc[i] as number) + a * (col[start + i] as number);
  }
}

/** Throws if `values[from .. from + len)` holds a non-finite number. */
function checkFiniteBlock(
  ctx: { readonly variable: string },
  values: Float64Array,
  from: number,
  len: number,
  firstRow: number,
): void {
  let z = 0;
  for (let i = 0; i < len; i++) {
    const x = values[from + i] as number;
    z += x - x; // 0 for finite x, NaN otherwise
  }
  if (z === 0) return;
  for (let i = 0; i < len; i++) {
    const x = values[from + i] as number;
    if (!Number.isFinite(x)) {
      throw new InvalidScmError(
        `sampling.sample: variable ${ctx.variable} row ${firstRow + i}: the mechanism gave ${x}, not a finite number`,
        ctx.variable,
        "non-finite",
      );
    }
  }
}

/** value = intercept + Σ coefficient·parent + noise (+ delta for a shift). */
class LinearKernel implements Kernel {
  readonly #variable: string;
  readonly #out: number;
  readonly #parents: Int32Array;
  readonly #coefficients: Float64Array;
  readonly #intercept: number;
  readonly #noise: number;
  readonly #delta: number;

  constructor(
    ctx: KernelContext,
    m: {
      parents: readonly string[];
      coefficients: readonly number[];
      intercept?: number;
      noise?: string;
    },
    delta: number,
  ) {
    this.#variable = ctx.variable;
    this.#out = ctx.index;
    this.#parents = Int32Array.from(m.parents, (p) => parentIndex(ctx, p));
    this.#coefficients = Float64Array.from(m.coefficients);
    this.#intercept = m.intercept ?? 0;
    this.#noise = slotOf(ctx, m.noise);
    this.#delta = delta;
  }

  run(block: Block): void {
    const { start, len } = block;
    const out = block.columns[this.#out] as Float64Array;
    const e = block.noise[this.#noise] as Float64Array;
    const parents = this.#parents;
    const coefficients = this.#coefficients;
    const b0 = this.#intercept;
    const np = parents.length;
    // out = intercept + Σ coefficient·parent (left to right), then + noise (+ delta).
    if (np === 0) {
      for (let i = 0; i < len; i++) out[start + i] = b0;
    } else {
      const col = block.columns[parents[0] as number] as ColumnArray;
      const a = coefficients[0] as number;
      for (let i = 0; i < len; i++) out[start + i] = b0 + a * (col[start + i] as number);
      for (let j = 1; j < np; j++) {
        const col = block.columns[parents[j] as number] as ColumnArray;
        const a = coefficients[j] as number;
        for (let i = start; i < start + len; i++)
          out[i] = (out[i] as number) + a * (col[i] as number);
      }
    }
    const d = this.#delta;
    let z = 0;
    if (d === 0) {
      for (let i = 0; i < len; i++) {
        const x = (out[start + i] as number) + (e[i] as number);
        out[start + i] = x;
        z += x - x; // stays 0 unless some x is not finite
      }
    } else {
      for (let i = 0; i < len; i++) {
        const x = (out[start + i] as number) + (e[i] as number) + d;
        out[start + i] = x;
        z += x - x;
      }
    }
    if (z !== 0) checkFiniteBlock({ variable: this.#variable }, out, start, len, block.firstRow);
  }
}

/** value = 1 if u < 1/(1 + exp(−η)), else 0, with η the linear predictor. */
class LogisticKernel implements Kernel {
  readonly #out: number;
  readonly #parents: Int32Array;
  readonly #coefficients: Float64Array;
  readonly #intercept: number;
  readonly #noise: number;

  constructor(
    ctx: KernelContext,
    m: {
      parents: readonly string[];
      coefficients: readonly number[];
      intercept?: number;
      noise?: string;
    },
  ) {
    this.#out = ctx.index;
    this.#parents = Int32Array.from(m.parents, (p) => parentIndex(ctx, p));
    this.#coefficients = Float64Array.from(m.coefficients);
    this.#intercept = m.intercept ?? 0;
    this.#noise = slotOf(ctx, m.noise);
  }

  run(block: Block): void {
    const { start, len } = block;
    const out = block.columns[this.#out] as Uint8Array | Int32Array;
    const u = block.noise[this.#noise] as Float64Array;
    const eta = block.scratch;
    linearPredictor(block, this.#parents, this.#coefficients, this.#intercept, eta);
    for (let i = 0; i < len; i++) {
      const p = 1 / (1 + Math.exp(-(eta[i] as number)));
      out[start + i] = (u[i] as number) < p ? 1 : 0;
    }
  }
}

class ConstantKernel implements Kernel {
  readonly #out: number;
  readonly #value: number;

  constructor(ctx: KernelContext, value: number) {
    this.#out = ctx.index;
    this.#value = value;
  }

  run(block: Block): void {
    (block.columns[this.#out] as ColumnArray).fill(
      this.#value,
      block.start,
      block.start + block.len,
    );
  }
}

/** Checks and stores the result of a function or expression mechanism. */
function storeResult(
  ctx: { readonly variable: string; readonly stateCount: number },
  out: ColumnArray,
  at: number,
  row: number,
  r: unknown,
): void {
  if (ctx.stateCount > 0) {
    if (typeof r !== "number" || !Number.isInteger(r) || r < 0 || r >= ctx.stateCount) {
      throw new InvalidScmError(
        `sampling.sample: variable ${ctx.variable} row ${row}: the mechanism returned ${String(r)}, not a state index in [0, ${ctx.stateCount})`,
        ctx.variable,
        "mechanism-result",
      );
    }
  } else if (typeof r !== "number" || !Number.isFinite(r)) {
    throw new InvalidScmError(
      `sampling.sample: variable ${ctx.variable} row ${row}: the mechanism returned ${String(r)}, not a finite number`,
      ctx.variable,
      "non-finite",
    );
  }
  out[at] = r;
}

function callFailed(variable: string, row: number, cause: unknown): never {
  if (cause instanceof InvalidScmError) throw cause;
  throw new InvalidScmError(
    `sampling.sample: variable ${variable} row ${row}: the mechanism threw (${cause instanceof Error ? cause.message : String(cause)})`,
    variable,
    "mechanism-error",
    { cause },
  );
}

/**
 * An arbitrary function `fn(parents, noise)`: the two records are created once per variable
 * (null prototype, so any name, `__proto__` included, is an ordinary key) and refilled per row.
 */
class FunctionKernel implements Kernel {
  readonly #ctx: { readonly variable: string; readonly stateCount: number };
  readonly #out: number;
  readonly #parentNames: readonly string[];
  readonly #parents: Int32Array;
  readonly #noiseNames: readonly string[];
  readonly #noise: Int32Array;
  readonly #fn: (parents: ValueRecord, noise: ValueRecord) => number;
  readonly #delta: number;
  readonly #parentRecord: Record<string, number> = Object.create(null);
  readonly #noiseRecord: Record<string, number> = Object.create(null);

  constructor(
    ctx: KernelContext,
    m: {
      parents: readonly string[];
      noise?: readonly string[];
      fn: (p: ValueRecord, u: ValueRecord) => number;
    },
    delta: number,
  ) {
    this.#ctx = { variable: ctx.variable, stateCount: ctx.stateCount };
    this.#out = ctx.index;
    this.#parentNames = [...m.parents];
    this.#parents = Int32Array.from(m.parents, (p) => parentIndex(ctx, p));
    this.#noiseNames = [...(m.noise ?? [])];
    this.#noise = Int32Array.from(this.#noiseNames, (u) => slotOf(ctx, u));
    this.#fn = m.fn;
    this.#delta = delta;
  }

  run(block: Block): void {
    const { start, len, firstRow } = block;
    const out = block.columns[this.#out] as ColumnArray;
    const parentCols = Array.from(this.#parents, (p) => block.columns[p] as ColumnArray);
    const noiseCols = Array.from(this.#noise, (s) => block.noise[s] as Float64Array);
    const pNames = this.#parentNames;
    const uNames = this.#noiseNames;
    const pRec = this.#parentRecord;
    const uRec = this.#noiseRecord;
    const fn = this.#fn;
    const d = this.#delta;
    for (let i = 0; i < len; i++) {
      for (let j = 0; j < pNames.length; j++) {
        pRec[pNames[j] as string] = (parentCols[j] as ColumnArray)[start + i] as number;
      }
      for (let j = 0; j < uNames.length; j++) {
        uRec[uNames[j] as string] = (noiseCols[j] as Float64Array)[i] as number;
      }
      let r: number;
      try {
        r = fn(pRec, uRec);
      } catch (cause) {
        callFailed(this.#ctx.variable, firstRow + i, cause);
      }
      storeResult(this.#ctx, out, start + i, firstRow + i, d === 0 ? r : r + d);
    }
  }
}

/** A compiled mathjs expression, its scope record created once per variable. */
class ExpressionKernel implements Kernel {
  readonly #ctx: { readonly variable: string; readonly stateCount: number };
  readonly #out: number;
  readonly #compiled: CompiledExpression;
  readonly #names: readonly string[];
  /** Per symbol: variable index (≥ 0) or −1 − noise slot. */
  readonly #sources: Int32Array;
  readonly #delta: number;
  readonly #scope: Record<string, number> = Object.create(null);

  constructor(ctx: KernelContext, delta: number) {
    this.#ctx = { variable: ctx.variable, stateCount: ctx.stateCount };
    this.#out = ctx.index;
    this.#compiled = ctx.model.compiledExpression(ctx.variable);
    this.#names = [...this.#compiled.symbols];
    this.#sources = Int32Array.from(this.#names, (s) =>
      ctx.noiseSlot.has(s) && !ctx.variableIndex.has(s) ? -1 - slotOf(ctx, s) : parentIndex(ctx, s),
    );
    this.#delta = delta;
  }

  run(block: Block): void {
    const { start, len, firstRow } = block;
    const out = block.columns[this.#out] as ColumnArray;
    const names = this.#names;
    const cols = Array.from(this.#sources, (s) =>
      s >= 0 ? (block.columns[s] as ColumnArray) : (block.noise[-1 - s] as Float64Array),
    );
    const offsets = Array.from(this.#sources, (s) => (s >= 0 ? start : 0));
    const scope = this.#scope;
    const compiled = this.#compiled;
    const d = this.#delta;
    for (let i = 0; i < len; i++) {
      for (let j = 0; j < names.length; j++) {
        scope[names[j] as string] = (cols[j] as ColumnArray)[(offsets[j] as number) + i] as number;
      }
      let r: number;
      try {
        r = compiled.evaluate(scope);
      } catch (cause) {
        callFailed(this.#ctx.variable, firstRow + i, cause);
      }
      storeResult(this.#ctx, out, start + i, firstRow + i, d === 0 ? r : r + d);
    }
  }
}

/**
 * Compiles the kernel of one variable's mechanism.
 */
export function compileKernel(ctx: KernelContext, mechanism: Mechanism, delta = 0): Kernel {
  switch (mechanism.type) {
    case "cpt":
      return new CptKernel(ctx, mechanism.parents, mechanism.table, mechanism.noise);
    case "linear":
      return new LinearKernel(ctx, mechanism, delta);
    case "logistic":
      return new LogisticKernel(ctx, mechanism);
    case "constant":
      return new ConstantKernel(ctx, mechanism.value);
    case "function":
      return new FunctionKernel(ctx, mechanism, delta);
    case "expression":
      return new ExpressionKernel(ctx, delta);
    case "shift":
      if (delta !== 0) internalError(`sampling.sample: nested shift on "${ctx.variable}"`);
      return compileKernel(ctx, mechanism.base, mechanism.delta);
  }
}

/**
 * The kernels of every variable of a model, in model order; `noiseSlot` maps each exogenous
 * variable to its noise column.
 */
export function compileKernels(model: Scm, noiseSlot: ReadonlyMap<string, number>): Kernel[] {
  const variableIndex = new Map(model.variables.map((v, i) => [v.name, i]));
  return model.variables.map((v, index) =>
    compileKernel(
      {
        model,
        variable: v.name,
        index,
        stateCount: v.domain.type === "discrete" ? v.domain.states.length : 0,
        variableIndex,
        noiseSlot,
      },
      v.mechanism,
    ),
  );
}
