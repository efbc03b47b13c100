/**
 * Structural causal models: endogenous variables with domains, explicit exogenous noise,
 * mechanisms (CPT, linear, logistic, function, mathjs expression), validation and JSON.
 *
 * @module scm
 */
export { ALLOWED_EXPRESSION_FUNCTIONS, compileExpression } from "./expression.js";
export {
  formatScmJson,
  type MechanismJson,
  SCM_JSON_SCHEMA_URI,
  type ScmJson,
  type ShiftMechanismJson,
  scmFromJson,
  scmJsonSchema,
  scmToJson,
  type VariableJson,
} from "./json.js";
export {
  bernoulli,
  categorical,
  exponential,
  laplace,
  normal,
  PROBABILITY_SUM_TOLERANCE,
  studentT,
  uniform,
  validateNoise,
} from "./noise.js";
export { createScm, type EndogenousVariable, Scm } from "./scm.js";
/** Re-exported types (documented where they are defined). */
export type {
  BernoulliNoise,
  CategoricalNoise,
  CompiledExpression,
  ConstantMechanism,
  ContinuousDomain,
  CptMechanism,
  DiscreteDomain,
  Domain,
  ExogenousVariable,
  ExponentialNoise,
  ExpressionMechanism,
  FunctionMechanism,
  LaplaceNoise,
  LinearMechanism,
  LogisticMechanism,
  Mechanism,
  NoiseDistribution,
  NormalNoise,
  ScmSpec,
  ShiftMechanism,
  StudentTNoise,
  UniformNoise,
  ValueRecord,
  VariableSpec,
} from "./types.js";
