import { InvalidArgumentError } from "../errors.js";
import type { CausalGraph, NodeRole, ReadonlyCausalGraph } from "../graph/causal-graph.js";
import { type EdgeRecord, GraphBuilder } from "./_internal/graph-builder.js";
import {
  describeToken,
  isKeyword,
  type ParseContext,
  type Token,
  TokenCursor,
  tokenize,
} from "./_internal/tokenizer.js";

const CTX: ParseContext = { format: "dot", where: "io.parseDot" };

const ROLES: readonly NodeRole[] = ["latent", "exposure", "outcome", "adjusted"];
const KEYWORDS = ["node", "edge", "graph", "digraph", "subgraph", "strict"];

/** Default attributes in effect in a graph or subgraph (Graphviz `node [...]`, `edge [...]`). */
interface Scope {
  /** Default kind of new edges (`edge [dir=both]` makes it bidirected). */
  edgeKind: "directed" | "bidirected";
  /** Default roles of new nodes (`node [latent=true]`). */
  readonly nodeRoles: Map<NodeRole, boolean>;
  /** Names of the subgraphs opened directly in this scope. */
  readonly subgraphNames: Set<string>;
}

/**
 * Parses a directed graph in Graphviz DOT, the common subset that describes a causal graph.
 *
 * Supported: `[strict] digraph [name] { ... }`; node statements `"my var" [attr=value, ...]`;
 * edge statements with chains `a -> b -> c` and subgraph operands `{a b} -> c`,
 * `subgraph s { a b } -> c` (a subgraph stands for every node mentioned inside it); attribute
 * statements `node [...]`, `edge [...]`, `graph [...]` and `key = value` with Graphviz scoping
 * (defaults apply to nodes and edges created later in the same (sub)graph); ports `a:p:n`
 * (ignored); comments `//`, C-style block comments and `#` lines; IDs that are bare words,
 * numerals (`-1.5`) or double-quoted strings (with `\"` for a quote, `\\` for a backslash, a
 * backslash-newline continuation, and `+` concatenation). Keywords are case-insensitive.
 *
 * Meaning: an edge is directed unless its `dir` attribute (its own or an `edge [...]`
 * default) is `both`, which makes it bidirected (a latent common cause). The node attributes
 * `latent`, `exposure`, `outcome` and `adjusted` with value `true`/`false` (or `1`/`0`) set the
 * node's roles, as {@link formatDot} writes them. Every other attribute (`label`, `style`,
 * `pos`, ...) is ignored; in particular `style=dashed` does not make a node latent. In a
 * `strict` digraph a repeated `a -> b` is the same edge, so a later `dir` replaces an earlier one.
 *
 * Nodes are added in order of first mention, edges in text order.
 *
 * @param text - the DOT source
 * @returns a new graph
 * @throws {@link ParseError} (format `"dot"`) with the 1-based `line` and `column` of a syntax
 *   error or an unsupported construct: an undirected `graph` or `--` edge, `dir=back` or
 *   `dir=none` (their causal meaning is ambiguous), a role value other than true/false,
 *   HTML-like IDs `<...>`, a reopened subgraph name, a self-loop, or text after the graph
 * @throws {@link CycleError} if the directed edges form a cycle; the message names the edge
 *   that closes it in the text and its line
 * @throws {@link InvalidArgumentError} if `text` is not a string
 * @remarks Linear in the length of the text plus the number of edges written.
 * @see Graphviz, "The DOT Language", https://graphviz.org/doc/info/lang.html; attribute `dir`:
 *   https://graphviz.org/docs/attrs/dir/
 * @example
 * ```ts
 * const g = parseDot('digraph { "my var" -> Y; U [latent=true]; U -> Y; X -> Y [dir=both] }');
 * g.bidirectedEdges(); // [["Y", "X"]]
 * ```
 * @since 0.1.0
 */
export function parseDot(text: string): CausalGraph {
  if (typeof text !== "string") {
    throw new InvalidArgumentError(
      `io.parseDot: text must be a string, got ${text === null ? "null" : typeof text}`,
      "text",
    );
  }
  const cur: TokenCursor = new TokenCursor(tokenize(text, "dot", CTX), CTX);
  const builder = new GraphBuilder(CTX);
  new DotParser(cur, builder).parseDocument();
  return builder.build();
}

class DotParser {
  readonly #cur: TokenCursor;
  readonly #builder: GraphBuilder;
  #strict = false;
  /** In strict graphs: the edge record of each ordered pair `[tail, head]`. */
  readonly #strictEdges = new Map<string, EdgeRecord>();

  constructor(cur: TokenCursor, builder: GraphBuilder) {
    this.#cur = cur;
    this.#builder = builder;
  }

