// The parallel-worlds model: one structural causal model whose variables are the copies of the
// original variables in several worlds (the factual one and intervened ones), all reading the
// same exogenous variables (Balke & Pearl 1994; Shpitser & Pearl 2007), with identical copies
// merged.
import { FactorTooLargeError, InvalidArgumentError, internalError } from "../../errors.js";
import type { NetworkModel } from "../../inference/discrete/_internal/compile-network.js";
import { createScm, type EndogenousVariable, type Scm } from "../../scm/scm.js";
import type {
  CompiledExpression,
  CptMechanism,
  Domain,
  ExogenousVariable,
  FunctionMechanism,
  Mechanism,
  ValueRecord,
  VariableSpec,
} from "../../scm/types.js";
import type { Coupling } from "../coupling.js";
import { FACTUAL, type ResolvedWorld } from "./world.js";

/** The parallel-worlds model and where each world's variables live in it. */
export interface WorldsModel {
  /**
   * The model over all worlds' nodes; factual nodes carry the original names. Created (and
   * validated) on first access: exact inference only needs {@link WorldsModel.network}.
   */
  readonly scm: Scm;
  /** The same variables as `scm` (same order), for exact inference without building `scm`. */
  readonly network: NetworkModel;
  /** Every world built (factual first, referenced worlds before the worlds referring to them). */
  readonly worlds: readonly ResolvedWorld[];
  /** The node of `variable` in `world` (which must be one of `worlds`). */
  node(world: ResolvedWorld, variable: string): string;
  /**
   * Independent coupling: original uniform → the fresh uniforms of the later copies of its
   * variable, in creation order.
   */
  readonly alternatives: ReadonlyMap<string, readonly string[]>;
}

/** Largest CPT (cells) built for an independently coupled copy. */
const MAX_COPY_TABLE = 2 ** 24;
/** Worlds models kept per original model. */
const CACHE_SIZE = 32;

const cache = new WeakMap<Scm, Map<string, WorldsModel>>();

/**
 * The parallel-worlds model of `model` for the given worlds (and the factual world, unless
 * `factual` is false: queries that neither observe nor ask for a factual variable do not need
 * its copies). Cached per model, coupling, factual flag and list of worlds.
 *
 * Construction, for each world in order (referenced worlds first) and each variable V in
 * topological order:
 * - V set to a value: a constant node (shared by every world setting V to that value);
 * - V set to its value in world w': the node of V in w' (no new node);
 * - otherwise V's mechanism applied to its parents' nodes in this world. Two worlds whose V
 *   has the same parent nodes share one node (same mechanism, same parents, same noise: the
 *   same variable; Shpitser & Pearl 2007, make-cg). In particular every non-descendant of the
 *   intervened variables is the factual node.
 * With the independent coupling, a new copy of a cpt / logistic variable V (other than its
 * first node) equals the first earlier copy whose parents have the same values and is otherwise
 * drawn from its row with a fresh uniform.
 */
export function buildWorlds(
  model: Scm,
  requested: readonly ResolvedWorld[],
  coupling: Coupling,
  where: string,
  factual = true,
): WorldsModel {
  const key = JSON.stringify([coupling, factual, requested.map((w) => w.key)]);
  let perModel = cache.get(model);
  const hit = perModel?.get(key);
  if (hit) return hit;
  const built = build(model, requested, coupling, where, factual);
  if (!perModel) {
    perModel = new Map();
    cache.set(model, perModel);
  }
  if (perModel.size >= CACHE_SIZE) {
    const oldest = perModel.keys().next().value;
    if (oldest !== undefined) perModel.delete(oldest);
  }
  perModel.set(key, built);
  return built;
}

interface Copy {
  readonly node: string;
  readonly parents: readonly string[];
}

