/** `npm run schema`: writes schemas/standard.schema.json from the zod schema (editors use it to complete frontmatter). */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadCatalogue } from '../src/lib/catalogue/load.ts';
import { standardJsonSchema } from '../src/lib/catalogue/json-schema.ts';
import { ROOT } from './lib/build-site.ts';

export const SCHEMA_FILE = path.join(ROOT, 'schemas', 'standard.schema.json');

const { catalogue } = await loadCatalogue(ROOT);
await writeFile(SCHEMA_FILE, `${JSON.stringify(standardJsonSchema(catalogue), null, 2)}\n`);
console.log(`wrote ${path.relative(process.cwd(), SCHEMA_FILE)}`);
