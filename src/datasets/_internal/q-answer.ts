/**
 * The one place where item labels are computed from the structured fields (graph, model,
 * query). Generators and {@link audit} both call {@link answerQuery}, so a label is always the
 * output of the exact library functions named in its `rule`.
 */
import {
  counterfactualQuery,
  effectOfTreatmentOnTreated,
  type NaturalEffects,
  naturalEffects,
  type ProbabilitiesOfCausation,
  probabilitiesOfCausation,
} from "../../counterfactuals/index.js";
import { InvalidArgumentError } from "../../errors.js";
import { ancestors } from "../../graph/ancestry.js";
import type { ReadonlyCausalGraph } from "../../graph/causal-graph.js";
import { dSeparated } from "../../graph/d-separation.js";
import { markovEquivalenceClass } from "../../graph/markov-equivalence.js";
import { isAdjustmentSet } from "../../identification/adjustment-criterion.js";
import { formatEstimand } from "../../identification/estimand.js";
import { identify } from "../../identification/identify.js";
import { ate } from "../../inference/effects.js";
import { query } from "../../inference/query.js";
import { createScm, type Scm } from "../../scm/scm.js";
import type { ScmSpec } from "../../scm/types.js";
import type { HypothesisRelation, ItemAnswer, ItemQuery } from "../item.js";

/** An answer plus the estimand of identification items. */
export interface ComputedAnswer {
  readonly answer: ItemAnswer;
  readonly estimand?: string;
  /** The number compared with `threshold` by the yes/no rule (for rounding checks). */
  readonly compared?: number;
  /** What `compared` is compared with. */
  readonly threshold?: number;
  /** Direction of the rule: "gt" means yes iff compared > threshold, "lt" yes iff <. */
  readonly direction?: "gt" | "lt";
}

// Markov equivalence classes of frozen graphs (Corr2cause items share one hidden DAG).
const MEC_CACHE = new WeakMap<ReadonlyCausalGraph, readonly ReadonlyCausalGraph[]>();

const yn = (b: boolean): "yes" | "no" => (b ? "yes" : "no");

function needModel(model: Scm | undefined, type: string): Scm {
  if (model === undefined) {
    throw new InvalidArgumentError(
      `datasets.answerQuery: a "${type}" query needs a model`,
      "model",
    );
  }
  return model;
}

function probabilityOf(
  model: Scm,
  target: string,
  state: string,
  given?: Record<string, string>,
): number {
  const r = query(model, given === undefined ? { targets: target } : { targets: target, given });
  const p = r.marginal(target).get(state);
  if (p === undefined) {
    throw new InvalidArgumentError(
      `datasets.answerQuery: "${target}" has no state "${state}"`,
      "state",
    );
  }
  return p;
}

/**
 * Distance below which a computed value counts as equal to its threshold: exact inference in
 * floating point turns an exact tie (e.g. a correlation that vanishes because two CPT rows are
 * equal) into ±1e-17 or so, which must not decide a strict inequality.
 */
export const TIE_TOLERANCE = 1e-12;

function numeric(
  computed: number,
  threshold: number,
  direction: "gt" | "lt",
  rule: string,
): ComputedAnswer {
  const value = Math.abs(computed - threshold) <= TIE_TOLERANCE ? threshold : computed;
  const yes = direction === "gt" ? value > threshold : value < threshold;
  return { answer: { value, label: yn(yes), rule }, compared: value, threshold, direction };
}

// Answers already computed, per model (or graph, for graph-only queries) and query: a model
// serves many candidates (balancing, the rounding check, NDE and NIE of one triple), and models
// and frozen graphs are immutable, so a repeated query is answered from here.
const ANSWER_CACHE = new WeakMap<object, Map<string, ComputedAnswer>>();

/**
 * Computes the exact answer of a structured query (memoised per model and query; models are
 * immutable).
 *
 * @param graph - the item's graph
 * @param model - the item's model (required for model-based query types)
 * @param q - the query
 * @returns the answer (and estimand for identification queries)
 */
export function answerQuery(
  graph: ReadonlyCausalGraph,
  model: Scm | undefined,
  q: ItemQuery,
): ComputedAnswer {
  // Graph-only queries of an unfrozen graph are not memoised (the graph may still change).
  const owner = model ?? (graph.isFrozen ? graph : undefined);
  if (owner === undefined) return computeAnswer(graph, model, q);
  const hit = memoised(ANSWER_CACHE, owner, JSON.stringify(q), () =>
    computeAnswer(graph, model, q),
  );
  return { ...hit, answer: { ...hit.answer } };
}

/** `compute()` memoised per owner (a model or frozen graph, immutable) and key. */
function memoised<K extends object, T>(
  cache: WeakMap<K, Map<string, T>>,
  model: K,
  key: string,
  compute: () => T,
): T {
  let perModel = cache.get(model);
  if (perModel === undefined) {
    perModel = new Map();
    cache.set(model, perModel);
  }
  let r = perModel.get(key);
  if (r === undefined) {
    r = compute();
    perModel.set(key, r);
  }
  return r;
}

