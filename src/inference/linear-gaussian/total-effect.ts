import { InvalidArgumentError, UnknownNodeError } from "../../errors.js";
import type { Scm } from "../../scm/scm.js";
import {
  type LinearStructure,
  linearStructure,
  nonLinearReason,
} from "./_internal/linear-structure.js";

function resolvePair(
  model: Scm,
  x: string,
  y: string,
  where: string,
): { readonly s: LinearStructure; readonly ix: number; readonly iy: number } {
  const vars = model.variables;
  const index = new Map<string, number>();
  vars.forEach((v, i) => {
    index.set(v.name, i);
  });
  const ix = index.get(x);
  if (ix === undefined) throw new UnknownNodeError(`${where}: unknown variable "${x}"`, x);
  const iy = index.get(y);
  if (iy === undefined) throw new UnknownNodeError(`${where}: unknown variable "${y}"`, y);
  // Only the equations of the variables strictly after X on a directed path X → … → Y matter
  // (do(X) replaces X's own): descendants of X (forward pass in topological order) that are
  // ancestors of Y (backward pass). Every other equation is replaced by a constant.
  const n = vars.length;
  const descendant = new Uint8Array(n);
  descendant[ix] = 1;
  for (let i = ix + 1; i <= iy; i++) {
    for (const p of vars[i]?.parents ?? []) {
      if (descendant[index.get(p) ?? 0] === 1) {
        descendant[i] = 1;
        break;
      }
    }
  }
  const onPath = new Uint8Array(n);
  if (descendant[iy] === 1) onPath[iy] = 1;
  for (let i = iy; i > ix; i--) {
    if (onPath[i] !== 1) continue;
    for (const p of vars[i]?.parents ?? []) {
      const j = index.get(p) ?? 0;
      if (descendant[j] === 1) onPath[j] = 1;
    }
  }
  const constants = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    if (i === ix || onPath[i] !== 1) {
      constants.set(i, 0);
      continue;
    }
    const reason = nonLinearReason(model, i, false);
    if (reason !== null) {
      const name = vars[i]?.name ?? "";
      throw new InvalidArgumentError(
        `${where}: variable "${name}" on a directed path from "${x}" to "${y}" ${reason}`,
        name,
      );
    }
  }
  const s = linearStructure(model, where, { interventions: constants, requireNormal: false });
  return { s, ix, iy };
}

/**
 * The total causal effect of X on Y in a linear structural causal model:
 * `∂E[Y | do(X = x)] / ∂x`, the change in Y's interventional mean per unit change of x. It is
 * the entry `[(I − B)⁻¹]_{YX}` of the matrix form `X = c + B·X + ε` (see
 * {@link LinearGaussianForm}), which by Wright's path analysis equals the sum, over all directed
 * paths X → … → Y, of the product of the path's edge coefficients (see
 * {@link pathCoefficientSum}, which enumerates them).
 *
 * It depends only on the mechanisms of the variables after X on directed paths X → … → Y
 * (not on X's own, which do(X) replaces, nor on the noise distributions), so only those must be
 * linear (`linear`, `shift` of linear, or `constant`); the rest of the model may be anything.
 * The effect of a variable on itself is 1; on a non-descendant it is 0.
 *
 * @param model - a linear model
 * @param x - the treatment variable
 * @param y - the outcome variable
 * @returns the total effect, a finite number
 * @throws {@link UnknownNodeError} if x or y is not a variable
 * @throws {@link InvalidArgumentError} naming the first variable (in topological order) on a
 *   directed path from x to y, other than x, whose mechanism is not linear
 * @see Wright, S. (1934). The method of path coefficients. *Annals of Mathematical Statistics*
 *   5(3), 161–215.
 * @see Pearl, J. (2009). *Causality*, 2nd ed., §5.3.1 (linear SEMs).
 * @remarks O(n + |E|): one forward substitution solving `(I − B) t = e_X`, from X to Y in
 *   topological order.
 * @example
 * ```ts
 * // Z -> X -> Y and Z -> Y with Y = 3·X − Z + U_Y:
 * totalEffect(model, "X", "Y"); // 3
 * ```
 * @since 0.1.0
 */
