import type { QuestionKind } from "../_internal/q-kind.js";
import { causalPairs, effectStates, pick } from "../_internal/q-pick.js";
import { randomInt } from "../_internal/random.js";

const MEASURES = ["pn", "ps", "pns"] as const;
const THRESHOLDS = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7];

/**
 * Rung 3: probabilities of causation (Pearl 2009 §9.2) — probability of necessity (PN),
 * sufficiency (PS), or both (PNS) — above a threshold? Exact in the SCM (inverse-CDF coupling
 * of every CPT).
 *
 * @since 0.1.0
 */
export const rung3Causation: QuestionKind = {
  kind: "rung3-causation",
  rung: 3,
  source: "binary",
  propose({ rng, graph, model, verbaliser }) {
    const pair = pick(rng, causalPairs(graph));
    if (model === undefined || pair === undefined) return null;
    const [treatment, outcome] = pair;
    const states = effectStates(model, treatment, outcome);
    if (states === undefined) return null;
    const { treated, control, outcomeState: yes, outcomeOther: no } = states;
    const measure = MEASURES[randomInt(rng, 3)] ?? "pns";
    const threshold = THRESHOLDS[randomInt(rng, THRESHOLDS.length)] ?? 0.5;
    const x1 = verbaliser.phrase(treatment, treated);
    const x0 = verbaliser.phrase(treatment, control);
    const y1 = verbaliser.phrase(outcome, yes);
    const y0 = verbaliser.phrase(outcome, no);
    const t = verbaliser.number(threshold);
    const question =
      measure === "pn"
        ? `Among units for which ${x1} and ${y1}, is the probability that it would not be the case that ${y1} had it instead been the case that ${x0} (probability of necessity) greater than ${t}?`
        : measure === "ps"
          ? `Among units for which ${x0} and ${y0}, is the probability that ${y1} had it instead been the case that ${x1} (probability of sufficiency) greater than ${t}?`
          : `Is the probability that ${y1} if we intervene so that ${x1}, and that ${y0} if we intervene so that ${x0} (probability of necessity and sufficiency), greater than ${t}?`;
    return {
      query: {
        type: "causation",
        measure,
        treatment,
        outcome,
        treated,
        control,
        outcomeState: yes,
        threshold,
      },
      question,
    };
  },
};
