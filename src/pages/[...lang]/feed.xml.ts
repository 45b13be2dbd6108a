/** /feed.xml (Chinese) and /en/feed.xml: entries, last changed first (git history, else `updated`); src/routes/feed.ts. */
import { catalogueFeedRoute } from '../../routes/feed.ts';

export const { getStaticPaths, GET } = catalogueFeedRoute();
