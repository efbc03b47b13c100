import { InvalidArgumentError } from "../errors.js";
import { CausalGraph } from "../graph/causal-graph.js";
import { checkChoice, checkOptions } from "./_internal/validate.js";

/**
 * Names of the canonical graph templates of {@link templateGraph}.
 *
 * @since 0.1.0
 */
export type TemplateName =
  | "chain"
  | "fork"
  | "collider"
  | "confounding"
  | "mediation"
  | "frontdoor"
  | "iv"
  | "arrowhead"
  | "diamond"
  | "diamondcut"
  | "m-bias"
  | "napkin"
  | "two-causes"
  | "triangle";

interface TemplateDefinition {
  /** Observed nodes, in node order. */
  readonly nodes: readonly string[];
  readonly directed: readonly (readonly [string, string])[];
  /** Latent common causes: `[latentSlot, a, b]` = latentSlot → a, latentSlot → b, or a ↔ b. */
  readonly latent: readonly (readonly [string, string, string])[];
}

const TEMPLATES: Readonly<Record<TemplateName, TemplateDefinition>> = {
  chain: {
    nodes: ["X", "M", "Y"],
    directed: [
      ["X", "M"],
      ["M", "Y"],
    ],
    latent: [],
  },
  fork: {
    nodes: ["Z", "X", "Y"],
    directed: [
      ["Z", "X"],
      ["Z", "Y"],
    ],
    latent: [],
  },
  collider: {
    nodes: ["X", "Y", "C"],
    directed: [
      ["X", "C"],
      ["Y", "C"],
    ],
    latent: [],
  },
  confounding: {
    nodes: ["Z", "X", "Y"],
    directed: [
      ["Z", "X"],
      ["Z", "Y"],
      ["X", "Y"],
    ],
    latent: [],
  },
  mediation: {
    nodes: ["X", "M", "Y"],
    directed: [
      ["X", "M"],
      ["M", "Y"],
      ["X", "Y"],
    ],
    latent: [],
  },
  frontdoor: {
    nodes: ["X", "M", "Y"],
    directed: [
      ["X", "M"],
      ["M", "Y"],
    ],
    latent: [["U", "X", "Y"]],
  },
  iv: {
    nodes: ["Z", "X", "Y"],
    directed: [
      ["Z", "X"],
      ["X", "Y"],
    ],
    latent: [["U", "X", "Y"]],
  },
  arrowhead: {
    nodes: ["X", "M", "Y"],
    directed: [
      ["X", "M"],
      ["X", "Y"],
      ["M", "Y"],
    ],
    latent: [["U", "M", "Y"]],
  },
  diamond: {
    nodes: ["X", "M1", "M2", "Y"],
    directed: [
      ["X", "M1"],
      ["X", "M2"],
      ["M1", "Y"],
      ["M2", "Y"],
    ],
    latent: [],
  },
  diamondcut: {
    nodes: ["Z", "X", "W", "Y"],
    directed: [
      ["Z", "X"],
      ["Z", "W"],
      ["X", "Y"],
      ["W", "Y"],
    ],
    latent: [],
  },
  "m-bias": {
    nodes: ["X", "Y", "M", "U1", "U2"],
    directed: [
      ["U1", "X"],
      ["U1", "M"],
      ["U2", "M"],
      ["U2", "Y"],
      ["X", "Y"],
    ],
    latent: [],
  },
  napkin: {
    nodes: ["W", "Z", "X", "Y"],
    directed: [
      ["W", "Z"],
      ["Z", "X"],
      ["X", "Y"],
    ],
    latent: [
      ["U1", "W", "X"],
      ["U2", "W", "Y"],
    ],
  },
  "two-causes": {
    nodes: ["X", "Z", "Y"],
    directed: [
      ["X", "Y"],
      ["Z", "Y"],
    ],
    latent: [],
  },
  triangle: {
    nodes: ["X", "Y", "C"],
    directed: [
      ["X", "Y"],
      ["X", "C"],
      ["Y", "C"],
    ],
    latent: [],
  },
};

/**
 * Every template name of {@link templateGraph}, in documentation order.
 *
 * @since 0.1.0
 */
export const TEMPLATE_NAMES: readonly TemplateName[] = Object.freeze(
  Object.keys(TEMPLATES) as TemplateName[],
);

/**
 * Options of {@link templateGraph}.
 *
 * @since 0.1.0
 */
export interface TemplateOptions {
  /**
   * New names for some of the template's nodes, keyed by their default name (e.g.
   * `{ X: "smoking", M: "tar", Y: "cancer" }`); the keys of explicit latent nodes (`U`, `U1`,
   * `U2`) are accepted in both `latent` modes. The resulting names must be distinct.
   *
   * @defaultValue the default names listed in {@link templateGraph}
   */
  readonly names?: Readonly<Record<string, string>>;
  /**
   * How the unobserved common causes of `frontdoor`, `iv`, `arrowhead` and `napkin` are drawn:
   * `"bidirected"` as bidirected edges, `"explicit"` as root nodes with role `latent` (added
   * after the observed nodes) and two outgoing edges each.
   *
   * @defaultValue "bidirected"
   */
  readonly latent?: "bidirected" | "explicit";
}

