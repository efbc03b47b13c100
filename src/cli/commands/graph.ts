import { InvalidArgumentError } from "../../errors.js";
import { formatDagitty, formatDot, formatGraphJson } from "../../io/index.js";
import type { LoadedModel } from "../load-model.js";

/** Options of `causalkit graph`. */
export interface GraphOptions {
  readonly format?: string;
}

/** `causalkit graph MODEL --format dot|dagitty|json`: the model's causal graph as text. */
export function graphText(loaded: LoadedModel, options: GraphOptions): string {
  const format = options.format ?? "dagitty";
  const { graph } = loaded;
  if (format === "dot") return formatDot(graph);
  if (format === "dagitty") return formatDagitty(graph);
  if (format === "json") return formatGraphJson(graph);
  throw new InvalidArgumentError(
    `cli.graph: unknown --format "${format}" (expected dot, dagitty or json)`,
    "--format",
  );
}
