import { DirectedGraph, UndirectedGraph } from "graphology";
import { CycleError, InvalidArgumentError, UnknownNodeError } from "../errors.js";

/** graphology storage key of a node name (see the note in `CausalGraph`). */
const toKey = (node: string): string => `:${node}`;
/** Node name of a graphology storage key. */
const fromKey = (storageKey: string): string => storageKey.slice(1);

/**
 * Roles a node can carry, as in dagitty's node attributes. A `latent` node is unobserved: it
 * never appears in an adjustment set and can be projected to bidirected edges with
 * {@link latentProjection}.
 *
 * @since 0.1.0
 */
export interface NodeRoles {
  /** Unobserved. @defaultValue false */
  readonly latent?: boolean;
  /** The treatment (dagitty `exposure`). @defaultValue false */
  readonly exposure?: boolean;
  /** The outcome. @defaultValue false */
  readonly outcome?: boolean;
  /** Already adjusted for (dagitty `adjusted`). @defaultValue false */
  readonly adjusted?: boolean;
}

/** The names of the {@link NodeRoles} flags. @since 0.1.0 */
export type NodeRole = keyof NodeRoles;

/**
 * One node name or several. Functions taking a `NodeSet` treat a string as a single node
 * (never as an iterable of characters).
 *
 * @since 0.1.0
 */
export type NodeSet = string | Iterable<string>;

/**
 * Plain description of a {@link CausalGraph}; the JSON graph format
 * `{nodes, directed: [[a, b]], bidirected: [[a, b]]}` plus optional role lists.
 *
 * @since 0.1.0
 */
export interface CausalGraphSpec {
  /** Node names (nodes that only appear in edges are added too). @defaultValue [] */
  readonly nodes?: Iterable<string>;
  /** Directed edges `[from, to]`. @defaultValue [] */
  readonly directed?: Iterable<readonly [string, string]>;
  /** Bidirected edges `[a, b]` (a latent common cause of a and b). @defaultValue [] */
  readonly bidirected?: Iterable<readonly [string, string]>;
  /** Latent (unobserved) nodes. @defaultValue [] */
  readonly latent?: Iterable<string>;
  /** Exposure (treatment) nodes. @defaultValue [] */
  readonly exposure?: Iterable<string>;
  /** Outcome nodes. @defaultValue [] */
  readonly outcome?: Iterable<string>;
  /** Adjusted nodes. @defaultValue [] */
  readonly adjusted?: Iterable<string>;
}

/**
 * Compact integer view of a graph for linear-time algorithms: nodes are numbered `0..n-1` in
 * insertion order and adjacency is stored in CSR form (`xOffsets[v]..xOffsets[v+1]` index into
 * `x`). Built lazily by {@link CausalGraph.compactIndex} and cached until the graph changes.
 *
 * @since 0.1.0
 */
export interface CompactIndex {
  /** Node names by number. */
  readonly names: readonly string[];
  /** Node number by name. */
  readonly id: ReadonlyMap<string, number>;
  /** CSR offsets into `parents`, length n + 1. */
  readonly parentOffsets: Int32Array;
  /** Parent numbers. */
  readonly parents: Int32Array;
  /** CSR offsets into `children`, length n + 1. */
  readonly childOffsets: Int32Array;
  /** Child numbers. */
  readonly children: Int32Array;
  /** CSR offsets into `siblings`, length n + 1. */
  readonly siblingOffsets: Int32Array;
  /** Bidirected neighbour numbers. */
  readonly siblings: Int32Array;
}

/**
 * Read-only view of a {@link CausalGraph}: every query, no mutation. Models expose their graph
 * through this type so that a model's structure cannot be changed behind its back.
 *
 * @since 0.1.0
 */
export type ReadonlyCausalGraph = Omit<
  CausalGraph,
  | "addNode"
  | "addEdge"
  | "addBidirectedEdge"
  | "removeNode"
  | "removeEdge"
  | "removeBidirectedEdge"
  | "setRoles"
  | "freeze"
>;

