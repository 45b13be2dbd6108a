/** `/bodies/<id>/feed.xml` and `/en/bodies/<id>/feed.xml`: the entries of one issuer that changed last (src/routes/feed.ts). */
import { scopedFeedRoute } from '../../../../routes/feed.ts';

export const { getStaticPaths, GET } = scopedFeedRoute('bodies');
