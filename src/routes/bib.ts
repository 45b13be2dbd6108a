/** `/cite/<id>.bib` (biblatex), under `astro dev`. */
import { entryFileRoute } from './entry-file.ts';

export const { getStaticPaths, GET } = entryFileRoute('bib');
