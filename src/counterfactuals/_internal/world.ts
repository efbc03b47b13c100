// Counterfactual worlds: reading the user's intervention (values and nested world references)
// into a canonical, hashable form with a readable label.
import { InvalidArgumentError, UnknownNodeError } from "../../errors.js";
import { encodeValue } from "../../interventions/_internal/encode-value.js";
import { toEntries } from "../../interventions/_internal/entries.js";
import type { Scm } from "../../scm/scm.js";
import type { Coupling } from "../coupling.js";

/** One assignment of a world: a fixed value, or the value of the same variable in another world. */
export type WorldAssignment =
  | { readonly kind: "value"; readonly value: number; readonly text: string }
  | { readonly kind: "world"; readonly world: ResolvedWorld };

/** A world: the intervention defining it, in model order. */
export interface ResolvedWorld {
  /** Canonical key: equal keys ⇔ equal interventions. */
  readonly key: string;
  /** `X=1, M=M_{X=0}` (empty for the factual world). */
  readonly label: string;
  /** Variable → assignment, in model order. */
  readonly assignments: ReadonlyMap<string, WorldAssignment>;
}

/** The factual world (no intervention). */
export const FACTUAL: ResolvedWorld = Object.freeze({
  key: "[]",
  label: "",
  assignments: new Map<string, WorldAssignment>(),
});

/** Nested references deeper than this are rejected (and cyclic objects with them). */
const MAX_DEPTH = 32;

/** Throws an UnknownNodeError (message prefixed with `where`) unless `name` is a variable. */
export function requireVariable(model: Scm, name: string, where: string): void {
  if (typeof name !== "string" || !model.hasVariable(name)) throw unknown(name, where);
}

function unknown(name: string, where: string): UnknownNodeError {
  return new UnknownNodeError(`${where}: unknown variable "${String(name)}"`, String(name));
}

/** Encodes a value for a variable with the `doIntervention` rules. */
export function encodeFor(model: Scm, name: string, value: unknown, where: string): number {
  return encodeValue(name, model.variable(name).domain, value, where);
}

/** The text of an encoded value: a state name or the number. */
export function valueText(model: Scm, name: string, value: number): string {
  const d = model.variable(name).domain;
  return d.type === "discrete" ? (d.states[value] as string) : String(value);
}

/**
 * Resolves a user intervention (possibly with nested world references) into a world.
 *
 * @throws UnknownNodeError for an unknown variable; InvalidArgumentError for a bad value, a bad
 *   shape, or nesting deeper than 32 levels
 */
export function resolveWorld(
  model: Scm,
  intervention: unknown,
  where: string,
  what = "do",
  depth = 0,
): ResolvedWorld {
  if (intervention === undefined) return FACTUAL;
  if (depth > MAX_DEPTH) {
    throw new InvalidArgumentError(
      `${where}: nested world references deeper than ${MAX_DEPTH} levels (a cyclic object?)`,
      what,
    );
  }
  const entries = toEntries(intervention, where, what);
  const order = variableOrder(model);
  const resolved: [string, WorldAssignment][] = [];
  for (const [name, value] of entries) {
    if (!order.has(name)) throw unknown(name, where);
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      if (!("world" in value)) {
        throw new InvalidArgumentError(
          `${where}: the value of "${name}" in ${what} must be a state, a number or { world: … }`,
          name,
        );
      }
      const world = resolveWorld(
        model,
        (value as { world: unknown }).world,
        where,
        `${what}.${name}.world`,
        depth + 1,
      );
      resolved.push([name, { kind: "world", world }]);
    } else {
      const v = encodeFor(model, name, value, where);
      resolved.push([name, { kind: "value", value: v, text: valueText(model, name, v) }]);
    }
  }
  if (resolved.length === 0) return FACTUAL;
  resolved.sort((a, b) => (order.get(a[0]) as number) - (order.get(b[0]) as number));
  const key = JSON.stringify(
    resolved.map(([name, a]) => [name, a.kind === "value" ? a.value : { w: a.world.key }]),
  );
  const label = resolved
    .map(([name, a]) =>
      a.kind === "value" ? `${name}=${a.text}` : `${name}=${termLabel(name, a.world)}`,
    )
    .join(", ");
  return Object.freeze({ key, label, assignments: new Map(resolved) });
}

const ORDER_CACHE = new WeakMap<Scm, ReadonlyMap<string, number>>();

/** Variable name → its index in `model.variables` (cached per model; models are immutable). */
function variableOrder(model: Scm): ReadonlyMap<string, number> {
  let order = ORDER_CACHE.get(model);
  if (order === undefined) {
    order = new Map(model.variables.map((v, i) => [v.name, i]));
    ORDER_CACHE.set(model, order);
  }
  return order;
}

/** `Y` in the factual world, `Y_{X=1, …}` otherwise. */
export function termLabel(variable: string, world: ResolvedWorld): string {
  return world.label === "" ? variable : `${variable}_{${world.label}}`;
}

/** Reads and checks a coupling option. */
export function readCoupling(value: unknown, where: string): Coupling {
  if (value === undefined) return "inverse-cdf";
  if (value === "inverse-cdf" || value === "independent") return value;
  throw new InvalidArgumentError(
    `${where}: coupling must be "inverse-cdf" or "independent", got ${JSON.stringify(value)}`,
    "coupling",
  );
}
