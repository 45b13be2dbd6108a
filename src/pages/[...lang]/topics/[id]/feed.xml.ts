/** `/topics/<id>/feed.xml` and `/en/topics/<id>/feed.xml`: the entries of one topic that changed last (src/routes/feed.ts). */
import { scopedFeedRoute } from '../../../../routes/feed.ts';

export const { getStaticPaths, GET } = scopedFeedRoute('topics');
