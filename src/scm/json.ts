import { createRequire } from "node:module";
import type { ErrorObject, ValidateFunction } from "ajv/dist/2020.js";
import { InvalidArgumentError, InvalidScmError, ParseError } from "../errors.js";
import {
  findJsonSyntaxProblem,
  locateJsonPointer,
  positionAt,
  type TextPosition,
} from "./_internal/json-text.js";
import { SCM_JSON_SCHEMA, SCM_JSON_SCHEMA_ID } from "./_internal/scm-json-schema.js";
import { createScm, Scm } from "./scm.js";
import type {
  ConstantMechanism,
  CptMechanism,
  Domain,
  ExogenousVariable,
  ExpressionMechanism,
  LinearMechanism,
  LogisticMechanism,
  Mechanism,
  NoiseDistribution,
  ScmSpec,
} from "./types.js";

/**
 * The `$id` of the causalkit SCM JSON Schema ({@link scmJsonSchema}); {@link scmToJson} writes it
 * as the document's `$schema`.
 *
 * @since 0.1.0
 */
export const SCM_JSON_SCHEMA_URI: string = SCM_JSON_SCHEMA_ID;

/**
 * The JSON Schema (draft 2020-12) of the causalkit SCM JSON format, as a deeply frozen object.
 * The package also ships it as the file `schema/scm.schema.json` (generated from this constant).
 *
 * The schema checks structure and per-value ranges (probabilities in [0, 1], positive scales,
 * distinct state names, closed objects). What it cannot express is checked when the model is
 * built by {@link createScm}: CPT rows summing to 1, table sizes, parents being variables,
 * mechanisms fitting domains, acyclicity, expression syntax and symbols.
 *
 * @since 0.1.0
 */
export const scmJsonSchema: Readonly<Record<string, unknown>> = SCM_JSON_SCHEMA;

/**
 * A shift mechanism in JSON: its base is itself serialisable.
 *
 * @since 0.1.0
 */
export interface ShiftMechanismJson {
  /** Discriminant. */
  readonly type: "shift";
  /** The shifted mechanism (CPT, linear, logistic or expression). */
  readonly base: MechanismJson;
  /** Finite additive shift. */
  readonly delta: number;
}

/**
 * A mechanism in JSON: every {@link Mechanism} kind except `function`.
 *
 * @since 0.1.0
 */
export type MechanismJson =
  | CptMechanism
  | LinearMechanism
  | LogisticMechanism
  | ExpressionMechanism
  | ConstantMechanism
  | ShiftMechanismJson;

/**
 * An endogenous variable in JSON.
 *
 * @since 0.1.0
 */
export interface VariableJson {
  /** Variable name. */
  readonly name: string;
  /** Its domain. */
  readonly domain: Domain;
  /** Its mechanism, with defaults filled in (every noise named, intercepts written). */
  readonly mechanism: MechanismJson;
}

/**
 * The causalkit SCM JSON document (format `"causalkit-scm"`, version 1): the model's
 * specification ({@link Scm.toSpec}) with every default filled in, plus format markers.
 * {@link scmJsonSchema} describes it.
 *
 * @example
 * ```json
 * {
 *   "$schema": "https://causalkit.dev/schema/scm-1.json",
 *   "format": "causalkit-scm",
 *   "version": 1,
 *   "variables": [
 *     { "name": "X", "domain": { "type": "continuous" },
 *       "mechanism": { "type": "linear", "parents": [], "coefficients": [], "intercept": 0, "noise": "U_X" } }
 *   ],
 *   "exogenous": [{ "name": "U_X", "distribution": { "type": "normal", "mean": 0, "sd": 1 } }]
 * }
 * ```
 * @since 0.1.0
 */
export interface ScmJson {
  /** The schema URI, {@link SCM_JSON_SCHEMA_URI}. */
  readonly $schema: string;
  /** Format marker. */
  readonly format: "causalkit-scm";
  /** Format version. */
  readonly version: 1;
  /** Endogenous variables in the model's (topological) order. */
  readonly variables: readonly VariableJson[];
  /** Every exogenous variable of the model, including created defaults. */
  readonly exogenous: readonly ExogenousVariable[];
}

