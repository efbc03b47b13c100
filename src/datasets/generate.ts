import { CausalKitError, InvalidArgumentError } from "../errors.js";
import type { CausalGraph, CausalGraphJson, ReadonlyCausalGraph } from "../graph/causal-graph.js";
import { cpdag } from "../graph/cpdag.js";
import { deriveRng, type Seed } from "../sampling/rng.js";
import { scmToJson } from "../scm/json.js";
import { createScm, type Scm } from "../scm/scm.js";
import {
  answerQuery,
  type ComputedAnswer,
  roundedModel,
  roundedSpec,
  roundNumber,
} from "./_internal/q-answer.js";
import { graphFingerprint, hashKeyAfter, hashPrefix } from "./_internal/q-hash.js";
import type { Proposal, QuestionKind, SourceType } from "./_internal/q-kind.js";
import { describeGraph, describeModel } from "./_internal/q-premise.js";
import { KINDS, SUITE_KINDS } from "./_internal/q-registry.js";
import { forkRng, randomInt, shuffleInPlace } from "./_internal/random.js";
import { checkSeed } from "./_internal/validate.js";
import { deterministicBooleanScm } from "./deterministic-boolean-scm.js";
import type { DatasetItem, ItemQuery, SuiteName } from "./item.js";
import { randomAdmg } from "./random-admg.js";
import { randomDag } from "./random-dag.js";
import { randomDiscreteScmSpec } from "./random-discrete-scm.js";
import { relabelNodes } from "./relabel-nodes.js";
import { BUILTIN_STORIES, type StoryVariable } from "./stories.js";
import { createVerbaliser, type Verbaliser } from "./verbalise.js";

/**
 * Configuration of {@link generate} (also the JSON of `causalkit generate --config FILE`). Any
 * other field is an error, so that a misspelt one is not silently ignored.
 *
 * @since 0.1.0
 */
export interface GenerateConfig {
  /**
   * Question kinds to draw from (required for the `custom` suite): `rung1-marginal`,
   * `rung1-conditional`, `rung1-correlation`, `rung1-explaining-away`, `rung2-ate`,
   * `rung2-adjustment`, `rung2-dseparation`, `rung2-identifiability`, `rung3-ett`,
   * `rung3-nde`, `rung3-nie`, `rung3-counterfactual`, `rung3-causation`, `corr2cause`.
   *
   * @defaultValue the suite's kinds
   */
  readonly kinds?: readonly string[];
  /** Least number of graph nodes. @defaultValue 3 */
  readonly minNodes?: number;
  /** Most graph nodes (≤ 8; ≤ 6 for corr2cause). @defaultValue 6 for ladder, 5 otherwise */
  readonly maxNodes?: number;
  /** Expected degree of the random DAGs. @defaultValue 2 */
  readonly expectedDegree?: number;
  /** Decimals of every number shown in the text. @defaultValue 2 */
  readonly decimals?: number;
  /**
   * Drop items whose yes/no label could flip under the shown rounding: when the compared
   * value rounds to the threshold (e.g. an ATE shown as 0.00), or when the label computed from
   * the rounded parameters shown in the premise differs from the exact label.
   *
   * @defaultValue true
   */
  readonly dropAmbiguous?: boolean;
  /** Reject candidates until the label matches a per-item target drawn 50/50. @defaultValue true */
  readonly balance?: boolean;
  /** Skip items whose graph + query (+ model) repeat an earlier item of the run. @defaultValue true */
  readonly dedupe?: boolean;
  /** Fraction of graphs (by structure fingerprint) put in the test split; 0 disables splits. @defaultValue 0.2 */
  readonly testFraction?: number;
  /** Node names: story variables or letters. @defaultValue "stories" (ladder), "letters" otherwise */
  readonly names?: "stories" | "letters";
  /** Story variables replacing the built-in ones ({@link BUILTIN_STORIES}). */
  readonly stories?: readonly StoryVariable[];
  /** Consecutive items that share one random model (per source type). @defaultValue 4 */
  readonly reuse?: number;
  /** Candidates tried per item for the target label before any label is accepted. @defaultValue 60 */
  readonly maxAttempts?: number;
}

/**
 * Options of {@link generate}.
 *
 * @since 0.1.0
 */
