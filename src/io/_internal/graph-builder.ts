/**
 * Collects the nodes, edges and roles a text parser finds (with the position of every edge) and
 * turns them into a {@link CausalGraph} at the end, reporting a directed cycle at the edge that
 * closes it in the text.
 *
 * @internal
 * @module
 */
import { CycleError } from "../../errors.js";
import { CausalGraph, type NodeRole } from "../../graph/causal-graph.js";
import { type ParseContext, parseError, type Token } from "./tokenizer.js";

/** One edge as written in the text. `kind` may be changed later (DOT `strict` graphs). */
export interface EdgeRecord {
  /** Tail (directed) or first endpoint (bidirected). */
  readonly from: string;
  /** Head (directed) or second endpoint (bidirected). */
  readonly to: string;
  /** Directed `from -> to` or bidirected `from <-> to`. */
  kind: "directed" | "bidirected";
  /** Position of the edge operator. */
  readonly line: number;
  /** Position of the edge operator. */
  readonly column: number;
}

const ROLE_NAMES: readonly NodeRole[] = ["latent", "exposure", "outcome", "adjusted"];

/** Accumulates a graph in text order. */
export class GraphBuilder {
  readonly #ctx: ParseContext;
  readonly #nodes: string[] = [];
  readonly #known = new Set<string>();
  readonly #roles = new Map<string, Set<NodeRole>>();
  readonly #groups: { members: string[]; seen: Set<string> }[] = [];
  readonly edges: EdgeRecord[] = [];

  constructor(ctx: ParseContext) {
    this.#ctx = ctx;
  }

  /**
   * Records a mention of a node (creating it if new) and adds it to every open group.
   *
   * @returns whether the node is new
   */
  mention(name: string): boolean {
    for (const g of this.#groups) {
      if (!g.seen.has(name)) {
        g.seen.add(name);
        g.members.push(name);
      }
    }
    if (this.#known.has(name)) return false;
    this.#known.add(name);
    this.#nodes.push(name);
    return true;
  }

  /** Opens a group (`{ ... }`): every node mentioned until it closes becomes a member. */
  openGroup(): void {
    this.#groups.push({ members: [], seen: new Set() });
  }

  /** Closes the innermost group and returns its members in order of first mention. */
  closeGroup(): string[] {
    return this.#groups.pop()?.members ?? [];
  }

  /** Sets or clears a role of an existing node. */
  setRole(name: string, role: NodeRole, value: boolean): void {
    let set = this.#roles.get(name);
    if (set === undefined) {
      set = new Set();
      this.#roles.set(name, set);
    }
    if (value) set.add(role);
    else set.delete(role);
  }

  /**
   * Adds the edges `a op b` for every `a` of `left` and `b` of `right` (`op` is the token of a
   * directed or bidirected operator; `reversed` for `<-`).
   *
   * @throws {@link ParseError} at the operator for a self-loop
   */
  addEdges(
    left: readonly string[],
    right: readonly string[],
    kind: "directed" | "bidirected",
    reversed: boolean,
    op: Token,
  ): EdgeRecord[] {
    const added: EdgeRecord[] = [];
    for (const a of left) {
      for (const b of right) {
        if (a === b) {
          throw parseError(
            this.#ctx,
            `self-loop on node ${JSON.stringify(a)} is not allowed`,
            op.line,
            op.column,
          );
        }
        const [from, to] = reversed ? [b, a] : [a, b];
        const record: EdgeRecord = { from, to, kind, line: op.line, column: op.column };
        this.edges.push(record);
        added.push(record);
      }
    }
    return added;
  }

  /**
   * Builds the graph: nodes in order of first mention, edges in text order, roles.
   *
   * @throws {@link CycleError} if the directed edges contain a cycle; the message names the
   *   cycle and the position of the edge (of the cycle) that comes last in the text
   */
  build(): CausalGraph {
    const directed: [string, string][] = [];
    const bidirected: [string, string][] = [];
    for (const e of this.edges) {
      (e.kind === "directed" ? directed : bidirected).push([e.from, e.to]);
    }
    const roleLists: Record<NodeRole, string[]> = {
      latent: [],
      exposure: [],
      outcome: [],
      adjusted: [],
    };
    for (const v of this.#nodes) {
      const set = this.#roles.get(v);
      if (set === undefined) continue;
      for (const role of ROLE_NAMES) if (set.has(role)) roleLists[role].push(v);
    }
    try {
      return CausalGraph.from({ nodes: this.#nodes, directed, bidirected, ...roleLists });
    } catch (error) {
      if (error instanceof CycleError) throw this.#cycleError(error.cycle);
      throw error;
    }
  }

  #cycleError(cycle: readonly string[]): CycleError {
    const onCycle = new Set<string>();
    for (let k = 0; k + 1 < cycle.length; k++) {
      onCycle.add(JSON.stringify([cycle[k], cycle[k + 1]]));
    }
    // The edge that closes the cycle is the cycle edge whose first occurrence comes last.
    const first = new Map<string, EdgeRecord>();
    for (const e of this.edges) {
      const key = JSON.stringify([e.from, e.to]);
      if (e.kind === "directed" && onCycle.has(key) && !first.has(key)) first.set(key, e);
    }
    let last: EdgeRecord | undefined;
    for (const e of first.values()) last = e;
    const at =
      last === undefined
        ? ""
        : `, closed by the edge ${last.from} -> ${last.to} at line ${last.line}, column ${last.column}`;
    return new CycleError(`${this.#ctx.where}: directed cycle ${cycle.join(" -> ")}${at}`, cycle);
  }
}
