/**
 * causalkit: structural causal models in TypeScript — causal graphs (DAGs and ADMGs),
 * d-/m-separation, SCMs with explicit exogenous noise, seeded sampling, interventions, exact
 * inference, counterfactuals, identification (adjustment, front-door, ID), synthetic datasets, and
 * model file formats (BIF, dagitty, DOT, JSON).
 *
 * Every module is also available as a subpath export: `causalkit/graph`, `causalkit/scm`,
 * `causalkit/sampling`, `causalkit/interventions`, `causalkit/inference`, `causalkit/counterfactuals`,
 * `causalkit/identification`, `causalkit/datasets`, `causalkit/io`, `causalkit/errors`.
 *
 * @module causalkit
 */
export * from "./counterfactuals/index.js";
export * from "./datasets/index.js";
export * from "./errors.js";
export * from "./graph/index.js";
export * from "./identification/index.js";
export * from "./inference/index.js";
export * from "./interventions/index.js";
export * from "./io/index.js";
export * from "./sampling/index.js";
export * from "./scm/index.js";
