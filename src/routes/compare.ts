/** `/compare/data/<id>.js`, one entry's compare data as a classic script, under `astro dev`. */
import { entryFileRoute } from './entry-file.ts';

export const { getStaticPaths, GET } = entryFileRoute('compare');