/**
 * Converts a model to its JSON document: plain, fresh objects (not frozen, not shared with the
 * model) with every default filled in, so `scmFromJson(scmToJson(m))` has the same
 * {@link Scm.toSpec} as `m`. Numbers are written as they are (JSON.stringify keeps every double
 * exactly, except that −0 becomes 0).
 *
 * @param model - the model
 * @returns the JSON document; `JSON.stringify` it, or use {@link formatScmJson}
 * @throws {@link InvalidArgumentError} (its `argument` names the variable) if a variable has a
 *   `function` mechanism (also as the base of a shift), which JSON cannot hold; or if `model` is
 *   not an {@link Scm}
 * @remarks O(size of the model).
 * @see JSON Schema draft 2020-12, https://json-schema.org/draft/2020-12 (the document's schema,
 *   {@link scmJsonSchema}).
 * @example
 * ```ts
 * const doc = scmToJson(model);
 * doc.variables.map((v) => v.name); // in the model's topological order
 * ```
 * @since 0.1.0
 */
export function scmToJson(model: Scm): ScmJson {
  if (!(model instanceof Scm)) {
    throw new InvalidArgumentError(
      "scm.scmToJson: expected an Scm (build one with createScm)",
      "model",
    );
  }
  return {
    $schema: SCM_JSON_SCHEMA_ID,
    format: "causalkit-scm",
    version: 1,
    variables: model.variables.map((v) => ({
      name: v.name,
      domain: domainToJson(v.domain),
      mechanism: mechanismToJson(v.name, v.mechanism),
    })),
    exogenous: model.exogenous.map((u) => ({
      name: u.name,
      distribution: noiseToJson(u.distribution),
    })),
  };
}

/**
 * The model as pretty-printed JSON text: two-space indentation, with short leaf values (state
 * lists, parent lists, CPT rows and small tables, distributions) kept on one line within 100
 * columns; ends with a newline.
 *
 * @param model - the model
 * @returns the JSON text of {@link scmToJson}
 * @throws {@link InvalidArgumentError} as {@link scmToJson} does
 * @remarks O(size of the model).
 * @example
 * ```ts
 * writeFileSync("model.json", formatScmJson(model));
 * scmFromJson(readFileSync("model.json", "utf8")); // an equal model
 * ```
 * @since 0.1.0
 */
export function formatScmJson(model: Scm): string {
  return `${pretty(scmToJson(model), "", 0)}\n`;
}

/**
 * Reads a model from its JSON document, given as text or as an already parsed value. The
 * document is first checked against {@link scmJsonSchema}, then built (and checked) by
 * {@link createScm}. `format`, `version` and `exogenous` may be omitted (`version` defaults to
 * 1; default noises are created as usual). A leading byte-order mark is ignored.
 *
 * @param json - JSON text, or a parsed document (e.g. from {@link scmToJson})
 * @returns the model
 * @throws {@link ParseError} (format `"json"`) for text that is not valid JSON, with the 1-based
 *   `line` and `column` of the error; and for a schema violation outside any named variable
 *   (e.g. a missing `variables`, an unknown top-level property, an unsupported `version`), with
 *   the position of the offending value in the text (1, 1 for a parsed document). The message
 *   names the JSON pointer, e.g. `/variables`.
 * @throws {@link InvalidScmError} (reason `"schema"`) for a schema violation inside a named
 *   endogenous or exogenous variable: `variable` is its name and the message gives the JSON
 *   pointer (e.g. `/variables/2/mechanism/table/0/1`) and, for text, the line and column
 * @throws {@link InvalidScmError} for every semantic error {@link createScm} reports (CPT row
 *   sums, unknown parents, ...); for text input the message is given the line of the variable
 * @throws {@link CycleError} if the mechanisms' parent relation is cyclic
 * @remarks Loads and compiles the schema validator (Ajv) on the first call, a few
 *   milliseconds. Then O(size of the document) plus the cost of {@link createScm}.
 * @see RFC 8259, "The JavaScript Object Notation (JSON) Data Interchange Format" (2017); JSON
 *   Schema draft 2020-12, https://json-schema.org/draft/2020-12 (validation); RFC 6901, "JSON
 *   Pointer" (2013) (the pointers in error messages).
 * @example
 * ```ts
 * const model = scmFromJson(readFileSync("model.json", "utf8"));
 * ```
 * @since 0.1.0
 */
