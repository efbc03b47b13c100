/**
 * The JSON Schema (draft 2020-12) of the causalkit SCM JSON format, built as a plain object.
 * This is the single source of truth: `schema/scm.schema.json` is generated from it
 * (`scripts/write-schema.ts`) and a test checks that the file is up to date.
 */

/** `$id` of the schema, also written as `$schema` into every document `scmToJson` produces. */
export const SCM_JSON_SCHEMA_ID = "https://causalkit.dev/schema/scm-1.json";

type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };
type JsonObject = { readonly [key: string]: Json };

const ref = (name: string): JsonObject => ({ $ref: `#/$defs/${name}` });

/** A closed object with the given required and optional properties. */
function closed(
  description: string,
  required: Readonly<Record<string, Json>>,
  optional: Readonly<Record<string, Json>> = {},
): JsonObject {
  return {
    description,
    type: "object",
    required: Object.keys(required),
    additionalProperties: false,
    properties: { ...required, ...optional },
  };
}

/**
 * An object discriminated by its `type` property: `type` must be one of the variants' tags,
 * and the object must then match that variant's definition (if/then, so that validators
 * report the error of the matching variant only).
 */
function tagged(description: string, variants: Readonly<Record<string, string>>): JsonObject {
  return {
    description,
    type: "object",
    required: ["type"],
    properties: { type: { enum: Object.keys(variants) } },
    allOf: Object.entries(variants).map(([tag, def]) => ({
      if: { properties: { type: { const: tag } } },
      // biome-ignore lint/suspicious/noThenProperty: `then` is a JSON Schema keyword
      then: ref(def),
    })),
  };
}

const mechanismVariants = {
  cpt: "cptMechanism",
  linear: "linearMechanism",
  logistic: "logisticMechanism",
  expression: "expressionMechanism",
};

const linearLike = (type: "linear" | "logistic", what: string, noise: string): JsonObject =>
  closed(
    what,
    {
      type: { const: type },
      parents: ref("names"),
      coefficients: {
        description: "One coefficient per parent, in parent order.",
        type: "array",
        items: { type: "number" },
      },
    },
    {
      intercept: { description: "Intercept.", type: "number", default: 0 },
      noise: { ...ref("name"), description: noise },
    },
  );

