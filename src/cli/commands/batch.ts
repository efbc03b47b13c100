import { createInterface } from "node:readline";
import { CausalKitError, InvalidArgumentError } from "../../errors.js";
import { type LoadedModel, loadModel } from "../load-model.js";
import { adjust } from "./adjust.js";
import { dsep } from "./dsep.js";
import { runEffect } from "./effect.js";
import { graphText } from "./graph.js";
import { runQuery } from "./query.js";

/** One request line of `causalkit batch`. */
interface BatchRequest {
  readonly id?: unknown;
  readonly command: string;
  readonly model: string;
  readonly args: Record<string, unknown>;
}

/** Commands a batch request may name, each returning the JSON the CLI prints with `--json`. */
const commands: Record<string, (loaded: LoadedModel, args: Record<string, unknown>) => unknown> = {
  query: (m, a) => runQuery(m, a),
  effect: (m, a) => runEffect(m, a),
  dsep: (m, a) => dsep(m, a),
  adjust: (m, a) => adjust(m, a),
  graph: (m, a) => ({ text: graphText(m, a) }),
};

/**
 * `causalkit batch`: reads one JSON request per line from stdin —
 * `{"command": "query", "model": "path", "args": {...}, "id": ...}` — and writes one JSON response
 * per line, in order: the command's `--json` output plus `"id"` and `"ok": true`, or
 * `{"id", "ok": false, "error": {"code", "message"}}`. Each model file is loaded once. Option names
 * are the CLI's long options (`"target"`, `"do"`, `"given"`, `"treatment"`, `"x"`, ...); lists and
 * assignments may be strings as on the command line, arrays, or objects.
 */
export async function batchCommand(): Promise<void> {
  const cache = new Map<string, LoadedModel>();
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === "") continue;
    const response = answer(line, lineNumber, cache);
    if (!process.stdout.write(`${JSON.stringify(response)}\n`)) {
      await new Promise((resolve) => process.stdout.once("drain", resolve));
    }
  }
}

function answer(line: string, lineNumber: number, cache: Map<string, LoadedModel>): object {
  let id: unknown = null;
  try {
    const request = parseRequest(line, lineNumber);
    id = request.id ?? null;
    const run = commands[request.command];
    if (!run || !Object.hasOwn(commands, request.command)) {
      throw new InvalidArgumentError(
        `cli.batch: line ${lineNumber}: unknown command "${request.command}" (${Object.keys(commands).join(", ")})`,
        "command",
      );
    }
    let loaded = cache.get(request.model);
    if (!loaded) {
      loaded = loadModel(request.model);
      cache.set(request.model, loaded);
    }
    return { id, ok: true, ...(run(loaded, normaliseArgs(request.args)) as object) };
  } catch (e) {
    const code = e instanceof CausalKitError ? e.code : "E_INTERNAL";
    const message = e instanceof Error ? e.message : String(e);
    return { id, ok: false, error: { code, message } };
  }
}

function parseRequest(line: string, lineNumber: number): BatchRequest {
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
  const r = json as Record<string, unknown>;
  if (typeof r["command"] !== "string") {
    throw new InvalidArgumentError(
      `cli.batch: line ${lineNumber}: "command" must be a string`,
      "command",
    );
  }
  if (typeof r["model"] !== "string") {
    throw new InvalidArgumentError(
      `cli.batch: line ${lineNumber}: "model" must be a file path`,
      "model",
    );
  }
  const args = r["args"] ?? {};
  if (typeof args !== "object" || args === null || Array.isArray(args)) {
    throw new InvalidArgumentError(
      `cli.batch: line ${lineNumber}: "args" must be an object`,
      "args",
    );
  }
  return {
    id: r["id"],
    command: r["command"],
    model: r["model"],
    args: args as Record<string, unknown>,
  };
}

/** `--chunk-size` / `chunk-size` / `chunkSize` → `chunkSize`; list values joined as on the CLI. */
function normaliseArgs(args: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(args)) {
    const name = key.replace(/^-+/, "").replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
    const value = args[key];
    const listOption = ["x", "y", "treatment", "outcome", "check", "target", "targets"].includes(
      name,
    );
    out[name === "targets" ? "target" : name] =
      listOption && Array.isArray(value) ? value.map(String).join(",") : value;
  }
  return out;
}