export interface GenerateOptions {
  /** The suite. */
  readonly suite: SuiteName;
  /** Number of items. */
  readonly n: number;
  /** Seed of the run. @defaultValue 0 */
  readonly seed?: Seed;
  /** Index of the first item (to generate a slice of a run). @defaultValue 0 */
  readonly start?: number;
  /** Configuration. @defaultValue {} */
  readonly config?: GenerateConfig;
}

/** A random graph (and model) shared by the items of a group. */
export interface Source {
  readonly key: string;
  readonly graph: CausalGraph;
  readonly model: Scm | undefined;
  /** The premise text, made when the source's first item is kept. */
  premise?: string;
  readonly graphJson: ReturnType<CausalGraph["toJSON"]>;
  modelJson?: ReturnType<typeof scmToJson>;
  rounded?: Scm;
  fingerprint?: number;
  dedupePrefix?: readonly [number, number];
  /**
   * What a reader of the items can tell graphs apart by, when it is less than the graph: for a
   * hidden DAG (Corr2cause), its Markov equivalence class, which alone determines the premise.
   * Deduplication and the split then key on it, so that equivalent DAGs (same premise) are
   * duplicates and never fall in different splits.
   */
  readonly visible?: CausalGraphJson;
}

/** Candidates tried on one source (model or graph) before the next one of the item's group. */
const SOURCE_ATTEMPTS = 4;

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ".split("");

/** The validated configuration of a run. */
export interface Settings {
  readonly kinds: readonly QuestionKind[];
  readonly rungs: readonly (readonly QuestionKind[])[];
  readonly minNodes: number;
  readonly maxNodes: number;
  readonly expectedDegree: number;
  readonly decimals: number;
  readonly dropAmbiguous: boolean;
  readonly balance: boolean;
  readonly dedupe: boolean;
  readonly testFraction: number;
  readonly names: "stories" | "letters";
  readonly stories: readonly StoryVariable[];
  readonly reuse: number;
  readonly maxAttempts: number;
}

const where = "datasets.generate";

function int(name: string, value: unknown, fallback: number, min: number, max: number): number {
  const x = value === undefined ? fallback : value;
  if (typeof x !== "number" || !Number.isInteger(x) || x < min || x > max) {
    throw new InvalidArgumentError(
      `${where}: ${name} must be an integer in [${min}, ${max}], got ${describeValue(x)}`,
      name,
    );
  }
  return x;
}

/** A value as an error message shows it: strings quoted, so "4" and 4 read differently. */
function describeValue(x: unknown): string {
  return typeof x === "string" ? JSON.stringify(x) : String(x);
}

// Every field of GenerateConfig: a misspelt one is an error rather than silently ignored.
const CONFIG_KEYS: readonly (keyof GenerateConfig)[] = [
  "kinds",
  "minNodes",
  "maxNodes",
  "expectedDegree",
  "decimals",
  "dropAmbiguous",
  "balance",
  "dedupe",
  "testFraction",
  "names",
  "stories",
  "reuse",
  "maxAttempts",
];

function bool(name: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== "boolean") {
    throw new InvalidArgumentError(`${where}: ${name} must be a boolean`, name);
  }
  return value;
}

