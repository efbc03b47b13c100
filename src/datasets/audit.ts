import { CausalKitError } from "../errors.js";
import { CausalGraph } from "../graph/causal-graph.js";
import { scmFromJson } from "../scm/json.js";
import type { Scm } from "../scm/scm.js";
import { answerQuery } from "./_internal/q-answer.js";
import type { ItemQuery } from "./item.js";

/**
 * One disagreement found by {@link audit}: the item's `field` holds `found` where the exact
 * recomputation gives `expected`. Items that cannot be read or recomputed report
 * `field: "item"` with the error message as `expected`.
 *
 * @since 0.1.0
 */
export interface AuditDisagreement {
  /** The item's id (or `#<line index>` when it has none). */
  readonly id: string;
  /** The field that disagrees: `answer.value`, `answer.label`, `estimand` or `item`. */
  readonly field: string;
  /** The recomputed value. */
  readonly expected: unknown;
  /** The value in the item. */
  readonly found: unknown;
}

/**
 * Report of {@link audit}.
 *
 * @since 0.1.0
 */
export interface AuditReport {
  /** Number of items checked. */
  checked: number;
  /** Every disagreement, in item order. */
  readonly disagreements: AuditDisagreement[];
}

/**
 * Options of {@link audit}.
 *
 * @since 0.1.0
 */
export interface AuditOptions {
  /** Largest accepted absolute difference between numeric answers. @defaultValue 1e-9 */
  readonly tolerance?: number;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === "object" && !Array.isArray(x);
}

/**
 * Recomputes the labels of dataset items (the structured form of {@link DatasetItem}, e.g.
 * produced elsewhere) from their `graph`, `model` and `query` with the same exact functions
 * {@link generate} uses, and reports every disagreement in `answer.value` (numbers compared
 * within `tolerance`), `answer.label` and `estimand`.
 *
 * @param items - parsed items (objects)
 * @param options - numeric tolerance
 * @returns `{ checked, disagreements }`
 * @since 0.1.0
 * @example
 * ```ts
 * const report = audit(lines.map((l) => JSON.parse(l)));
 * if (report.disagreements.length > 0) process.exitCode = 1;
 * ```
 */
export function audit(items: Iterable<unknown>, options: AuditOptions = {}): AuditReport {
  const report: AuditReport = { checked: 0, disagreements: [] };
  for (const item of items) auditItem(item, report, options);
  return report;
}

/**
 * Audits one item, adding to a running report (for streaming use; see {@link audit}).
 *
 * @param item - one parsed item
 * @param report - the report to add to (its `checked` is incremented)
 * @param options - numeric tolerance
 * @since 0.1.0
 */
export function auditItem(item: unknown, report: AuditReport, options: AuditOptions = {}): void {
  const tolerance = options.tolerance ?? 1e-9;
  const index = report.checked;
  report.checked++;
  const id = isObject(item) && typeof item["id"] === "string" ? item["id"] : `#${index}`;
  const push = (field: string, expected: unknown, found: unknown): void => {
    report.disagreements.push({ id, field, expected, found });
  };
  try {
    if (!isObject(item) || !isObject(item["graph"]) || !isObject(item["query"])) {
      push("item", "an object with graph and query", item);
      return;
    }
    const graph = CausalGraph.from(item["graph"] as never);
    const model: Scm | undefined = isObject(item["model"]) ? scmFromJson(item["model"]) : undefined;
    const computed = answerQuery(graph, model, item["query"] as unknown as ItemQuery);
    const answer = isObject(item["answer"]) ? item["answer"] : {};
    const expected = computed.answer.value;
    const found = answer["value"];
    const same =
      typeof expected === "number" && typeof found === "number"
        ? Math.abs(expected - found) <= tolerance
        : expected === found;
    if (!same) push("answer.value", expected, found);
    if (computed.answer.label !== answer["label"])
      push("answer.label", computed.answer.label, answer["label"]);
    if (computed.estimand !== undefined || item["estimand"] !== undefined) {
      if (computed.estimand !== item["estimand"])
        push("estimand", computed.estimand, item["estimand"]);
    }
  } catch (e) {
    if (!(e instanceof CausalKitError)) throw e;
    push("item", `${e.code}: ${e.message}`, null);
  }
}
