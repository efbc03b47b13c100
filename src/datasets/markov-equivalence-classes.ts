import type { CausalGraph } from "../graph/causal-graph.js";
import { type Cpdag, cpdag } from "../graph/cpdag.js";
import { markovEquivalenceClass } from "../graph/markov-equivalence.js";
import { graphOfCode, readEnumeration } from "./_internal/dag-codes.js";

/**
 * One Markov equivalence class: its CPDAG and every DAG in it.
 *
 * @since 0.1.0
 */
export interface EquivalenceClassEntry {
  /** The class's CPDAG (compelled edges directed, reversible edges undirected). */
  readonly cpdag: Cpdag;
  /**
   * Every DAG of the class on the same labelled nodes, in the order of `markovEquivalenceClass`
   * from `causalkit/graph`.
   */
  readonly members: readonly CausalGraph[];
}

/**
 * Options of {@link markovEquivalenceClasses}.
 *
 * @since 0.1.0
 */
export interface MarkovEquivalenceClassesOptions {
  /**
   * List one class per isomorphism class of Markov equivalence classes (n ≤ 6) rather than
   * every class of DAGs on the labelled nodes (n ≤ 5).
   *
   * @defaultValue false
   */
  readonly upToIsomorphism?: boolean;
  /** Node names, in node order (exactly n distinct strings). @defaultValue `A`, `B`, `C`, … */
  readonly names?: readonly string[];
}

/**
 * Every Markov equivalence class of DAGs on n nodes, with its CPDAG and its members. Two DAGs
 * are Markov equivalent iff they have the same skeleton and the same v-structures (Verma &
 * Pearl 1990), i.e. imply the same conditional independences.
 *
 * - Labelled (default; 1, 1, 2, 11, 185, 8782 classes for n = 0…5, OEIS A007984): the classes
 *   partition the labelled DAGs of {@link enumerateDags} with `upToIsomorphism: false`; each
 *   class lists all its members, and classes come in the order of their first member in that
 *   list.
 * - Up to isomorphism (1, 1, 2, 5, 20, 142, 2201 classes for n = 0…6): two classes are
 *   isomorphic when a relabelling of the nodes maps one onto the other (equivalently, their
 *   CPDAGs are isomorphic). One representative class per isomorphism class is listed: the
 *   class of the first DAG of `enumerateDags(n, { upToIsomorphism: true })` that belongs to
 *   it, with all its members on those node labels (a member's isomorphism type may repeat
 *   within the class). As there, node order is then a topological order of that first member;
 *   relabel (e.g. with {@link relabelNodes}) before showing it where that matters.
 *
 * Classes and CPDAGs come from `markovEquivalenceClass` and `cpdag` of `causalkit/graph`. Up to
 * isomorphism, the DAG types met among a class's members (found by relabelling each member
 * until it matches a representative) are not started again.
 *
 * @param n - number of nodes, 0 ≤ n ≤ 5 (≤ 6 up to isomorphism)
 * @param options - isomorphism, names
 * @returns the classes
 * @throws {@link InvalidArgumentError} if n is not an integer in range or `names` is bad
 * @see Verma & Pearl (1990), "Equivalence and synthesis of causal models", UAI 6; Gillispie &
 *   Perlman (2002), "The size distribution for Markov equivalence classes of acyclic digraph
 *   models", Artificial Intelligence 141; OEIS A007984.
 * @remarks Dominated by building the member graphs: n = 5 labelled builds about 38000 graphs
 *   (2–3 s); n = 6 up to isomorphism about 13000 (1–2 s).
 * @example
 * ```ts
 * const classes = markovEquivalenceClasses(3);
 * classes.length; // 11
 * classes.map((c) => c.members.length); // sizes: the chains-and-fork classes have 3 members
 * ```
 * @since 0.1.0
 */
export function markovEquivalenceClasses(
  n: number,
  options?: MarkovEquivalenceClassesOptions,
): EquivalenceClassEntry[] {
  const where = "datasets.markovEquivalenceClasses";
  const { unlabelled, names, codes } = readEnumeration(where, n, options, false);
  const index = new Map(names.map((v, i) => [v, i]));
  const fullOf = (g: CausalGraph): number =>
    codes.fullOfEdges(
      g.directedEdges().map(([a, b]) => [index.get(a) as number, index.get(b) as number] as const),
    );
  const out: EquivalenceClassEntry[] = [];
  if (!unlabelled) {
    const assigned = new Set<number>();
    for (const full of codes.labelledCodes()) {
      if (assigned.has(full)) continue;
      const g = graphOfCode(codes, names, full);
      const members = markovEquivalenceClass(g);
      for (const m of members) assigned.add(fullOf(m));
      out.push({ cpdag: cpdag(g), members });
    }
    return out;
  }
  // Each unlabelled class is listed once, from its first DAG type: every member's type (the
  // representative its orbit contains) is marked as done.
  const representatives = new Set(codes.canonicalCodes().map((c) => codes.fullOfForward(c)));
  const done = new Set<number>();
  for (const full of [...representatives].sort((a, b) => a - b)) {
    if (done.has(full)) continue;
    const g = graphOfCode(codes, names, full);
    const members = markovEquivalenceClass(g);
    for (const m of members) {
      const mf = fullOf(m);
      for (let k = 0; k < codes.perms.length; k++) {
        const image = codes.mapFull(mf, k);
        if (representatives.has(image)) {
          done.add(image);
          break;
        }
      }
    }
    out.push({ cpdag: cpdag(g), members });
  }
  return out;
}
