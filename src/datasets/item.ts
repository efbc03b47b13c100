import type { CausalGraphJson } from "../graph/causal-graph.js";
import type { ScmJson } from "../scm/json.js";

/**
 * Which suite of {@link generate} produced an item: the causal ladder (rungs 1–3 on random
 * binary models), Corr2cause-style hypotheses, identification questions on ADMGs, or a custom
 * mix chosen in the configuration.
 *
 * @since 0.1.0
 */
export type SuiteName = "ladder" | "corr2cause" | "identification" | "custom";

/**
 * Rung of Pearl's causal ladder: 1 association, 2 intervention, 3 counterfactual.
 *
 * @since 0.1.0
 */
export type Rung = 1 | 2 | 3;

/**
 * Relation asked about by a Corr2cause-style hypothesis (a and b are node names):
 * `parent` a → b; `child` b → a; `ancestor` a directed path a → … → b; `descendant` a directed
 * path b → … → a; `collider` some node c with a → c ← b; `confounder` some node c with
 * a ← c → b.
 *
 * @since 0.1.0
 */
export type HypothesisRelation =
  | "parent"
  | "child"
  | "ancestor"
  | "descendant"
  | "collider"
  | "confounder";

/**
 * The structured query of a {@link DatasetItem}: a discriminated union on `type`. State names
 * are the model's own (`"0"`/`"1"` for random binary models, `"false"`/`"true"` for boolean
 * ones). Numeric questions with a yes/no form carry the `threshold` the value is compared with.
 *
 * @since 0.1.0
 */
export type ItemQuery =
  | {
      /** P(target = state) > threshold? */
      readonly type: "marginal";
      /** Variable asked about. */
      readonly target: string;
      /** Its state. */
      readonly state: string;
      /** Threshold of the yes/no form. */
      readonly threshold: number;
    }
  | {
      /** P(target = state | given) > threshold? */
      readonly type: "conditional";
      /** Variable asked about. */
      readonly target: string;
      /** Its state. */
      readonly state: string;
      /** Observed evidence, variable → state. */
      readonly given: Readonly<Record<string, string>>;
      /** Threshold of the yes/no form. */
      readonly threshold: number;
    }
  | {
      /** P(y = outcomeState | x = treated) − P(y = outcomeState | x = control) > 0? */
      readonly type: "correlation";
      /** Conditioning variable. */
      readonly x: string;
      /** Outcome variable. */
      readonly y: string;
      /** State of x in the first term. */
      readonly treated: string;
      /** State of x in the second term. */
      readonly control: string;
      /** State of y. */
      readonly outcomeState: string;
    }
  | {
      /** P(a = aState | c = cState, b = bState) − P(a = aState | c = cState) < 0? */
      readonly type: "explaining-away";
      /** Cause asked about. */
      readonly a: string;
      /** The other cause, observed second. */
      readonly b: string;
      /** Common effect (collider), observed first. */
      readonly c: string;
      /** State of a. */
      readonly aState: string;
      /** Observed state of b. */
      readonly bState: string;
      /** Observed state of c. */
      readonly cState: string;
    }
  | {
      /** Average treatment effect P(y | do(x = treated)) − P(y | do(x = control)) > 0? */
      readonly type: "ate" | "ett";
      /** Treatment variable. */
      readonly treatment: string;
      /** Outcome variable. */
      readonly outcome: string;
      /** Treatment state. */
      readonly treated: string;
      /** Control state. */
      readonly control: string;
      /** Outcome state whose probability is compared. */
      readonly outcomeState: string;
    }
  | {
      /** Natural direct or indirect effect (Pearl 2001) > 0? */
      readonly type: "nde" | "nie";
      /** Treatment variable. */
      readonly treatment: string;
      /** Mediator variable. */
      readonly mediator: string;
      /** Outcome variable. */
      readonly outcome: string;
      /** Treatment state. */
      readonly treated: string;
      /** Control state. */
      readonly control: string;
      /** Outcome state. */
      readonly outcomeState: string;
    }
  | {
      /** Probability of necessity, sufficiency, or both (Pearl 2009 §9.2) > threshold? */
      readonly type: "causation";
      /** Which probability. */
      readonly measure: "pn" | "ps" | "pns";
      /** Treatment variable. */
      readonly treatment: string;
      /** Outcome variable. */
      readonly outcome: string;
      /** Treatment state. */
      readonly treated: string;
      /** Control state. */
      readonly control: string;
      /** Outcome state. */
      readonly outcomeState: string;
      /** Threshold of the yes/no form. */
      readonly threshold: number;
    }
  | {
      /** P(target_{do} = state | given) > threshold (a unit-level counterfactual)? */
      readonly type: "counterfactual";
      /** Variable asked about. */
      readonly target: string;
      /** Its state. */
      readonly state: string;
      /** Counterfactual intervention, variable → state. */
      readonly do: Readonly<Record<string, string>>;
      /** Factual evidence, variable → state. */
      readonly given: Readonly<Record<string, string>>;
      /** Threshold of the yes/no form. */
      readonly threshold: number;
    }
  | {
      /** Is `set` a valid adjustment set for the effect of treatment on outcome? */
      readonly type: "adjustment-set";
      /** Treatment variable. */
      readonly treatment: string;
      /** Outcome variable. */
      readonly outcome: string;
      /** The candidate set. */
      readonly set: readonly string[];
    }
  | {
      /** Is P(outcome | do(treatment)) identifiable from the observed distribution? */
      readonly type: "identifiable";
      /** Treatment variable. */
      readonly treatment: string;
      /** Outcome variable. */
      readonly outcome: string;
    }
  | {
      /** Are x and y d-separated given `given`? */
      readonly type: "dseparated";
      /** First node. */
      readonly x: string;
      /** Second node. */
      readonly y: string;
      /** Conditioning set. */
      readonly given: readonly string[];
    }
  | {
      /** Does the relation hold in every DAG of the Markov equivalence class? */
      readonly type: "hypothesis";
      /** The relation. */
      readonly relation: HypothesisRelation;
      /** First node. */
      readonly a: string;
      /** Second node. */
      readonly b: string;
    };

