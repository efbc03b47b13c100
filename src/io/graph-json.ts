import { CycleError, InvalidArgumentError, ParseError } from "../errors.js";
import { CausalGraph, type ReadonlyCausalGraph } from "../graph/causal-graph.js";
import { findJsonSyntaxError, lineColumn } from "./_internal/json-syntax.js";

const WHERE = "io.parseGraphJson";
const ROLE_FIELDS = ["latent", "exposure", "outcome", "adjusted"] as const;
const EDGE_FIELDS = ["directed", "bidirected"] as const;
const KNOWN_FIELDS = new Set<string>(["$schema", "nodes", ...EDGE_FIELDS, ...ROLE_FIELDS]);

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/**
 * JSON Schema (draft 2020-12) of the JSON graph format read by {@link parseGraphJson} and
 * written by {@link formatGraphJson} and {@link CausalGraph.toJSON}:
 *
 * ```json
 * { "nodes": ["A", "B", "C"], "directed": [["A", "B"]], "bidirected": [["A", "C"]],
 *   "latent": [], "exposure": ["A"], "outcome": ["B"], "adjusted": [] }
 * ```
 *
 * `nodes` is required and has no duplicates; `directed` and `bidirected` are lists of pairs
 * of node names (absent means empty); the role lists are optional; `$schema` is allowed;
 * other properties are not. Rules the schema cannot express and {@link parseGraphJson} also
 * checks: every name in an edge or role list is in `nodes`, no edge joins a node to itself,
 * and the directed edges have no cycle. The object is deeply frozen.
 *
 * @example
 * ```ts
 * import Ajv2020 from "ajv/dist/2020.js";
 * const validate = new Ajv2020().compile(graphJsonSchema);
 * validate(graph.toJSON()); // true
 * ```
 * @since 0.1.0
 */
export const graphJsonSchema: Readonly<Record<string, unknown>> = deepFreeze({
  $schema: "https://json-schema.org/draft/2020-12/schema",
  title: "causalkit causal graph",
  description:
    "A causal graph (DAG or ADMG): node names, directed edges [from, to] (direct causes), " +
    "bidirected edges [a, b] (latent common causes) and optional node roles. Every name in an " +
    "edge or role list must be in nodes, edges must not be self-loops, and the directed edges " +
    "must be acyclic.",
  type: "object",
  required: ["nodes"],
  additionalProperties: false,
  properties: {
    $schema: { type: "string" },
    nodes: {
      description: "Node names, in order.",
      type: "array",
      items: { type: "string" },
      uniqueItems: true,
    },
    directed: {
      description: "Directed edges [from, to].",
      type: "array",
      items: { $ref: "#/$defs/edge" },
    },
    bidirected: {
      description: "Bidirected edges [a, b]: a latent common cause of a and b.",
      type: "array",
      items: { $ref: "#/$defs/edge" },
    },
    latent: { description: "Unobserved nodes.", $ref: "#/$defs/nodeList" },
    exposure: { description: "Exposure (treatment) nodes.", $ref: "#/$defs/nodeList" },
    outcome: { description: "Outcome nodes.", $ref: "#/$defs/nodeList" },
    adjusted: { description: "Nodes already adjusted for.", $ref: "#/$defs/nodeList" },
  },
  $defs: {
    edge: {
      type: "array",
      prefixItems: [{ type: "string" }, { type: "string" }],
      items: false,
      minItems: 2,
    },
    nodeList: { type: "array", items: { type: "string" } },
  },
});

