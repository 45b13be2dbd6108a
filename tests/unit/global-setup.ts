/** The unit project's shared fixture: a real pagefind index of the catalogue (tests/search/index-fixture.ts). */
import type { TestProject } from 'vitest/node';
import { buildSearchIndex } from '../search/index-fixture.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    searchIndexDir: string;
    searchIndexUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const started = Date.now();
  const index = await buildSearchIndex();
  console.log(`unit tests: indexed the catalogue for search in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  project.provide('searchIndexDir', index.dir);
  project.provide('searchIndexUrl', index.url);
  return () => index.close();
}
