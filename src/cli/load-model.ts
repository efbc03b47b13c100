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
      const json = parseJsonText(text);
      if (kind === "scm-json" || isScmJson(json)) {
        const model = scmFromJson(json);
        return { source, graph: model.graph, model };
      }
      return { source, graph: parseGraphJson(json) };
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
    `cli: cannot tell the format of "${source}"; use a .bif, .json, .dagitty, .txt or .dot file, or --input-format`,
    "MODEL",
  );
}

/** Parsed JSON, or the text itself when it is malformed (the format parsers report where). */
function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function isScmJson(json: unknown): boolean {
  if (typeof json === "string") return /"variables"\s*:/.test(json);
  return (
    typeof json === "object" &&
    json !== null &&
    ("variables" in json || (json as { format?: unknown }).format === "causalkit-scm")
  );
}
