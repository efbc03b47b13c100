// The exact query engine on a compiled network: truncated factorisation for the interventions,
// evidence reduction, relevance pruning (barren nodes, then the connected components of the
// reduced factor graph) and variable elimination on what is left.
import { FactorTooLargeError, InvalidArgumentError } from "../../../errors.js";
import { type Factor, reduceByPosition } from "../factor.js";
import { variableElimination } from "../variable-elimination.js";
import type { CompiledNetwork } from "./compile-network.js";

/** One query on a compiled network, in node numbers and state indices. */
export interface DiscreteQuery {
  /** Target nodes (endogenous, distinct), in result order. */
  readonly targets: readonly number[];
  /** do(): node → state. */
  readonly interventions: ReadonlyMap<number, number>;
  /** Evidence: node → state; no node is also intervened on. */
  readonly evidence: ReadonlyMap<number, number>;
  /** Limit on the cells of any table built. */
  readonly maxFactorSize: number;
  /** `module.function` for error messages. */
  readonly where: string;
}

/**
 * The normalised joint distribution of the targets, P(targets | do(interventions), evidence),
 * row-major with the last target fastest.
 *
 * Steps:
 * 1. Truncated factorisation (Pearl 2009, eq. 3.10): intervened nodes lose their factor and
 *    are clamped to their value.
 * 2. Barren-node removal (Shachter 1986; Baker & Boult 1990): only the ancestors of the targets
 *    and the evidence in the mutilated graph carry factors that matter; every other factor sums
 *    to 1 and is dropped.
 * 3. Evidence and intervened values reduce the remaining factors (Koller & Friedman 2009,
 *    Definition 4.5), which cuts every edge out of an observed or intervened node.
 * 4. The reduced factors split into connected components over the free variables. A component
 *    without a target only contributes a constant (the probability of its part of the evidence):
 *    it is d-separated from the targets by the evidence (Geiger, Verma & Pearl 1990) and is not
 *    needed for the distribution, only to check that the evidence has positive probability,
 *    which is skipped when all its factors are strictly positive.
 * 5. Variable elimination on the target components.
 */
