// Compelled and reversible edges of a DAG (Chickering 1995). Internal to `causalkit/graph`;
// not exported from the package.
import type { CompactIndex } from "../causal-graph.js";

const UNKNOWN = 0;
const COMPELLED = 1;
const REVERSIBLE = 2;

/**
 * Labels every edge of a DAG as compelled (1: oriented the same way in every Markov-equivalent
 * DAG) or reversible (2), by Find-Compelled of Chickering (1995), "A transformational
 * characterization of equivalent Bayesian network structures", UAI 11, §4 (with Order-Edges).
 * The result is indexed like `ix.parents`: entry e labels `ix.parents[e] -> y` for the y with
 * `parentOffsets[y] <= e < parentOffsets[y + 1]`. `order` lists the node numbers in a
 * topological order.
 *
 * Order-Edges sorts the edges by their head in topological order, and the edges into one head
 * by decreasing position of the tail. Find-Compelled visits the edges in that order; the
 * lowest unlabelled edge x -> y is handled as follows (every label it sets is on an edge
 * into y, so visiting heads in topological order is the same as always taking the lowest
 * unlabelled edge):
 * 1. for each compelled w -> x: if w is not a parent of y, label every edge into y compelled
 *    and stop; else label w -> y compelled;
 * 2. if some z -> y has z ≠ x and z not a parent of x, label x -> y and the unlabelled edges
 *    into y compelled, else reversible.
 * O(n + Σ_y Σ_{x ∈ pa(y)} |pa(x)|) expected time.
 *
 * @internal
 */
export function labelCompelledEdges(ix: CompactIndex, order: Int32Array): Uint8Array {
  const n = ix.names.length;
  const { parentOffsets, parents } = ix;
  const label = new Uint8Array(parents.length);
  // Edge number of a -> b, by key a * n + b.
  const edgeOf = new Map<number, number>();
  for (let y = 0; y < n; y++) {
    const end = parentOffsets[y + 1] as number;
    for (let e = parentOffsets[y] as number; e < end; e++) {
      edgeOf.set((parents[e] as number) * n + y, e);
    }
  }
  const position = new Int32Array(n);
  for (let i = 0; i < n; i++) position[order[i] as number] = i;
  const labelInto = (y: number, value: number, onlyUnknown: boolean): void => {
    const end = parentOffsets[y + 1] as number;
    for (let e = parentOffsets[y] as number; e < end; e++) {
      if (!onlyUnknown || label[e] === UNKNOWN) label[e] = value;
    }
  };

  for (let i = 0; i < n; i++) {
    const y = order[i] as number;
    const start = parentOffsets[y] as number;
    const end = parentOffsets[y + 1] as number;
    const incoming = Array.from(parents.subarray(start, end)).sort(
      (a, b) => (position[b] as number) - (position[a] as number),
    );
    for (const x of incoming) {
      const e = edgeOf.get(x * n + y) as number;
      if (label[e] !== UNKNOWN) continue;
      let finished = false;
      const endX = parentOffsets[x + 1] as number;
      for (let f = parentOffsets[x] as number; f < endX; f++) {
        if (label[f] !== COMPELLED) continue;
        const w = parents[f] as number;
        const wy = edgeOf.get(w * n + y);
        if (wy === undefined) {
          labelInto(y, COMPELLED, false);
          finished = true;
          break;
        }
        label[wy] = COMPELLED;
      }
      if (finished) continue;
      let compelled = false;
      for (let f = start; f < end; f++) {
        const z = parents[f] as number;
        if (z !== x && !edgeOf.has(z * n + x)) {
          compelled = true;
          break;
        }
      }
      label[e] = compelled ? COMPELLED : REVERSIBLE;
      labelInto(y, compelled ? COMPELLED : REVERSIBLE, true);
    }
  }
  return label;
}

/** Label of a compelled edge in the result of {@link labelCompelledEdges}. @internal */
export const EDGE_COMPELLED: number = COMPELLED;
