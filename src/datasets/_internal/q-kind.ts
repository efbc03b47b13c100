import type { CausalGraph } from "../../graph/causal-graph.js";
import type { Rng } from "../../sampling/rng.js";
import type { Scm } from "../../scm/scm.js";
import type { ItemQuery, Rung } from "../item.js";
import type { Verbaliser } from "../verbalise.js";

/** What a question kind needs: a binary CPT model, a deterministic boolean model, a DAG, an ADMG, or a hidden relabelled DAG (Corr2cause). */
export type SourceType = "binary" | "boolean" | "dag" | "admg" | "hidden-dag";

/** Everything a question kind may use to propose one question. */
export interface QuestionContext {
  readonly rng: Rng;
  readonly graph: CausalGraph;
  readonly model: Scm | undefined;
  readonly verbaliser: Verbaliser;
  /**
   * Whether items whose compared value rounds to the threshold are dropped: a proposer may then
   * skip candidates whose value equals the threshold for structural reasons (e.g. the
   * association of d-separated variables), which would only be dropped.
   */
  readonly dropAmbiguous: boolean;
}

/** A proposed question (before labelling). */
export interface Proposal {
  readonly query: ItemQuery;
  readonly question: string;
  /** Overrides the default premise of the source. */
  readonly premise?: string;
}

/** A question generator. */
export interface QuestionKind {
  readonly kind: string;
  readonly rung: Rung;
  readonly source: SourceType;
  propose(ctx: QuestionContext): Proposal | null;
}