export function scmFromJson(json: unknown): Scm {
  let text: string | undefined;
  let doc: unknown = json;
  if (typeof json === "string") {
    text = json.charCodeAt(0) === 0xfeff ? json.slice(1) : json;
    doc = parseText(text);
  }
  const validate = validator();
  if (!validate(doc)) {
    const error = validate.errors?.[0];
    throw schemaError(doc, text, error);
  }
  try {
    return createScm(doc as ScmSpec);
  } catch (e) {
    if (text !== undefined && e instanceof InvalidScmError) {
      const pointer = variablePointer(doc, e.variable);
      const at = pointer === undefined ? undefined : locate(text, pointer);
      if (at) {
        throw new InvalidScmError(`${e.message} (${where(at)})`, e.variable, e.reason, {
          cause: e,
        });
      }
    }
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// Writing

function domainToJson(d: Domain): Domain {
  return d.type === "discrete" ? { type: "discrete", states: [...d.states] } : { type: d.type };
}

function mechanismToJson(variable: string, m: Mechanism): MechanismJson {
  switch (m.type) {
    case "cpt":
      return {
        type: "cpt",
        parents: [...m.parents],
        table: m.table.map((row) => [...row]),
        ...(m.noise === undefined ? {} : { noise: m.noise }),
      };
    case "linear":
    case "logistic":
      return {
        type: m.type,
        parents: [...m.parents],
        coefficients: [...m.coefficients],
        intercept: m.intercept ?? 0,
        ...(m.noise === undefined ? {} : { noise: m.noise }),
      };
    case "expression":
      return { type: "expression", expression: m.expression };
    case "constant":
      return { type: "constant", value: m.value };
    case "shift":
      return { type: "shift", base: mechanismToJson(variable, m.base), delta: m.delta };
    case "function":
      throw new InvalidArgumentError(
        `scm.scmToJson: variable "${variable}" has a function mechanism, which cannot be written as JSON (use an expression mechanism)`,
        variable,
      );
  }
}

function noiseToJson(d: NoiseDistribution): NoiseDistribution {
  switch (d.type) {
    case "normal":
      return { type: "normal", mean: d.mean, sd: d.sd };
    case "uniform":
      return { type: "uniform", min: d.min, max: d.max };
    case "bernoulli":
      return { type: "bernoulli", p: d.p };
    case "categorical":
      return { type: "categorical", probs: [...d.probs] };
    case "exponential":
      return { type: "exponential", rate: d.rate };
    case "laplace":
      return { type: "laplace", location: d.location, scale: d.scale };
    case "studentT":
      return { type: "studentT", df: d.df, location: d.location, scale: d.scale };
  }
}

/** Line width {@link formatScmJson} keeps inline values within. */
const LINE_WIDTH = 100;

/**
 * JSON with two-space indentation, in which a value nested at most two levels deep (a state
 * list, a CPT row or small table, a distribution) stays on one line when the line fits.
 *
 * @param value - a JSON value (no `undefined` inside arrays)
 * @param indent - the current indentation
 * @param used - columns already used on the current line (indentation, key, and one for a comma)
 */
function pretty(value: unknown, indent: string, used: number): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (depth(value) <= 2) {
    const flat = inline(value);
    if (used + flat.length <= LINE_WIDTH) return flat;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    const items = value.map((v) => inner + pretty(v, inner, inner.length + 1));
    return `[\n${items.join(",\n")}\n${indent}]`;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return "{}";
  const body = entries.map(([k, v]) => {
    const key = `${inner}${JSON.stringify(k)}: `;
    return key + pretty(v, inner, key.length + 1);
  });
  return `{\n${body.join(",\n")}\n${indent}}`;
}

/** Nesting depth: 0 for a primitive, 1 for an array or object of primitives, and so on. */
function depth(value: unknown): number {
  if (value === null || typeof value !== "object") return 0;
  let d = 0;
  for (const v of Object.values(value)) d = Math.max(d, depth(v));
  return d + 1;
}

/** One-line JSON: `[1, 2]`, `{ "a": 1 }`. */
function inline(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(inline).join(", ")}]`;
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return "{}";
  return `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${inline(v)}`).join(", ")} }`;
}

