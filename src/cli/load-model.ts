import { readFileSync } from "node:fs";
import { extname } from "node:path";
import { InvalidArgumentError } from "../errors.js";
import type { ReadonlyCausalGraph } from "../graph/index.js";
import { parseBif, parseDagitty, parseDot, parseGraphJson } from "../io/index.js";
import { type Scm, scmFromJson } from "../scm/index.js";

/** What a model file holds: always a graph, and a full SCM when the format carries one. */
export interface LoadedModel {
  /** Where it came from (a path or `-`). */
  readonly source: string;
  /** The causal graph (for an SCM, its graph). */
  readonly graph: ReadonlyCausalGraph;
  /** The SCM, for BIF and causalkit SCM JSON files. */
  readonly model?: Scm;
}

/** Input formats the CLI reads. */
export type InputFormat = "bif" | "scm-json" | "graph-json" | "dagitty" | "dot";

/**
 * Reads a model file (`-` = standard input), choosing the parser by extension
 * (`.bif`, `.json`, `.dagitty`/`.txt`, `.dot`/`.gv`) or, for stdin and unknown extensions, by
 * the first word of the content.
 */
export function loadModel(source: string, format?: InputFormat): LoadedModel {
  const text = readText(source);
  const kind = format ?? detectFormat(source, text);
  switch (kind) {
    case "bif": {
      const model = parseBif(text);
      return { source, graph: model.graph, model };
    }
    case "scm-json":
    case "graph-json": {
      // The parsers get the text, not the parsed object, so that errors carry line and column.
      if (kind === "scm-json" || isScmJson(text)) {
        const model = scmFromJson(text);
        return { source, graph: model.graph, model };
      }
      return { source, graph: parseGraphJson(text) };
    }
    case "dagitty":
      return { source, graph: parseDagitty(text) };
    case "dot":
      return { source, graph: parseDot(text) };
  }
}

function readText(source: string): string {
  try {
    return readFileSync(source === "-" ? 0 : source, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : String(code);
    throw new InvalidArgumentError(`cli: cannot read model file "${source}": ${why}`, "MODEL");
  }
}

function detectFormat(source: string, text: string): InputFormat {
  switch (extname(source).toLowerCase()) {
    case ".bif":
      return "bif";
    case ".json":
      return "graph-json";
    case ".dagitty":
    case ".txt":
      return "dagitty";
    case ".dot":
    case ".gv":
      return "dot";
  }
  const start = text.replace(/^(\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*/, "");
  if (start.startsWith("{") || start.startsWith("[")) return "graph-json";
  if (/^network\b/.test(start)) return "bif";
  if (/^(strict\s+)?(di)?graph\b/i.test(start)) return "dot";
  if (/^(dag|pdag|mag|pag)\b/.test(start)) return "dagitty";
  throw new InvalidArgumentError(
    `cli: cannot tell the format of "${source}"; use a .bif, .json, .dagitty, .txt or .dot file`,
    "MODEL",
  );
}

/**
 * Whether JSON text is a causalkit SCM rather than a graph: it names the format, or has the
 * SCM's `variables`/`exogenous` keys and no graph `nodes` key.
 */
function isScmJson(text: string): boolean {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return /"variables"\s*:/.test(text);
  }
  if (typeof json !== "object" || json === null) return false;
  if ((json as { format?: unknown }).format === "causalkit-scm") return true;
  return !("nodes" in json) && ("variables" in json || "exogenous" in json);
}