function readSettings(suite: SuiteName, config: GenerateConfig): Settings {
  if (config === null || typeof config !== "object" || Array.isArray(config)) {
    throw new InvalidArgumentError(`${where}: config must be an object`, "config");
  }
  for (const key of Object.keys(config)) {
    if (!(CONFIG_KEYS as readonly string[]).includes(key)) {
      throw new InvalidArgumentError(
        `${where}: unknown config field "${key}" (known: ${CONFIG_KEYS.join(", ")})`,
        key,
      );
    }
  }
  const defaultKinds = suite === "custom" ? undefined : SUITE_KINDS[suite];
  const names = config.kinds ?? defaultKinds;
  if (names === undefined || !Array.isArray(names) || names.length === 0) {
    throw new InvalidArgumentError(
      names === undefined
        ? `${where}: the custom suite needs config.kinds (a non-empty list of question kinds)`
        : `${where}: config.kinds must be a non-empty list of question kinds, got ${JSON.stringify(names)}`,
      "kinds",
    );
  }
  const kinds = names.map((k) => {
    const kind = typeof k === "string" ? KINDS.get(k) : undefined;
    if (kind === undefined) {
      throw new InvalidArgumentError(
        `${where}: unknown question kind "${String(k)}" (known: ${[...KINDS.keys()].join(", ")})`,
        "kinds",
      );
    }
    return kind;
  });
  const hasCorr = kinds.some((k) => k.source === "hidden-dag");
  const minNodes = int("minNodes", config.minNodes, 3, 2, 8);
  const maxNodes = int(
    "maxNodes",
    config.maxNodes,
    Math.max(minNodes, suite === "ladder" ? 6 : 5),
    minNodes,
    hasCorr ? 6 : 8,
  );
  const expectedDegree = config.expectedDegree ?? 2;
  if (typeof expectedDegree !== "number" || !(expectedDegree >= 0)) {
    throw new InvalidArgumentError(
      `${where}: expectedDegree must be a number ≥ 0`,
      "expectedDegree",
    );
  }
  const testFraction = config.testFraction ?? 0.2;
  if (typeof testFraction !== "number" || !(testFraction >= 0 && testFraction <= 1)) {
    throw new InvalidArgumentError(`${where}: testFraction must be in [0, 1]`, "testFraction");
  }
  const nameMode =
    config.names ?? (suite === "ladder" || suite === "custom" ? "stories" : "letters");
  if (nameMode !== "stories" && nameMode !== "letters") {
    throw new InvalidArgumentError(`${where}: names must be "stories" or "letters"`, "names");
  }
  const stories = config.stories ?? BUILTIN_STORIES;
  if (!Array.isArray(stories)) {
    throw new InvalidArgumentError(`${where}: stories must be an array`, "stories");
  }
  const seen = new Set<string>();
  stories.forEach((s: StoryVariable, i) => {
    if (
      s === null ||
      typeof s !== "object" ||
      typeof s.name !== "string" ||
      s.name === "" ||
      typeof s.states?.yes !== "string" ||
      typeof s.states?.no !== "string" ||
      s.states.yes.trim() === "" ||
      s.states.no.trim() === "" ||
      s.states.yes === s.states.no ||
      seen.has(s.name)
    ) {
      throw new InvalidArgumentError(
        `${where}: stories[${i}] must be {name, states: {yes, no}} with a unique non-empty name and two different non-empty phrases`,
        "stories",
      );
    }
    seen.add(s.name);
  });
  if (nameMode === "stories" && stories.length < maxNodes) {
    throw new InvalidArgumentError(
      `${where}: ${stories.length} story variables cannot name ${maxNodes} nodes`,
      "stories",
    );
  }
  const rungs = [1, 2, 3]
    .map((r) => kinds.filter((k) => k.rung === r))
    .filter((list) => list.length > 0);
  return {
    kinds,
    rungs,
    minNodes,
    maxNodes,
    expectedDegree,
    decimals: int("decimals", config.decimals, 2, 0, 10),
    dropAmbiguous: bool("dropAmbiguous", config.dropAmbiguous, true),
    balance: bool("balance", config.balance, true),
    dedupe: bool("dedupe", config.dedupe, true),
    testFraction,
    names: nameMode,
    stories,
    reuse: int("reuse", config.reuse, 4, 1, 1_000_000),
    maxAttempts: int("maxAttempts", config.maxAttempts, 60, 1, 100_000),
  };
}

function buildSource(type: SourceType, key: string, s: Settings): Source {
  const rng = deriveRng(key, "datasets.generate:source");
  const n = s.minNodes + randomInt(rng, s.maxNodes - s.minNodes + 1);
  const names =
    s.names === "stories" && type !== "hidden-dag"
      ? shuffleInPlace(
          rng,
          s.stories.map((x) => x.name),
        ).slice(0, n)
      : LETTERS.slice(0, n);
  const degree = Math.min(s.expectedDegree, n - 1);
  let graph: CausalGraph;
  if (type === "admg") {
    graph = randomAdmg({
      nodes: n,
      expectedDegree: degree,
      bidirectedProbability: 0.3,
      seed: key,
      names,
    });
  } else {
    graph = randomDag({ nodes: n, expectedDegree: degree, seed: key, names });
    if (type === "hidden-dag") graph = relabelNodes(graph, { seed: key });
  }
  let model: Scm | undefined;
  if (type === "binary") {
    // Parameters are drawn already rounded to the shown precision, so the premise states the
    // model exactly (and the rounded-model recheck of dropAmbiguous is the model itself).
    const { spec } = randomDiscreteScmSpec(graph, { seed: key, minProbability: 0.05 });
    model = createScm(roundedSpec(spec, s.decimals));
  } else if (type === "boolean") {
    // Deterministic tables stay as they are; the roots' probabilities get the shown precision.
    model = roundedModel(deterministicBooleanScm(graph, { seed: key }).model, s.decimals);
  }
  graph.freeze();
  return {
    key,
    graph,
    model,
    graphJson: graph.toJSON(),
    ...(type === "hidden-dag" ? { visible: equivalenceClassJson(graph) } : {}),
    // At the shown precision: rounding again changes nothing (roundRow is idempotent).
    ...(model === undefined ? {} : { rounded: model }),
  };
}

