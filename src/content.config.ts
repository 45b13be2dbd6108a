import { defineCollection } from 'astro:content';
import {
  bodySchema,
  metricSchema,
  sectorSchema,
  standardSchema,
  targetSchema,
  termSchema,
  topicSchema,
} from './lib/catalogue/schemas/index.ts';
import { historyLoader, referenceLoader, standardsLoader } from './lib/site/loader.ts';

/** The catalogue's collections; every one is read and checked by the catalogue model. */
export const collections = {
  standards: defineCollection({ loader: standardsLoader(), schema: standardSchema }),
  sectors: defineCollection({ loader: referenceLoader('sectors'), schema: sectorSchema }),
  topics: defineCollection({ loader: referenceLoader('topics'), schema: topicSchema }),
  bodies: defineCollection({ loader: referenceLoader('bodies'), schema: bodySchema }),
  metrics: defineCollection({ loader: referenceLoader('metrics'), schema: metricSchema }),
  targets: defineCollection({ loader: referenceLoader('targets'), schema: targetSchema }),
  terms: defineCollection({ loader: referenceLoader('terms'), schema: termSchema }),
  /** Not authored: the git history of the entries, read in one pass (src/lib/site/history.ts). */
  history: defineCollection({ loader: historyLoader() }),
};
