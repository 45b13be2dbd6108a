/** `/sectors/<id>/feed.xml` and `/en/sectors/<id>/feed.xml`: the entries of one sector that changed last (src/routes/feed.ts). */
import { scopedFeedRoute } from '../../../../routes/feed.ts';

export const { getStaticPaths, GET } = scopedFeedRoute('sectors');
