/**
 * Builds the catalogue for the site tests: the real content plus the probe entries of
 * tests/fixtures/probe/ (entries "someone else" wrote). The site is built into, and the offline
 * export unzipped into, folders whose paths contain spaces, Chinese characters and parentheses.
 *
 * Two builds: the main site, whose content copy is a git repository with a known history
 * (history-fixture.ts) and which has EDIT_URL and ISSUE_URL set but no SITE_URL (a preview, as a
 * build without settings is), and whose export publishes its zip into it; and a site built with
 * SITE_URL and BASE_PATH=/catalogue/ from a copy without git (nor EDIT_URL and ISSUE_URL), served
 * under that prefix. The second reuses the content cache of the first (bodies come from the render
 * cache) and is built while the first is exported.
 */
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import type { TestProject } from 'vitest/node';
import { buildSite, ROOT } from '../../scripts/lib/build-site.ts';
import { loadCatalogue } from '../../src/lib/catalogue/load.ts';
import { hostileEntries } from '../fixtures/hostile/payloads.ts';
import { serveDirectory } from '../../scripts/lib/serve.ts';
import { commitHistory } from './history-fixture.ts';
import { editorSession, type EditorSession } from './editor-session.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    siteDir: string;
    siteUrl: string;
    contentDir: string;
    offlineDir: string;
    today: string;
    hostileAccepted: string[];
    hostileRefused: number;
    baseSiteDir: string;
    baseSiteUrl: string;
    editorSession: EditorSession;
    baseSiteOrigin: string;
  }
}

/** A fixed "today" so states (in force, to take effect) do not change under the tests. */
export const TEST_TODAY = '2026-11-25';

/** A sector name that tries to close a script element and run its own. */
export const HOSTILE_SECTOR_NAME = 'Culture and tourism</script><img src=x onerror="window.__pwned=1">';

/**
 * An entry named like a property every object inherits, whose body shows, in code, text that looks like a link
 * attribute (issue 27): it builds into every page and file, and the code stays as written on both pages.
 */
export const PROTOTYPE_ENTRY = `---
code: "PROTO 1"
title: { zh: "原型名称的条目", en: "An entry named constructor" }
lang: en
scope: background
tier: base
body: 3gpp
level: international
status: published
sources: [{ label: "Issuer page", url: "https://example.org/" }]
---
<Body lang="en">

In code: \`<a href="/standards/constructor/">\` stays as written; [a real link](/standards/constructor/) follows the page.

</Body>

<Body lang="zh">

代码中：\`<a href="/standards/constructor/">\` 保持原样；[真正的链接](/standards/constructor/)随页面语言。

</Body>
`;

/**
 * Hostile contributions of every class (tests/fixtures/hostile): generated entries go through the check, and the
 * ones it accepts are built into the site with the rest; a reference file gets a name that tries to run script.
 * Whatever the check accepts must build, and the site tests open it in Chromium.
 */
async function addHostileContent(root: string, content: string): Promise<{ accepted: string[]; refused: number }> {
  const sectorFile = path.join(content, 'sectors', 'culture-tourism.yaml');
  const sector = await readFile(sectorFile, 'utf8');
  await writeFile(
    sectorFile,
    sector.replace(/^(\s*en:\s*).*$/m, (_line, key: string) => `${key}${JSON.stringify(HOSTILE_SECTOR_NAME)}`),
  );
  await writeFile(path.join(content, 'standards', 'constructor.mdx'), PROTOTYPE_ENTRY);
  const entries = hostileEntries(80, 1202);
  for (const e of entries) await writeFile(path.join(content, 'standards', `${e.id}.mdx`), e.text);
  const { problems } = await loadCatalogue(root, { CATALOGUE_CONTENT: content });
  const refusedFiles = new Set(problems.filter((p) => p.severity === 'error').map((p) => path.basename(p.file)));
  const accepted: string[] = [];
  for (const e of entries) {
    if (refusedFiles.has(`${e.id}.mdx`)) await rm(path.join(content, 'standards', `${e.id}.mdx`));
    else accepted.push(e.id);
  }
  const others = [...refusedFiles].filter((f) => !f.startsWith('hostile-'));
  if (others.length) throw new Error(`the hostile content made other files invalid: ${others.join(', ')}`);
  return { accepted, refused: entries.length - accepted.length };
}