  parseDocument(): void {
    const cur: TokenCursor = this.#cur;
    if (isKeyword(cur.peek(), "strict")) {
      cur.next();
      this.#strict = true;
    }
    const type = cur.peek();
    if (isKeyword(type, "graph")) {
      cur.fail(type, "undirected graphs ('graph') are not supported; use 'digraph'");
    }
    if (!isKeyword(type, "digraph")) {
      cur.fail(type, `expected 'digraph', found ${describeToken(type)}`);
    }
    cur.next();
    if (cur.at("id")) this.#id("a graph name");
    cur.expect("{", "'{'");
    this.#statements({
      edgeKind: "directed",
      nodeRoles: new Map(),
      subgraphNames: new Set(),
    });
    cur.expect("}", "'}'");
    if (!cur.at("eof")) {
      cur.fail(cur.peek(), `unexpected ${describeToken(cur.peek())} after the graph`);
    }
  }

  /** Statements up to (not including) the closing `}`. */
  #statements(scope: Scope): void {
    const cur: TokenCursor = this.#cur;
    for (;;) {
      const t = cur.peek();
      if (t.kind === "}") return;
      if (t.kind === "eof") cur.fail(t, "expected '}' before the end of input");
      this.#statement(scope);
      if (cur.at(";")) cur.next();
    }
  }

  #statement(scope: Scope): void {
    const cur: TokenCursor = this.#cur;
    const t = cur.peek();
    if (isKeyword(t, "node", "edge", "graph")) {
      cur.next();
      if (!cur.at("[")) cur.fail(cur.peek(), `expected '[' after '${t.text}'`);
      const kind = t.text.toLowerCase();
      this.#attributeLists((key, value) => {
        if (kind === "edge") this.#edgeAttribute(key, value, (k) => (scope.edgeKind = k));
        else if (kind === "node") {
          const role = roleAttribute(key, value, cur);
          if (role !== undefined) scope.nodeRoles.set(role.role, role.value);
        }
      });
      return;
    }
    if (t.kind === "id" && cur.peek(1).kind === "=") {
      cur.next();
      cur.next();
      this.#id("a value after '='");
      return;
    }
    const first = this.#operand(scope);
    if (!cur.at("edge")) {
      if (first.node !== undefined) {
        const node = first.node;
        this.#attributeLists((key, value) => {
          const role = roleAttribute(key, value, cur);
          if (role !== undefined) this.#builder.setRole(node, role.role, role.value);
        });
      } else if (cur.at("[")) {
        cur.fail(cur.peek(), "attributes cannot follow a subgraph");
      }
      return;
    }
    const steps: { op: Token; left: string[]; right: string[] }[] = [];
    let left = first.members;
    while (cur.at("edge")) {
      const op = cur.next();
      if (op.text !== "->") cur.fail(op, `undirected edge '${op.text}' in a digraph; use '->'`);
      const right = this.#operand(scope).members;
      steps.push({ op, left, right });
      left = right;
    }
    let kind = scope.edgeKind;
    let explicit = false;
    this.#attributeLists((key, value) =>
      this.#edgeAttribute(key, value, (k) => {
        kind = k;
        explicit = true;
      }),
    );
    for (const { op, left: l, right: r } of steps) this.#addEdges(l, r, kind, explicit, op);
  }

  #addEdges(
    left: readonly string[],
    right: readonly string[],
    kind: "directed" | "bidirected",
    explicit: boolean,
    op: Token,
  ): void {
    if (!this.#strict) {
      this.#builder.addEdges(left, right, kind, false, op);
      return;
    }
    // strict: one edge per ordered pair; a later explicit `dir` changes the existing edge.
    for (const a of left) {
      for (const b of right) {
        const key = JSON.stringify([a, b]);
        const existing = this.#strictEdges.get(key);
        if (existing !== undefined) {
          if (explicit) existing.kind = kind;
          continue;
        }
        const [record] = this.#builder.addEdges([a], [b], kind, false, op);
        if (record !== undefined) this.#strictEdges.set(key, record);
      }
    }
  }

  /** A node ID (with optional port) or a subgraph. */
  #operand(scope: Scope): { members: string[]; node?: string } {
    const cur: TokenCursor = this.#cur;
    const t = cur.peek();
    if (t.kind === "{" || isKeyword(t, "subgraph")) {
      let name: string | undefined;
      if (t.kind !== "{") {
        cur.next();
        if (cur.at("id")) {
          const nameToken = cur.peek();
          name = this.#id("a subgraph name");
          if (scope.subgraphNames.has(name)) {
            cur.fail(nameToken, `subgraph ${JSON.stringify(name)} is opened twice`);
          }
          scope.subgraphNames.add(name);
        }
      }
      cur.expect("{", "'{'");
      this.#builder.openGroup();
      this.#statements({
        edgeKind: scope.edgeKind,
        nodeRoles: new Map(scope.nodeRoles),
        subgraphNames: new Set(),
      });
      cur.next();
      return { members: this.#builder.closeGroup() };
    }
    if (t.kind !== "id") cur.fail(t, `expected a node ID or '{', found ${describeToken(t)}`);
    const name = this.#id("a node ID");
    // Port `:id` and compass point `:id` are parsed and ignored.
    for (let k = 0; k < 2 && cur.at(":"); k++) {
      cur.next();
      this.#id("a port name");
    }
    if (this.#builder.mention(name)) {
      for (const [role, value] of scope.nodeRoles) this.#builder.setRole(name, role, value);
    }
    return { members: [name], node: name };
  }

  /** Zero or more `[ key = value (,|;)? ... ]` lists, calling `visit` for each attribute. */
  #attributeLists(visit: (key: Token, value: Token | undefined) => void): void {
    const cur: TokenCursor = this.#cur;
    while (cur.at("[")) {
      cur.next();
      while (!cur.at("]")) {
        const key = cur.peek();
        if (key.kind !== "id") {
          cur.fail(key, `expected an attribute name or ']', found ${describeToken(key)}`);
        }
        cur.next();
        let value: Token | undefined;
        if (cur.at("=")) {
          cur.next();
          value = cur.peek();
          this.#id(`a value for the attribute "${key.text}"`);
        }
        visit(key, value);
        if (cur.at(",") || cur.at(";")) cur.next();
      }
      cur.next();
    }
  }

  #edgeAttribute(
    key: Token,
    value: Token | undefined,
    set: (kind: "directed" | "bidirected") => void,
  ): void {
    if (key.text !== "dir") return;
    const v = value?.text.toLowerCase();
    if (value === undefined || v === undefined) {
      this.#cur.fail(key, "the attribute 'dir' needs a value");
    }
    if (v === "forward") set("directed");
    else if (v === "both") set("bidirected");
    else if (v === "back" || v === "none") {
      this.#cur.fail(value, `dir=${value.text} is not supported (use dir=forward or dir=both)`);
    } else this.#cur.fail(value, `unknown dir value ${JSON.stringify(value.text)}`);
  }

  /** An ID token that is not a keyword; returns its text. */
  #id(what: string): string {
    const t = this.#cur.expect("id", what);
    if (isKeyword(t, ...KEYWORDS)) {
      this.#cur.fail(t, `"${t.text}" is a keyword; quote it to use it as ${what}`);
    }
    return t.text;
  }
}