export function totalEffect(model: Scm, x: string, y: string): number {
  const { s, ix, iy } = resolvePair(model, x, y, "inference.totalEffect");
  if (iy < ix) return 0;
  // t = (I − B)⁻¹ e_X by forward substitution; t_i = 0 before X in topological order.
  const t = new Float64Array(s.names.length);
  t[ix] = 1;
  for (let i = ix + 1; i <= iy; i++) {
    const ps = s.parents[i] ?? new Int32Array(0);
    const cs = s.coefficients[i] ?? new Float64Array(0);
    let sum = 0;
    for (let k = 0; k < ps.length; k++) sum += (cs[k] ?? 0) * (t[ps[k] ?? 0] ?? 0);
    t[i] = sum;
  }
  return t[iy] ?? 0;
}

/**
 * Wright's (1934) path-coefficient sum: enumerates every directed path X → … → Y of a linear
 * model and adds up the products of the edge coefficients along each path (an edge P → V has the
 * coefficient of P in V's linear mechanism). Equal to {@link totalEffect}, which computes it
 * in linear time; this literal enumeration exists to check that identity and to explain
 * effects on small graphs. The empty path makes the effect of X on itself 1.
 *
 * @param model - a model whose variables on directed x→y paths (other than x) are linear
 * @param x - the start variable
 * @param y - the end variable
 * @param maxPaths - stop with an error after this many paths @defaultValue 1_000_000
 * @returns the sum over directed paths of the products of their coefficients
 * @throws {@link UnknownNodeError} if x or y is not a variable
 * @throws {@link InvalidArgumentError} naming the first variable on a directed x→y path, other
 *   than x, whose mechanism is not linear, or (`argument` `"maxPaths"`) if there are more than `maxPaths` paths
 * @see Wright, S. (1934). The method of path coefficients. *Annals of Mathematical Statistics*
 *   5(3), 161–215.
 * @remarks Exponential: O(number of directed X→Y paths × path length); the number of paths can
 *   grow as 2ⁿ. Use {@link totalEffect} on anything but small graphs.
 * @since 0.1.0
 */
export function pathCoefficientSum(model: Scm, x: string, y: string, maxPaths = 1_000_000): number {
  const where = "inference.pathCoefficientSum";
  if (!(Number.isSafeInteger(maxPaths) && maxPaths >= 1)) {
    throw new InvalidArgumentError(
      `${where}: maxPaths must be a positive integer, got ${String(maxPaths)}`,
      "maxPaths",
    );
  }
  const { s, ix, iy } = resolvePair(model, x, y, where);
  const n = s.names.length;
  // Children lists with edge coefficients.
  const children: { readonly child: number; readonly coefficient: number }[][] = Array.from(
    { length: n },
    () => [],
  );
  for (let i = 0; i < n; i++) {
    if (i === ix) continue; // do(X): X's incoming edges are cut (they cannot lie on an X→Y path)
    const ps = s.parents[i] ?? new Int32Array(0);
    const cs = s.coefficients[i] ?? new Float64Array(0);
    for (let k = 0; k < ps.length; k++) {
      children[ps[k] ?? 0]?.push({ child: i, coefficient: cs[k] ?? 0 });
    }
  }
  let total = 0;
  let paths = 0;
  // Depth-first enumeration with an explicit stack of (node, product so far).
  const stack: [number, number][] = [[ix, 1]];
  while (stack.length > 0) {
    const [v, product] = stack.pop() as [number, number];
    if (v === iy) {
      total += product;
      paths++;
      if (paths > maxPaths) {
        throw new InvalidArgumentError(
          `${where}: more than ${maxPaths} directed paths from "${x}" to "${y}"`,
          "maxPaths",
        );
      }
      continue;
    }
    // In topological order a path to Y never passes an index beyond Y.
    for (const { child, coefficient } of children[v] ?? []) {
      if (child <= iy) stack.push([child, product * coefficient]);
    }
  }
  return total;
}