/**
 * The exact answer of an item.
 *
 * @since 0.1.0
 */
export interface ItemAnswer {
  /** The exact value (a probability or effect, a boolean, or a string). */
  readonly value: number | boolean | string;
  /** The yes/no label, for yes/no questions. */
  readonly label?: "yes" | "no";
  /** How the label was derived from the value, e.g. `"ate > 0"`. */
  readonly rule: string;
}

/**
 * One generated question: the graph, the model (when the question has one), the structured
 * query, the exact answer, the estimand (identification items) and the text.
 *
 * @since 0.1.0
 */
export interface DatasetItem {
  /** Unique id: `<suite>-<seed>-<index>`. */
  readonly id: string;
  /** Suite that produced the item. */
  readonly suite: SuiteName;
  /** Rung of the causal ladder. */
  readonly rung: Rung;
  /** Question kind (the generator's name, e.g. `"rung2-ate"`). */
  readonly kind: string;
  /** The causal graph (the hidden DAG for Corr2cause items). */
  readonly graph: CausalGraphJson;
  /** The full model, as written by scmToJson, when the question has one. */
  readonly model?: ScmJson;
  /** The query in structured form. */
  readonly query: ItemQuery;
  /** The exact answer. */
  readonly answer: ItemAnswer;
  /** The identifying formula, for identification items that are identifiable. */
  readonly estimand?: string;
  /** Natural-language rendering. */
  readonly text: {
    /** What the reader is told (graph, parameters, or independence facts). */
    readonly premise: string;
    /** The question. */
    readonly question: string;
  };
  /** Seed of the generating run. */
  readonly seed: string | number;
  /** Index of the item in its run (with the seed, regenerates it). */
  readonly index: number;
  /** Train/test split, assigned from a hash of the unlabelled graph structure. */
  readonly split?: "train" | "test";
}

