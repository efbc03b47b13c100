import { Command, CommanderError } from "commander";
// biome-ignore lint/correctness/useImportExtensions: a JSON module, not a script
import packageJson from "../../package.json" with { type: "json" };
import { CausalKitError } from "../errors.js";
import { adjust, describeAdjust } from "./commands/adjust.js";
import { auditCommand, describeAudit } from "./commands/audit.js";
import { batchCommand } from "./commands/batch.js";
import {
  counterfactual,
  describeCounterfactual,
  describeEffectKind,
} from "./commands/counterfactual.js";
import { describeDsep, dsep } from "./commands/dsep.js";
import { runEffect } from "./commands/effect.js";
import { generateCommand } from "./commands/generate.js";
import { graphText } from "./commands/graph.js";
import { describeIdentify, runIdentify } from "./commands/identify.js";
import { describeImplications, implications } from "./commands/implications.js";
import { runQuery } from "./commands/query.js";
import { sampleCommand } from "./commands/sample.js";
import { describeEffect, describeQuery } from "./describe.js";
import { loadModel } from "./load-model.js";
import { printJson, printLine } from "./output.js";

/** The package version (tsup and tsx both inline the JSON import). */
const VERSION: string = packageJson.version;

const MODEL_HELP =
  "model file: .bif, causalkit SCM .json, graph .json, .dagitty/.txt (dagitty syntax), .dot; - reads stdin";

