import { InvalidArgumentError } from "../errors.js";
import type { CausalGraph, NodeRole, ReadonlyCausalGraph } from "../graph/causal-graph.js";
import { latentProjection } from "../graph/latent-projection.js";
import { GraphBuilder } from "./_internal/graph-builder.js";
import {
  describeToken,
  isKeyword,
  type ParseContext,
  type Token,
  TokenCursor,
  tokenize,
} from "./_internal/tokenizer.js";

/**
 * Options of {@link parseDagitty}.
 *
 * @since 0.1.0
 */
export interface ParseDagittyOptions {
  /**
   * Return the latent projection instead of keeping latent nodes: the nodes marked `[latent]`
   * are removed and replaced by the directed and bidirected edges they induce among the
   * observed nodes (see {@link parseDagitty}).
   *
   * @defaultValue false
   */
  readonly projectLatent?: boolean;
}

const CTX: ParseContext = { format: "dagitty", where: "io.parseDagitty" };

/** dagitty node attributes that set a role (dagitty's long and short spellings). */
const ROLE_ATTRIBUTES: ReadonlyMap<string, NodeRole> = new Map<string, NodeRole>([
  ["latent", "latent"],
  ["l", "latent"],
  ["unobserved", "latent"],
  ["u", "latent"],
  ["exposure", "exposure"],
  ["e", "exposure"],
  ["source", "exposure"],
  ["outcome", "outcome"],
  ["o", "outcome"],
  ["target", "outcome"],
  ["adjusted", "adjusted"],
  ["a", "adjusted"],
]);

const SUPPORTED_TYPES = ["dag", "digraph"];
const GRAPH_TYPES = ["dag", "digraph", "graph", "pdag", "mag", "pag"];

/**
 * Parses a graph in dagitty's text syntax (the model code of dagitty.net and the R package
 * `dagitty`).
 *
 * Grammar (whitespace, newlines and `;` separate statements; `//` line comments, C-style block
 * comments and lines starting with `#` are skipped):
 *
 * - an optional header `[strict] dag [name] { statements }`; `digraph` is accepted as a synonym
 *   of `dag`. The types `pdag`, `mag`, `pag` and `graph` are rejected: their edges (undirected,
 *   partially directed, or ancestral rather than causal) have no meaning in a
 *   {@link CausalGraph}. Without a header the whole text is the statement list.
 * - node names: bare words `[0-9A-Za-z_.]+` (also with non-ASCII letters and digits, and with a
 *   leading `-`), or double-quoted strings in which `\"` is a quote and `\\` a backslash.
 *   The bare words `graph` and `node` are reserved, as in dagitty (quote them).
 * - node statements `X [exposure]`, `Y [outcome]`, `U [latent]`, `Z [adjusted]`, several roles
 *   separated by `,` (`X [exposure, adjusted]`); dagitty's short forms `e`, `o`, `l`/`u`, `a` and
 *   synonyms `source`, `target`, `unobserved` are accepted. Other attributes (`pos="1,2"`,
 *   `label="..."`) are parsed and ignored. The attribute `selected` (selection nodes) is
 *   rejected: a selection node cannot be represented and ignoring it would silently change
 *   the model.
 * - edge statements: `A -> B`, `A <- B`, `A <-> B` (a latent common cause), chains
 *   `A -> B <- C`, and groups on either side `A -> {B C}`, `{A B} -> C` (a group may hold
 *   whole statements; its members are every node mentioned inside). An attribute list after an
 *   edge statement is parsed and ignored. Undirected `--` and partially directed `@->`, `<-@`,
 *   `--@`, `@--`, `@-@` edges are rejected.
 * - graph options `key = value` (e.g. `bb="0,0,1,1"`) are ignored.
 *
 * Nodes are added in order of first mention, edges in text order. Difference from dagitty: in a
 * quoted name, `\\` stands for one backslash (dagitty keeps both characters).
 *
 * @param text - the dagitty code
 * @param options - see {@link ParseDagittyOptions}
 * @returns a new graph; latent nodes keep the `latent` role, unless `projectLatent` is set, in
 *   which case the result is the latent projection (for observed `a`, `b`: `a -> b` iff a
 *   directed path from `a` to `b` runs through latent nodes only; `a <-> b` iff a collider-free
 *   path between them through latent nodes only has arrowheads at both ends, e.g.
 *   `a <- L -> b`, `a <- L1 <- L2 -> b`, `a <-> L -> b`)
 * @throws {@link ParseError} (format `"dagitty"`) with the 1-based `line` and `column` of a
 *   syntax error, an unsupported graph type, edge or attribute, or a self-loop
 * @throws {@link CycleError} if the directed edges form a cycle; the message names the edge
 *   that closes it in the text and its line
 * @throws {@link InvalidArgumentError} if `text` is not a string or `projectLatent` not a boolean
 * @remarks Linear in the length of the text plus the number of edges written (a group
 *   statement `{A B} -> {C D}` writes 4 edges); the latent projection adds O(l · (n + m)) for
 *   l latent nodes.
 * @see Textor et al. (2016), "Robust causal inference using directed acyclic graphs: the R
 *   package 'dagitty'", International Journal of Epidemiology 45(6); the dagitty manual
 *   (dagitty.net/manual-3.x.pdf), section "Model code". Verma & Pearl (1990) for the latent
 *   projection.
 * @example
 * ```ts
 * const g = parseDagitty("dag { A -> B ; A <-> C ; X [exposure] ; Y [outcome] ; U [latent] }");
 * g.nodesWithRole("exposure"); // ["X"]
 * parseDagitty('dag { "my var" -> {Y Z} }').children("my var"); // ["Y", "Z"]
 * ```
 * @since 0.1.0
 */