function build(
  model: Scm,
  requested: readonly ResolvedWorld[],
  coupling: Coupling,
  where: string,
  factual: boolean,
): WorldsModel {
  // Worlds in dependency order: the factual world, then each world after the worlds it refers to.
  const order: ResolvedWorld[] = [];
  const seen = new Set<string>();
  const visit = (w: ResolvedWorld): void => {
    if (seen.has(w.key)) return;
    for (const a of w.assignments.values()) if (a.kind === "world") visit(a.world);
    seen.add(w.key);
    order.push(w);
  };
  if (factual) visit(FACTUAL);
  for (const w of requested) visit(w);

  const taken = new Set<string>([
    ...model.variables.map((v) => v.name),
    ...model.exogenous.map((u) => u.name),
  ]);
  const fresh = (base: string): string => {
    let name = base;
    while (taken.has(name)) name = `${name}'`;
    taken.add(name);
    return name;
  };
  const readers = noiseReaders(model);

  const nodes = new Map<string, Map<string, string>>();
  // Copies are merged by key: a constant by (variable index, value), a mechanism copy by
  // (variable index, its parents' node numbers); numbers make the keys injective and cheap.
  const registry = new Map<string, string>();
  const nodeNumber = new Map<string, number>();
  const numberOf = (node: string): number => {
    let n = nodeNumber.get(node);
    if (n === undefined) {
      n = nodeNumber.size;
      nodeNumber.set(node, n);
    }
    return n;
  };
  const domains = new Map<string, Domain>();
  const specs: VariableSpec[] = [];
  // The variables as createScm would return them (specs are already in a topological order,
  // parents and noise as validated in the original model), for `network`.
  const variables: EndogenousVariable[] = [];
  const extra: ExogenousVariable[] = [];
  const copies = new Map<string, Copy[]>();
  const alternatives = new Map<string, string[]>();

  for (const w of order) {
    const map = new Map<string, string>();
    nodes.set(w.key, map);
    const isFactual = w.key === FACTUAL.key;
    for (let vi = 0; vi < model.variables.length; vi++) {
      const v = model.variables[vi] as EndogenousVariable;
      const a = w.assignments.get(v.name);
      if (a?.kind === "world") {
        const node = nodes.get(a.world.key)?.get(v.name);
        if (node === undefined) internalError(`${where}: world "${a.world.label}" not built`);
        map.set(v.name, node);
        continue;
      }
      if (a?.kind === "value") {
        const k = `c${vi}:${a.value}`;
        let node = registry.get(k);
        if (node === undefined) {
          node = fresh(`${v.name}_{${w.label}}`);
          registry.set(k, node);
          domains.set(node, v.domain);
          const spec: VariableSpec = {
            name: node,
            domain: v.domain,
            mechanism: { type: "constant", value: a.value },
          };
          specs.push(spec);
          variables.push({
            name: node,
            domain: v.domain,
            mechanism: spec.mechanism,
            parents: [],
            noise: [],
          });
        }
        map.set(v.name, node);
        continue;
      }
      const parents = v.parents.map((p) => {
        const node = map.get(p);
        if (node === undefined) internalError(`${where}: parent "${p}" of "${v.name}" not built`);
        return node;
      });
      let k = `m${vi}`;
      for (const p of parents) k += `:${numberOf(p)}`;
      let node = registry.get(k);
      if (node === undefined) {
        node = isFactual ? v.name : fresh(`${v.name}_{${w.label}}`);
        if (isFactual) taken.add(node);
        registry.set(k, node);
        domains.set(node, v.domain);
        const m = v.mechanism;
        const earlier = copies.get(v.name) ?? [];
        let mechanism: Mechanism;
        let own: Pick<EndogenousVariable, "parents" | "noise"> = { parents, noise: v.noise };
        if (isFactual) mechanism = m;
        else if (
          coupling === "independent" &&
          (m.type === "cpt" || m.type === "logistic") &&
          earlier.length > 0
        ) {
          const u = m.noise as string;
          const users = readers.get(u) ?? [];
          if (users.length > 1) {
            throw new InvalidArgumentError(
              `${where}: coupling "independent" needs a private uniform, but "${u}" (the noise of "${v.name}") is shared by ${users.map((x) => `"${x}"`).join(", ")}`,
              "coupling",
            );
          }
          const alt = fresh(`${u}'`);
          extra.push({ name: alt, distribution: { type: "uniform", min: 0, max: 1 } });
          alternatives.set(u, [...(alternatives.get(u) ?? []), alt]);
          mechanism = independentCopy(v, parents, earlier, alt, domains, where);
          own = { parents: mechanism.parents, noise: [alt] };
        } else mechanism = renamed(model, v, v.mechanism, parents);
        if (m.type === "cpt" || m.type === "logistic") {
          copies.set(v.name, [...earlier, { node, parents }]);
        }
        specs.push({ name: node, domain: v.domain, mechanism });
        variables.push({ name: node, domain: v.domain, mechanism, ...own });
      }
      map.set(v.name, node);
    }
  }
  const exogenous = new Map(model.exogenous.map((u) => [u.name, u]));
  for (const u of extra) exogenous.set(u.name, u);
  const network: NetworkModel = {
    variables,
    exogenousVariable: (name) => exogenous.get(name) ?? model.exogenousVariable(name),
    // Only factual nodes keep an expression mechanism, under the original name.
    compiledExpression: (name) => model.compiledExpression(name),
  };
  let scm: Scm | undefined;
  return {
    get scm(): Scm {
      scm ??= createScm({ variables: specs, exogenous: [...model.exogenous, ...extra] });
      return scm;
    },
    network,
    worlds: order,
    node(world: ResolvedWorld, variable: string): string {
      const node = nodes.get(world.key)?.get(variable);
      if (node === undefined)
        internalError(`${where}: no node for "${variable}" in "${world.label}"`);
      return node;
    },
    alternatives,
  };
}