// NDE and NIE of one (treatment, mediator, outcome, states) come from one naturalEffects call.
const NATURAL_CACHE = new WeakMap<Scm, Map<string, NaturalEffects>>();

function naturalEffectsOf(
  model: Scm,
  q: Extract<ItemQuery, { type: "nde" | "nie" }>,
): NaturalEffects {
  const key = JSON.stringify([
    q.treatment,
    q.mediator,
    q.outcome,
    q.treated,
    q.control,
    q.outcomeState,
  ]);
  return memoised(NATURAL_CACHE, model, key, () =>
    naturalEffects(model, q.treatment, q.mediator, q.outcome, {
      treatment: q.treated,
      control: q.control,
      outcomeState: q.outcomeState,
    }),
  );
}

// PN, PS and PNS of one (treatment, outcome, states) come from one probabilitiesOfCausation call,
// whatever the measure and threshold asked.
const CAUSATION_CACHE = new WeakMap<Scm, Map<string, ProbabilitiesOfCausation>>();

function causationOf(
  model: Scm,
  q: Extract<ItemQuery, { type: "causation" }>,
): ProbabilitiesOfCausation {
  const key = JSON.stringify([q.treatment, q.outcome, q.treated, q.control, q.outcomeState]);
  return memoised(CAUSATION_CACHE, model, key, () =>
    probabilitiesOfCausation(model, q.treatment, q.outcome, {
      treatment: q.treated,
      control: q.control,
      outcomeState: q.outcomeState,
    }),
  );
}

function computeAnswer(
  graph: ReadonlyCausalGraph,
  model: Scm | undefined,
  q: ItemQuery,
): ComputedAnswer {
  switch (q.type) {
    case "marginal": {
      const p = probabilityOf(needModel(model, q.type), q.target, q.state);
      return numeric(
        p,
        q.threshold,
        "gt",
        `P(${q.target}=${q.state}) > ${q.threshold} (exact inference)`,
      );
    }
    case "conditional": {
      const p = probabilityOf(needModel(model, q.type), q.target, q.state, { ...q.given });
      return numeric(
        p,
        q.threshold,
        "gt",
        `P(${q.target}=${q.state} | evidence) > ${q.threshold} (exact inference)`,
      );
    }
    case "correlation": {
      const m = needModel(model, q.type);
      const d =
        probabilityOf(m, q.y, q.outcomeState, { [q.x]: q.treated }) -
        probabilityOf(m, q.y, q.outcomeState, { [q.x]: q.control });
      return numeric(
        d,
        0,
        "gt",
        `P(${q.y}=${q.outcomeState} | ${q.x}=${q.treated}) - P(${q.y}=${q.outcomeState} | ${q.x}=${q.control}) > 0 (exact inference)`,
      );
    }
    case "explaining-away": {
      const m = needModel(model, q.type);
      const d =
        probabilityOf(m, q.a, q.aState, { [q.c]: q.cState, [q.b]: q.bState }) -
        probabilityOf(m, q.a, q.aState, { [q.c]: q.cState });
      return numeric(
        d,
        0,
        "lt",
        `P(${q.a}=${q.aState} | ${q.c}=${q.cState}, ${q.b}=${q.bState}) - P(${q.a}=${q.aState} | ${q.c}=${q.cState}) < 0 (exact inference)`,
      );
    }
    case "ate": {
      const v = ate(needModel(model, q.type), q.treatment, q.outcome, {
        treatment: q.treated,
        control: q.control,
        outcomeState: q.outcomeState,
      }).ate;
      return numeric(v, 0, "gt", "ate > 0 (exact inference on the intervened models)");
    }
    case "ett": {
      const v = effectOfTreatmentOnTreated(needModel(model, q.type), q.treatment, q.outcome, {
        treatment: q.treated,
        control: q.control,
        outcomeState: q.outcomeState,
      }).value;
      return numeric(v, 0, "gt", "ett > 0 (exact twin-network inference, inverse-CDF coupling)");
    }
    case "nde":
    case "nie": {
      const r = naturalEffectsOf(needModel(model, q.type), q);
      const v = (q.type === "nde" ? r.nde : r.nie).value;
      return numeric(
        v,
        0,
        "gt",
        `${q.type} > 0 (exact nested-counterfactual inference, inverse-CDF coupling)`,
      );
    }
    case "causation": {
      const r = causationOf(needModel(model, q.type), q);
      const v = r[q.measure];
      if (v === null) {
        throw new InvalidArgumentError(
          `datasets.answerQuery: ${q.measure} is undefined (its evidence has probability 0)`,
          "measure",
        );
      }
      return numeric(
        v.value,
        q.threshold,
        "gt",
        `${q.measure} > ${q.threshold} (exact twin-network inference, inverse-CDF coupling)`,
      );
    }
    case "counterfactual": {
      const m = needModel(model, q.type);
      const r = counterfactualQuery(m, {
        targets: { variable: q.target, do: { ...q.do } },
        given: { ...q.given },
      });
      const states = r.states[0] ?? [];
      const i = states.indexOf(q.state);
      if (i < 0) {
        throw new InvalidArgumentError(
          `datasets.answerQuery: "${q.target}" has no state "${q.state}"`,
          "state",
        );
      }
      const p = r.probabilities[i] ?? 0;
      return numeric(
        p,
        q.threshold,
        "gt",
        `P(${q.target}_{do} = ${q.state} | evidence) > ${q.threshold} (exact abduction-action-prediction)`,
      );
    }
    case "adjustment-set": {
      const v = isAdjustmentSet(graph, [q.treatment], [q.outcome], q.set);
      return {
        answer: {
          value: v,
          label: yn(v),
          rule: "isAdjustmentSet (generalised adjustment criterion, Shpitser et al. 2010)",
        },
      };
    }
    case "identifiable": {
      const r = identify(graph, { treatment: [q.treatment], outcome: [q.outcome] });
      if (r.kind === "invalid") {
        throw new InvalidArgumentError(
          `datasets.answerQuery: ${r.reason ?? "invalid query"}`,
          "query",
        );
      }
      const out: ComputedAnswer = {
        answer: {
          value: r.identifiable,
          label: yn(r.identifiable),
          rule: `identify(): ${r.identifiable ? `identified by ${r.strategy}` : "a hedge exists (ID algorithm fails)"}`,
        },
      };
      return r.estimand === null ? out : { ...out, estimand: formatEstimand(r.estimand) };
    }
    case "dseparated": {
      const v = dSeparated(graph, [q.x], [q.y], q.given);
      return { answer: { value: v, label: yn(v), rule: "dSeparated (Bayes-ball)" } };
    }
    case "hypothesis": {
      let members = MEC_CACHE.get(graph);
      if (members === undefined) {
        members = markovEquivalenceClass(graph);
        MEC_CACHE.set(graph, members);
      }
      const v = members.every((g) => holds(g, q.relation, q.a, q.b));
      return {
        answer: {
          value: v,
          label: yn(v),
          rule: `true in every DAG of the Markov equivalence class (${members.length} member${members.length === 1 ? "" : "s"}, enumerated)`,
        },
      };
    }
  }
}

