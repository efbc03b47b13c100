import type { Scm } from "../scm/scm.js";

/**
 * A generated structural causal model and the names of its unobserved variables. An SCM has
 * no role flags, so the latent variables are listed here: drop their columns from sampled
 * data (or marginalise them out) to get the observational data over the graph's observed
 * nodes.
 *
 * @since 0.1.0
 */
export interface GeneratedScm {
  /** The model. */
  readonly model: Scm;
  /**
   * The unobserved endogenous variables: the graph's nodes with role `latent`, then the latent
   * roots created for its bidirected edges (named `L_<a>_<b>`, made unique with a `_2`, `_3`, …
   * suffix), in that order. With the `"shared-noise"` representation of
   * {@link randomDiscreteScm} the latter are exogenous and not listed.
   */
  readonly latent: readonly string[];
}
