/** Fixture catalogues copied into temporary folders, so tests can add files freely. */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
export const FIXTURE_CATALOGUE = path.join(FIXTURES, 'catalogue');

/** A copy of the fixture catalogue in a temporary root; `extra` files go to content/standards/. */
export async function catalogueCopy(...extra: string[]): Promise<{ root: string; dispose: () => Promise<void> }> {
  const root = await mkdtemp(path.join(tmpdir(), 'catalogue-'));
  await cp(FIXTURE_CATALOGUE, root, { recursive: true });
  for (const file of extra)
    await cp(file, path.join(root, 'content', 'standards', path.basename(file)), { recursive: true });
  return { root, dispose: () => rm(root, { recursive: true, force: true }) };
}
