// `npm start`: the causalkit tour on a real Bayesian network, built in code.
//
// The model is ASIA, the "chest clinic" network of Lauritzen & Spiegelhalter (1988), with the
// probabilities of the bnlearn repository's asia.bif. It shows the graph, seeded observational
// samples, samples under do(), d-separation and the adjustment sets of one effect.
import {
  adjustmentSets,
  createScm,
  doIntervention,
  dSeparated,
  formatDagitty,
  formatEstimand,
  identify,
  probabilitiesOfCausation,
  query,
  type Scm,
  sample,
  type Table,
  type VariableSpec,
} from "causalkit";

const yesNo = { type: "discrete", states: ["yes", "no"] } as const;

/** A discrete yes/no variable with a CPT (rows: parent configurations, last parent fastest). */
function cpt(name: string, parents: string[], table: number[][]): VariableSpec {
  return { name, domain: yesNo, mechanism: { type: "cpt", parents, table } };
}

/** The ASIA network (Lauritzen & Spiegelhalter 1988). */
export function asiaModel(): Scm {
  return createScm({
    variables: [
      cpt("asia", [], [[0.01, 0.99]]),
      cpt(
        "tub",
        ["asia"],
        [
          [0.05, 0.95],
          [0.01, 0.99],
        ],
      ),
      cpt("smoke", [], [[0.5, 0.5]]),
      cpt(
        "lung",
        ["smoke"],
        [
          [0.1, 0.9],
          [0.01, 0.99],
        ],
      ),
      cpt(
        "bronc",
        ["smoke"],
        [
          [0.6, 0.4],
          [0.3, 0.7],
        ],
      ),
      // "either" is the deterministic OR of lung and tub.
      cpt(
        "either",
        ["lung", "tub"],
        [
          [1, 0],
          [1, 0],
          [1, 0],
          [0, 1],
        ],
      ),
      cpt(
        "xray",
        ["either"],
        [
          [0.98, 0.02],
          [0.05, 0.95],
        ],
      ),
      cpt(
        "dysp",
        ["bronc", "either"],
        [
          [0.9, 0.1],
          [0.8, 0.2],
          [0.7, 0.3],
          [0.1, 0.9],
        ],
      ),
    ],
  });
}

function share(table: Table, variable: string, state: string): number {
  const column = table.column(variable);
  if (column.kind !== "discrete") throw new Error(`${variable} is not discrete`);
  const index = column.states.indexOf(state);
  let count = 0;
  for (let i = 0; i < table.n; i++) if (column.values[i] === index) count++;
  return count / table.n;
}

function printRows(table: Table, rows: number): void {
  const names = table.names;
  console.log(`  ${names.join("\t")}`);
  for (let i = 0; i < Math.min(rows, table.n); i++) {
    console.log(`  ${names.map((v) => table.label(v, i)).join("\t")}`);
  }
}

const model = asiaModel();
console.log("causalkit demo: the ASIA chest-clinic network (Lauritzen & Spiegelhalter 1988)\n");
console.log("Causal graph (dagitty syntax):");
console.log(formatDagitty(model.graph));

const n = 100_000;
const observed = sample(model, n, { seed: 2024 });
console.log(`\nFive of ${n.toLocaleString("en")} observational rows (seed 2024):`);
printRows(observed, 5);

const noSmoking = doIntervention(model, { smoke: "no" });
const intervened = sample(noSmoking, n, { seed: 2024 });
console.log('\nFive rows under do(smoke = "no"):');
printRows(intervened, 5);

console.log("\n                 sampled (n = %s)                   exact", n.toLocaleString("en"));
console.log("                 observed         do(smoke = no)   observed         do(smoke = no)");
for (const variable of ["lung", "dysp"]) {
  const exactObserved = query(model, { targets: variable }).marginal(variable).get("yes") ?? 0;
  const exactDo =
    query(model, { targets: variable, do: { smoke: "no" } })
      .marginal(variable)
      .get("yes") ?? 0;
  const cells = [
    share(observed, variable, "yes"),
    share(intervened, variable, "yes"),
    exactObserved,
    exactDo,
  ].map((p) => p.toFixed(4).padEnd(17));
  console.log(`P(${variable} = yes)    ${cells.join("").trimEnd()}`);
}

console.log("\nd-separation:");
for (const [x, y, z] of [
  ["tub", "smoke", []],
  ["tub", "smoke", ["dysp"]],
  ["xray", "dysp", ["either"]],
  ["xray", "dysp", ["either", "bronc"]],
] as const) {
  const sep = dSeparated(model.graph, x, y, z);
  console.log(`  ${x} ⫫ ${y} | {${z.join(", ")}}: ${sep}`);
}

console.log("\nMinimal adjustment sets for the effect of lung on dysp:");
for (const set of adjustmentSets(model.graph, "lung", "dysp")) console.log(`  {${set.join(", ")}}`);
const id = identify(model.graph, { treatment: "lung", outcome: "dysp" });
if (id.estimand) {
  console.log(
    `\nP(dysp | do(lung)) is identified by ${id.strategy}: ${formatEstimand(id.estimand)}`,
  );
}

const causation = probabilitiesOfCausation(model, "smoke", "dysp");
console.log(
  "\nProbabilities of causation of smoking for dyspnoea (exact, inverse-CDF coupling):",
  `PN = ${causation.pn?.value.toFixed(4)}, PS = ${causation.ps?.value.toFixed(4)}, PNS = ${causation.pns.value.toFixed(4)}`,
);

console.log("\nTry the CLI: npm run cli -- --help");
