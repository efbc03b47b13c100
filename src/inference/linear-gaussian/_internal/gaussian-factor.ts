import { InvalidArgumentError, internalError } from "../../../errors.js";
import type { Scm } from "../../../scm/scm.js";
import type { LinearStructure } from "./linear-structure.js";

/**
 * A Gaussian vector in factor form `X = mean + F·w`, `w ~ N(0, I_m)`, one column of `F` per
 * distinct exogenous variable read (a shared exogenous variable is one column, which is what
 * makes the errors of its readers correlated).
 *
 * @internal
 */
export interface GaussianFactor {
  /** Number of variables. */
  readonly n: number;
  /** Number of independent standard-normal factors. */
  readonly m: number;
  /** Mean vector, length n. */
  readonly mean: Float64Array;
  /** Loadings `F`, n×m row-major. */
  readonly loadings: Float64Array;
}

/**
 * Solves the structural equations `X = c + B·X + ε` of a linear-Gaussian model for its factor
 * form: `mean = (I − B)⁻¹(c + μ_ε)` and `F = (I − B)⁻¹ A diag(σ_U)`, where `A` (n×m) maps each
 * equation to the exogenous variable it reads. In topological order `I − B` is unit lower
 * triangular, so both are computed exactly by forward substitution, row by row.
 *
 * @remarks O(n + |E|·m) time for n variables, |E| edges, m distinct noises.
 * @internal
 */
export function gaussianFactor(model: Scm, s: LinearStructure): GaussianFactor {
  const n = s.names.length;
  const column = new Map<string, number>();
  for (const u of s.noise) if (u !== null && !column.has(u)) column.set(u, column.size);
  const m = column.size;
  const mean = new Float64Array(n);
  const loadings = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    const u = s.noise[i] ?? null;
    let mu = s.intercept[i] ?? 0;
    const row = i * m;
    if (u !== null) {
      const d = model.exogenousVariable(u).distribution;
      if (d.type !== "normal") {
        internalError(`inference.gaussianFactor: exogenous "${u}" is not normal`);
      }
      mu += d.mean;
      loadings[row + (column.get(u) ?? 0)] = d.sd;
    }
    const ps = s.parents[i] ?? new Int32Array(0);
    const cs = s.coefficients[i] ?? new Float64Array(0);
    for (let k = 0; k < ps.length; k++) {
      const j = ps[k] ?? 0;
      const b = cs[k] ?? 0;
      if (b === 0) continue;
      mu += b * (mean[j] ?? 0);
      const prow = j * m;
      for (let c = 0; c < m; c++) {
        loadings[row + c] = (loadings[row + c] ?? 0) + b * (loadings[prow + c] ?? 0);
      }
    }
    mean[i] = mu;
  }
  return { n, m, mean, loadings };
}

/** Residual norms below this fraction of a row's norm count as zero (a determined variable). */
const DETERMINED = 1e-10;
/** Relative tolerance for evidence on a determined variable to count as consistent. */
const CONSISTENT = 1e-9;

/**
 * Conditions a Gaussian in factor form on evidence `X_E = x_E`. The result equals the Gaussian
 * conditioning (Schur complement) formulas `μ_A + Σ_AE Σ_EE⁻ (x_E − μ_E)` and
 * `Σ_AA − Σ_AE Σ_EE⁻ Σ_EA` (with a generalised inverse when `Σ_EE` is singular), computed
 * stably: the evidence rows of `F` are orthonormalised by modified Gram–Schmidt with
 * re-orthogonalisation (a QR factorisation of `F_Eᵀ`, i.e. a Cholesky factorisation of
 * `Σ_EE = F_E F_Eᵀ` without forming it), the evidence fixes the coordinates of `w` along those
 * directions, and the covariance is `G Gᵀ` with `G = F (I − Q Qᵀ)`, positive semi-definite by
 * construction. An evidence variable already determined by the model and the earlier evidence
 * (zero conditional variance, e.g. an intervened variable) is checked for consistency instead.
 *
 * @returns the conditional mean and the n×n row-major covariance (evidence variables have
 *   their observed value as mean and zero variance and covariances)
 * @throws {@link InvalidArgumentError} naming the variable if evidence contradicts a
 *   determined variable
 * @remarks O(k·m·(n + k) + n²·m) for k evidence variables.
 * @internal
 */