/** The role a node attribute sets, if it is a role attribute. */
function roleAttribute(
  key: Token,
  value: Token | undefined,
  cur: TokenCursor,
): { role: NodeRole; value: boolean } | undefined {
  const role = ROLES.find((r) => r === key.text);
  if (role === undefined) return undefined;
  if (value === undefined) return { role, value: true };
  const v = value.text.toLowerCase();
  if (v === "true" || v === "1") return { role, value: true };
  if (v === "false" || v === "0") return { role, value: false };
  return cur.fail(value, `the role attribute "${key.text}" must be true or false`);
}

/** A DOT ID: always double-quoted, with `"` and `\` escaped by a backslash. */
function quoteDotId(name: string): string {
  return `"${name.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/**
 * Writes a graph as a Graphviz DOT `digraph`: one statement per node in node order, then one
 * per directed edge `"a" -> "b";` and per bidirected edge
 * `"a" -> "b" [dir=both, style=dashed];`. Roles are written as boolean node attributes
 * (`latent=true`, `exposure=true`, `outcome=true`, `adjusted=true`; Graphviz ignores them) and
 * latent nodes are also drawn dashed (`style=dashed`). Every ID is double-quoted, with `"` and
 * `\` escaped by a backslash.
 *
 * {@link parseDot} reads the result back to an identical graph (same nodes in the same order,
 * same edges, same roles); Graphviz renders it as is.
 *
 * @param graph - the graph (not modified)
 * @returns the DOT source, ending with a newline
 * @remarks O(n + m). Never throws: every graph has a DOT form.
 * @see Graphviz, "The DOT Language", https://graphviz.org/doc/info/lang.html
 * @example
 * ```ts
 * formatDot(CausalGraph.from({ directed: [["X", "Y"]], bidirected: [["X", "Y"]] }));
 * // 'digraph {\n  "X";\n  "Y";\n  "X" -> "Y";\n  "X" -> "Y" [dir=both, style=dashed];\n}\n'
 * ```
 * @since 0.1.0
 */
export function formatDot(graph: ReadonlyCausalGraph): string {
  const lines = ["digraph {"];
  for (const v of graph.nodes()) {
    const r = graph.roles(v);
    const attrs: string[] = [];
    for (const role of ROLES) if (r[role] === true) attrs.push(`${role}=true`);
    if (r.latent === true) attrs.push("style=dashed");
    lines.push(`  ${quoteDotId(v)}${attrs.length > 0 ? ` [${attrs.join(", ")}]` : ""};`);
  }
  for (const [a, b] of graph.directedEdges()) {
    lines.push(`  ${quoteDotId(a)} -> ${quoteDotId(b)};`);
  }
  for (const [a, b] of graph.bidirectedEdges()) {
    lines.push(`  ${quoteDotId(a)} -> ${quoteDotId(b)} [dir=both, style=dashed];`);
  }
  lines.push("}");
  return `${lines.join("\n")}\n`;
}
