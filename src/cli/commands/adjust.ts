import { InvalidArgumentError } from "../../errors.js";
import type { ReadonlyCausalGraph } from "../../graph/index.js";
import {
  adjustmentSets,
  findMinimumAdjustmentSet,
  isAdjustmentSet,
  isBackdoorAdjustmentSet,
  optimalAdjustmentSet,
} from "../../identification/index.js";
import type { LoadedModel } from "../load-model.js";
import { byCodeUnit, formatSet, splitList } from "../output.js";

/** Options of `causalkit adjust`. */
export interface AdjustOptions {
  readonly treatment?: string | readonly string[];
  readonly outcome?: string | readonly string[];
  readonly check?: string | readonly string[];
  /** `minimal` (default), `minimum` or `optimal`. */
  readonly type?: string;
  /** Nodes every set must contain (besides the model's `[adjusted]` nodes). */
  readonly must?: string | readonly string[];
  /** Nodes no set may contain. */
  readonly mustNot?: string | readonly string[];
}

/** The kinds of sets `causalkit adjust` can print. */
export type AdjustType = "minimal" | "minimum" | "optimal";

/**
 * `{"sets": [[...]]}` (all minimal sets, or the one minimum / optimal set) or, with `--check`,
 * `{"valid": bool, "backdoor": bool}`.
 */
export type AdjustResult =
  | {
      readonly sets: string[][];
      readonly type: AdjustType;
      readonly treatment: string[];
      readonly outcome: string[];
      readonly must: string[];
      readonly mustNot: string[];
    }
  | {
      readonly valid: boolean;
      readonly backdoor: boolean;
      readonly set: string[];
      readonly treatment: string[];
      readonly outcome: string[];
    };

/**
 * `causalkit adjust MODEL --treatment X --outcome Y [--type minimal|minimum|optimal]
 * [--must A,B] [--must-not C] [--check Z1,Z2]`.
 *
 * - `--type minimal` (default): every inclusion-minimal adjustment set under the adjustment
 *   criterion (as dagitty), each sorted, the list sorted by size then names; `[]` = none
 *   exists, `[[]]` = the empty set suffices.
 * - `--type minimum`: the one set of minimum size (`[[...]]`, or `[]` if none).
 * - `--type optimal`: the optimal adjustment set (O-set) of a DAG (`[[...]]`, or `[]` if no
 *   valid set exists); `--must` is not supported, `--must-not` nodes count as unobserved.
 * - `--check Z`: `valid` (the adjustment criterion) and `backdoor` (Pearl's back-door
 *   criterion) for the given set.
 *
 * Latent nodes never appear in a set.
 */
export function adjust(loaded: LoadedModel, options: AdjustOptions): AdjustResult {
  const { graph } = loaded;
  const treatment = roleOrList(graph, options.treatment, "exposure", "--treatment");
  const outcome = roleOrList(graph, options.outcome, "outcome", "--outcome");
  // As in dagitty, nodes marked `[adjusted]` in the model file are in every set.
  const must = [
    ...new Set([...splitList(options.must, "--must"), ...graph.nodesWithRole("adjusted")]),
  ].sort(byCodeUnit);
  const mustNot = splitList(options.mustNot, "--must-not").sort(byCodeUnit);
  if (options.check !== undefined) {
    for (const [flag, given] of [
      ["--type", options.type !== undefined],
      ["--must", options.must !== undefined],
      ["--must-not", options.mustNot !== undefined],
    ] as const) {
      if (given) {
        throw new InvalidArgumentError(`cli.adjust: ${flag} cannot be combined with --check`, flag);
      }
    }
    const set = splitList(options.check, "--check").sort(byCodeUnit);
    const valid = isAdjustmentSet(graph, treatment, outcome, set);
    const backdoor = isBackdoorAdjustmentSet(graph, treatment, outcome, set);
    return { valid, backdoor, set, treatment, outcome };
  }
  const type = adjustType(options.type);
  const range = { include: must, exclude: mustNot };
  let sets: string[][];
  if (type === "minimal") {
    sets = adjustmentSets(graph, treatment, outcome, range).map((s) => [...s].sort(byCodeUnit));
    sets.sort(compareSets);
  } else if (type === "minimum") {
    const found = findMinimumAdjustmentSet(graph, treatment, outcome, range);
    sets = found === null ? [] : [found.sort(byCodeUnit)];
  } else {
    if (must.length > 0) {
      throw new InvalidArgumentError(
        "cli.adjust: --must (or [adjusted] nodes) cannot be combined with --type optimal (the optimal set is fixed)",
        "--must",
      );
    }
    const found = optimalAdjustmentSet(graph, treatment, outcome, { exclude: mustNot });
    sets = found === null ? [] : [found.sort(byCodeUnit)];
  }
  return { sets, type, treatment, outcome, must, mustNot };
}

/** The human-readable form of an {@link AdjustResult}. */
export function describeAdjust(r: AdjustResult): string {
  if ("valid" in r) {
    if (!r.valid) return `${formatSet(r.set)} is not a valid adjustment set`;
    return `${formatSet(r.set)} is a valid adjustment set (adjustment criterion); it ${
      r.backdoor ? "also satisfies" : "does not satisfy"
    } the back-door criterion`;
  }
  if (r.sets.length === 0) {
    return `no adjustment set identifies the effect of ${formatSet(r.treatment)} on ${formatSet(r.outcome)}`;
  }
  return r.sets.map(formatSet).join("\n");
}

function adjustType(value: string | undefined): AdjustType {
  if (value === undefined) return "minimal";
  if (value === "minimal" || value === "minimum" || value === "optimal") return value;
  throw new InvalidArgumentError(
    `cli.adjust: --type must be minimal, minimum or optimal, got "${value}"`,
    "--type",
  );
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
  value: string | readonly string[] | undefined,
  role: "exposure" | "outcome",
  option: string,
): string[] {
  const list = splitList(value, option);
  if (list.length > 0) return list;
  const marked = graph.nodesWithRole(role);
  if (marked.length > 0) return marked;
  throw new InvalidArgumentError(
    `cli.adjust: ${option} is required (the model marks no ${role} node)`,
    option,
  );
}