function buildSchema(): JsonObject {
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: SCM_JSON_SCHEMA_ID,
    title: "causalkit structural causal model",
    description:
      "A structural causal model: endogenous variables with domains and mechanisms, and named, mutually independent exogenous variables. Discrete values are 0-based state indices. Checks a schema cannot express (CPT rows summing to 1, parents existing, acyclicity, expression syntax) are made when the model is built.",
    type: "object",
    required: ["variables"],
    additionalProperties: false,
    properties: {
      $schema: { description: "URI of this schema.", type: "string" },
      format: { description: "Format marker.", const: "causalkit-scm" },
      version: { description: "Format version.", const: 1 },
      variables: {
        description: "Endogenous variables, in any order (a model writes a topological order).",
        type: "array",
        items: ref("variable"),
      },
      exogenous: {
        description:
          "Exogenous variables. A CPT or logistic mechanism without `noise` uses U_<variable> ~ uniform(0, 1), a linear one U_<variable> ~ normal(0, 1), created when not declared.",
        type: "array",
        items: ref("exogenous"),
      },
    },
    $defs: {
      name: { description: "A variable name.", type: "string", minLength: 1 },
      names: {
        description: "Distinct variable names.",
        type: "array",
        uniqueItems: true,
        items: ref("name"),
      },
      probability: { type: "number", minimum: 0, maximum: 1 },
      positive: { type: "number", exclusiveMinimum: 0 },
      variable: closed("An endogenous variable.", {
        name: ref("name"),
        domain: ref("domain"),
        mechanism: ref("mechanism"),
      }),
      exogenous: closed("An exogenous variable.", {
        name: ref("name"),
        distribution: ref("distribution"),
      }),
      domain: tagged("The domain of an endogenous variable.", {
        discrete: "discreteDomain",
        continuous: "continuousDomain",
      }),
      discreteDomain: closed("Discrete domain; a value is the index of its state.", {
        type: { const: "discrete" },
        states: {
          description: "Distinct state names, in order.",
          type: "array",
          minItems: 1,
          uniqueItems: true,
          items: { type: "string" },
        },
      }),
      continuousDomain: closed("Real-valued domain.", { type: { const: "continuous" } }),
      distribution: tagged("Distribution of an exogenous variable.", {
        normal: "normalNoise",
        uniform: "uniformNoise",
        bernoulli: "bernoulliNoise",
        categorical: "categoricalNoise",
        exponential: "exponentialNoise",
        laplace: "laplaceNoise",
        studentT: "studentTNoise",
      }),
      normalNoise: closed(
        "Normal N(mean, sd²).",
        { type: { const: "normal" }, sd: ref("positive") },
        { mean: { type: "number", default: 0 } },
      ),
      uniformNoise: closed("Uniform on [min, max), min < max.", {
        type: { const: "uniform" },
        min: { type: "number" },
        max: { type: "number" },
      }),
      bernoulliNoise: closed("Bernoulli on {0, 1} with P(1) = p.", {
        type: { const: "bernoulli" },
        p: ref("probability"),
      }),
      categoricalNoise: closed("Categorical on {0, …, k−1}; probs sum to 1 (±1e-6).", {
        type: { const: "categorical" },
        probs: { type: "array", minItems: 1, items: ref("probability") },
      }),
      exponentialNoise: closed("Exponential with rate λ (mean 1/λ).", {
        type: { const: "exponential" },
        rate: ref("positive"),
      }),
      laplaceNoise: closed(
        "Laplace with location and scale b.",
        { type: { const: "laplace" }, scale: ref("positive") },
        { location: { type: "number", default: 0 } },
      ),
      studentTNoise: closed(
        "Location-scale Student t: location + scale·T, T ~ t(df).",
        { type: { const: "studentT" }, df: ref("positive") },
        {
          location: { type: "number", default: 0 },
          scale: { ...ref("positive"), default: 1 },
        },
      ),
      mechanism: tagged("A structural equation.", {
        ...mechanismVariants,
        constant: "constantMechanism",
        shift: "shiftMechanism",
      }),
      baseMechanism: tagged("A mechanism that can be shifted.", mechanismVariants),
      cptMechanism: closed(
        "Conditional probability table of a discrete variable, one row per parent configuration (last parent varying fastest), each row summing to 1 (±1e-6).",
        {
          type: { const: "cpt" },
          parents: ref("names"),
          table: {
            type: "array",
            minItems: 1,
            items: { type: "array", minItems: 1, items: ref("probability") },
          },
        },
        { noise: { ...ref("name"), description: "A uniform(0, 1) exogenous variable." } },
      ),
      linearMechanism: linearLike(
        "linear",
        "Continuous value = intercept + Σ coefficients[i]·parents[i] + noise.",
        "The additive exogenous variable.",
      ),
      logisticMechanism: linearLike(
        "logistic",
        "Binary value: state 1 if u < 1/(1 + exp(−(intercept + Σ coefficients[i]·parents[i]))).",
        "The uniform(0, 1) exogenous variable u.",
      ),
      expressionMechanism: closed("A mathjs expression over parents and exogenous variables.", {
        type: { const: "expression" },
        expression: { type: "string", minLength: 1 },
      }),
      constantMechanism: closed("A constant (a state index for a discrete variable).", {
        type: { const: "constant" },
        value: { type: "number" },
      }),
      shiftMechanism: closed("A shifted mechanism of a continuous variable: base + delta.", {
        type: { const: "shift" },
        base: ref("baseMechanism"),
        delta: { type: "number" },
      }),
    },
  };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object") {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** The schema, deeply frozen. */
export const SCM_JSON_SCHEMA: Readonly<Record<string, unknown>> = deepFreeze(buildSchema());