/** Builds the `causalkit` command-line program (exported for tests). */
export function buildProgram(): Command {
  const program = new Command("causalkit")
    .description("Structural causal models: graphs, d-separation, sampling, do(), adjustment sets.")
    .option("--debug", "print stack traces on errors")
    .version(VERSION, "-V, --version", "print the version")
    .configureOutput({
      writeOut: (s) => process.stdout.write(s),
      writeErr: (s) => process.stderr.write(s),
    })
    // Subcommands copy these settings when they are created, so set them first: usage errors
    // then reach `main` as CommanderError (exit code 2) instead of calling process.exit.
    .exitOverride();

  program
    .command("sample")
    .description("sample rows from a model, optionally under do(); CSV or JSON lines")
    .argument("<model>", MODEL_HELP)
    .option("-n, --n <rows>", "number of rows", "10")
    .option("--seed <seed>", 'random seed (string or number; 1 and "1" are the same seed)', "0")
    .option("--do <assignments>", 'hard intervention, e.g. "X=x,Y=y" (state names or numbers)')
    .option("--format <format>", "csv or jsonl", "csv")
    .option("-o, --output <file>", "write to a file instead of stdout")
    .option("--include-noise", "also write the exogenous (noise) columns")
    .option(
      "--chunk-size <rows>",
      "rows generated per chunk (output does not depend on it)",
      "65536",
    )
    .option("--progress", "always show a progress bar on stderr")
    .option("--no-progress", "never show a progress bar (default: shown for large n on a terminal)")
    .action((model: string, opts) => sampleCommand(loadModel(model), opts));

  program
    .command("dsep")
    .description("are X and Y d-separated (m-separated in an ADMG) given Z?")
    .argument("<model>", MODEL_HELP)
    .requiredOption("--x <nodes>", "comma-separated node names")
    .requiredOption("--y <nodes>", "comma-separated node names")
    .option("--given <nodes>", "comma-separated conditioning set", "")
    .option("--json", 'print JSON: {"separated": bool}')
    .action((model: string, opts) => {
      const loaded = loadModel(model);
      const result = dsep(loaded, opts);
      if (opts.json) printJson(result);
      else printLine(describeDsep(loaded, result));
    });

  program
    .command("adjust")
    .description(
      "adjustment sets for the effect of X on Y (all minimal ones, a minimum one, or the optimal one), or check one set",
    )
    .argument("<model>", MODEL_HELP)
    .option("--treatment <nodes>", "treatment(s); default: the model's exposure nodes")
    .option("--outcome <nodes>", "outcome(s); default: the model's outcome nodes")
    .option(
      "--type <type>",
      "minimal (all inclusion-minimal sets, default), minimum (one of least size) or optimal (the O-set of a DAG)",
    )
    .option("--must <nodes>", "nodes every set must contain")
    .option("--must-not <nodes>", "nodes no set may contain (e.g. unmeasured ones)")
    .option(
      "--check <nodes>",
      'check this set instead ("" checks the empty set): adjustment and back-door criteria',
    )
    .option("--json", 'print JSON: {"sets": [[...]]} or {"valid": bool, "backdoor": bool}')
    .action((model: string, opts) => {
      const result = adjust(loadModel(model), opts);
      if (opts.json) printJson(result);
      else printLine(describeAdjust(result));
    });

  program
    .command("graph")
    .description("print the model's causal graph")
    .argument("<model>", MODEL_HELP)
    .option("--format <format>", "dot, dagitty or json", "dagitty")
    .action((model: string, opts) => {
      const text = graphText(loadModel(model), opts);
      process.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
    });

  program
    .command("query")
    .description(
      "exact P(targets | do(X=x), Z=z) (discrete), exact moments (linear-Gaussian), else an estimate",
    )
    .argument("<model>", MODEL_HELP)
    .requiredOption("--target <nodes>", "target variable(s), comma-separated")
    .option("--do <assignments>", 'intervention, e.g. "X=x,W=w"')
    .option("--given <assignments>", 'evidence, e.g. "Z=z"')
    .option("--samples <n>", "Monte Carlo sample size for models without exact answers", "100000")
    .option("--seed <seed>", "Monte Carlo seed", "0")
    .option("--max-factor-size <cells>", "largest table exact inference may build (default 2^25)")
    .option("--json", 'print JSON: {"targets": [...], "distribution": {"<state>": p}}')
    .action((model: string, opts) => {
      const result = runQuery(loadModel(model), opts);
      if (opts.json) printJson(result);
      else printLine(describeQuery(result));
    });

  program
    .command("effect")
    .description("average treatment effect E[Y | do(X=x1)] - E[Y | do(X=x0)]")
    .argument("<model>", MODEL_HELP)
    .requiredOption("--treatment <node>", "treatment variable X")
    .requiredOption("--outcome <node>", "outcome variable Y")
    .option(
      "--treated <value>",
      "treatment value x1 (binary X: default the other state than --control, else its positive state, yes/true/1/..., else the second; continuous X: default 1)",
    )
    .option(
      "--control <value>",
      "control value x0 (binary X: default the other state; continuous X: default 0)",
    )
    .option(
      "--outcome-state <state>",
      "report the risk difference of this outcome state (default: a binary Y's positive state)",
    )
    .option("--given <assignments>", "evidence for a conditional effect (discrete models)")
    .option("--samples <n>", "Monte Carlo sample size for models without exact answers", "100000")
    .option("--seed <seed>", "Monte Carlo seed", "0")
    .option("--max-factor-size <cells>", "largest table exact inference may build (default 2^25)")
    .option("--kind <kind>", "ate (default), ett, nde, nie, pns, pn or ps", "ate")
    .option("--mediator <nodes>", "mediator(s) for --kind nde / nie")
    .option(
      "--coupling <coupling>",
      "noise coupling across worlds for ett, nde, nie, pns, pn, ps: inverse-cdf (default) or independent",
    )
    .option("--json", 'print JSON: {"kind", "value", "<kind>": number, ...} (e.g. {"ate": number})')
    .action((model: string, opts) => {
      const result = runEffect(loadModel(model), opts);
      if (opts.json) printJson(result);
      else printLine(opts.kind === "ate" ? describeEffect(result) : describeEffectKind(result));
    });

  program
    .command("counterfactual")
    .description(
      "P(Y_{do} | evidence): the targets under --do for the units where --given was observed",
    )
    .argument("<model>", MODEL_HELP)
    .requiredOption("--target <nodes>", "target variable(s) in the --do world, comma-separated")
    .option("--do <assignments>", 'counterfactual intervention, e.g. "X=0"')
    .option("--given <assignments>", 'evidence in the factual world, e.g. "X=1,Y=0"')
    .option("--coupling <coupling>", "inverse-cdf (default) or independent", "inverse-cdf")
    .option("--samples <n>", "importance-sampling size for models without exact answers", "100000")
    .option("--seed <seed>", "importance-sampling seed", "0")
    .option("--max-factor-size <cells>", "size limit of exact inference")
    .option(
      "--json",
      'print JSON: {"distribution": {"<state>": p}} (mean and variance for a continuous target)',
    )
    .action((model: string, opts) => {
      const result = counterfactual(loadModel(model), opts);
      if (opts.json) printJson(result);
      else printLine(describeCounterfactual(result));
    });

  program
    .command("identify")
    .description(
      "is P(Y | do(X)) [given Z] identifiable? strategy, estimand, sets, instruments, hedge",
    )
    .argument("<model>", MODEL_HELP)
    .option("--treatment <nodes>", "treatment(s); default: the model's exposure nodes")
    .option("--outcome <nodes>", "outcome(s); default: the model's outcome nodes")
    .option("--given <nodes>", "conditioning nodes Z for P(Y | do(X), Z)")
    .option("--max-sets <n>", "most adjustment / front-door sets and instruments listed", "1000")
    .option(
      "--json",
      'print JSON: {"identifiable", "strategy", "estimand", "latex", "adjustmentSets", "frontdoorSets", "instruments", "hedge"}',
    )
    .action((model: string, opts) => {
      const result = runIdentify(loadModel(model), opts);
      if (opts.json) printJson(result);
      else printLine(describeIdentify(result));
    });

  program
    .command("implications")
    .description("conditional independences the model's graph implies among observed variables")
    .argument("<model>", MODEL_HELP)
    .option(
      "--basis <basis>",
      "pairwise (each minimal separating set of each non-adjacent pair) or local (local Markov property)",
      "pairwise",
    )
    .option("--json", 'print JSON: {"independences": [{"x": [...], "y": [...], "given": [...]}]}')
    .action((model: string, opts) => {
      const result = implications(loadModel(model), opts);
      if (opts.json) printJson(result);
      else printLine(describeImplications(result));
    });

  program
    .command("generate")
    .description("generate benchmark questions with exact labels as JSON lines")
    .requiredOption("--suite <suite>", "ladder, corr2cause, identification or custom")
    .option(
      "--config <file>",
      "JSON configuration (kinds, sizes, stories, rounding, balance, split)",
    )
    .option("-n, --n <items>", "number of items", "100")
    .option("--seed <seed>", "random seed (string or number)", "0")
    .option("--start <index>", "index of the first item (regenerate a slice of a run)", "0")
    .option("-o, --output <file>", "write to a file instead of stdout")
    .option(
      "--workers <count>",
      "worker threads (output does not depend on it; default: one per core, at most 8, from 10,000 items)",
    )
    .option("--progress", "always show a progress bar on stderr")
    .option("--no-progress", "never show a progress bar (default: shown on a terminal)")
    .action((opts) => generateCommand(opts));

  program
    .command("audit")
    .description("recompute the labels of a JSONL dataset and report disagreements (exit 1 if any)")
    .argument("<file>", "JSON lines file of items (- reads stdin)")
    .option("--json", 'print JSON: {"checked": n, "disagreements": [...]}')
    .action(async (file: string, opts) => {
      const report = await auditCommand(file);
      if (opts.json) printJson(report);
      else printLine(describeAudit(report));
      if (report.disagreements.length > 0) {
        throw new CausalKitError(
          "E_AUDIT",
          `cli.audit: ${report.disagreements.length} disagreement(s)`,
        );
      }
    });

  program
    .command("batch")
    .description(
      'answer one JSON request per stdin line: {"command": "query", "model": "path", "args": {...}, "id": 1}',
    )
    .action(() => batchCommand());

  return program;
}

/** Runs the CLI; bad input prints one line to stderr and exits non-zero. */
export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  const debug = argv.includes("--debug");
  try {
    await program.parseAsync([...argv], { from: "user" });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.code === "commander.helpDisplayed" || e.code === "commander.version" ? 0 : 2;
    }
    if (debug) process.stderr.write(`${(e as Error)?.stack ?? String(e)}\n`);
    else process.stderr.write(`causalkit: ${describe(e)}\n`);
    return 1;
  }
}

function describe(e: unknown): string {
  if (e instanceof CausalKitError) return `${e.message} [${e.code}]`;
  if (e instanceof Error) return e.message;
  return String(e);
}
