import { corr2cause } from "../questions/corr2cause.js";
import { rung1Conditional } from "../questions/rung1-conditional.js";
import { rung1Correlation } from "../questions/rung1-correlation.js";
import { rung1ExplainingAway } from "../questions/rung1-explaining-away.js";
import { rung1Marginal } from "../questions/rung1-marginal.js";
import { rung2Adjustment } from "../questions/rung2-adjustment.js";
import { rung2Ate } from "../questions/rung2-ate.js";
import { rung2Dseparation } from "../questions/rung2-dseparation.js";
import { rung2Identifiability } from "../questions/rung2-identifiability.js";
import { rung3Causation } from "../questions/rung3-causation.js";
import { rung3Counterfactual } from "../questions/rung3-counterfactual.js";
import { rung3Ett } from "../questions/rung3-ett.js";
import { rung3Nde, rung3Nie } from "../questions/rung3-natural-effects.js";
import type { QuestionKind } from "./q-kind.js";

/** Every question kind, by name. */
export const KINDS: ReadonlyMap<string, QuestionKind> = new Map(
  [
    rung1Marginal,
    rung1Conditional,
    rung1Correlation,
    rung1ExplainingAway,
    rung2Ate,
    rung2Adjustment,
    rung2Dseparation,
    rung2Identifiability,
    rung3Ett,
    rung3Nde,
    rung3Nie,
    rung3Counterfactual,
    rung3Causation,
    corr2cause,
  ].map((k) => [k.kind, k]),
);

/** Default kinds of each built-in suite. */
export const SUITE_KINDS: Readonly<
  Record<"ladder" | "corr2cause" | "identification", readonly string[]>
> = {
  ladder: [
    "rung1-marginal",
    "rung1-conditional",
    "rung1-correlation",
    "rung1-explaining-away",
    "rung2-ate",
    "rung2-adjustment",
    "rung2-dseparation",
    "rung2-identifiability",
    "rung3-ett",
    "rung3-nde",
    "rung3-nie",
    "rung3-counterfactual",
    "rung3-causation",
  ],
  corr2cause: ["corr2cause"],
  identification: ["rung2-identifiability", "rung2-adjustment"],
};
