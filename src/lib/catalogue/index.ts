/** The catalogue model: schemas, loading and checking, the derived graph. */
export * from './schemas/index.ts';
export * from './problems.ts';
export * from './load.ts';
export * from './graph.ts';
export * from './progress.ts';
export * from './units.ts';
export * from './dates.ts';
export { checkBody, renderBody, needsFullCheck, ALLOWED_ELEMENTS, type RenderedBody } from './body/index.ts';
export { normalizeCode } from './rules.ts';
export { LIMITS } from './limits.ts';