/**
 * A causal graph: directed edges (direct causal effects) plus bidirected edges (a latent common
 * cause, as in acyclic directed mixed graphs, ADMGs; Richardson 2003). A graph without
 * bidirected edges is a DAG. The directed part is always acyclic: adding an edge that closes a
 * directed cycle throws {@link CycleError}.
 *
 * Storage: the directed part is a graphology `DirectedGraph` and the bidirected part a separate
 * graphology `UndirectedGraph` over the same nodes (a graphology mixed graph would conflate
 * the two parts in its DAG utilities). Node names are arbitrary strings (spaces, unicode,
 * `__proto__` and `constructor` included); node order is insertion order and is the order every
 * query returns nodes in.
 *
 * Mutation methods return `this` for chaining; every free function of `causalkit/graph`
 * (`doGraph`, `ancestors`, `dSeparated`, ...) is pure and never mutates its input.
 *
 * @see Richardson (2003), "Markov properties for acyclic directed mixed graphs", Scandinavian
 *   Journal of Statistics 30(1), §2 (ADMGs); Pearl (2009), *Causality*, 2nd ed., §1.2 (causal
 *   DAGs) and §3.5 (bidirected edges for latent confounders).
 * @example
 * ```ts
 * const g = CausalGraph.from({ directed: [["Z", "X"], ["Z", "Y"], ["X", "Y"]] });
 * g.parents("Y"); // ["Z", "X"]
 * ```
 * @since 0.1.0
 */
export class CausalGraph {
  // graphology keeps adjacency in plain objects, where the keys `__proto__` and `constructor`
  // collide with Object.prototype; every name is therefore stored with a one-character prefix.
  readonly #directed = new DirectedGraph({ allowSelfLoops: false, multi: false });
  // Created with the first bidirected edge: most graphs are DAGs, and a graphology graph is
  // costly to construct.
  #bidirected: UndirectedGraph | undefined;
  readonly #roles = new Map<string, NodeRoles>();
  #index: CompactIndex | undefined;
  #frozen = false;

