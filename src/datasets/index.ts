/**
 * Ground-truth datasets for benchmarks: seeded random graphs (Erdős–Rényi, scale-free,
 * layered, bounded in-degree DAGs; ADMGs with latent confounders), canonical graph templates
 * (chain, fork, collider, front door, IV, napkin, …), seeded random structural causal models on
 * a graph (discrete CPTs with controllable effect strength, deterministic boolean,
 * linear-Gaussian, nonlinear additive-noise), and exhaustive enumeration of small DAGs and
 * their Markov equivalence classes. Everything random takes a `seed` and is deterministic.
 *
 * @module datasets
 */

export {
  type AuditDisagreement,
  type AuditOptions,
  type AuditReport,
  audit,
  auditItem,
} from "./audit.js";
export {
  type BoundedInDegreeDagOptions,
  boundedInDegreeDag,
} from "./bounded-in-degree-dag.js";
export {
  type BooleanFunctionName,
  type BooleanMechanismName,
  type BooleanScm,
  type DeterministicBooleanScmOptions,
  deterministicBooleanScm,
} from "./deterministic-boolean-scm.js";
export { type EnumerateDagsOptions, enumerateDags } from "./enumerate-dags.js";
export { type GenerateConfig, type GenerateOptions, generate } from "./generate.js";
export {
  generateLines,
  generateParallel,
  type ParallelGenerateOptions,
} from "./generate-parallel.js";
/** Re-exported types (documented where they are defined). */
export type { GeneratedScm } from "./generated-scm.js";
export {
  type DatasetItem,
  datasetItemSchema,
  type HypothesisRelation,
  type ItemAnswer,
  type ItemQuery,
  type Rung,
  type SuiteName,
} from "./item.js";
export { type LayeredDagOptions, layeredDag } from "./layered-dag.js";
export { type LinearGaussianScmOptions, linearGaussianScm } from "./linear-gaussian-scm.js";
export {
  type EquivalenceClassEntry,
  type MarkovEquivalenceClassesOptions,
  markovEquivalenceClasses,
} from "./markov-equivalence-classes.js";
export {
  type NonlinearAdditiveScmOptions,
  type NonlinearTermName,
  nonlinearAdditiveScm,
} from "./nonlinear-additive-scm.js";
export { type RandomAdmgOptions, randomAdmg } from "./random-admg.js";
export { type RandomDagOptions, randomDag } from "./random-dag.js";
export {
  type RandomDiscreteScmOptions,
  randomDiscreteScm,
  type StrengthOptions,
} from "./random-discrete-scm.js";
export { type RelabelNodesOptions, relabelNodes } from "./relabel-nodes.js";
export { type ScaleFreeDagOptions, scaleFreeDag } from "./scale-free-dag.js";
export { BUILTIN_STORIES, type StoryVariable } from "./stories.js";
export {
  TEMPLATE_NAMES,
  type TemplateName,
  type TemplateOptions,
  templateGraph,
} from "./templates.js";
export { createVerbaliser, englishList, type Verbaliser } from "./verbalise.js";