/**
 * A canonical small causal graph, with X marked `exposure` and Y marked `outcome`. Node order is
 * the order listed; default names:
 *
 * - `chain`: X → M → Y.
 * - `fork`: X ← Z → Y (a common cause; Pearl, Glymour & Jewell 2016, *Causal Inference in
 *   Statistics: A Primer*, §2.2). Not CLadder's "fork", which is `two-causes` here.
 * - `collider`: X → C ← Y (CLadder's "collision").
 * - `confounding`: Z → X, Z → Y, X → Y.
 * - `mediation`: X → M, M → Y, X → Y.
 * - `frontdoor`: X → M → Y, X ↔ Y (latent U → X, U → Y; Pearl 2009, *Causality*, §3.3.2).
 * - `iv`: Z → X → Y, X ↔ Y (latent U → X, U → Y; Z is the instrument).
 * - `arrowhead`: X → M, X → Y, M → Y, M ↔ Y (latent U → M, U → Y).
 * - `diamond`: X → M1, X → M2, M1 → Y, M2 → Y.
 * - `diamondcut`: Z → X, Z → W, X → Y, W → Y.
 * - `m-bias`: U1 → X, U1 → M, U2 → M, U2 → Y, X → Y (all observed; adjusting for the collider
 *   M opens X ← U1 → M ← U2 → Y; Greenland 2003).
 * - `napkin`: W → Z → X → Y, W ↔ X, W ↔ Y (latent U1 → W, U1 → X, U2 → W, U2 → Y; Pearl &
 *   Mackenzie 2018, *The Book of Why*, p. 240).
 * - `two-causes`: X → Y ← Z (CLadder's "fork").
 * - `triangle`: X → Y, X → C, Y → C (CLadder's "triangle").
 *
 * Eleven of these are the graphs of the CLadder benchmark (Jin et al. 2023), edge for edge,
 * with CLadder's node names V1–V3 mapped as follows: `confounding` (V1 = Z), `mediation`
 * (V2 = M), `chain` (V2 = M), `collider` ("collision", V3 = C), `two-causes` ("fork",
 * V2 = Z), `triangle` (V3 = C), `iv` (V1 = U unobserved, V2 = Z), `frontdoor` (V1 = U
 * unobserved, V3 = M), `arrowhead` (V2 = U unobserved, V3 = M), `diamond` (V2 = M1,
 * V3 = M2), `diamondcut` (V1 = Z, V3 = W).
 *
 * @param name - the template
 * @param options - renaming and the representation of latent common causes
 * @returns a new (mutable) graph
 * @throws {@link InvalidArgumentError} for an unknown template, an unknown key in `names`,
 *   a non-string or duplicate resulting name, or a bad `latent`
 * @see Jin et al. (2023), "CLadder: Assessing causal reasoning in language models", NeurIPS 36
 *   (graph definitions in causalNLP/cladder, causalbenchmark/graphs/stories/phenomena.py);
 *   Greenland (2003), "Quantifying biases in causal models", Epidemiology 14(3).
 * @example
 * ```ts
 * const g = templateGraph("frontdoor", { names: { X: "smoking", M: "tar", Y: "cancer" } });
 * g.bidirectedEdges(); // [["smoking", "cancer"]]
 * ```
 * @since 0.1.0
 */
export function templateGraph(name: TemplateName, options?: TemplateOptions): CausalGraph {
  const where = "datasets.templateGraph";
  const template = checkChoice(where, "name", name, TEMPLATE_NAMES);
  const o = checkOptions(where, options);
  const mode = checkChoice(where, "latent", o.latent ?? "bidirected", [
    "bidirected",
    "explicit",
  ] as const);
  const def = TEMPLATES[template];
  const latentSlots = [...new Set(def.latent.map(([u]) => u))];
  const slots = [...def.nodes, ...latentSlots];
  const rename = new Map<string, string>(slots.map((s) => [s, s]));
  const given = o.names ?? {};
  if (typeof given !== "object" || given === null) {
    throw new InvalidArgumentError(`${where}: names must be an object`, "names");
  }
  for (const [key, value] of Object.entries(given)) {
    if (!rename.has(key)) {
      throw new InvalidArgumentError(
        `${where}: template "${template}" has no node "${key}" (nodes: ${slots.join(", ")})`,
        key,
      );
    }
    if (typeof value !== "string") {
      throw new InvalidArgumentError(`${where}: the new name of ${key} must be a string`, key);
    }
    rename.set(key, value);
  }
  const used = mode === "explicit" ? slots : def.nodes;
  const seen = new Set<string>();
  for (const s of used) {
    const v = rename.get(s) as string;
    if (seen.has(v)) {
      throw new InvalidArgumentError(`${where}: two nodes would be named "${v}"`, v);
    }
    seen.add(v);
  }
  const r = (s: string): string => rename.get(s) as string;
  const directed = def.directed.map(([a, b]) => [r(a), r(b)] as const);
  const graph = CausalGraph.from({
    nodes: [...def.nodes, ...(mode === "explicit" ? latentSlots : [])].map(r),
    directed:
      mode === "explicit"
        ? [
            ...directed,
            ...def.latent.flatMap(([u, a, b]) => [[r(u), r(a)] as const, [r(u), r(b)] as const]),
          ]
        : directed,
    bidirected: mode === "bidirected" ? def.latent.map(([, a, b]) => [r(a), r(b)] as const) : [],
    latent: mode === "explicit" ? latentSlots.map(r) : [],
    exposure: [r("X")],
    outcome: [r("Y")],
  });
  return graph;
}