/**
 * The CPDAG of a DAG in a canonical form (nodes and edges sorted by name), its reversible edges
 * as the symmetric edge type: equal for Markov-equivalent DAGs with the same node names.
 */
function equivalenceClassJson(graph: ReadonlyCausalGraph): CausalGraphJson {
  const c = cpdag(graph);
  const byName = (p: readonly [string, string], q: readonly [string, string]): number =>
    p[0] < q[0] ? -1 : p[0] > q[0] ? 1 : p[1] < q[1] ? -1 : p[1] > q[1] ? 1 : 0;
  return {
    nodes: [...c.nodes].sort(),
    directed: [...c.directed].sort(byName),
    bidirected: c.undirected
      .map(([a, b]): [string, string] => (a < b ? [a, b] : [b, a]))
      .sort(byName),
  };
}

/**
 * The query as deduplication compares it: hypotheses that read the same are one question
 * ("b is a child of a" is "a is a parent of b"; a collider or confounder of a and b is one of
 * b and a).
 */
function dedupeQuery(q: ItemQuery): ItemQuery {
  if (q.type !== "hypothesis") return q;
  switch (q.relation) {
    case "child":
      return { ...q, relation: "parent", a: q.b, b: q.a };
    case "descendant":
      return { ...q, relation: "ancestor", a: q.b, b: q.a };
    case "collider":
    case "confounder":
      return q.a <= q.b ? q : { ...q, a: q.b, b: q.a };
    default:
      return q;
  }
}

function premiseOf(source: Source, v: Verbaliser): string {
  const { model, graph } = source;
  source.premise ??=
    model === undefined ? "" : `${describeGraph(graph)} ${describeModel(model, graph, v)}`;
  return source.premise;
}

function isAmbiguous(
  computed: ComputedAnswer,
  source: Source,
  q: ItemQuery,
  decimals: number,
): boolean {
  const { compared, threshold, answer } = computed;
  if (compared === undefined || threshold === undefined) return false;
  if (roundNumber(compared, decimals) === roundNumber(threshold, decimals)) return true;
  if (source.model === undefined || source.rounded === source.model) return false;
  source.rounded ??= roundedModel(source.model, decimals);
  try {
    return answerQuery(source.graph, source.rounded, q).answer.label !== answer.label;
  } catch (e) {
    if (e instanceof CausalKitError) return true; // e.g. evidence of probability 0 once rounded
    throw e;
  }
}

/**
 * Generates benchmark questions with exact labels, lazily (a sync generator: memory stays
 * bounded apart from the deduplication keys, one short string per item).
 *
 * Item `i` is built from its own random streams derived from `(seed, i)`: its rung (uniform
 * over the suite's rungs), its kind (uniform within the rung), a target label (yes/no with
 * probability 1/2 each), then candidates (each from its own stream, forked in turn from the
 * item's) until one is valid (not ambiguous under rounding, not a duplicate) and — with
 * `balance` — has the target label; after `maxAttempts` candidates any valid label is
 * accepted. Models are shared by `reuse` consecutive items and derived from
 * `(seed, ⌊i / reuse⌋, source type, ⌊attempt / 4⌋)`; a source on which a kind proposes no
 * candidate is left for the next one at once.
 * Hence the output depends only on `seed`, `config` and the index range, not on how the
 * generator is consumed; a slice (`start`, `n`) equals the same slice of a longer run when
 * `dedupe` is off or no duplicate crosses the slice boundary.
 *
 * Labels come from {@link audit}'s exact functions (inference.query / ate, counterfactual
 * twin networks, isAdjustmentSet, identify, dSeparated, Markov-equivalence-class
 * enumeration). The split is decided by an isomorphism-invariant fingerprint of the graph, so
 * a graph (even renamed) never appears in both splits.
 *
 * @param options - suite, n, seed, start, config
 * @returns a generator of items
 * @throws {@link InvalidArgumentError} on invalid options or configuration
 * @throws {@link CausalKitError} (code `E_GENERATE`) when no valid candidate is found for an
 *   item after 20 × maxAttempts candidates
 * @see {@link generateParallel}: the same items on worker threads, for large runs.
 * @since 0.1.0
 * @example
 * ```ts
 * for (const item of generate({ suite: "ladder", n: 10, seed: 1 })) console.log(item.text);
 * ```
 */
