import { InvalidArgumentError } from "../../errors.js";
import type { ReadonlyCausalGraph } from "../../graph/index.js";
import { adjustmentSets, isBackdoorAdjustmentSet } from "../../identification/index.js";
import type { LoadedModel } from "../load-model.js";
import { byCodeUnit, formatSet, splitList } from "../output.js";

/** Options of `causalkit adjust`. */
export interface AdjustOptions {
  readonly treatment?: string;
  readonly outcome?: string;
  readonly check?: string;
}

/** `{"sets": [[...]]}` (all minimal sets) or, with `--check`, `{"valid": bool}`. */
export type AdjustResult =
  | { readonly sets: string[][]; readonly treatment: string[]; readonly outcome: string[] }
  | {
      readonly valid: boolean;
      readonly backdoor: boolean;
      readonly set: string[];
      readonly treatment: string[];
      readonly outcome: string[];
    };

/**
 * `causalkit adjust MODEL --treatment X --outcome Y [--check Z1,Z2]`: all minimal adjustment
 * sets (each sorted; `[]` = none exists, `[[]]` = the empty set suffices), or whether a given
 * set is valid. Latent nodes never appear.
 */
export function adjust(loaded: LoadedModel, options: AdjustOptions): AdjustResult {
  const { graph } = loaded;
  const treatment = roleOrList(graph, options.treatment, "exposure", "--treatment");
  const outcome = roleOrList(graph, options.outcome, "outcome", "--outcome");
  if (options.check !== undefined) {
    const set = splitList(options.check).sort(byCodeUnit);
    const valid = isBackdoorAdjustmentSet(graph, treatment, outcome, set);
    return { valid, backdoor: valid, set, treatment, outcome };
  }
  const sets = adjustmentSets(graph, treatment, outcome)
    .map((s) => [...s].sort(byCodeUnit))
    .sort(compareSets);
  return { sets, treatment, outcome };
}

/** The human-readable form of an {@link AdjustResult}. */
export function describeAdjust(r: AdjustResult): string {
  if ("valid" in r) return `${formatSet(r.set)} is ${r.valid ? "" : "not "}a valid adjustment set`;
  if (r.sets.length === 0) {
    return `no adjustment set identifies the effect of ${formatSet(r.treatment)} on ${formatSet(r.outcome)}`;
  }
  return r.sets.map(formatSet).join("\n");
}

function compareSets(a: readonly string[], b: readonly string[]): number {
  if (a.length !== b.length) return a.length - b.length;
  for (let i = 0; i < a.length; i++) {
    const c = byCodeUnit(a[i] as string, b[i] as string);
    if (c !== 0) return c;
  }
  return 0;
}

/** The listed nodes, or else the nodes carrying the role in the model file (dagitty `[exposure]`). */
function roleOrList(
  graph: ReadonlyCausalGraph,
  value: string | undefined,
  role: "exposure" | "outcome",
  option: string,
): string[] {
  const list = splitList(value);
  if (list.length > 0) return list;
  const marked = graph.nodesWithRole(role);
  if (marked.length > 0) return marked;
  throw new InvalidArgumentError(
    `cli.adjust: ${option} is required (the model marks no ${role} node)`,
    option,
  );
}