  /**
   * Builds a graph from a plain description. Edges are checked for acyclicity once, at the end
   * (linear time), so large graphs build quickly.
   *
   * @param spec - nodes, directed and bidirected edges, optional role lists
   * @returns a new (mutable) graph
   * @throws {@link CycleError} if the directed edges contain a cycle (the error names one)
   * @throws {@link InvalidArgumentError} for a self-loop (directed or bidirected), or an entry of
   *   `spec.nodes` that is not a string
   * @throws {@link UnknownNodeError} if a role names a node that is in no edge or node list
   * @remarks O(n + m) for n nodes and m edges (one depth-first cycle search at the end).
   * @example
   * ```ts
   * const g = CausalGraph.from({
   *   directed: [["smoking", "tar"], ["tar", "cancer"]],
   *   bidirected: [["smoking", "cancer"]],
   *   exposure: ["smoking"],
   *   outcome: ["cancer"],
   * });
   * ```
   * @since 0.1.0
   */
  static from(spec: CausalGraphSpec): CausalGraph {
    const g = new CausalGraph();
    for (const v of spec.nodes ?? []) g.addNode(v);
    for (const [a, b] of spec.directed ?? []) {
      g.#ensure(a);
      g.#ensure(b);
      g.#checkNotSelfLoop(a, b, "->");
      if (!g.#directed.hasDirectedEdge(toKey(a), toKey(b)))
        g.#directed.addDirectedEdge(toKey(a), toKey(b));
    }
    const cycle = g.#findAnyCycle();
    if (cycle) throw g.#cycleError("graph.CausalGraph.from", cycle);
    for (const [a, b] of spec.bidirected ?? []) {
      g.#ensure(a);
      g.#ensure(b);
      g.addBidirectedEdge(a, b);
    }
    const roleLists: [NodeRole, Iterable<string> | undefined][] = [
      ["latent", spec.latent],
      ["exposure", spec.exposure],
      ["outcome", spec.outcome],
      ["adjusted", spec.adjusted],
    ];
    for (const [role, list] of roleLists) {
      for (const v of list ?? []) g.setRoles(v, { [role]: true });
    }
    g.#index = undefined;
    return g;
  }

  /**
   * Makes this graph immutable: every later mutation throws {@link InvalidArgumentError}. Used
   * for the graphs that models expose. Copies made with {@link CausalGraph.clone} are mutable.
   * Freezing is permanent.
   *
   * @returns this graph
   * @since 0.1.0
   */
  freeze(): this {
    this.#frozen = true;
    return this;
  }

  /**
   * Whether {@link CausalGraph.freeze} was called (mutations then throw).
   *
   * @since 0.1.0
   */
  get isFrozen(): boolean {
    return this.#frozen;
  }

  /**
   * Number of nodes.
   *
   * @since 0.1.0
   */
  get order(): number {
    return this.#directed.order;
  }

  /**
   * Number of directed edges.
   *
   * @since 0.1.0
   */
  get directedSize(): number {
    return this.#directed.size;
  }

  /**
   * Number of bidirected edges (each `a <-> b` counted once).
   *
   * @since 0.1.0
   */
  get bidirectedSize(): number {
    return this.#bidirected?.size ?? 0;
  }

  /**
   * Adds a node (no-op if it exists; given roles are then merged into its roles).
   *
   * @param name - the node name (any string)
   * @param roles - optional roles to set
   * @returns this graph
   * @throws {@link InvalidArgumentError} if the graph is frozen, `name` is not a string, or
   *   `roles` has a key other than `latent`, `exposure`, `outcome`, `adjusted`
   * @since 0.1.0
   */
  addNode(name: string, roles?: NodeRoles): this {
    this.#assertMutable("graph.addNode");
    if (typeof name !== "string") {
      throw new InvalidArgumentError(
        `graph.addNode: node names must be strings, got ${typeof name}`,
        String(name),
      );
    }
    if (roles) checkRoleKeys(roles, name, "graph.addNode");
    this.#ensure(name);
    if (roles) this.setRoles(name, roles);
    return this;
  }

  /**
   * Adds the directed edge `from -> to`, adding missing nodes. A no-op if the edge exists.
   *
   * @param from - the cause
   * @param to - the effect
   * @returns this graph
   * @throws {@link CycleError} if the edge would close a directed cycle; `cycle` is
   *   `[from, to, ..., from]`. The graph is left unchanged.
   * @throws {@link InvalidArgumentError} for a self-loop, or if the graph is frozen
   * @remarks O(n + m) worst case (a depth-first search from `to` for a path back to `from`).
   * @since 0.1.0
   */
  addEdge(from: string, to: string): this {
    this.#assertMutable("graph.addEdge");
    this.#checkNotSelfLoop(from, to, "->");
    if (this.#directed.hasNode(toKey(from)) && this.#directed.hasNode(toKey(to))) {
      if (this.#directed.hasDirectedEdge(toKey(from), toKey(to))) return this;
      const path = this.#directedPath(to, from);
      if (path) throw this.#cycleError("graph.addEdge", [from, ...path]);
    }
    this.#ensure(from);
    this.#ensure(to);
    this.#directed.addDirectedEdge(toKey(from), toKey(to));
    this.#index = undefined;
    return this;
  }

  /**
   * Adds the bidirected edge `a <-> b` (an unobserved common cause of a and b), adding missing
   * nodes. A no-op if it exists. A bidirected edge may coexist with a directed edge between the
   * same nodes (a "bow").
   *
   * @param a - one endpoint
   * @param b - the other endpoint
   * @returns this graph
   * @throws {@link InvalidArgumentError} for a self-loop, or if the graph is frozen
   * @since 0.1.0
   */
  addBidirectedEdge(a: string, b: string): this {
    this.#assertMutable("graph.addBidirectedEdge");
    this.#checkNotSelfLoop(a, b, "<->");
    this.#ensure(a);
    this.#ensure(b);
    const bi = this.#bidirectedGraph();
    if (!bi.hasEdge(toKey(a), toKey(b))) bi.addEdge(toKey(a), toKey(b));
    this.#index = undefined;
    return this;
  }

  /**
   * Removes a node and every edge touching it.
   *
   * @param name - the node
   * @returns this graph
   * @throws {@link UnknownNodeError} if the node does not exist
   * @throws {@link InvalidArgumentError} if the graph is frozen
   * @since 0.1.0
   */
  removeNode(name: string): this {
    this.#assertMutable("graph.removeNode");
    this.#assertNode(name, "graph.removeNode");
    this.#directed.dropNode(toKey(name));
    this.#bidirected?.dropNode(toKey(name));
    this.#roles.delete(name);
    this.#index = undefined;
    return this;
  }

  /**
   * Removes the directed edge `from -> to`.
   *
   * @param from - the cause
   * @param to - the effect
   * @returns this graph
   * @throws {@link UnknownNodeError} if the edge does not exist (naming the missing node or edge)
   * @throws {@link InvalidArgumentError} if the graph is frozen
   * @since 0.1.0
   */
  removeEdge(from: string, to: string): this {
    this.#assertMutable("graph.removeEdge");
    this.#assertNode(from, "graph.removeEdge");
    this.#assertNode(to, "graph.removeEdge");
    if (!this.#directed.hasDirectedEdge(toKey(from), toKey(to))) {
      throw new UnknownNodeError(`graph.removeEdge: no edge ${from} -> ${to}`, `${from} -> ${to}`);
    }
    this.#directed.dropDirectedEdge(toKey(from), toKey(to));
    this.#index = undefined;
    return this;
  }

  /**
   * Removes the bidirected edge `a <-> b`.
   *
   * @param a - one endpoint
   * @param b - the other endpoint
   * @returns this graph
   * @throws {@link UnknownNodeError} if a node or the edge does not exist
   * @throws {@link InvalidArgumentError} if the graph is frozen
   * @since 0.1.0
   */
  removeBidirectedEdge(a: string, b: string): this {
    this.#assertMutable("graph.removeBidirectedEdge");
    this.#assertNode(a, "graph.removeBidirectedEdge");
    this.#assertNode(b, "graph.removeBidirectedEdge");
    const bi = this.#bidirected;
    if (bi === undefined || !bi.hasEdge(toKey(a), toKey(b))) {
      throw new UnknownNodeError(
        `graph.removeBidirectedEdge: no edge ${a} <-> ${b}`,
        `${a} <-> ${b}`,
      );
    }
    bi.dropEdge(toKey(a), toKey(b));
    this.#index = undefined;
    return this;
  }

  /**
   * Merges roles into a node's roles (a role given as `false` is cleared).
   *
   * @param name - the node
   * @param roles - roles to set or clear
   * @returns this graph
   * @throws {@link UnknownNodeError} if the node does not exist
   * @throws {@link InvalidArgumentError} if `roles` has a key other than `latent`, `exposure`,
   *   `outcome`, `adjusted` (the node's roles are then unchanged), or if the graph is frozen
   * @since 0.1.0
   */
  setRoles(name: string, roles: NodeRoles): this {
    this.#assertMutable("graph.setRoles");
    this.#assertNode(name, "graph.setRoles");
    checkRoleKeys(roles, name, "graph.setRoles");
    const merged: Record<string, boolean> = { ...this.#roles.get(name) };
    for (const [k, v] of Object.entries(roles)) {
      if (v) merged[k] = true;
      else delete merged[k];
    }
    if (Object.keys(merged).length === 0) this.#roles.delete(name);
    else this.#roles.set(name, Object.freeze(merged));
    return this;
  }

  /**
   * The roles of a node (an empty object if it has none).
   *
   * @param name - the node
   * @returns its roles (frozen)
   * @throws {@link UnknownNodeError} if the node does not exist
   * @since 0.1.0
   */
  roles(name: string): NodeRoles {
    this.#assertNode(name, "graph.roles");
    return this.#roles.get(name) ?? {};
  }

  /**
   * Nodes carrying a role, in node order.
   *
   * @param role - the role
   * @returns node names (empty for a role no node carries)
   * @since 0.1.0
   */
  nodesWithRole(role: NodeRole): string[] {
    return this.nodes().filter((v) => this.#roles.get(v)?.[role] === true);
  }

  /**
   * Whether a node is latent (unobserved).
   *
   * @param name - the node
   * @returns true if it has the `latent` role
   * @throws {@link UnknownNodeError} if the node does not exist
   * @since 0.1.0
   */
  isLatent(name: string): boolean {
    return this.roles(name).latent === true;
  }

  /**
   * Whether a node exists.
   *
   * @param name - a node name
   * @returns whether the node exists
   * @since 0.1.0
   */
  hasNode(name: string): boolean {
    return this.#directed.hasNode(toKey(name));
  }

  /**
   * Whether the directed edge `from -> to` exists.
   *
   * @param from - the cause
   * @param to - the effect
   * @returns whether the directed edge `from -> to` exists (false for unknown nodes)
   * @since 0.1.0
   */
  hasEdge(from: string, to: string): boolean {
    return this.#directed.hasNode(toKey(from)) && this.#directed.hasNode(toKey(to))
      ? this.#directed.hasDirectedEdge(toKey(from), toKey(to))
      : false;
  }

  /**
   * Whether the bidirected edge `a <-> b` exists (symmetric in `a` and `b`).
   *
   * @param a - one endpoint
   * @param b - the other endpoint
   * @returns whether the bidirected edge `a <-> b` exists (false for unknown nodes)
   * @since 0.1.0
   */
  hasBidirectedEdge(a: string, b: string): boolean {
    const bi = this.#bidirected;
    if (bi === undefined || !bi.hasNode(toKey(a)) || !bi.hasNode(toKey(b))) return false;
    return bi.hasEdge(toKey(a), toKey(b));
  }

  /**
   * Every node name.
   *
   * @returns all node names, in insertion order
   * @since 0.1.0
   */
  nodes(): string[] {
    return this.#directed.nodes().map(fromKey);
  }

  /**
   * Every directed edge.
   *
   * @returns every directed edge as `[from, to]`
   * @since 0.1.0
   */
  directedEdges(): [string, string][] {
    return this.#directed.mapEdges((_e, _a, s, t) => [fromKey(s), fromKey(t)] as [string, string]);
  }

  /**
   * Every bidirected edge.
   *
   * @returns every bidirected edge as `[a, b]`, each edge once, `a` added before `b`
   * @since 0.1.0
   */
  bidirectedEdges(): [string, string][] {
    const bi = this.#bidirected;
    if (bi === undefined) return [];
    const pos = this.compactIndex().id;
    return bi.mapEdges((_e, _a, ks, kt) => {
      const s = fromKey(ks);
      const t = fromKey(kt);
      return (pos.get(s) ?? 0) <= (pos.get(t) ?? 0) ? ([s, t] as [string, string]) : [t, s];
    });
  }

  /**
   * Whether the graph is an ADMG proper rather than a DAG.
   *
   * @returns whether the graph has at least one bidirected edge (is not a plain DAG)
   * @since 0.1.0
   */
  hasBidirectedEdges(): boolean {
    return (this.#bidirected?.size ?? 0) > 0;
  }

  /**
   * Parents (direct causes) of a node or the union over a set of nodes, in node order.
   *
   * @param nodes - one node or several
   * @returns parent names
   * @throws {@link UnknownNodeError} for an unknown node
   * @since 0.1.0
   */
  parents(nodes: NodeSet): string[] {
    return this.#neighbourUnion(nodes, "graph.parents", (v) =>
      this.#directed.inNeighbors(toKey(v)).map(fromKey),
    );
  }

  /**
   * Children (direct effects) of a node or the union over a set of nodes, in node order.
   *
   * @param nodes - one node or several
   * @returns child names
   * @throws {@link UnknownNodeError} for an unknown node
   * @since 0.1.0
   */
  children(nodes: NodeSet): string[] {
    return this.#neighbourUnion(nodes, "graph.children", (v) =>
      this.#directed.outNeighbors(toKey(v)).map(fromKey),
    );
  }

  /**
   * Siblings (nodes joined by a bidirected edge) of a node or a set of nodes, in node order.
   *
   * @param nodes - one node or several
   * @returns sibling names
   * @throws {@link UnknownNodeError} for an unknown node
   * @since 0.1.0
   */
  siblings(nodes: NodeSet): string[] {
    return this.#neighbourUnion(
      nodes,
      "graph.siblings",
      (v) => this.#bidirected?.neighbors(toKey(v)).map(fromKey) ?? [],
    );
  }

  /**
   * A deep copy (nodes, edges and roles). The copy is mutable even if this graph is frozen.
   *
   * @returns a new graph equal to this one
   * @since 0.1.0
   */
  clone(): CausalGraph {
    const g = new CausalGraph();
    for (const v of this.nodes()) g.#ensure(v);
    this.#directed.forEachEdge((_e, _a, s, t) => {
      g.#directed.addDirectedEdge(s, t);
    });
    this.#bidirected?.forEachEdge((_e, _a, s, t) => {
      g.#bidirectedGraph().addEdge(s, t);
    });
    for (const [v, r] of this.#roles) g.#roles.set(v, r);
    return g;
  }

  /**
   * The JSON graph format `{nodes, directed, bidirected}` plus role lists (only non-empty ones).
   *
   * @returns a plain object that {@link CausalGraph.from} reads back
   * @since 0.1.0
   */
  toJSON(): CausalGraphJson {
    const json: {
      nodes: string[];
      directed: [string, string][];
      bidirected: [string, string][];
      latent?: string[];
      exposure?: string[];
      outcome?: string[];
      adjusted?: string[];
    } = { nodes: this.nodes(), directed: this.directedEdges(), bidirected: this.bidirectedEdges() };
    for (const role of ["latent", "exposure", "outcome", "adjusted"] as const) {
      const list = this.nodesWithRole(role);
      if (list.length > 0) json[role] = list;
    }
    return json;
  }

  /**
   * The compact integer index of this graph (cached until the next mutation). Meant for
   * algorithms that need linear time; most users never call it.
   *
   * @returns the CSR index
   * @remarks O(n + m) to build; O(1) when cached.
   * @since 0.1.0
   */
  compactIndex(): CompactIndex {
    if (this.#index) return this.#index;
    const names = this.nodes();
    const id = new Map<string, number>();
    for (let i = 0; i < names.length; i++) id.set(names[i] as string, i);
    const csr = (neigh: (v: string) => string[]): [Int32Array, Int32Array] => {
      const offsets = new Int32Array(names.length + 1);
      const lists = names.map(neigh);
      for (let i = 0; i < names.length; i++) {
        offsets[i + 1] = (offsets[i] ?? 0) + (lists[i]?.length ?? 0);
      }
      const flat = new Int32Array(offsets[names.length] ?? 0);
      let k = 0;
      for (const list of lists) for (const u of list) flat[k++] = id.get(u) ?? -1;
      return [offsets, flat];
    };
    const [parentOffsets, parents] = csr((v) => this.#directed.inNeighbors(toKey(v)).map(fromKey));
    const [childOffsets, children] = csr((v) => this.#directed.outNeighbors(toKey(v)).map(fromKey));
    const [siblingOffsets, siblings] = csr(
      (v) => this.#bidirected?.neighbors(toKey(v)).map(fromKey) ?? [],
    );
    this.#index = {
      names,
      id,
      parentOffsets,
      parents,
      childOffsets,
      children,
      siblingOffsets,
      siblings,
    };
    return this.#index;
  }

  /**
   * Checks that every node of a set exists and returns the set as an array without duplicates.
   *
   * @param nodes - one node or several
   * @param where - `module.function` prefix for the error message
   * @returns the distinct node names, in the order given
   * @throws {@link UnknownNodeError} for the first unknown node
   * @since 0.1.0
   */
  resolveNodes(nodes: NodeSet, where: string): string[] {
    const list = typeof nodes === "string" ? [nodes] : [...new Set(nodes)];
    for (const v of list) this.#assertNode(v, where);
    return list;
  }

  #assertMutable(where: string): void {
    if (this.#frozen) {
      throw new InvalidArgumentError(
        `${where}: this graph is frozen (a model's graph); clone() it to edit`,
        "graph",
      );
    }
  }

  #ensure(name: string): void {
    if (!this.#directed.hasNode(toKey(name))) {
      this.#directed.addNode(toKey(name));
      this.#bidirected?.addNode(toKey(name));
      this.#index = undefined;
    }
  }

  #bidirectedGraph(): UndirectedGraph {
    if (this.#bidirected === undefined) {
      const bi = new UndirectedGraph({ allowSelfLoops: false, multi: false });
      this.#directed.forEachNode((key) => {
        bi.addNode(key);
      });
      this.#bidirected = bi;
    }
    return this.#bidirected;
  }

  #assertNode(name: string, where: string): void {
    if (!this.#directed.hasNode(toKey(name))) {
      throw new UnknownNodeError(`${where}: unknown node "${name}"`, name);
    }
  }

  #checkNotSelfLoop(a: string, b: string, arrow: string): void {
    if (a === b) {
      throw new InvalidArgumentError(`graph: self-loop ${a} ${arrow} ${a} is not allowed`, a);
    }
  }

  #neighbourUnion(nodes: NodeSet, where: string, neigh: (v: string) => string[]): string[] {
    const list = this.resolveNodes(nodes, where);
    if (list.length === 1) {
      const only = neigh(list[0] as string);
      const { id } = this.compactIndex();
      return only.sort((a, b) => (id.get(a) ?? 0) - (id.get(b) ?? 0));
    }
    const found = new Set<string>();
    for (const v of list) for (const u of neigh(v)) found.add(u);
    return this.nodes().filter((v) => found.has(v));
  }

  /** A directed path from `source` to `target` as a node list, or undefined. */
  #directedPath(source: string, target: string): string[] | undefined {
    const previous = new Map<string, string>();
    const stack = [source];
    const seen = new Set([source]);
    while (stack.length > 0) {
      const v = stack.pop() as string;
      if (v === target) {
        const path = [v];
        let cur = v;
        while (cur !== source) {
          cur = previous.get(cur) as string;
          path.push(cur);
        }
        return path.reverse();
      }
      for (const w of this.#directed.outNeighbors(toKey(v)).map(fromKey)) {
        if (!seen.has(w)) {
          seen.add(w);
          previous.set(w, v);
          stack.push(w);
        }
      }
    }
    return undefined;
  }

  /** Some directed cycle as `[a, b, ..., a]`, or undefined if the directed part is acyclic. */
  #findAnyCycle(): string[] | undefined {
    const WHITE = 0;
    const GREY = 1;
    const BLACK = 2;
    const colour = new Map<string, number>();
    const parent = new Map<string, string>();
    for (const root of this.nodes()) {
      if ((colour.get(root) ?? WHITE) !== WHITE) continue;
      const stack: [string, string[], number][] = [
        [root, this.#directed.outNeighbors(toKey(root)).map(fromKey), 0],
      ];
      colour.set(root, GREY);
      while (stack.length > 0) {
        const frame = stack[stack.length - 1] as [string, string[], number];
        const [v, out, i] = frame;
        if (i >= out.length) {
          colour.set(v, BLACK);
          stack.pop();
          continue;
        }
        frame[2] = i + 1;
        const w = out[i] as string;
        const c = colour.get(w) ?? WHITE;
        if (c === GREY) {
          const cycle = [w];
          let cur = v;
          while (cur !== w) {
            cycle.push(cur);
            cur = parent.get(cur) as string;
          }
          cycle.push(w);
          // cycle is w <- v <- ... <- w; return it in edge order.
          return cycle.reverse();
        }
        if (c === WHITE) {
          colour.set(w, GREY);
          parent.set(w, v);
          stack.push([w, this.#directed.outNeighbors(toKey(w)).map(fromKey), 0]);
        }
      }
    }
    return undefined;
  }

  #cycleError(where: string, cycle: string[]): CycleError {
    return new CycleError(`${where}: directed cycle ${formatCycle(cycle)}`, cycle);
  }
}

