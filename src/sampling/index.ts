/**
 * Seeded sampling from structural causal models: the random number generator (xoshiro128**
 * seeded through seedrandom's Alea, one independent stream per exogenous variable), bulk noise
 * draws, ancestral sampling into a columnar {@link Table} (one-shot or streamed in chunks), and
 * CSV / JSON-lines writers and a CSV reader.
 *
 * Determinism: the same model and seed give an identical table on every run and platform,
 * whatever the chunk size.
 *
 * @module sampling
 */

export {
  formatCsv,
  type ParseCsvOptions,
  parseCsv,
  type WriteCsvOptions,
  writeCsv,
} from "./csv.js";
export { fillNoise } from "./distributions.js";
export { type NoiseColumns, sampleFromNoise } from "./from-noise.js";
export { writeJsonl } from "./jsonl.js";
export { createRng, deriveRng, type Rng, type Seed } from "./rng.js";
export { type SampleChunksOptions, type SampleOptions, sample, sampleChunks } from "./sample.js";
export {
  type Column,
  type ContinuousColumn,
  concatTables,
  type DiscreteColumn,
  Table,
  type TableColumnJson,
  type TableJson,
  type TableNoiseColumnJson,
} from "./table.js";