/** The sub-path the second site is built for and served under. */
export const TEST_BASE_PATH = '/catalogue/';

/** The address the second site is built for (SITE_URL): a name under .test, which no one can own (RFC 6761). */
export const TEST_SITE_URL = 'https://standards-catalogue.test';

/** The deployment settings of the main site (with the browser editor in hosted mode). */
export const TEST_SETTINGS = {
  EDIT_URL: 'https://git.example.org/standards/catalogue/edit/main/{path}',
  ISSUE_URL: 'https://git.example.org/standards/catalogue/issues/new?template=problem.md',
  EDITOR_REPO: 'standards/catalogue',
  EDITOR_OAUTH_URL: 'https://auth.example.org',
};

export default async function setup(project: TestProject) {
  const work = await mkdtemp(path.join(tmpdir(), 'site tests 目录 ('));
  const content = path.join(work, 'content');
  await cp(path.join(ROOT, 'content'), content, { recursive: true });
  await cp(path.join(ROOT, 'tests/fixtures/probe'), path.join(content, 'standards'), { recursive: true });
  const hostile = await addHostileContent(work, content);
  // The copy for the base-path site has no history: it shows the fallback.
  const plainContent = path.join(work, 'content without git');
  await cp(content, plainContent, { recursive: true });
  await commitHistory(content);
  // No deployment settings leak in from the shell that runs the tests.
  const clean = { SITE_URL: '', BASE_PATH: '', EDIT_URL: '', ISSUE_URL: '', EDITOR_REPO: '', EDITOR_OAUTH_URL: '' };
  // The browser editor, under `npm run edit`, on the copy the base-path site is built from, while the main site builds.
  const editor = editorSession(work, plainContent);

  const siteDir = path.join(work, '网站 site (built)');
  let started = Date.now();
  await buildSite({ outDir: siteDir, content, env: { ...clean, CATALOGUE_TODAY: TEST_TODAY, ...TEST_SETTINGS } });
  console.log(`site tests: built the catalogue in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const session = await editor;
  console.log(
    `site tests: the browser editor session took ${session.seconds.toFixed(1)} s${session.error ? ` and failed: ${session.error}` : ''}`,
  );

  started = Date.now();
  const exportDir = path.join(work, 'zips');
  const baseSiteDir = path.join(work, 'base path site');
  const [{ stdout }] = await Promise.all([
    promisify(execFile)(
      process.execPath,
      [path.join(ROOT, 'scripts/export.ts'), `--site=${siteDir}`, `--out=${exportDir}`],
      { env: { ...process.env, ...clean, CATALOGUE_TODAY: TEST_TODAY } },
    ),
    buildSite({
      outDir: baseSiteDir,
      content: plainContent,
      env: { ...clean, CATALOGUE_TODAY: TEST_TODAY, BASE_PATH: TEST_BASE_PATH, SITE_URL: TEST_SITE_URL },
    }),
  ]);
  console.log(
    `site tests: exported the catalogue and built it under ${TEST_BASE_PATH} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  const zipPath = stdout.trim().split('\n').at(-1)!;
  const offlineRoot = path.join(work, '下载的 离线目录 (copy)');
  for (const [name, bytes] of Object.entries(unzipSync(await readFile(zipPath)))) {
    const file = path.join(offlineRoot, name);
    await mkdir(path.dirname(file), { recursive: true });
    if (!name.endsWith('/')) await writeFile(file, bytes);
  }

  const server = await serveDirectory(siteDir);
  const baseServer = await serveDirectory(baseSiteDir, TEST_BASE_PATH);
  project.provide('siteDir', siteDir);
  project.provide('baseSiteDir', baseSiteDir);
  project.provide('baseSiteUrl', baseServer.url);
  project.provide('baseSiteOrigin', TEST_SITE_URL);
  project.provide('siteUrl', server.url);
  project.provide('contentDir', content);
  project.provide('offlineDir', path.join(offlineRoot, '5g-standards-catalogue'));
  project.provide('today', TEST_TODAY);
  project.provide('hostileAccepted', hostile.accepted);
  project.provide('hostileRefused', hostile.refused);
  project.provide('editorSession', session);
  return async () => {
    await server.close();
    await baseServer.close();
    if (!process.env.KEEP_TEST_SITE) await rm(work, { recursive: true, force: true });
    else console.log(`site tests: kept ${work}`);
  };
}
