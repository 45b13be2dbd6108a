/** `/cite/<id>.ris` (RIS), under `astro dev`. */
import { entryFileRoute } from './entry-file.ts';

export const { getStaticPaths, GET } = entryFileRoute('ris');
