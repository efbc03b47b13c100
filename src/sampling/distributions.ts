import { validateNoise } from "../scm/noise.js";
import type { NoiseDistribution } from "../scm/types.js";
import { writeCumulative } from "./_internal/cumulative.js";
import { checkRange, type Rng, Xoshiro128 } from "./rng.js";

const TWO_POW_26 = 67108864;
const TWO_POW_29 = 536870912;
const TWO_POW_52 = 4503599627370496;
const TWO_POW_53 = 9007199254740992;

// ---------------------------------------------------------------------------------------------
// Ziggurat tables for the standard normal, 256 layers (Marsaglia & Tsang 2000, §4 and the
// table-building code of their RNOR, adapted from 128 to 256 layers and from a 31-bit to a
// 52-bit magnitude). Layer 0 is the base strip (with the tail beyond R); layers 1..255 are the
// rectangles. A draw takes two 32-bit outputs: the low 8 bits of the first choose the layer,
// bit 8 the sign, and the remaining 23 + 29 bits form a 52-bit magnitude, so layer, sign and
// magnitude come from disjoint bits (the correlation Doornik 2005 found in the original, which
// reused the layer bits in the magnitude, does not arise).

/** Right edge of the outermost rectangle, R (for 256 layers). */
const ZIG_R = 3.6541528853610088;
/** Common area of every layer, V (for 256 layers). */
const ZIG_V = 4.92867323399e-3;
/** `ZIG_K[i]`: accept at once when magnitude < ZIG_K[i] (x is then inside the layer below). */
const ZIG_K = new Float64Array(256);
/** `ZIG_W[i]`: magnitude → x scale of layer i. */
const ZIG_W = new Float64Array(256);
/** `ZIG_F[i]` = f(x_i) = exp(−x_i²/2), the density (unnormalised) at layer i's right edge. */
const ZIG_F = new Float64Array(256);
{
  let dn = ZIG_R;
  let tn = dn;
  const q = ZIG_V / Math.exp(-0.5 * dn * dn);
  ZIG_K[0] = (dn / q) * TWO_POW_52;
  ZIG_K[1] = 0;
  ZIG_W[0] = q / TWO_POW_52;
  ZIG_W[255] = dn / TWO_POW_52;
  ZIG_F[0] = 1;
  ZIG_F[255] = Math.exp(-0.5 * dn * dn);
  for (let i = 254; i >= 1; i--) {
    dn = Math.sqrt(-2 * Math.log(ZIG_V / dn + Math.exp(-0.5 * dn * dn)));
    ZIG_K[i + 1] = (dn / tn) * TWO_POW_52;
    tn = dn;
    ZIG_F[i] = Math.exp(-0.5 * dn * dn);
    ZIG_W[i] = dn / TWO_POW_52;
  }
}

/** A uniform double in the open interval (0, 1): (k + 1/2)·2⁻⁵³ for a 53-bit k. */
function openUniform(rng: Rng): number {
  const a = rng.nextUint32() >>> 5;
  const b = rng.nextUint32() >>> 6;
  return (a * TWO_POW_26 + b + 0.5) / TWO_POW_53;
}

/** The ziggurat's slow path: wedge test or tail, given the first rejected draw. */
function normalSlow(rng: Rng, layer: number, negative: boolean, x: number): number {
  let i = layer;
  let neg = negative;
  let v = x;
  for (;;) {
    if (i === 0) {
      // Tail beyond R (Marsaglia 1964): x = −ln(u₁)/R, y = −ln(u₂), accept if 2y > x².
      let t: number;
      let y: number;
      do {
        t = -Math.log(openUniform(rng)) / ZIG_R;
        y = -Math.log(openUniform(rng));
      } while (y + y < t * t);
      return neg ? -(ZIG_R + t) : ZIG_R + t;
    }
    const f0 = ZIG_F[i] as number;
    const u = rng.next();
    if (f0 + u * ((ZIG_F[i - 1] as number) - f0) < Math.exp(-0.5 * v * v)) return neg ? -v : v;
    // Rejected: draw afresh.
    const lo = rng.nextUint32();
    const hi = rng.nextUint32();
    i = lo & 255;
    neg = (lo & 256) !== 0;
    const mag = (lo >>> 9) * TWO_POW_29 + (hi >>> 3);
    v = mag * (ZIG_W[i] as number);
    if (mag < (ZIG_K[i] as number)) return neg ? -v : v;
  }
}

