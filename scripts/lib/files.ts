/** Every file under a folder, as posix paths relative to it (a built site, an export). */
import { readdir } from 'node:fs/promises';
import path from 'node:path';

/**
 * The regular files under `dir`, as posix paths relative to it. Symbolic links are never followed (a link in a built
 * site could lead anywhere on the machine): each is left out and, when `links` is given, added to it.
 */
export async function listTree(dir: string, prefix = '', links?: string[], out: string[] = []): Promise<string[]> {
  // One list for the whole walk: spreading a folder's files into a push took more arguments than a call may have
  // (a 50,000-entry site has 250,000 files in one folder's tree).
  for (const entry of await readdir(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) await listTree(dir, rel, links, out);
    else if (entry.isFile()) out.push(rel);
    else links?.push(rel);
  }
  return out;
}
