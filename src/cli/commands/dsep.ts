import { dSeparated } from "../../graph/index.js";
import type { LoadedModel } from "../load-model.js";
import { formatSet, requireList, splitList } from "../output.js";

/** Options of `causalkit dsep`. */
export interface DsepOptions {
  readonly x?: string | readonly string[];
  readonly y?: string | readonly string[];
  readonly given?: string | readonly string[];
}

/** Result of `causalkit dsep`: `{"separated": bool}` plus the sets asked about. */
export interface DsepResult {
  readonly separated: boolean;
  readonly x: string[];
  readonly y: string[];
  readonly given: string[];
}

/** `causalkit dsep MODEL --x A,B --y C [--given D,E]`. */
export function dsep(loaded: LoadedModel, options: DsepOptions): DsepResult {
  const x = requireList(options.x, "--x");
  const y = requireList(options.y, "--y");
  const given = splitList(options.given, "--given");
  return { separated: dSeparated(loaded.graph, x, y, given), x, y, given };
}

/** The human-readable form of a {@link DsepResult}. */
export function describeDsep(loaded: LoadedModel, r: DsepResult): string {
  const verb = loaded.graph.hasBidirectedEdges() ? "m-separated" : "d-separated";
  return `${formatSet(r.x)} and ${formatSet(r.y)} are ${r.separated ? "" : "not "}${verb} given ${formatSet(r.given)}`;
}
