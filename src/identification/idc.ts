import type { NodeSet, ReadonlyCausalGraph } from "../graph/causal-graph.js";
import { dSeparated } from "../graph/d-separation.js";
import { backdoorGraph, doGraph } from "../graph/mutilate.js";
import { type Estimand, makeRatio, makeSum } from "./_internal/id-ast.js";
import {
  assertDisjoint,
  assertNonEmpty,
  observedGraph,
  resolveObserved,
} from "./_internal/id-query.js";
import { simplify } from "./_internal/id-simplify.js";
import type { Hedge } from "./hedge.js";
import { type IdOptions, runId } from "./id.js";

/**
 * A conditional causal-effect query `P(outcome | do(treatment), given)`.
 *
 * @since 0.1.0
 */
export interface IdcQuery {
  /** The intervened nodes X. */
  readonly treatment: NodeSet;
  /** The outcome nodes Y (non-empty). */
  readonly outcome: NodeSet;
  /** The observed conditioning nodes Z. X, Y and Z are pairwise disjoint. */
  readonly given: NodeSet;
}

/**
 * The conditional effect is identifiable: `estimand`, evaluated on the observational
 * distribution, equals `P(y | do(x), z)` wherever that conditional is defined.
 *
 * @since 0.1.0
 */
export interface IdcIdentified {
  /** Discriminant. */
  readonly kind: "identified";
  /** The identifying formula. */
  readonly estimand: Estimand;
}

/**
 * The conditional effect is not identifiable. IDC reduced the query to
 * `P(reducedOutcome | do(reducedTreatment))` (moving conditioning nodes into the treatment by
 * rule 2, then the rest into the outcome), and `hedge` is a hedge for that joint effect
 * ({@link verifyHedge} accepts it with `reducedTreatment`, `reducedOutcome`).
 *
 * @since 0.1.0
 */
export interface IdcNotIdentifiable {
  /** Discriminant. */
  readonly kind: "not-identifiable";
  /** The witness, for the reduced query. */
  readonly hedge: Hedge;
  /** X plus the conditioning nodes moved into the intervention by rule 2. */
  readonly reducedTreatment: readonly string[];
  /** Y plus the conditioning nodes that stayed conditioning nodes. */
  readonly reducedOutcome: readonly string[];
}

/**
 * The result of {@link identifyConditionalEffect}: a discriminated union on `kind`.
 *
 * @since 0.1.0
 */
export type IdcResult = IdcIdentified | IdcNotIdentifiable;

/**
 * Identifies the conditional causal effect `P(Y | do(X), Z)` from the observational
 * distribution, with the IDC algorithm of Shpitser & Pearl (2006b), which is sound and complete:
 *
 * 1. while some `z ∈ Z` satisfies `(Y ⊥ z | X, Z \ {z})` in `G_{\bar X, \underline z}` (the
 *    graph with the edges into X and the directed edges out of z removed), move z from the
 *    conditioning set into the intervention: `P(y | do(x), z) = P(y | do(x, z), z \ {z})` by
 *    rule 2 of the do-calculus;
 * 2. then, with `P' = ID(y ∪ z, x)`, return `P' / Σ_y P'`.
 *
 * Without conditioning nodes this is {@link identifyEffect} (with `"no-effect"` reported as
 * `"identified"`). Nodes with the `latent` role are projected out first.
 *
 * @param graph - a DAG or ADMG (not modified)
 * @param query - treatment X, outcome Y and conditioning set Z
 * @param options - see {@link IdOptions}
 * @returns the identification result
 * @throws {@link UnknownNodeError} if a node of the query does not exist
 * @throws {@link InvalidArgumentError} if Y is empty, X, Y, Z are not pairwise disjoint, or a
 *   node of the query is latent
 * @remarks Step 1 runs at most |Z| rounds of at most |Z| m-separation tests (O(n + m) each),
 *   then one run of ID (see {@link identifyEffect}).
 * @see Shpitser & Pearl (2006b), "Identification of conditional interventional distributions",
 *   UAI, Fig. 4 (IDC) and Theorems 7-8 (soundness, completeness); Pearl (2009), Causality,
 *   2nd ed., §3.4 (rule 2).
 * @example
 * ```ts
 * // X -> Z -> Y with X <-> Z: P(y | do(x)) is not identifiable, P(y | do(x), z) is.
 * const g = CausalGraph.from({ directed: [["X", "Z"], ["Z", "Y"]], bidirected: [["X", "Z"]] });
 * const r = identifyConditionalEffect(g, { treatment: "X", outcome: "Y", given: "Z" });
 * if (r.kind === "identified") formatEstimand(r.estimand); // "P(Y|X,Z)"
 * ```
 * @since 0.1.0
 */
export function identifyConditionalEffect(
  graph: ReadonlyCausalGraph,
  query: IdcQuery,
  options: IdOptions = {},
): IdcResult {
  const where = "identification.identifyConditionalEffect";
  const x = resolveObserved(graph, query.treatment, "treatment", where);
  const y = resolveObserved(graph, query.outcome, "outcome", where);
  const z = resolveObserved(graph, query.given, "given", where);
  assertNonEmpty(y, "outcome", where);
  assertDisjoint(x, "treatment", y, "outcome", where);
  assertDisjoint(x, "treatment", z, "given", where);
  assertDisjoint(y, "outcome", z, "given", where);
  const g = observedGraph(graph);
  const doSimplify = options.simplify ?? true;

  // Step 1: rule 2 moves conditioning nodes into the intervention.
  const treatment = [...x];
  let given = [...z];
  for (;;) {
    const doX = treatment.length > 0 ? doGraph(g, treatment) : g;
    const movable = given.find((v) => {
      const rest = given.filter((u) => u !== v);
      return dSeparated(backdoorGraph(doX, [v]), y, [v], [...treatment, ...rest]);
    });
    if (movable === undefined) break;
    treatment.push(movable);
    given = given.filter((u) => u !== movable);
  }

  // Step 2: P' = ID(y ∪ z, x); answer P' / Σ_y P'.
  const joint = runId(g, treatment, [...y, ...given], false);
  if (joint.kind === "not-identifiable") {
    return {
      kind: "not-identifiable",
      hedge: joint.hedge,
      reducedTreatment: treatment,
      reducedOutcome: [...y, ...given],
    };
  }
  const estimand =
    given.length === 0 ? joint.estimand : makeRatio(joint.estimand, makeSum(y, joint.estimand));
  return { kind: "identified", estimand: doSimplify ? simplify(estimand) : estimand };
}