export function parseDagitty(text: string, options?: ParseDagittyOptions): CausalGraph {
  if (typeof text !== "string") {
    throw new InvalidArgumentError(
      `io.parseDagitty: text must be a string, got ${text === null ? "null" : typeof text}`,
      "text",
    );
  }
  const project = options?.projectLatent ?? false;
  if (typeof project !== "boolean") {
    throw new InvalidArgumentError(
      `io.parseDagitty: options.projectLatent must be a boolean, got ${typeof project}`,
      "options.projectLatent",
    );
  }
  const cur: TokenCursor = new TokenCursor(tokenize(text, "dagitty", CTX), CTX);
  const builder = new GraphBuilder(CTX);
  const parser = new DagittyParser(cur, builder);
  parser.parseDocument();
  const graph = builder.build();
  return project ? latentProjection(graph) : graph;
}

class DagittyParser {
  readonly #cur: TokenCursor;
  readonly #builder: GraphBuilder;

  constructor(cur: TokenCursor, builder: GraphBuilder) {
    this.#cur = cur;
    this.#builder = builder;
  }

  parseDocument(): void {
    const cur: TokenCursor = this.#cur;
    let offset = 0;
    if (isKeyword(cur.peek(), "strict") && isKeyword(cur.peek(1), ...GRAPH_TYPES)) offset = 1;
    const type = cur.peek(offset);
    const hasHeader =
      isKeyword(type, ...GRAPH_TYPES) &&
      (cur.peek(offset + 1).kind === "{" ||
        (cur.peek(offset + 1).kind === "id" && cur.peek(offset + 2).kind === "{"));
    if (!hasHeader) {
      this.#statements("eof");
      return;
    }
    if (offset === 1) cur.next();
    cur.next();
    if (!SUPPORTED_TYPES.includes(type.text.toLowerCase())) {
      cur.fail(
        type,
        `graph type "${type.text}" is not supported (only dag: its edges cannot be represented in a causal graph)`,
      );
    }
    if (cur.at("id")) cur.next();
    cur.expect("{", "'{'");
    this.#statements("}");
    cur.expect("}", "'}'");
    while (cur.at(";")) cur.next();
    if (!cur.at("eof"))
      cur.fail(cur.peek(), `unexpected ${describeToken(cur.peek())} after the graph`);
  }

  /** Statements up to (not including) the closing token. */
  #statements(end: "}" | "eof"): void {
    const cur: TokenCursor = this.#cur;
    for (;;) {
      while (cur.at(";")) cur.next();
      const t = cur.peek();
      if (t.kind === end) return;
      if (t.kind === "eof") cur.fail(t, "expected '}' before the end of input");
      this.#statement();
    }
  }

  #statement(): void {
    const cur: TokenCursor = this.#cur;
    // Graph option `key = value`.
    if (cur.at("id") && cur.peek(1).kind === "=") {
      cur.next();
      cur.next();
      this.#value("a value after '='");
      return;
    }
    const first = this.#operand();
    if (!cur.at("edge")) {
      if (cur.at("[")) {
        if (first.node === undefined) cur.fail(cur.peek(), "attributes cannot follow a group");
        this.#nodeAttributes(first.node);
      }
      return;
    }
    let left = first.members;
    while (cur.at("edge")) {
      const op = cur.next();
      const edge = edgeKind(op);
      if (edge === undefined) {
        cur.fail(
          op,
          `edge '${op.text}' cannot be represented in a causal graph (only ->, <- and <->)`,
        );
      }
      const right = this.#operand().members;
      this.#builder.addEdges(left, right, edge.kind, edge.reversed, op);
      left = right;
    }
    while (cur.at("[")) this.#attributes(() => undefined);
  }

  /** A node name or a group `{ statements }`. */
  #operand(): { members: string[]; node?: string } {
    const cur: TokenCursor = this.#cur;
    const t = cur.peek();
    if (t.kind === "{") {
      cur.next();
      this.#builder.openGroup();
      this.#statements("}");
      cur.next();
      return { members: this.#builder.closeGroup() };
    }
    if (t.kind !== "id") {
      cur.fail(t, `expected a node name or '{', found ${describeToken(t)}`);
    }
    cur.next();
    if (!t.quoted && (t.text === "graph" || t.text === "node")) {
      cur.fail(t, `"${t.text}" is a reserved word; quote it to use it as a node name`);
    }
    this.#builder.mention(t.text);
    return { members: [t.text], node: t.text };
  }

  #nodeAttributes(node: string): void {
    while (this.#cur.at("[")) {
      this.#attributes((key, value) => {
        if (key.text === "selected" || key.text === "s") {
          this.#cur.fail(key, "selection nodes ('selected') are not supported");
        }
        const role = ROLE_ATTRIBUTES.get(key.text);
        if (role === undefined) return;
        if (value !== undefined) {
          this.#cur.fail(value, `the role attribute "${key.text}" takes no value`);
        }
        this.#builder.setRole(node, role, true);
      });
    }
  }

  /** `[ key (= value)? ([,;])? ... ]`, calling `visit` for each attribute. */
  #attributes(visit: (key: Token, value: Token | undefined) => void): void {
    const cur: TokenCursor = this.#cur;
    cur.expect("[", "'['");
    while (!cur.at("]")) {
      const key = cur.peek();
      if (key.kind !== "id")
        cur.fail(key, `expected an attribute name or ']', found ${describeToken(key)}`);
      cur.next();
      let value: Token | undefined;
      if (cur.at("=")) {
        cur.next();
        value = this.#value(`a value for the attribute "${key.text}"`);
      }
      visit(key, value);
      if (cur.at(",") || cur.at(";")) cur.next();
    }
    cur.next();
  }

  #value(what: string): Token {
    return this.#cur.expect("id", what);
  }
}

