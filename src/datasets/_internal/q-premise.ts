import type { ReadonlyCausalGraph } from "../../graph/causal-graph.js";
import { dSeparated } from "../../graph/d-separation.js";
import { topologicalOrder } from "../../graph/topological.js";
import type { Scm } from "../../scm/scm.js";
import { englishList, type Verbaliser } from "../verbalise.js";
import { roundRow } from "./q-answer.js";

/** "X has a direct effect on Y." sentences, plus unobserved common causes. */
export function describeGraph(g: ReadonlyCausalGraph): string {
  const parts: string[] = [];
  parts.push(`The variables are ${englishList(g.nodes().filter((v) => !g.isLatent(v)))}.`);
  const edges = g.directedEdges();
  if (edges.length === 0) parts.push("No variable has a direct effect on another.");
  for (const [a, b] of edges) parts.push(capitalised(`${a} has a direct effect on ${b}.`));
  for (const [a, b] of g.bidirectedEdges()) {
    parts.push(capitalised(`${a} and ${b} share an unobserved common cause.`));
  }
  return parts.join(" ");
}

/**
 * The model's parameters as sentences, with every probability shown as `verbaliser.number`
 * of the rounded CPT row ({@link roundRow}); deterministic rows are stated as rules.
 */
export function describeModel(model: Scm, g: ReadonlyCausalGraph, v: Verbaliser): string {
  const parts: string[] = [];
  for (const name of topologicalOrder(g)) {
    const variable = model.variable(name);
    const m = variable.mechanism;
    const d = variable.domain;
    if (m.type !== "cpt" || d.type !== "discrete") continue;
    const states = d.states;
    const last = states[states.length - 1] ?? "";
    const cards = m.parents.map((p) => {
      const pd = model.variable(p).domain;
      return pd.type === "discrete" ? pd.states : [];
    });
    m.table.forEach((rawRow, r) => {
      const row = roundRow(rawRow, v.decimals);
      // Decode r into parent states, last parent fastest.
      const config: string[] = [];
      let rest = r;
      for (let j = m.parents.length - 1; j >= 0; j--) {
        const s = cards[j] ?? [];
        config[j] = `${v.phrase(m.parents[j] ?? "", s[rest % s.length] ?? "")}`;
        rest = Math.floor(rest / s.length);
      }
      const when = config.length === 0 ? "" : `When ${englishList(config)}, `;
      const det = row.indexOf(1);
      if (det >= 0 && config.length > 0) {
        parts.push(capitalised(`${when}${v.phrase(name, states[det] ?? "")}.`));
        return;
      }
      const shown =
        states.length === 2
          ? `the probability that ${v.phrase(name, last)} is ${v.number(row[1] ?? 0)}`
          : states.map((s, i) => `P(${name} = ${s}) = ${v.number(row[i] ?? 0)}`).join(", ");
      parts.push(capitalised(`${when}${shown}.`));
    });
  }
  return parts.join(" ");
}

/**
 * Corr2cause-style premise: every pair's marginal correlation or independence, then every
 * conditional independence (conditioning sets in node order), all implied by the hidden DAG
 * under the Markov and faithfulness assumptions.
 */
export function describeIndependences(g: ReadonlyCausalGraph): string {
  const nodes = [...g.nodes()].sort();
  const parts: string[] = [
    `Suppose there is a closed system of ${nodes.length} variables, ${englishList(nodes)}.`,
  ];
  const correlated: string[] = [];
  const independent: string[] = [];
  const conditional: string[] = [];
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      const a = nodes[i] ?? "";
      const b = nodes[j] ?? "";
      const rest = nodes.filter((x) => x !== a && x !== b);
      for (let mask = 0; mask < 1 << rest.length; mask++) {
        const z = rest.filter((_, k) => (mask >> k) & 1);
        const sep = dSeparated(g, [a], [b], z);
        if (z.length === 0) (sep ? independent : correlated).push(`${a} and ${b}`);
        else if (sep) conditional.push(`${a} and ${b} are independent given ${englishList(z)}`);
      }
    }
  }
  for (const c of correlated) parts.push(`${c} are correlated.`);
  for (const c of independent) parts.push(`${c} are independent.`);
  for (const c of conditional) parts.push(`${c.charAt(0).toUpperCase()}${c.slice(1)}.`);
  parts.push("No other independence holds.");
  return parts.join(" ");
}

/** A sentence with its first letter upper-cased (node names such as "rain" may start it). */
function capitalised(sentence: string): string {
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}