// ---------------------------------------------------------------------------------------------
// Reading

let compiled: ValidateFunction | undefined;

/** The schema validator, compiled on first use (Ajv is loaded only then). */
function validator(): ValidateFunction {
  if (!compiled) {
    const require = createRequire(import.meta.url);
    const Ajv2020 = (require("ajv/dist/2020.js") as typeof import("ajv/dist/2020.js")).default;
    const ajv = new Ajv2020({ strict: true, allErrors: false });
    compiled = ajv.compile(structuredClone(SCM_JSON_SCHEMA));
  }
  return compiled;
}

function parseText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    let problem: { offset: number; reason: string } | undefined;
    try {
      problem = findJsonSyntaxProblem(text);
    } catch {
      // Too deeply nested for the scanner: fall back on the engine's message.
    }
    const message = e instanceof Error ? e.message : String(e);
    const match = /position (\d+)/.exec(message);
    const offset = problem?.offset ?? (match ? Number(match[1]) : 0);
    const reason = problem?.reason ?? message;
    const at = positionAt(text, offset);
    throw new ParseError(
      "json",
      `scm.scmFromJson: invalid JSON: ${reason} (${where(at)})`,
      at.line,
      at.column,
      { cause: e },
    );
  }
}

function where(at: TextPosition): string {
  return `line ${at.line}, column ${at.column}`;
}

function locate(text: string, pointer: string): TextPosition | undefined {
  try {
    const offset = locateJsonPointer(text, pointer);
    return offset === undefined ? undefined : positionAt(text, offset);
  } catch {
    return undefined;
  }
}

const escapePointer = (token: string): string => token.replace(/~/g, "~0").replace(/\//g, "~1");

function schemaError(
  doc: unknown,
  text: string | undefined,
  error: ErrorObject | undefined,
): Error {
  let pointer = error?.instancePath ?? "";
  let detail = error?.message ?? "does not match the schema";
  const params = (error?.params ?? {}) as Record<string, unknown>;
  switch (error?.keyword) {
    case "required":
      detail = `missing property ${JSON.stringify(params["missingProperty"])}`;
      break;
    case "additionalProperties":
      detail = `unknown property ${JSON.stringify(params["additionalProperty"])}`;
      pointer = `${pointer}/${escapePointer(String(params["additionalProperty"]))}`;
      break;
    case "enum":
      detail = `must be one of ${(params["allowedValues"] as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
      break;
    case "const":
      detail =
        pointer === "/version"
          ? `unsupported format version ${JSON.stringify(valueAt(doc, pointer))} (this causalkit reads version 1)`
          : `must be ${JSON.stringify(params["allowedValue"])}`;
      break;
  }
  const at = text === undefined ? undefined : locate(text, pointer);
  const message = `scm.scmFromJson: ${pointer || "/"}: ${detail}${at ? ` (${where(at)})` : ""}`;
  const owner = ownerName(doc, pointer);
  if (owner !== undefined) return new InvalidScmError(message, owner, "schema");
  return new ParseError("json", message, at?.line ?? 1, at?.column ?? 1);
}

/** The name of the variable a pointer under `/variables/i` or `/exogenous/i` lies in, if any. */
function ownerName(doc: unknown, pointer: string): string | undefined {
  const m = /^\/(variables|exogenous)\/(\d+)(?:\/|$)/.exec(pointer);
  if (!m) return undefined;
  const name = valueAt(doc, `/${m[1]}/${m[2]}/name`);
  return typeof name === "string" && name !== "" ? name : undefined;
}

/** The JSON pointer of the (first) endogenous, else exogenous, variable of that name. */
function variablePointer(doc: unknown, name: string): string | undefined {
  for (const list of ["variables", "exogenous"]) {
    const items = valueAt(doc, `/${list}`);
    if (!Array.isArray(items)) continue;
    const i = items.findIndex(
      (v: unknown) =>
        v !== null && typeof v === "object" && (v as { name?: unknown }).name === name,
    );
    if (i >= 0) return `/${list}/${i}`;
  }
  return undefined;
}

function valueAt(doc: unknown, pointer: string): unknown {
  let node = doc;
  for (const raw of pointer.split("/").slice(1)) {
    const token = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, token)) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}
