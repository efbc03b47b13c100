// Small seeded drawing helpers on top of `Rng` (uniform integers without modulo bias, shuffles,
// subsets, Dirichlet(1) vectors). Internal to `causalkit/datasets`.
import { internalError } from "../../errors.js";
import { type Rng, seededXoshiro } from "../../sampling/rng.js";

const TWO_POW_32 = 4294967296;

/**
 * A uniform integer in [0, n) for 1 ≤ n ≤ 2³², without modulo bias (rejection sampling on
 * 32-bit outputs).
 *
 * @internal
 */
export function randomInt(rng: Rng, n: number): number {
  if (!Number.isInteger(n) || n < 1 || n > TWO_POW_32) {
    internalError(`datasets.randomInt: bad bound ${n}`);
  }
  const limit = TWO_POW_32 - (TWO_POW_32 % n);
  for (;;) {
    const u = rng.nextUint32();
    if (u < limit) return u % n;
  }
}

/**
 * A uniform double in [min, max).
 *
 * @internal
 */
export function randomUniform(rng: Rng, min: number, max: number): number {
  return min + (max - min) * rng.next();
}

/**
 * Shuffles `items` in place (Fisher–Yates / Durstenfeld) and returns it.
 *
 * @internal
 */
export function shuffleInPlace<T>(rng: Rng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomInt(rng, i + 1);
    const t = items[i] as T;
    items[i] = items[j] as T;
    items[j] = t;
  }
  return items;
}

/**
 * A uniformly random permutation of 0..n-1.
 *
 * @internal
 */
export function randomPermutation(rng: Rng, n: number): Int32Array {
  const p = new Int32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = randomInt(rng, i + 1);
    const t = p[i] as number;
    p[i] = p[j] as number;
    p[j] = t;
  }
  return p;
}

/**
 * A uniformly random k-subset of 0..n-1 (partial Fisher–Yates), in increasing order.
 *
 * @internal
 */
export function randomSubset(rng: Rng, n: number, k: number): number[] {
  const pool = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < k; i++) {
    const j = i + randomInt(rng, n - i);
    const t = pool[i] as number;
    pool[i] = pool[j] as number;
    pool[j] = t;
  }
  return pool.slice(0, k).sort((a, b) => a - b);
}

/**
 * A draw from the flat Dirichlet distribution on the (k−1)-simplex: k independent
 * exponential(1) variables divided by their sum (uniform on the simplex).
 *
 * @internal
 */
export function randomDirichlet(rng: Rng, k: number): number[] {
  const out: number[] = new Array(k);
  let sum = 0;
  for (let i = 0; i < k; i++) {
    const e = -Math.log1p(-rng.next());
    out[i] = e;
    sum += e;
  }
  if (sum === 0) return out.fill(1 / k);
  for (let i = 0; i < k; i++) out[i] = (out[i] as number) / sum;
  return out;
}

/**
 * +1 or −1 with equal probability.
 *
 * @internal
 */
export function randomSign(rng: Rng): 1 | -1 {
  return rng.nextUint32() < 2147483648 ? 1 : -1;
}

/**
 * A new generator seeded from four 32-bit draws of `parent`: cheap independent streams (a
 * string-keyed `deriveRng` hashes its key), deterministic given the parent's state.
 */
export function forkRng(parent: Rng): Rng {
  return seededXoshiro(() => parent.nextUint32());
}