/**
 * Reads a graph in the JSON graph format
 * `{nodes, directed: [[a, b]], bidirected: [[a, b]], latent?, exposure?, outcome?, adjusted?}`
 * (what {@link CausalGraph.toJSON} produces and {@link graphJsonSchema} describes).
 *
 * Nodes keep the order of `nodes`, edges the order of their lists. Duplicate edges are merged;
 * duplicate names in a role list are harmless.
 *
 * @param input - JSON text (a string), or an already parsed value (e.g. the result of
 *   `JSON.parse` or of {@link CausalGraph.toJSON}; it is not modified)
 * @returns a new graph
 * @throws {@link ParseError} (format `"json"`) if `input` is a string that is not valid JSON,
 *   with the 1-based `line` and `column` of the first syntax error
 * @throws {@link InvalidArgumentError} if the value does not have the shape of a graph; the
 *   message and `argument` name the offending field, e.g. `directed[3]` ("must be a pair of
 *   node names"), `nodes[2]` (a duplicate), `latent[0]` (not in `nodes`), or an unknown field
 * @throws {@link CycleError} if the directed edges form a cycle (the message names the list
 *   entry that closes it)
 * @remarks O(n + m) for n nodes and m edges.
 * @see RFC 8259, "The JavaScript Object Notation (JSON) Data Interchange Format" (2017);
 *   {@link graphJsonSchema} for the format.
 * @example
 * ```ts
 * const g = parseGraphJson('{"nodes": ["X", "Y"], "directed": [["X", "Y"]], "exposure": ["X"]}');
 * g.parents("Y"); // ["X"]
 * ```
 * @since 0.1.0
 */
export function parseGraphJson(input: unknown): CausalGraph {
  const value = typeof input === "string" ? parseJsonText(input) : input;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new InvalidArgumentError(
      `${WHERE}: the graph must be a JSON object, got ${kindOf(value)}`,
      "graph",
    );
  }
  const record = value as Record<string, unknown>;
  const field = (key: string): unknown => record[key];
  for (const key of Object.keys(record)) {
    if (!KNOWN_FIELDS.has(key)) {
      throw new InvalidArgumentError(
        `${WHERE}: unknown field ${JSON.stringify(key)} (expected nodes, directed, bidirected, ${ROLE_FIELDS.join(", ")})`,
        key,
      );
    }
  }
  if (Object.hasOwn(record, "$schema") && typeof field("$schema") !== "string") {
    throw invalid("$schema", "must be a string");
  }
  if (!Object.hasOwn(record, "nodes")) throw invalid("nodes", "is required");
  const nodes = stringList(field("nodes"), "nodes");
  const known = new Set<string>();
  nodes.forEach((v, i) => {
    if (known.has(v)) throw invalid(`nodes[${i}]`, `duplicates the node ${JSON.stringify(v)}`);
    known.add(v);
  });
  const checkKnown = (v: string, path: string): void => {
    if (!known.has(v)) throw invalid(path, `names ${JSON.stringify(v)}, which is not in nodes`);
  };

  const edges: Record<(typeof EDGE_FIELDS)[number], [string, string][]> = {
    directed: [],
    bidirected: [],
  };
  for (const name of EDGE_FIELDS) {
    if (!Object.hasOwn(record, name)) continue;
    const list = field(name);
    if (!Array.isArray(list)) throw invalid(name, `must be an array, got ${kindOf(list)}`);
    list.forEach((pair: unknown, i) => {
      const path = `${name}[${i}]`;
      if (
        !Array.isArray(pair) ||
        pair.length !== 2 ||
        typeof pair[0] !== "string" ||
        typeof pair[1] !== "string"
      ) {
        throw invalid(path, "must be a pair of node names");
      }
      const [a, b] = pair as [string, string];
      checkKnown(a, `${path}[0]`);
      checkKnown(b, `${path}[1]`);
      if (a === b) throw invalid(path, `is a self-loop on ${JSON.stringify(a)}`);
      edges[name].push([a, b]);
    });
  }

  const roles: Record<(typeof ROLE_FIELDS)[number], string[]> = {
    latent: [],
    exposure: [],
    outcome: [],
    adjusted: [],
  };
  for (const name of ROLE_FIELDS) {
    if (!Object.hasOwn(record, name)) continue;
    const list = stringList(field(name), name);
    list.forEach((v, i) => {
      checkKnown(v, `${name}[${i}]`);
    });
    roles[name] = list;
  }

  try {
    return CausalGraph.from({ nodes, ...edges, ...roles });
  } catch (error) {
    if (error instanceof CycleError) throw cycleError(error.cycle, edges.directed);
    throw error;
  }
}

