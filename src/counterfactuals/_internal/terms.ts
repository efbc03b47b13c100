// Reading counterfactual targets and evidence into (variable, world) terms.
import { InvalidArgumentError } from "../../errors.js";
import { toEntries } from "../../interventions/_internal/entries.js";
import type { Scm } from "../../scm/scm.js";
import {
  encodeFor,
  FACTUAL,
  type ResolvedWorld,
  requireVariable,
  resolveWorld,
  termLabel,
  valueText,
} from "./world.js";

/** A counterfactual variable: `variable` in `world`. */
export interface ResolvedTerm {
  readonly variable: string;
  readonly world: ResolvedWorld;
  /** `Y` or `Y_{X=x}`. */
  readonly label: string;
}

/** An observation of a term: its encoded value and the value's text. */
export interface ResolvedEvidence {
  readonly term: ResolvedTerm;
  readonly value: number;
  readonly text: string;
}

function term(model: Scm, variable: unknown, world: ResolvedWorld, where: string): ResolvedTerm {
  if (typeof variable !== "string") {
    throw new InvalidArgumentError(`${where}: a variable name must be a string`, "targets");
  }
  requireVariable(model, variable, where);
  return { variable, world, label: termLabel(variable, world) };
}

/** One term given as `{ variable, do? }`. */
export function readTerm(model: Scm, input: unknown, where: string, what: string): ResolvedTerm {
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    throw new InvalidArgumentError(`${where}: ${what} must be { variable, do? }`, what);
  }
  const t = input as { variable?: unknown; do?: unknown };
  const world = resolveWorld(model, t.do, where, `${what}.do`);
  return term(model, t.variable, world, where);
}

/**
 * Targets: a name, a term, or an array of names and terms. Names are taken in `defaultWorld`.
 * Distinct labels required.
 */
export function readTargets(
  model: Scm,
  targets: unknown,
  defaultWorld: ResolvedWorld,
  where: string,
): ResolvedTerm[] {
  const list: unknown[] =
    typeof targets === "string" ||
    (targets !== null && typeof targets === "object" && !Array.isArray(targets))
      ? [targets]
      : Array.isArray(targets)
        ? targets
        : [];
  if (list.length === 0) {
    throw new InvalidArgumentError(
      `${where}: targets must be a variable name, a { variable, do } term or a non-empty array of them`,
      "targets",
    );
  }
  const out: ResolvedTerm[] = [];
  const labels = new Set<string>();
  list.forEach((t, i) => {
    const r =
      typeof t === "string"
        ? term(model, t, defaultWorld, where)
        : readTerm(model, t, where, `targets[${i}]`);
    if (labels.has(r.label)) {
      throw new InvalidArgumentError(`${where}: target "${r.label}" is listed twice`, "targets");
    }
    labels.add(r.label);
    out.push(r);
  });
  return out;
}

/** Factual evidence (`given`) and counterfactual evidence (`givenCounterfactual`). */
export function readEvidence(
  model: Scm,
  given: unknown,
  givenCounterfactual: unknown,
  where: string,
): ResolvedEvidence[] {
  const out: ResolvedEvidence[] = [];
  const add = (t: ResolvedTerm, raw: unknown): void => {
    const value = encodeFor(model, t.variable, raw, where);
    out.push({ term: t, value, text: valueText(model, t.variable, value) });
  };
  if (given !== undefined) {
    for (const [name, raw] of toEntries(given, where, "given")) {
      add(term(model, name, FACTUAL, where), raw);
    }
  }
  if (givenCounterfactual !== undefined) {
    if (!Array.isArray(givenCounterfactual)) {
      throw new InvalidArgumentError(
        `${where}: givenCounterfactual must be an array of { variable, do, value }`,
        "givenCounterfactual",
      );
    }
    givenCounterfactual.forEach((e, i) => {
      const t = readTerm(model, e, where, `givenCounterfactual[${i}]`);
      add(t, (e as { value?: unknown }).value);
    });
  }
  return out;
}

/** The distinct worlds of some terms, in order of first appearance. */
export function worldsOf(terms: readonly ResolvedTerm[]): ResolvedWorld[] {
  const seen = new Map<string, ResolvedWorld>();
  for (const t of terms) if (!seen.has(t.world.key)) seen.set(t.world.key, t.world);
  return [...seen.values()];
}

/** The default world's assignments as text, for result metadata. */
export function worldText(world: ResolvedWorld): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, a] of world.assignments) {
    out.set(name, a.kind === "value" ? a.text : termLabel(name, a.world));
  }
  return out;
}
