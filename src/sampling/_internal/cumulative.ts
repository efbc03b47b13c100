// Inverse-CDF thresholds shared by CPT kernels and categorical noise. Internal to
// `causalkit/sampling`; not exported from the package.

/**
 * Writes the inverse-CDF thresholds of `probs` into `out[offset .. offset + probs.length)`: the
 * running sums c_k = p_0 + … + p_k, except that the entries from the last state of positive
 * probability onward are exactly 1. The value drawn for a uniform u in [0, 1) is then the first
 * k with u < c_k, which always exists (no search guard needed) and is never a state of
 * probability 0, even when the row sums to 1 only within rounding (or within the 1e-6
 * tolerance models allow).
 *
 * @internal
 */
export function writeCumulative(probs: readonly number[], out: Float64Array, offset: number): void {
  let last = -1;
  for (let k = 0; k < probs.length; k++) if ((probs[k] ?? 0) > 0) last = k;
  let c = 0;
  for (let k = 0; k < probs.length; k++) {
    c += probs[k] ?? 0;
    out[offset + k] = k >= last ? 1 : c;
  }
}
