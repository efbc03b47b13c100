/**
 * Writes schema/dataset-item.schema.json from the single source of truth, `datasetItemSchema`
 * in src/datasets/item.ts. Run after changing the schema:
 *   npx tsx --conditions=@causalkit/source scripts/write-item-schema.ts
 * (tests/datasets/generate-schema.test.ts fails while the file is out of date).
 */
import { writeFileSync } from "node:fs";
import { datasetItemSchema } from "../src/datasets/item.js";

const target = new URL("../schema/dataset-item.schema.json", import.meta.url);
writeFileSync(target, `${JSON.stringify(datasetItemSchema, null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