export function conditionFactor(
  f: GaussianFactor,
  evidence: ReadonlyMap<number, number>,
  names: readonly string[],
  where: string,
): { readonly mean: Float64Array; readonly covariance: Float64Array } {
  const { n, m, loadings } = f;
  const mean = Float64Array.from(f.mean);
  const q: Float64Array[] = [];
  const t: number[] = [];
  const r = new Float64Array(m);
  for (const [e, value] of evidence) {
    for (let c = 0; c < m; c++) r[c] = loadings[e * m + c] ?? 0;
    const rowNorm = norm(r);
    let predicted = f.mean[e] ?? 0;
    let magnitude = Math.abs(predicted);
    // Two passes of modified Gram–Schmidt ("twice is enough", Giraud et al. 2005).
    const proj = new Float64Array(q.length);
    for (let pass = 0; pass < 2; pass++) {
      for (let j = 0; j < q.length; j++) {
        const qj = q[j] as Float64Array;
        const d = dot(r, qj);
        proj[j] = (proj[j] ?? 0) + d;
        for (let c = 0; c < m; c++) r[c] = (r[c] ?? 0) - d * (qj[c] ?? 0);
      }
    }
    for (let j = 0; j < q.length; j++) {
      const term = (proj[j] ?? 0) * (t[j] ?? 0);
      predicted += term;
      magnitude += Math.abs(term);
    }
    const residual = norm(r);
    if (residual <= DETERMINED * rowNorm || rowNorm === 0) {
      const tolerance = CONSISTENT * Math.max(1, Math.abs(value), magnitude);
      if (!(Math.abs(value - predicted) <= tolerance)) {
        const name = names[e] ?? "";
        throw new InvalidArgumentError(
          `${where}: evidence ${name} = ${value} is impossible: given the model${q.length > 0 ? " and the other evidence" : ""} "${name}" equals ${predicted} with certainty`,
          name,
        );
      }
      continue;
    }
    const qk = new Float64Array(m);
    for (let c = 0; c < m; c++) qk[c] = (r[c] ?? 0) / residual;
    q.push(qk);
    t.push((value - predicted) / residual);
  }

  // G = F − (F Q) Qᵀ; mean += (F Q) t.
  const g = Float64Array.from(loadings);
  const fq = new Float64Array(q.length);
  for (let i = 0; q.length > 0 && i < n; i++) {
    const row = i * m;
    for (let j = 0; j < q.length; j++) {
      const qj = q[j] as Float64Array;
      let d = 0;
      for (let c = 0; c < m; c++) d += (loadings[row + c] ?? 0) * (qj[c] ?? 0);
      fq[j] = d;
    }
    let shift = 0;
    for (let j = 0; j < q.length; j++) {
      const d = fq[j] ?? 0;
      shift += d * (t[j] ?? 0);
      const qj = q[j] as Float64Array;
      for (let c = 0; c < m; c++) g[row + c] = (g[row + c] ?? 0) - d * (qj[c] ?? 0);
    }
    mean[i] = (mean[i] ?? 0) + shift;
  }
  for (const [e, value] of evidence) {
    mean[e] = value;
    g.fill(0, e * m, (e + 1) * m);
  }

  const covariance = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let c = 0; c < m; c++) s += (g[i * m + c] ?? 0) * (g[j * m + c] ?? 0);
      covariance[i * n + j] = s;
      covariance[j * n + i] = s;
    }
  }
  return { mean, covariance };
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] ?? 0) * (b[i] ?? 0);
  return s;
}

function norm(a: Float64Array): number {
  let scale = 0;
  for (let i = 0; i < a.length; i++) scale = Math.max(scale, Math.abs(a[i] ?? 0));
  if (scale === 0) return 0;
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    const x = (a[i] ?? 0) / scale;
    s += x * x;
  }
  return scale * Math.sqrt(s);
}
