/**
 * How the worlds of a counterfactual share the exogenous noise of `cpt` and `logistic`
 * mechanisms. A probability table says how a variable responds **on average** to its parents;
 * a counterfactual also needs to know how one unit's responses to different parent
 * configurations are **coupled**, and the table alone does not say. causalkit offers two
 * couplings (every other mechanism has its noise written explicitly, and its counterfactuals
 * do not depend on this choice):
 *
 * - `"inverse-cdf"` (the default, and the model's own semantics): the unit's uniform U_V is
 *   read by the inverse-CDF rule of whatever row its parents select, in every world. With the
 *   states in the model's order, a unit at quantile u takes the first state k with
 *   u < c_k (c the cumulative row, the last positive state's cumulative taken as exactly 1).
 *   This is the coupling `sample` uses, so `sample(model, n, { includeNoise: true })` rows and
 *   their counterfactuals are consistent. It is the comonotone (maximally correlated)
 *   coupling: for a binary variable whose event probability increases with a parent, it makes
 *   the response monotone (no unit is harmed where others benefit), which is the monotonicity
 *   assumption under which the probabilities of causation are identified (Tian & Pearl 2000).
 *   Reordering the states of a variable changes its counterfactuals (not its distributions).
 * - `"independent"`: U_V is split into one independent uniform U_V^{(r)} per parent
 *   configuration r, and V = inverse-CDF of row r at U_V^{(r)}. A unit's responses to
 *   different parent configurations are then independent: in two worlds where V's parents
 *   take the same values V is the same, and where they differ V is drawn afresh from its row.
 *   In samples, the model's column U_V is the uniform of the factual configuration; the
 *   uniform of another configuration is a fresh exogenous variable (reported as
 *   "alternative noise"). Defined for mechanisms whose uniform is private (read by no other
 *   mechanism); a shared uniform raises an error when it would be needed.
 *
 * Both couplings give the same interventional distributions (rungs 1 and 2); they differ only
 * in joint counterfactual distributions such as `P(Y_x = 1, Y_x' = 0)` and answers conditioned
 * on evidence from another world.
 *
 * @see Balke, A. & Pearl, J. (1994). Counterfactual probabilities: computational methods,
 *   bounds and applications. *Proc. UAI 1994*, 46–54 (response-function variables).
 * @see Tian, J. & Pearl, J. (2000). Probabilities of causation: bounds and identification.
 *   *Annals of Mathematics and Artificial Intelligence* 28, 287–313 (monotonicity).
 * @since 0.1.0
 */
export type Coupling = "inverse-cdf" | "independent";
