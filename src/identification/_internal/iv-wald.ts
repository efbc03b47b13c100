// Partial covariances for the Wald / IV ratio. Internal to `causalkit/identification`; not
// exported from the package.
import { InvalidArgumentError } from "../../errors.js";

/**
 * Reads one covariance and checks that it is a finite number.
 */
function read(cov: (a: string, b: string) => number, a: string, b: string, where: string): number {
  const value = cov(a, b);
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new InvalidArgumentError(
      `${where}: cov("${a}", "${b}") returned ${String(value)}, not a finite number`,
      "cov",
    );
  }
  return value;
}

/**
 * Solves `S u = r` in place by Gaussian elimination with partial pivoting (S is k×k, row-major).
 * Throws if S is singular.
 */
function solve(s: Float64Array, r: Float64Array, k: number, where: string): Float64Array {
  let scale = 0;
  for (let i = 0; i < s.length; i++) scale = Math.max(scale, Math.abs(s[i] as number));
  for (let col = 0; col < k; col++) {
    let pivot = col;
    for (let row = col + 1; row < k; row++) {
      if (Math.abs(s[row * k + col] as number) > Math.abs(s[pivot * k + col] as number)) {
        pivot = row;
      }
    }
    const p = s[pivot * k + col] as number;
    if (Math.abs(p) <= 1e-12 * scale || p === 0) {
      throw new InvalidArgumentError(
        `${where}: the covariance matrix of W is singular; W must not contain linearly dependent variables`,
        "W",
      );
    }
    if (pivot !== col) {
      for (let j = 0; j < k; j++) {
        const t = s[col * k + j] as number;
        s[col * k + j] = s[pivot * k + j] as number;
        s[pivot * k + j] = t;
      }
      const t = r[col] as number;
      r[col] = r[pivot] as number;
      r[pivot] = t;
    }
    for (let row = col + 1; row < k; row++) {
      const f = (s[row * k + col] as number) / p;
      if (f === 0) continue;
      for (let j = col; j < k; j++) {
        s[row * k + j] = (s[row * k + j] as number) - f * (s[col * k + j] as number);
      }
      r[row] = (r[row] as number) - f * (r[col] as number);
    }
  }
  for (let row = k - 1; row >= 0; row--) {
    let acc = r[row] as number;
    for (let j = row + 1; j < k; j++) acc -= (s[row * k + j] as number) * (r[j] as number);
    r[row] = acc / (s[row * k + row] as number);
  }
  return r;
}

/**
 * The partial covariances `Cov(a, b | W)` for the pairs asked, from a covariance function:
 * `Cov(a, b | W) = Cov(a, b) − Cov(a, W) Cov(W, W)⁻¹ Cov(W, b)` (the covariance of the residuals
 * of linear regressions on W).
 *
 * @internal
 */
export function partialCovariances(
  cov: (a: string, b: string) => number,
  pairs: readonly (readonly [string, string])[],
  W: readonly string[],
  where: string,
): number[] {
  const k = W.length;
  if (k === 0) return pairs.map(([a, b]) => read(cov, a, b, where));
  const s = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) s[i * k + j] = read(cov, W[i] as string, W[j] as string, where);
  }
  return pairs.map(([a, b]) => {
    const cb = new Float64Array(k);
    for (let i = 0; i < k; i++) cb[i] = read(cov, W[i] as string, b, where);
    const u = solve(s.slice(), cb, k, where);
    let value = read(cov, a, b, where);
    for (let i = 0; i < k; i++) value -= read(cov, a, W[i] as string, where) * (u[i] as number);
    return value;
  });
}