/**
 * Fills `out[start..end)` with standard normal draws (ziggurat, 256 layers).
 *
 * @internal
 */
export function fillStandardNormal(rng: Rng, out: Float64Array, start: number, end: number): void {
  if (rng instanceof Xoshiro128) {
    fillStandardNormalXoshiro(rng, out, start, end);
    return;
  }
  for (let j = start; j < end; j++) {
    const lo = rng.nextUint32();
    const hi = rng.nextUint32();
    const i = lo & 255;
    const mag = (lo >>> 9) * TWO_POW_29 + (hi >>> 3);
    const x = mag * (ZIG_W[i] as number);
    if (mag < (ZIG_K[i] as number)) {
      out[j] = (lo & 256) === 0 ? x : -x;
    } else {
      out[j] = normalSlow(rng, i, (lo & 256) !== 0, x);
    }
  }
}

/**
 * {@link fillStandardNormal} with the generator's state held in locals on the fast path (the
 * same draws, as the slow path continues from the written-back state).
 */
function fillStandardNormalXoshiro(
  rng: Xoshiro128,
  out: Float64Array,
  start: number,
  end: number,
): void {
  let s0 = rng.s0;
  let s1 = rng.s1;
  let s2 = rng.s2;
  let s3 = rng.s3;
  for (let j = start; j < end; j++) {
    let m = Math.imul(s1, 5);
    const lo = Math.imul((m << 7) | (m >>> 25), 9);
    let t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    m = Math.imul(s1, 5);
    const hi = Math.imul((m << 7) | (m >>> 25), 9);
    t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    const i = lo & 255;
    const mag = (lo >>> 9) * TWO_POW_29 + (hi >>> 3);
    const x = mag * (ZIG_W[i] as number);
    if (mag < (ZIG_K[i] as number)) {
      // Branch-free sign (bit 8 set: negative); a 50/50 branch would mispredict half the time.
      out[j] = x * (1 - ((lo >>> 7) & 2));
    } else {
      rng.s0 = s0;
      rng.s1 = s1;
      rng.s2 = s2;
      rng.s3 = s3;
      out[j] = normalSlow(rng, i, (lo & 256) !== 0, x);
      s0 = rng.s0;
      s1 = rng.s1;
      s2 = rng.s2;
      s3 = rng.s3;
    }
  }
  rng.s0 = s0;
  rng.s1 = s1;
  rng.s2 = s2;
  rng.s3 = s3;
}

/** The largest double below `x` (x finite, not the most negative double). */
function nextDown(x: number): number {
  if (x === 0) return -Number.MIN_VALUE;
  const f = new Float64Array([x]);
  const bits = new BigInt64Array(f.buffer);
  bits[0] = (bits[0] as bigint) + (x > 0 ? -1n : 1n);
  return f[0] as number;
}

/**
 * Student-t draw by Bailey's polar method: with U, V uniform on (−1, 1) and W = U² + V² ≤ 1
 * (W > 0), T = U·sqrt(ν(W^(−2/ν) − 1)/W) has the t distribution with ν degrees of freedom.
 * The astronomically rare non-finite result (only for tiny ν) is redrawn.
 */
function studentTDraw(rng: Rng, df: number): number {
  const e = -2 / df;
  for (;;) {
    const u = 2 * rng.next() - 1;
    const v = 2 * rng.next() - 1;
    const w = u * u + v * v;
    if (w > 1 || w === 0) continue;
    const t = u * Math.sqrt((df * Math.expm1(e * Math.log(w))) / w);
    if (Number.isFinite(t)) return t;
  }
}

/**
 * A noise distribution compiled for bulk filling (parameters unpacked, categorical thresholds
 * precomputed). Trusts its (validated) input.
 *
 * @internal
 */
export class NoiseFiller {
  readonly #dist: NoiseDistribution;
  readonly #thresholds: Float64Array;