/**
 * The JSON graph format written by {@link CausalGraph.toJSON}.
 *
 * @since 0.1.0
 */
export interface CausalGraphJson {
  /** Node names in insertion order. */
  readonly nodes: string[];
  /** Directed edges `[from, to]`. */
  readonly directed: [string, string][];
  /** Bidirected edges `[a, b]`. */
  readonly bidirected: [string, string][];
  /** Latent nodes (present only if non-empty). */
  readonly latent?: string[];
  /** Exposure nodes (present only if non-empty). */
  readonly exposure?: string[];
  /** Outcome nodes (present only if non-empty). */
  readonly outcome?: string[];
  /** Adjusted nodes (present only if non-empty). */
  readonly adjusted?: string[];
}

/** Throws unless every key of `roles` is a {@link NodeRole}. */
function checkRoleKeys(roles: NodeRoles, node: string, where: string): void {
  for (const k of Object.keys(roles)) {
    if (k !== "latent" && k !== "exposure" && k !== "outcome" && k !== "adjusted") {
      throw new InvalidArgumentError(`${where}: unknown role "${k}" for node ${node}`, k);
    }
  }
}

/**
 * A cycle for messages, names quoted so that names containing `->` or spaces stay readable:
 * `"a" -> "b" -> "a"`.
 *
 * @param cycle - the nodes, first repeated at the end
 * @returns the text
 * @since 0.1.0
 */
export function formatCycle(cycle: readonly string[]): string {
  return cycle.map((v) => JSON.stringify(v)).join(" -> ");
}
