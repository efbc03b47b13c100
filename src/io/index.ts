/**
 * Model and graph file formats: BIF (Bayesian Interchange Format) for discrete models, dagitty
 * syntax, DOT and the JSON graph format. Every parser reports errors with line and column.
 *
 * @module io
 */
export { type FormatBifOptions, formatBif, parseBif } from "./bif.js";
export { formatDagitty, type ParseDagittyOptions, parseDagitty } from "./dagitty.js";
export { formatDot, parseDot } from "./dot.js";
export { formatGraphJson, graphJsonSchema, parseGraphJson } from "./graph-json.js";