  /** @param dist - a validated distribution */
  constructor(dist: NoiseDistribution) {
    this.#dist = dist;
    if (dist.type === "categorical") {
      this.#thresholds = new Float64Array(dist.probs.length);
      writeCumulative(dist.probs, this.#thresholds, 0);
    } else {
      this.#thresholds = new Float64Array(0);
    }
  }

  /**
   * Fills `out[start..end)` with draws, consuming `rng` sequentially.
   *
   * @param rng - the stream
   * @param out - destination
   * @param start - first index
   * @param end - one past the last index
   */
  fill(rng: Rng, out: Float64Array, start: number, end: number): void {
    const d = this.#dist;
    switch (d.type) {
      case "normal": {
        fillStandardNormal(rng, out, start, end);
        const { mean, sd } = d;
        if (mean !== 0 || sd !== 1) {
          for (let i = start; i < end; i++) out[i] = mean + sd * (out[i] as number);
        }
        return;
      }
      case "uniform": {
        rng.fill(out, start, end);
        const { min, max } = d;
        if (min !== 0 || max !== 1) {
          const width = max - min;
          const top = nextDown(max);
          for (let i = start; i < end; i++) {
            const x = min + width * (out[i] as number);
            out[i] = x < max ? x : top;
          }
        }
        return;
      }
      case "bernoulli": {
        rng.fill(out, start, end);
        const p = d.p;
        for (let i = start; i < end; i++) out[i] = (out[i] as number) < p ? 1 : 0;
        return;
      }
      case "categorical": {
        rng.fill(out, start, end);
        const c = this.#thresholds;
        for (let i = start; i < end; i++) {
          const u = out[i] as number;
          let k = 0;
          while (u >= (c[k] as number)) k++;
          out[i] = k;
        }
        return;
      }
      case "exponential": {
        // Inverse CDF: −ln(u)/λ with u uniform on (0, 1).
        const scale = 1 / d.rate;
        for (let i = start; i < end; i++) out[i] = -Math.log(openUniform(rng)) * scale;
        return;
      }
      case "laplace": {
        // Inverse CDF with u uniform on (0, 1): μ + b·ln(2u) if u < 1/2, else μ − b·ln(2(1 − u)).
        const { location, scale } = d;
        for (let i = start; i < end; i++) {
          const u = openUniform(rng);
          out[i] =
            u < 0.5 ? location + scale * Math.log(2 * u) : location - scale * Math.log(2 - 2 * u);
        }
        return;
      }
      case "studentT": {
        const { df, location, scale } = d;
        for (let i = start; i < end; i++) out[i] = location + scale * studentTDraw(rng, df);
        return;
      }
    }
  }
}

/**
 * Fills `out[start..end)` with independent draws from a noise distribution, consuming `rng`
 * sequentially: filling a range in several calls gives exactly the values of one call.
 *
 * Methods:
 * - normal: 256-layer ziggurat (Marsaglia & Tsang 2000), two 32-bit outputs per accepted draw
 *   (layer, sign and a 52-bit magnitude from disjoint bits); tail by Marsaglia's (1964) method;
 * - uniform: `min + (max − min)·u` with u from {@link Rng.fill} (kept below `max`);
 * - bernoulli: `u < p ? 1 : 0`; categorical: inverse CDF (first k with u < c_k, the cumulative
 *   of the last positive category taken as exactly 1);
 * - exponential: inverse CDF `−ln(u)/rate`; laplace: inverse CDF; both with u on the open
 *   interval (0, 1), so results are always finite;
 * - studentT: Bailey's (1994) polar method, `location + scale·T`.
 *
 * Determinism: the same generator state gives the same values on every platform running the
 * same JavaScript engine (V8's `Math.exp`/`Math.log` are platform-independent ports of fdlibm).
 *
 * @param dist - the distribution (validated first)
 * @param rng - the generator to consume
 * @param out - destination array
 * @param start - first index @defaultValue 0
 * @param end - one past the last index @defaultValue out.length
 * @throws {@link InvalidScmError} (reason `"parameter"`) if `dist` is invalid
 * @throws {@link InvalidArgumentError} if the range is not within `out`
 * @see Marsaglia, G. & Tsang, W. W. (2000). The ziggurat method for generating random
 *   variables. Journal of Statistical Software 5(8).
 * @see Bailey, R. W. (1994). Polar generation of random variates with the t-distribution.
 *   Mathematics of Computation 62(206), 779–781.
 * @remarks O(end − start) expected time; O(k) setup for a categorical with k categories.
 * @example
 * ```ts
 * const out = new Float64Array(1000);
 * fillNoise({ type: "normal", mean: 0, sd: 1 }, deriveRng(42, "U_X"), out);
 * ```
 * @since 0.1.0
 */
export function fillNoise(
  dist: NoiseDistribution,
  rng: Rng,
  out: Float64Array,
  start = 0,
  end: number = out.length,
): void {
  const checked = validateNoise("(fillNoise)", dist);
  checkRange("sampling.fillNoise", out.length, start, end);
  new NoiseFiller(checked).fill(rng, out, start, end);
}