export function infer(net: CompiledNetwork, q: DiscreteQuery): Float64Array {
  const n = net.size;
  const fixed = new Int32Array(n).fill(-1);
  const isDo = new Uint8Array(n);
  for (const [x, s] of q.interventions) {
    fixed[x] = s;
    isDo[x] = 1;
  }
  for (const [e, s] of q.evidence) fixed[e] = s;
  const zero = (): never => {
    throw new InvalidArgumentError(
      `${q.where}: the evidence (given) has probability 0${q.interventions.size > 0 ? " in the intervened model" : ""}, so the conditional distribution is undefined`,
      "given",
    );
  };

  // 2. Ancestors of targets ∪ evidence in the mutilated graph (no edges into intervened nodes).
  const mark = new Uint8Array(n);
  const stack = new Int32Array(n);
  let top = 0;
  const seed = (v: number): void => {
    if (mark[v] === 0) {
      mark[v] = 1;
      stack[top++] = v;
    }
  };
  for (const t of q.targets) seed(t);
  for (const e of q.evidence.keys()) seed(e);
  const relevant: number[] = [];
  while (top > 0) {
    const v = stack[--top] as number;
    if (isDo[v] === 1) continue;
    relevant.push(v);
    const end = net.parentOffsets[v + 1] as number;
    for (let i = net.parentOffsets[v] as number; i < end; i++) seed(net.parents[i] as number);
  }

  // 3. Reduce, 4. union the free variables of each factor.
  const uf = new Int32Array(n);
  for (let i = 0; i < n; i++) uf[i] = i;
  const find = (x: number): number => {
    let r = x;
    while (uf[r] !== r) r = uf[r] as number;
    while (uf[x] !== r) {
      const next = uf[x] as number;
      uf[x] = r;
      x = next;
    }
    return r;
  };
  const reduced: Factor[] = [];
  const positive: boolean[] = [];
  for (const v of relevant) {
    let f = net.factors[v] as Factor;
    const d = f.variables.length;
    let anyFixed = false;
    for (let i = 0; i < d; i++)
      if ((fixed[f.variables[i] as number] as number) >= 0) anyFixed = true;
    if (anyFixed) {
      const at = new Int32Array(d);
      for (let i = 0; i < d; i++) at[i] = fixed[f.variables[i] as number] as number;
      f = reduceByPosition(f, at);
    }
    if (f.variables.length === 0) {
      if ((f.values[0] as number) === 0) zero();
      continue; // a positive constant: cancels in the normalisation
    }
    const r0 = find(f.variables[0] as number);
    for (let i = 1; i < f.variables.length; i++) {
      const r = find(f.variables[i] as number);
      if (r !== r0) uf[r] = r0;
    }
    reduced.push(f);
    positive.push(net.positive[v] === 1);
  }

  const freeTargets = q.targets.filter((t) => (fixed[t] as number) < 0);
  const targetRoots = new Set(freeTargets.map(find));
  const targetFactors: Factor[] = [];
  const others = new Map<number, { factors: Factor[]; positive: boolean }>();
  reduced.forEach((f, i) => {
    const root = find(f.variables[0] as number);
    if (targetRoots.has(root)) {
      targetFactors.push(f);
      return;
    }
    const group = others.get(root);
    if (group) {
      group.factors.push(f);
      group.positive &&= positive[i] as boolean;
    } else {
      others.set(root, { factors: [f], positive: positive[i] as boolean });
    }
  });
  const options = { maxFactorSize: q.maxFactorSize, rescale: true, caller: q.where } as const;
  for (const group of others.values()) {
    if (group.positive) continue;
    const z = variableElimination(group.factors, [], options);
    if ((z.values[0] as number) === 0) zero();
  }

  let joint: Float64Array;
  if (freeTargets.length > 0) {
    joint = variableElimination(targetFactors, freeTargets, options).values;
    let z = 0;
    for (let i = 0; i < joint.length; i++) z += joint[i] as number;
    if (!(z > 0)) zero();
    const normalised = new Float64Array(joint.length);
    for (let i = 0; i < joint.length; i++) normalised[i] = (joint[i] as number) / z;
    joint = normalised;
  } else {
    joint = new Float64Array([1]);
  }
  if (freeTargets.length === q.targets.length) return joint;

  // Expand to every target: fixed targets are point masses.
  const T = q.targets.length;
  const strides = new Float64Array(T);
  let size = 1;
  for (let i = T - 1; i >= 0; i--) {
    strides[i] = size;
    size *= net.cards[q.targets[i] as number] as number;
  }
  if (size > q.maxFactorSize) {
    throw new FactorTooLargeError(
      `${q.where}: the joint distribution of the targets has ${size} cells, more than maxFactorSize = ${q.maxFactorSize}`,
      size,
      q.maxFactorSize,
    );
  }
  let base = 0;
  const freeStrides: number[] = [];
  const freeCards: number[] = [];
  q.targets.forEach((t, i) => {
    const s = fixed[t] as number;
    if (s >= 0) base += s * (strides[i] as number);
    else {
      freeStrides.push(strides[i] as number);
      freeCards.push(net.cards[t] as number);
    }
  });
  const out = new Float64Array(size);
  const F = freeCards.length;
  const counter = new Int32Array(F);
  let j = base;
  for (let o = 0; o < joint.length; o++) {
    out[j] = joint[o] as number;
    for (let k = F - 1; k >= 0; k--) {
      const c = (counter[k] as number) + 1;
      if (c < (freeCards[k] as number)) {
        counter[k] = c;
        j += freeStrides[k] as number;
        break;
      }
      counter[k] = 0;
      j -= (freeStrides[k] as number) * ((freeCards[k] as number) - 1);
    }
  }
  return out;
}