/** Whether a structural relation holds between a and b in one DAG. */
export function holds(
  g: ReadonlyCausalGraph,
  relation: HypothesisRelation,
  a: string,
  b: string,
): boolean {
  switch (relation) {
    case "parent":
      return g.hasEdge(a, b);
    case "child":
      return g.hasEdge(b, a);
    case "ancestor":
      return a !== b && ancestors(g, b).has(a);
    case "descendant":
      return a !== b && ancestors(g, a).has(b);
    case "collider": {
      const cb = new Set(g.children(b));
      return g.children(a).some((c) => cb.has(c));
    }
    case "confounder": {
      const pb = new Set(g.parents(b));
      return g.parents(a).some((c) => pb.has(c));
    }
  }
}

function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}

/**
 * The model with every CPT entry rounded as the premise shows it: for a binary variable the
 * probability of its second state is rounded and the first state gets the complement; for more
 * states, all but the last are rounded and the last gets the remainder (clamped at 0).
 */
export function roundedModel(model: Scm, decimals: number): Scm {
  // Nothing changes (e.g. deterministic 0/1 tables): the model itself, so its answers are reused.
  const unchanged = model.variables.every((v) => {
    const m = v.mechanism;
    return (
      m.type !== "cpt" ||
      m.table.every((row) => roundRow(row, decimals).every((p, i) => p === row[i]))
    );
  });
  return unchanged ? model : createScm(roundedSpec(model.toSpec(), decimals));
}

/** A model specification with every CPT entry rounded as {@link roundedModel} does. */
export function roundedSpec(spec: ScmSpec, decimals: number): ScmSpec {
  return {
    ...(spec.exogenous === undefined ? {} : { exogenous: spec.exogenous }),
    variables: spec.variables.map((v) => {
      const m = v.mechanism;
      if (m.type !== "cpt") return v;
      const table = m.table.map((row) => roundRow(row, decimals));
      return { ...v, mechanism: { ...m, table } };
    }),
  };
}

/** One CPT row rounded as shown (see {@link roundedModel}). */
export function roundRow(row: readonly number[], decimals: number): number[] {
  if (row.length === 2) {
    const p = Math.min(1, Math.max(0, roundTo(row[1] ?? 0, decimals)));
    return [1 - p, p];
  }
  const out = row.slice(0, -1).map((p) => roundTo(p, decimals));
  const rest = Math.max(0, 1 - out.reduce((a, b) => a + b, 0));
  out.push(rest);
  const sum = out.reduce((a, b) => a + b, 0);
  return out.map((p) => p / sum);
}

/** `x` rounded to `decimals` places (half away from zero as Math.round does for positives). */
export function roundNumber(x: number, decimals: number): number {
  return roundTo(x, decimals);
}
