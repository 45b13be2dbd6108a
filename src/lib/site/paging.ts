/** Rows per page of the standards list: the real catalogue fits on one page. */
export const PAGE_SIZE = 500;

/** Number of pages for `count` rows (at least one). */
export const pageCount = (count: number) => Math.max(1, Math.ceil(count / PAGE_SIZE));

/** Path of page `n` of a paged list under `base` (`standards/` → `standards/page/2/`). */
export const pagePath = (base: string, n: number) => (n === 1 ? base : `${base}page/${n}/`);