const stringArray = { type: "array", items: { type: "string" } } as const;
const edgeArray = {
  type: "array",
  items: { type: "array", items: { type: "string" }, minItems: 2, maxItems: 2 },
} as const;
const assignment = { type: "object", additionalProperties: { type: "string" } } as const;
const str = { type: "string" } as const;
const num = { type: "number" } as const;

function queryShape(
  type: readonly string[],
  props: Record<string, object>,
): Record<string, unknown> {
  return {
    type: "object",
    required: ["type", ...Object.keys(props)],
    additionalProperties: false,
    properties: { type: { enum: type }, ...props },
  };
}

const effectProps = { treatment: str, outcome: str, treated: str, control: str, outcomeState: str };

/**
 * JSON Schema (draft 2020-12) of one {@link DatasetItem} line; published as
 * `schema/dataset-item.schema.json`.
 *
 * @since 0.1.0
 */
export const datasetItemSchema: Readonly<Record<string, unknown>> = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://causalkit.dev/schema/dataset-item.schema.json",
  title: "causalkit dataset item",
  type: "object",
  required: ["id", "suite", "rung", "kind", "graph", "query", "answer", "text", "seed", "index"],
  additionalProperties: false,
  properties: {
    id: str,
    suite: { enum: ["ladder", "corr2cause", "identification", "custom"] },
    rung: { enum: [1, 2, 3] },
    kind: str,
    graph: {
      type: "object",
      required: ["nodes", "directed", "bidirected"],
      properties: {
        nodes: stringArray,
        directed: edgeArray,
        bidirected: edgeArray,
        latent: stringArray,
        exposure: stringArray,
        outcome: stringArray,
        adjusted: stringArray,
      },
      additionalProperties: false,
    },
    model: { type: "object" },
    query: {
      oneOf: [
        queryShape(["marginal"], { target: str, state: str, threshold: num }),
        queryShape(["conditional"], { target: str, state: str, given: assignment, threshold: num }),
        queryShape(["correlation"], {
          x: str,
          y: str,
          treated: str,
          control: str,
          outcomeState: str,
        }),
        queryShape(["explaining-away"], {
          a: str,
          b: str,
          c: str,
          aState: str,
          bState: str,
          cState: str,
        }),
        queryShape(["ate", "ett"], effectProps),
        queryShape(["nde", "nie"], { ...effectProps, mediator: str }),
        queryShape(["causation"], {
          ...effectProps,
          measure: { enum: ["pn", "ps", "pns"] },
          threshold: num,
        }),
        queryShape(["counterfactual"], {
          target: str,
          state: str,
          do: assignment,
          given: assignment,
          threshold: num,
        }),
        queryShape(["adjustment-set"], { treatment: str, outcome: str, set: stringArray }),
        queryShape(["identifiable"], { treatment: str, outcome: str }),
        queryShape(["dseparated"], { x: str, y: str, given: stringArray }),
        queryShape(["hypothesis"], {
          relation: {
            enum: ["parent", "child", "ancestor", "descendant", "collider", "confounder"],
          },
          a: str,
          b: str,
        }),
      ],
    },
    answer: {
      type: "object",
      required: ["value", "rule"],
      additionalProperties: false,
      properties: {
        value: { anyOf: [{ type: "number" }, { type: "boolean" }, { type: "string" }] },
        label: { enum: ["yes", "no"] },
        rule: str,
      },
    },
    estimand: str,
    text: {
      type: "object",
      required: ["premise", "question"],
      additionalProperties: false,
      properties: { premise: str, question: str },
    },
    seed: { anyOf: [{ type: "string" }, { type: "number" }] },
    index: { type: "integer", minimum: 0 },
    split: { enum: ["train", "test"] },
  },
};
