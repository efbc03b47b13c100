/**
 * Writes schema/scm.schema.json from the single source of truth, `scmJsonSchema` in
 * src/scm/json.ts. Run after changing the schema:
 *   npx tsx --conditions=@causalkit/source scripts/write-schema.ts
 * (tests/scm/json-schema-file.test.ts fails while the file is out of date).
 */
import { writeFileSync } from "node:fs";
import { scmJsonSchema } from "../src/scm/json.js";

const target = new URL("../schema/scm.schema.json", import.meta.url);
writeFileSync(target, `${JSON.stringify(scmJsonSchema, null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
