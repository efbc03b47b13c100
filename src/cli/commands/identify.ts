import { InvalidArgumentError } from "../../errors.js";
import { formatEstimand, formatEstimandLatex, identify } from "../../identification/index.js";
import type { LoadedModel } from "../load-model.js";
import { formatSet, requireList, splitList } from "../output.js";
import { optionalCount } from "./query.js";

/** Options of `causalkit identify`. */
export interface IdentifyOptions {
  readonly treatment?: string | readonly string[];
  readonly outcome?: string | readonly string[];
  readonly given?: string | readonly string[];
  readonly maxSets?: string | number;
}

/** Option names `causalkit identify` accepts in a batch request. */
export const IDENTIFY_OPTIONS: readonly string[] = ["treatment", "outcome", "given", "maxSets"];

/** The JSON of `causalkit identify` (the contract's keys first; more may be added). */
export interface IdentifyCommandResult {
  readonly identifiable: boolean;
  readonly strategy: "backdoor" | "frontdoor" | "id" | "none";
  readonly estimand: string | null;
  readonly latex: string | null;
  readonly adjustmentSets: readonly (readonly string[])[];
  readonly frontdoorSets: readonly (readonly string[])[];
  readonly frontdoorSetsComplete: boolean;
  readonly adjustmentSetsComplete: boolean;
  readonly instruments: readonly {
    readonly instrument: string;
    readonly given: readonly string[];
  }[];
  readonly hedge: { readonly f: readonly string[]; readonly fPrime: readonly string[] } | null;
  readonly kind: string;
  readonly set: readonly string[] | null;
  readonly alternatives: readonly {
    readonly strategy: string;
    readonly estimand: string;
    readonly set: readonly string[];
  }[];
}

/**
 * `causalkit identify MODEL --treatment X[,X2] --outcome Y [--given Z]`: is the effect
 * identifiable, by which strategy and formula (text and LaTeX), with the minimal adjustment and
 * front-door sets, the instruments and, if not identifiable, the hedge.
 */
export function runIdentify(loaded: LoadedModel, options: IdentifyOptions): IdentifyCommandResult {
  const treatment = requireList(options.treatment ?? rolesOf(loaded, "exposure"), "--treatment");
  const outcome = requireList(options.outcome ?? rolesOf(loaded, "outcome"), "--outcome");
  const given = splitList(options.given, "--given");
  const maxSets = optionalCount(options.maxSets, "--max-sets");
  const r = identify(
    loaded.graph,
    { treatment, outcome, given },
    maxSets !== undefined ? { maxSets } : {},
  );
  if (r.kind === "invalid")
    throw new InvalidArgumentError(`cli.${r.reason ?? "invalid query"}`, "query");
  return {
    identifiable: r.identifiable,
    strategy: r.strategy,
    estimand: r.estimand ? formatEstimand(r.estimand) : null,
    latex: r.estimand ? formatEstimandLatex(r.estimand) : null,
    adjustmentSets: r.adjustmentSets,
    frontdoorSets: r.frontdoorSets,
    frontdoorSetsComplete: r.frontdoorSetsComplete,
    adjustmentSetsComplete: r.adjustmentSetsComplete,
    instruments: r.instruments,
    hedge: r.hedge ? { f: r.hedge.f, fPrime: r.hedge.fPrime } : null,
    kind: r.kind,
    set: r.set,
    alternatives: r.alternatives.map((a) => ({
      strategy: a.strategy,
      estimand: formatEstimand(a.estimand),
      set: a.set,
    })),
  };
}

function rolesOf(loaded: LoadedModel, role: "exposure" | "outcome"): string[] | undefined {
  const marked = loaded.graph.nodesWithRole(role);
  return marked.length > 0 ? marked : undefined;
}

/** The human-readable form of an {@link IdentifyCommandResult}. */
export function describeIdentify(r: IdentifyCommandResult): string {
  if (!r.identifiable) {
    return `not identifiable; hedge F = ${formatSet(r.hedge?.f ?? [])}, F' = ${formatSet(r.hedge?.fPrime ?? [])}`;
  }
  const lines = [
    `identifiable (${r.kind === "no-effect" ? "no causal effect" : r.strategy}): ${r.estimand}`,
  ];
  for (const a of r.alternatives.slice(1)) lines.push(`  also (${a.strategy}): ${a.estimand}`);
  if (r.instruments.length > 0) {
    lines.push(
      `instruments: ${r.instruments.map((i) => (i.given.length ? `${i.instrument} | ${formatSet(i.given)}` : i.instrument)).join("; ")}`,
    );
  }
  return lines.join("\n");
}
