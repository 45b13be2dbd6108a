/**
 * `npm run schema`: writes schemas/standard.schema.json and schemas/<collection>.schema.json for each reference
 * collection from the zod schemas (editors use them to complete and check frontmatter and YAML files).
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadCatalogue } from '../src/lib/catalogue/load.ts';
import { referenceJsonSchema, standardJsonSchema } from '../src/lib/catalogue/json-schema.ts';
import { REFERENCE_COLLECTIONS } from '../src/lib/catalogue/schemas/index.ts';
import { ROOT } from './lib/build-site.ts';

export const SCHEMA_FILE = path.join(ROOT, 'schemas', 'standard.schema.json');

const { catalogue } = await loadCatalogue(ROOT);
await writeFile(SCHEMA_FILE, `${JSON.stringify(standardJsonSchema(catalogue), null, 2)}\n`);
console.log(`wrote ${path.relative(process.cwd(), SCHEMA_FILE)}`);
for (const collection of REFERENCE_COLLECTIONS) {
  const file = path.join(ROOT, 'schemas', `${collection}.schema.json`);
  await writeFile(file, `${JSON.stringify(referenceJsonSchema(collection), null, 2)}\n`);
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