/** The mechanism `m` of `v` with its parents renamed to `parents` (same noise). */
function renamed(
  model: Scm,
  v: EndogenousVariable,
  m: Mechanism,
  parents: readonly string[],
): Mechanism {
  switch (m.type) {
    case "cpt":
      return {
        type: "cpt",
        parents,
        table: m.table,
        ...(m.noise !== undefined ? { noise: m.noise } : {}),
      };
    case "linear":
    case "logistic":
      return {
        type: m.type,
        parents,
        coefficients: m.coefficients,
        ...(m.intercept !== undefined ? { intercept: m.intercept } : {}),
        ...(m.noise !== undefined ? { noise: m.noise } : {}),
      };
    case "constant":
      return m;
    case "function":
      return {
        type: "function",
        parents,
        noise: m.noise ?? [],
        fn: renameFunction(m.fn, v.parents, parents),
      };
    case "expression":
      return {
        type: "function",
        parents,
        noise: v.noise,
        fn: expressionFunction(model.compiledExpression(v.name), v.parents, parents, v.noise),
      };
    case "shift": {
      const base = renamed(model, v, m.base, parents);
      return { type: "shift", base, delta: m.delta };
    }
  }
}

/** `fn` reading its parents under other names. */
function renameFunction(
  fn: (parents: ValueRecord, noise: ValueRecord) => number,
  original: readonly string[],
  renamedParents: readonly string[],
): (parents: ValueRecord, noise: ValueRecord) => number {
  const record: Record<string, number> = Object.create(null);
  const k = original.length;
  return (p, u) => {
    for (let i = 0; i < k; i++)
      record[original[i] as string] = p[renamedParents[i] as string] as number;
    return fn(record, u);
  };
}

/** A compiled expression as a function mechanism whose parents have other names. */
function expressionFunction(
  compiled: CompiledExpression,
  original: readonly string[],
  renamedParents: readonly string[],
  noise: readonly string[],
): (parents: ValueRecord, noise: ValueRecord) => number {
  const scope: Record<string, number> = Object.create(null);
  const k = original.length;
  return (p, u) => {
    for (let i = 0; i < k; i++)
      scope[original[i] as string] = p[renamedParents[i] as string] as number;
    for (const name of noise) scope[name] = u[name] as number;
    return compiled.evaluate(scope);
  };
}

/**
 * Independent coupling: V in a new world equals the first earlier copy whose parents take the
 * same values, else is drawn by the inverse-CDF rule of its row from the fresh uniform `alt`.
 * A CPT over (this copy's parents, every earlier copy's parents and value) when all of them
 * are discrete; a function mechanism otherwise (logistic mechanisms with continuous parents).
 */
