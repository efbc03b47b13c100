import { createInterface } from "node:readline";
import { CausalKitError, InvalidArgumentError } from "../../errors.js";
import { type LoadedModel, loadModel } from "../load-model.js";
import { adjust } from "./adjust.js";
import { COUNTERFACTUAL_OPTIONS, counterfactual } from "./counterfactual.js";
import { dsep } from "./dsep.js";
import { EFFECT_OPTIONS, runEffect } from "./effect.js";
import { graphText } from "./graph.js";
import { IDENTIFY_OPTIONS, runIdentify } from "./identify.js";
import { implications } from "./implications.js";
import { QUERY_OPTIONS, runQuery } from "./query.js";
import { SAMPLE_OPTIONS, sampleForBatch } from "./sample.js";

/** One request line of `causalkit batch`. */
interface BatchRequest {
  readonly command: string;
  readonly model: string;
  readonly args: Record<string, unknown>;
}

type Handler = (loaded: LoadedModel, args: Record<string, unknown>) => unknown;

/**
 * Commands a batch request may name: each returns the JSON the CLI prints with `--json`, and
 * accepts exactly the CLI's long options (camelCase or kebab-case).
 */
const commands = new Map<string, { readonly options: readonly string[]; readonly run: Handler }>([
  ["query", { options: QUERY_OPTIONS, run: (m, a) => runQuery(m, a) }],
  ["effect", { options: EFFECT_OPTIONS, run: (m, a) => runEffect(m, a) }],
  ["counterfactual", { options: COUNTERFACTUAL_OPTIONS, run: (m, a) => counterfactual(m, a) }],
  ["dsep", { options: ["x", "y", "given"], run: (m, a) => dsep(m, a) }],
  [
    "adjust",
    {
      options: ["treatment", "outcome", "check", "type", "must", "mustNot"],
      run: (m, a) => adjust(m, a),
    },
  ],
  ["identify", { options: IDENTIFY_OPTIONS, run: (m, a) => runIdentify(m, a) }],
  ["implications", { options: ["basis"], run: (m, a) => implications(m, a) }],
  ["graph", { options: ["format"], run: (m, a) => ({ text: graphText(m, a) }) }],
  ["sample", { options: SAMPLE_OPTIONS, run: (m, a) => sampleForBatch(m, a) }],
]);

/**
 * `causalkit batch`: reads one JSON request per line from stdin —
 * `{"command": "query", "model": "path", "args": {...}, "id": ...}` — and writes one JSON response
 * per line, in order: the command's `--json` output plus `"id"` and `"ok": true`, or
 * `{"id", "ok": false, "error": {"code", "message"}}`. Each model file is loaded once. `args`
 * holds the command's long options (`"target"`, `"do"`, `"given"`, `"treatment"`, `"x"`, ...;
 * `"must-not"` or `"mustNot"`); an unknown option is an error on that line, as on the command
 * line. Lists may be comma-separated strings or arrays; assignments strings, objects or pairs.
 */
export async function batchCommand(): Promise<void> {
  const cache = new Map<string, LoadedModel>();
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  let lineNumber = 0;
  for await (const raw of lines) {
    lineNumber++;
    const line = lineNumber === 1 ? raw.replace(/^\uFEFF/, "") : raw;
    if (line.trim() === "") continue;
    const response = await answer(line, lineNumber, cache);
    if (!process.stdout.write(`${JSON.stringify(response)}\n`)) {
      await new Promise((resolve) => process.stdout.once("drain", resolve));
    }
  }
}

async function answer(
  line: string,
  lineNumber: number,
  cache: Map<string, LoadedModel>,
): Promise<object> {
  let id: unknown = null;
  try {
    const json = parseLine(line, lineNumber);
    id = json["id"] ?? null;
    const request = checkRequest(json, lineNumber);
    const command = commands.get(request.command);
    if (!command) {
      throw new InvalidArgumentError(
        `cli.batch: line ${lineNumber}: unknown command "${request.command}" (${[...commands.keys()].join(", ")})`,
        "command",
      );
    }
    const args = normaliseArgs(request.args, command.options, request.command, lineNumber);
    let loaded = cache.get(request.model);
    if (!loaded) {
      loaded = loadModel(request.model);
      cache.set(request.model, loaded);
    }
    const result = await command.run(loaded, args);
    return { id, ok: true, ...(result as object) };
  } catch (e) {
    const code = e instanceof CausalKitError ? e.code : "E_INTERNAL";
    const message = e instanceof Error ? e.message : String(e);
    return { id, ok: false, error: { code, message } };
  }
}

function parseLine(line: string, lineNumber: number): Record<string, unknown> {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    throw new InvalidArgumentError(`cli.batch: line ${lineNumber} is not valid JSON`, "request");
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw new InvalidArgumentError(
      `cli.batch: line ${lineNumber} must be a JSON object`,
      "request",
    );
  }
  return json as Record<string, unknown>;
}

function checkRequest(r: Record<string, unknown>, lineNumber: number): BatchRequest {
  const command = r["command"];
  const model = r["model"];
  const args = r["args"] ?? {};
  if (typeof command !== "string") {
    throw new InvalidArgumentError(
      `cli.batch: line ${lineNumber}: "command" must be a string`,
      "command",
    );
  }
  if (typeof model !== "string" || model === "") {
    throw new InvalidArgumentError(
      `cli.batch: line ${lineNumber}: "model" must be a file path`,
      "model",
    );
  }
  if (model === "-") {
    throw new InvalidArgumentError(
      `cli.batch: line ${lineNumber}: "model" cannot be "-" (stdin carries the requests)`,
      "model",
    );
  }
  if (typeof args !== "object" || args === null || Array.isArray(args)) {
    throw new InvalidArgumentError(
      `cli.batch: line ${lineNumber}: "args" must be an object`,
      "args",
    );
  }
  for (const key of Object.keys(r)) {
    if (!["id", "command", "model", "args"].includes(key)) {
      throw new InvalidArgumentError(
        `cli.batch: line ${lineNumber}: unknown field "${key}" (id, command, model, args)`,
        key,
      );
    }
  }
  return { command, model, args: args as Record<string, unknown> };
}

/** `--must-not` / `must-not` / `mustNot` → `mustNot`; an option the command lacks is an error. */
function normaliseArgs(
  args: Record<string, unknown>,
  allowed: readonly string[],
  command: string,
  lineNumber: number,
): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(args)) {
    const name = key.replace(/^-+/, "").replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
    const option = name === "targets" && command === "query" ? "target" : name;
    if (!allowed.includes(option)) {
      throw new InvalidArgumentError(
        `cli.batch: line ${lineNumber}: ${command} has no option "${key}" (${allowed.join(", ")})`,
        key,
      );
    }
    out[option] = args[key];
  }
  return out;
}