function edgeKind(op: Token): { kind: "directed" | "bidirected"; reversed: boolean } | undefined {
  switch (op.text) {
    case "->":
      return { kind: "directed", reversed: false };
    case "<-":
      return { kind: "directed", reversed: true };
    case "<->":
      return { kind: "bidirected", reversed: false };
    default:
      return undefined;
  }
}

const RESERVED = new Set(["graph", "node", "edge", "subgraph", "strict", ...GRAPH_TYPES]);

/** Whether a name can be written as a dagitty bare word (dagitty's own, ASCII-only rule). */
function isBareDagittyName(name: string): boolean {
  if (name.length === 0 || RESERVED.has(name.toLowerCase())) return false;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    const ok =
      (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46;
    if (!ok) return false;
  }
  return true;
}

/** A node name as dagitty code: bare if a plain ASCII word, else quoted with `"`, `\` escaped. */
function quoteDagittyName(name: string): string {
  return isBareDagittyName(name) ? name : `"${name.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/**
 * Writes a graph as dagitty code: `dag {`, one line per node in node order (with its roles in
 * brackets, e.g. `X [exposure]`, `U [latent]`, `Z [exposure,adjusted]`), one line per directed
 * edge `A -> B` and per bidirected edge `A <-> B`, then `}`. Names that are not plain ASCII
 * words (or are keywords) are double-quoted, with `"` and `\` escaped by a backslash.
 *
 * {@link parseDagitty} reads the result back to an identical graph (same nodes in the same
 * order, same edges, same roles). dagitty itself reads it too, except that it keeps both
 * characters of an escaped backslash `\\`.
 *
 * @param graph - the graph (not modified)
 * @returns the dagitty code, ending with a newline
 * @remarks O(n + m). Never throws: every graph has a dagitty form.
 * @see {@link parseDagitty}; the dagitty manual (dagitty.net/manual-3.x.pdf), section "Model
 *   code".
 * @example
 * ```ts
 * formatDagitty(CausalGraph.from({ directed: [["X", "Y"]], exposure: ["X"] }));
 * // "dag {\nX [exposure]\nY\nX -> Y\n}\n"
 * ```
 * @since 0.1.0
 */
export function formatDagitty(graph: ReadonlyCausalGraph): string {
  const lines = ["dag {"];
  for (const v of graph.nodes()) {
    const r = graph.roles(v);
    const flags: string[] = [];
    if (r.exposure === true) flags.push("exposure");
    if (r.outcome === true) flags.push("outcome");
    if (r.adjusted === true) flags.push("adjusted");
    if (r.latent === true) flags.push("latent");
    lines.push(
      flags.length > 0 ? `${quoteDagittyName(v)} [${flags.join(",")}]` : quoteDagittyName(v),
    );
  }
  for (const [a, b] of graph.directedEdges()) {
    lines.push(`${quoteDagittyName(a)} -> ${quoteDagittyName(b)}`);
  }
  for (const [a, b] of graph.bidirectedEdges()) {
    lines.push(`${quoteDagittyName(a)} <-> ${quoteDagittyName(b)}`);
  }
  lines.push("}");
  return `${lines.join("\n")}\n`;
}