export function* generate(options: GenerateOptions): Generator<DatasetItem, void, undefined> {
  const { run, n, start } = openRun(options);
  const seen = new Set<string>();
  for (let index = start; index < start + n; index++) {
    const { item, key } = chooseItem(run, index, seen);
    if (run.s.dedupe) seen.add(key);
    yield item;
  }
}

/** A validated run: its options, settings and the model cache of the current item group. */
export interface Run {
  readonly suite: SuiteName;
  readonly seed: Seed;
  readonly s: Settings;
  readonly verbaliser: Verbaliser;
  cacheGroup: number;
  readonly cache: Map<string, Source>;
}

/** Validates generate options (throws as {@link generate}) and prepares a run. */
export function openRun(options: GenerateOptions): { run: Run; n: number; start: number } {
  if (options === null || typeof options !== "object") {
    throw new InvalidArgumentError(`${where}: options must be an object`, "options");
  }
  const suite = options.suite;
  if (!["ladder", "corr2cause", "identification", "custom"].includes(suite)) {
    throw new InvalidArgumentError(
      `${where}: suite must be ladder, corr2cause, identification or custom, got ${String(suite)}`,
      "suite",
    );
  }
  const n = int("n", options.n, 0, 0, Number.MAX_SAFE_INTEGER);
  const start = int("start", options.start, 0, 0, Number.MAX_SAFE_INTEGER);
  const seed = checkSeed(where, options.seed);
  const s = readSettings(suite, options.config ?? {});
  const verbaliser = createVerbaliser(s.stories, s.decimals);
  return {
    run: { suite, seed, s, verbaliser, cacheGroup: -1, cache: new Map() },
    n,
    start,
  };
}

/**
 * One step of the candidate loop of an item, as recorded for a replay against another set of
 * already chosen keys (see `generate-parallel.ts`): a source without candidates (`null`), a
 * candidate skipped whatever the chosen keys (`skip`: ambiguous under rounding), one skipped
 * as a duplicate of a chosen key (`dup`, not evaluated), a valid candidate (`valid`), or the
 * point where the fallback was taken (`stop`).
 */
export type TraceStep<Valid = { readonly item: DatasetItem }> =
  | { readonly t: "null" | "skip" | "stop"; readonly attempt: number }
  | { readonly t: "dup"; readonly attempt: number; readonly key: string }
  | ({
      readonly t: "valid";
      readonly attempt: number;
      readonly key: string;
      readonly label: string | undefined;
    } & Valid);

/**
 * Item `index` of a run: its candidates in order until one is valid, not in `seen` and (with
 * balance) of the target label, or the fallback (see {@link generate}). Records every step in
 * `trace` when given.
 */
