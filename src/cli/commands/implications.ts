import { InvalidArgumentError } from "../../errors.js";
import { type Independence, impliedIndependencies } from "../../graph/index.js";
import type { LoadedModel } from "../load-model.js";
import { formatSet } from "../output.js";

/** Options of `causalkit implications`. */
export interface ImplicationsOptions {
  /** `pairwise` (default) or `local`. */
  readonly basis?: string;
}

/** Result of `causalkit implications`: `{"independences": [{"x", "y", "given"}]}`. */
export interface ImplicationsResult {
  readonly independences: Independence[];
}

/**
 * `causalkit implications MODEL [--basis pairwise|local]`: the conditional independences the
 * model's graph implies among its observed variables. `pairwise` (the default) gives, for every
 * non-adjacent pair of observed variables, one entry per minimal separating set; `local` gives
 * the local Markov property. Lists are in the library's order (node order of the model).
 */
export function implications(
  loaded: LoadedModel,
  options: ImplicationsOptions,
): ImplicationsResult {
  const basis = options.basis ?? "pairwise";
  if (basis !== "pairwise" && basis !== "local") {
    throw new InvalidArgumentError(
      `cli.implications: --basis must be "pairwise" or "local", got "${basis}"`,
      "--basis",
    );
  }
  return { independences: impliedIndependencies(loaded.graph, { basis }) };
}

/** The human-readable form of an {@link ImplicationsResult}: one `X _||_ Y | Z` per line. */
export function describeImplications(r: ImplicationsResult): string {
  if (r.independences.length === 0) {
    return "the model implies no conditional independences among its observed variables";
  }
  const side = (nodes: readonly string[]): string =>
    nodes.length === 1 ? (nodes[0] as string) : formatSet(nodes);
  return r.independences
    .map((s) => {
      const head = `${side(s.x)} _||_ ${side(s.y)}`;
      return s.given.length === 0 ? head : `${head} | ${s.given.join(", ")}`;
    })
    .join("\n");
}
