/** `/cite/<id>.json` (CSL-JSON), under `astro dev`. */
import { entryFileRoute } from './entry-file.ts';

export const { getStaticPaths, GET } = entryFileRoute('json');