function independentCopy(
  v: EndogenousVariable,
  parents: readonly string[],
  earlier: readonly Copy[],
  alt: string,
  domains: ReadonlyMap<string, Domain>,
  where: string,
): CptMechanism | FunctionMechanism {
  const m = v.mechanism;
  const k = v.domain.type === "discrete" ? v.domain.states.length : internalError("not discrete");
  const all: string[] = [];
  const add = (n: string): void => {
    if (!all.includes(n)) all.push(n);
  };
  for (const p of parents) add(p);
  for (const c of earlier) {
    for (const p of c.parents) add(p);
    add(c.node);
  }
  const cards = all.map((n) => {
    const d = domains.get(n);
    return d?.type === "discrete" ? d.states.length : 0;
  });
  const pos = new Map(all.map((n, i) => [n, i]));
  const ownPos = parents.map((p) => pos.get(p) as number);
  const earlierPos = earlier.map((c) => ({
    parents: c.parents.map((p) => pos.get(p) as number),
    node: pos.get(c.node) as number,
  }));
  const rowOf = (values: ArrayLike<number>): number[] => {
    if (m.type === "cpt") {
      let r = 0;
      for (let i = 0; i < ownPos.length; i++) {
        r = r * (cards[ownPos[i] as number] as number) + (values[ownPos[i] as number] as number);
      }
      return m.table[r] as number[];
    }
    if (m.type !== "logistic") return internalError("independent copy of a non-table mechanism");
    let eta = m.intercept ?? 0;
    for (let i = 0; i < ownPos.length; i++) {
      eta = eta + (m.coefficients[i] as number) * (values[ownPos[i] as number] as number);
    }
    const p = 1 / (1 + Math.exp(-eta));
    return [1 - p, p];
  };
  const sameAs = (values: ArrayLike<number>): number => {
    for (const c of earlierPos) {
      let same = true;
      for (let i = 0; i < ownPos.length; i++) {
        if (values[c.parents[i] as number] !== values[ownPos[i] as number]) {
          same = false;
          break;
        }
      }
      if (same) return values[c.node] as number;
    }
    return -1;
  };

  if (cards.every((c) => c > 0)) {
    let rows = 1;
    for (const c of cards) rows *= c;
    if (rows * k > MAX_COPY_TABLE) {
      throw new FactorTooLargeError(
        `${where}: the independently coupled copy of "${v.name}" needs a table of ${rows * k} cells, more than ${MAX_COPY_TABLE}`,
        rows * k,
        MAX_COPY_TABLE,
      );
    }
    const table: number[][] = [];
    const config = new Int32Array(all.length);
    for (let r = 0; r < rows; r++) {
      const s = sameAs(config);
      if (s >= 0) {
        const row = new Array<number>(k).fill(0);
        row[s] = 1;
        table.push(row);
      } else table.push(rowOf(config));
      for (let q = all.length - 1; q >= 0; q--) {
        const c = (config[q] as number) + 1;
        if (c < (cards[q] as number)) {
          config[q] = c;
          break;
        }
        config[q] = 0;
      }
    }
    return { type: "cpt", parents: all, table, noise: alt };
  }
  // Some parent is continuous (logistic only): the same rule as a function of the values.
  const values = new Float64Array(all.length);
  return {
    type: "function",
    parents: all,
    noise: [alt],
    fn: (p, u) => {
      for (let i = 0; i < all.length; i++) values[i] = p[all[i] as string] as number;
      const s = sameAs(values);
      if (s >= 0) return s;
      const row = rowOf(values);
      const q = row[1] as number;
      // writeCumulative([1 − q, q]): c₀ = 1 − q when q > 0, else 1; state 0 iff u < c₀.
      const c0 = q > 0 ? 0 + (row[0] as number) : 1;
      return (u[alt] as number) < c0 ? 0 : 1;
    },
  };
}

/** Exogenous variable → the endogenous variables whose mechanisms read it. */
export function noiseReaders(model: Scm): Map<string, string[]> {
  const readers = new Map<string, string[]>();
  for (const v of model.variables) {
    for (const u of v.noise) readers.set(u, [...(readers.get(u) ?? []), v.name]);
  }
  return readers;
}
