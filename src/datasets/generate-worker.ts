// Entry of the worker threads of `generateParallel` (built as its own file, never imported):
// generates the chunks of items it is sent and returns, for each item, the trace of its
// candidate loop, which the main thread replays against the run's chosen keys.
import { parentPort, workerData } from "node:worker_threads";
import { chooseItem, openRun, type TraceStep } from "./generate.js";
import type {
  ChunkRequest,
  ChunkResult,
  WireItem,
  WireStep,
  WorkerInput,
} from "./generate-parallel.js";

/**
 * The trace as sent: a valid candidate carries its JSON line only if a replay can choose it:
 * the last step (the worker's choice) and the first two of the target's opposite label
 * (fallbacks, in case the first is a duplicate of an earlier chunk's choice). The others do
 * not have the target label, so they are only skipped; serialising them would be wasted.
 */
function toWire(trace: readonly TraceStep[], target: "yes" | "no"): WireStep[] {
  let fallbacks = 0;
  return trace.map((step, i) => {
    if (step.t !== "valid") return step;
    const last = i === trace.length - 1;
    const fallback = step.label !== target && fallbacks++ < 2;
    return {
      t: "valid",
      attempt: step.attempt,
      key: step.key,
      label: step.label,
      ...(last || fallback ? { line: JSON.stringify(step.item) } : {}),
    };
  });
}

function serve(input: WorkerInput): void {
  const port = parentPort;
  if (port === null) return;
  const { run } = openRun(input.options);
  port.on("message", (request: ChunkRequest) => {
    let result: ChunkResult;
    try {
      // Duplicates are checked against this chunk's own choices; the main thread replays each
      // trace against every earlier choice of the run.
      const seen = new Set<string>();
      const items: WireItem[] = [];
      for (let index = request.from; index < request.to; index++) {
        const trace: TraceStep[] = [];
        try {
          const { key, target } = chooseItem(run, index, seen, trace);
          if (run.s.dedupe) seen.add(key);
          items.push({ index, target, steps: toWire(trace, target) });
        } catch {
          // No valid candidate, or another error: the main thread regenerates the item, and
          // throws the same error there (type, fields and the items before it intact).
          items.push({ index, target: undefined, steps: [] });
        }
      }
      result = { id: request.id, items };
    } catch (e) {
      result = { id: request.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
    }
    port.postMessage(result);
  });
}

serve(workerData as WorkerInput);
