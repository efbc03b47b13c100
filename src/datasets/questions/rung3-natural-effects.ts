import type { Proposal, QuestionContext, QuestionKind } from "../_internal/q-kind.js";
import { directEffectTriples, effectStates, mediationTriples, pick } from "../_internal/q-pick.js";

function propose(type: "nde" | "nie", ctx: QuestionContext): Proposal | null {
  const { rng, graph, model, verbaliser } = ctx;
  // Without a direct path the NDE is exactly 0, which the rounding check would drop.
  const t = pick(
    rng,
    type === "nde" && ctx.dropAmbiguous ? directEffectTriples(graph) : mediationTriples(graph),
  );
  if (model === undefined || t === undefined) return null;
  const [treatment, mediator, outcome] = t;
  const states = effectStates(model, treatment, outcome);
  if (states === undefined) return null;
  const { treated, control, outcomeState } = states;
  const x1 = verbaliser.phrase(treatment, treated);
  const x0 = verbaliser.phrase(treatment, control);
  const y = verbaliser.phrase(outcome, outcomeState);
  const question =
    type === "nde"
      ? `Is the natural direct effect positive: if we set things so that ${x1} rather than ${x0}, while ${mediator} stays at the value it would take when ${x0}, would the probability that ${y} increase?`
      : `Is the natural indirect effect positive: keeping things so that ${x0}, if ${mediator} changed to the value it would take when ${x1}, would the probability that ${y} increase?`;
  return {
    query: { type, treatment, mediator, outcome, treated, control, outcomeState },
    question,
  };
}

/**
 * Rung 3: natural direct effect (Pearl 2001) of x on y not through the mediator m (x → m,
 * m an ancestor of y) — is NDE > 0?
 *
 * @since 0.1.0
 */
export const rung3Nde: QuestionKind = {
  kind: "rung3-nde",
  rung: 3,
  source: "binary",
  propose: (ctx) => propose("nde", ctx),
};

/**
 * Rung 3: natural indirect effect (Pearl 2001) of x on y through the mediator m — is NIE > 0?
 *
 * @since 0.1.0
 */
export const rung3Nie: QuestionKind = {
  kind: "rung3-nie",
  rung: 3,
  source: "binary",
  propose: (ctx) => propose("nie", ctx),
};