export function chooseItem(
  run: Run,
  index: number,
  seen: ReadonlySet<string>,
  trace?: TraceStep[],
): { item: DatasetItem; key: string; target: "yes" | "no" } {
  const { suite, seed, s, verbaliser, cache } = run;
  const itemRng = deriveRng(seed, `datasets.generate:${suite}:item:${index}`);
  const rungKinds = s.rungs[randomInt(itemRng, s.rungs.length)] ?? [];
  const kind = rungKinds[randomInt(itemRng, rungKinds.length)];
  if (kind === undefined) throw new InvalidArgumentError(`${where}: no kinds`, "kinds");
  const target = itemRng.next() < 0.5 ? "yes" : "no";
  const group = Math.floor(index / s.reuse);
  if (group !== run.cacheGroup) {
    cache.clear();
    run.cacheGroup = group;
  }
  let fallback: DatasetItem | undefined;
  let fallbackKey = "";
  for (let attempt = 0; attempt < 20 * s.maxAttempts; attempt++) {
    if (attempt >= s.maxAttempts && fallback !== undefined) {
      trace?.push({ t: "stop", attempt });
      return { item: fallback, key: fallbackKey, target };
    }
    const sourceKey = `${String(seed)}:${suite}:${group}:${kind.source}:${Math.floor(attempt / SOURCE_ATTEMPTS)}`;
    let source = cache.get(sourceKey);
    if (source === undefined) {
      source = buildSource(kind.source, sourceKey, s);
      cache.set(sourceKey, source);
    }
    const rng = forkRng(itemRng);
    const proposal = kind.propose({
      rng,
      graph: source.graph,
      model: source.model,
      verbaliser,
      dropAmbiguous: s.dropAmbiguous,
    });
    if (proposal === null) {
      trace?.push({ t: "null", attempt });
      // Mostly the source has no candidate of this kind at all: go on to the next source.
      attempt += SOURCE_ATTEMPTS - 1 - (attempt % SOURCE_ATTEMPTS);
      continue;
    }
    // The duplicate check needs no answer, so it comes first.
    // hashKey(JSON.stringify([graphJson, query, model key])), the graph's part read once.
    source.dedupePrefix ??= hashPrefix(`[${JSON.stringify(source.visible ?? source.graphJson)},`);
    const key = hashKeyAfter(
      source.dedupePrefix,
      `${JSON.stringify(dedupeQuery(proposal.query))},${source.model === undefined ? "null" : JSON.stringify(source.key)}]`,
    );
    if (s.dedupe && seen.has(key)) {
      trace?.push({ t: "dup", attempt, key });
      continue;
    }
    const computed = answerOrUndefined(source, proposal.query);
    if (
      computed === undefined ||
      (s.dropAmbiguous && isAmbiguous(computed, source, proposal.query, s.decimals))
    ) {
      trace?.push({ t: "skip", attempt });
      continue;
    }
    const item = makeItem(run, index, kind, source, proposal, computed);
    trace?.push({ t: "valid", attempt, key, label: item.answer.label, item });
    if (!s.balance || item.answer.label === undefined || item.answer.label === target) {
      return { item, key, target };
    }
    if (fallback === undefined) {
      fallback = item;
      fallbackKey = key;
    }
  }
  throw new CausalKitError(
    "E_GENERATE",
    `${where}: no valid ${kind.kind} question found for item ${index} after ${20 * s.maxAttempts} candidates`,
  );
}

/**
 * The answer, or undefined when the model leaves it undefined: evidence of probability 0 (e.g.
 * an ETT whose treatment never occurs once CPTs are rounded to 0 or 1) or a probability of
 * causation conditioned on such evidence. Such a candidate is skipped, like an ambiguous one.
 */
function answerOrUndefined(source: Source, q: ItemQuery): ComputedAnswer | undefined {
  try {
    return answerQuery(source.graph, source.model, q);
  } catch (e) {
    if (e instanceof InvalidArgumentError && (e.argument === "given" || e.argument === "measure")) {
      return undefined;
    }
    throw e;
  }
}

function makeItem(
  run: Run,
  index: number,
  kind: QuestionKind,
  source: Source,
  proposal: Proposal,
  computed: ComputedAnswer,
): DatasetItem {
  const { suite, seed, s, verbaliser } = run;
  if (source.model !== undefined) source.modelJson ??= scmToJson(source.model);
  source.fingerprint ??= graphFingerprint(source.visible ?? source.graphJson);
  return {
    id: `${suite}-${String(seed)}-${index}`,
    suite,
    rung: kind.rung,
    kind: kind.kind,
    graph: source.graphJson,
    ...(source.modelJson === undefined ? {} : { model: source.modelJson }),
    query: proposal.query,
    answer: computed.answer,
    ...(computed.estimand === undefined ? {} : { estimand: computed.estimand }),
    text: {
      premise: proposal.premise ?? premiseOf(source, verbaliser),
      question: proposal.question,
    },
    seed,
    index,
    ...(s.testFraction > 0
      ? {
          split:
            source.fingerprint / 4294967296 < s.testFraction
              ? ("test" as const)
              : ("train" as const),
        }
      : {}),
  };
}
