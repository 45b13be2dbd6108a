/**
 * The benchmark's anchor: the same generated entries built by Starlight with its defaults (one language, its own
 * search index), installed from the npm registry into a temporary folder. Only the bench uses it; nothing of it is
 * committed.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import yaml from 'js-yaml';

/** The Starlight release the bench compares with (its peer range includes the project's Astro). */
export const STARLIGHT_VERSION = '0.42.9';

/**
 * A generated entry as a Starlight page: the title from the Chinese title (Starlight's one required field), the
 * same body. Throws on a file without frontmatter or without a Chinese title (the generator always writes both).
 */
export function starlightPage(mdx: string): string {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(mdx);
  if (!match) throw new Error('the entry has no frontmatter');
  const data = yaml.load(match[1] ?? '') as { title?: { zh?: string } } | undefined;
  const title = data?.title?.zh;
  if (!title) throw new Error('the entry has no Chinese title');
  return `---\ntitle: ${JSON.stringify(title)}\n---\n${mdx.slice(match[0].length)}`;
}

function run(command: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} failed:\n${output.slice(-3000)}`)),
    );
  });
}

/**
 * Installs Starlight (and the project's Astro version) into `dir`, unless a previous run of the bench already did,
 * and writes the generated entries of `content/standards` as its pages. Returns the project's folder.
 */
export async function prepareStarlight(dir: string, content: string, astroVersion: string): Promise<string> {
  const stamp = path.join(dir, '.installed');
  const wanted = `${STARLIGHT_VERSION} ${astroVersion}`;
  if (!existsSync(stamp) || (await readFile(stamp, 'utf8')) !== wanted) {
    await mkdir(dir, { recursive: true });
    await writeFile(
      path.join(dir, 'package.json'),
      `${JSON.stringify(
        {
          name: 'starlight-anchor',
          private: true,
          type: 'module',
          dependencies: { '@astrojs/starlight': STARLIGHT_VERSION, astro: astroVersion },
        },
        null,
        2,
      )}\n`,
    );
    await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], dir);
    await writeFile(stamp, wanted);
  }
  await writeFile(
    path.join(dir, 'astro.config.mjs'),
    [
      "import { defineConfig } from 'astro/config';",
      "import starlight from '@astrojs/starlight';",
      "export default defineConfig({ integrations: [starlight({ title: '5G standards' })] });",
      '',
    ].join('\n'),
  );
  await mkdir(path.join(dir, 'src'), { recursive: true });
  await writeFile(
    path.join(dir, 'src', 'content.config.ts'),
    [
      "import { defineCollection } from 'astro:content';",
      "import { docsLoader } from '@astrojs/starlight/loaders';",
      "import { docsSchema } from '@astrojs/starlight/schema';",
      'export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };',
      '',
    ].join('\n'),
  );
  const docs = path.join(dir, 'src', 'content', 'docs');
  // A cold build of exactly these entries, as the catalogue's own build in the bench.
  for (const stale of [
    docs,
    path.join(dir, 'dist'),
    path.join(dir, '.astro'),
    path.join(dir, 'node_modules', '.astro'),
  ])
    await rm(stale, { recursive: true, force: true });
  await mkdir(path.join(docs, 'standards'), { recursive: true });
  await writeFile(path.join(docs, 'index.mdx'), '---\ntitle: 5G standards\n---\n\nGenerated entries.\n');
  const standards = path.join(content, 'standards');
  const files = (await readdir(standards)).filter((f) => f.endsWith('.mdx'));
  for (let i = 0; i < files.length; i += 200)
    await Promise.all(
      files
        .slice(i, i + 200)
        .map(async (f) =>
          writeFile(path.join(docs, 'standards', f), starlightPage(await readFile(path.join(standards, f), 'utf8'))),
        ),
    );
  return dir;
}