function parseJsonText(text: string): unknown {
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  try {
    return JSON.parse(body);
  } catch (error) {
    const found = findJsonSyntaxError(body);
    const offset = found?.offset ?? 0;
    const { line, column } = lineColumn(body, offset);
    const what = found?.message ?? (error instanceof Error ? error.message : String(error));
    throw new ParseError(
      "json",
      `${WHERE}: invalid JSON: ${what} at line ${line}, column ${column}`,
      line,
      column,
      { cause: error },
    );
  }
}

function invalid(path: string, message: string): InvalidArgumentError {
  return new InvalidArgumentError(`${WHERE}: ${path} ${message}`, path);
}

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

function stringList(value: unknown, path: string): string[] {
  if (!Array.isArray(value)) {
    throw invalid(path, `must be an array of node names, got ${kindOf(value)}`);
  }
  const list: string[] = [];
  value.forEach((v: unknown, i) => {
    if (typeof v !== "string") throw invalid(`${path}[${i}]`, `must be a string, got ${kindOf(v)}`);
    list.push(v);
  });
  return list;
}

function cycleError(cycle: readonly string[], directed: readonly [string, string][]): CycleError {
  const onCycle = new Set<string>();
  for (let k = 0; k + 1 < cycle.length; k++) onCycle.add(JSON.stringify([cycle[k], cycle[k + 1]]));
  // The entry closing the cycle: the cycle edge whose first occurrence comes last.
  const first = new Map<string, number>();
  directed.forEach(([a, b], i) => {
    const key = JSON.stringify([a, b]);
    if (onCycle.has(key) && !first.has(key)) first.set(key, i);
  });
  let last = -1;
  for (const i of first.values()) last = Math.max(last, i);
  const at = last >= 0 ? ` (closed by directed[${last}])` : "";
  return new CycleError(`${WHERE}: directed cycle ${cycle.join(" -> ")}${at}`, cycle);
}

/**
 * Writes a graph in the JSON graph format (see {@link parseGraphJson}), pretty-printed with two
 * spaces: one node or edge per line, each edge as a one-line pair. `directed` and `bidirected`
 * are always present, role lists only when non-empty, exactly as {@link CausalGraph.toJSON}.
 *
 * @param graph - the graph (not modified)
 * @returns the JSON text, ending with a newline; `parseGraphJson` reads it back to an identical
 *   graph, and `JSON.parse` of it deep-equals `graph.toJSON()`
 * @remarks O(n + m). Never throws: every graph has a JSON form.
 * @see {@link graphJsonSchema} for the format.
 * @example
 * ```ts
 * formatGraphJson(CausalGraph.from({ directed: [["X", "Y"]] }));
 * // '{\n  "nodes": [\n    "X",\n    "Y"\n  ],\n  "directed": [\n    ["X", "Y"]\n  ],\n  "bidirected": []\n}\n'
 * ```
 * @since 0.1.0
 */
export function formatGraphJson(graph: ReadonlyCausalGraph): string {
  const json = graph.toJSON();
  const q = (s: string): string => JSON.stringify(s);
  const list = (items: readonly string[]): string =>
    items.length === 0 ? "[]" : `[\n${items.map((s) => `    ${s}`).join(",\n")}\n  ]`;
  const fields: string[] = [
    `  "nodes": ${list(json.nodes.map(q))}`,
    `  "directed": ${list(json.directed.map(([a, b]) => `[${q(a)}, ${q(b)}]`))}`,
    `  "bidirected": ${list(json.bidirected.map(([a, b]) => `[${q(a)}, ${q(b)}]`))}`,
  ];
  for (const role of ROLE_FIELDS) {
    const members = json[role];
    if (members !== undefined && members.length > 0)
      fields.push(`  "${role}": ${list(members.map(q))}`);
  }
  return `{\n${fields.join(",\n")}\n}\n`;
}
