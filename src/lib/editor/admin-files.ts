/**
 * The files of the browser editor at /admin/: its page (with a Content-Security-Policy of its own and `noindex`),
 * Decap CMS's prebuilt bundle copied from npm (never a CDN), the editor's script bundled from src/scripts/editor/,
 * its styles, and the configuration in each language. Written into the built site by the build and served by
 * `npm run edit`.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { en } from '../../i18n/en.ts';
import { zh } from '../../i18n/zh.ts';
import { escapeUTF8 as escapeHtml } from 'entities';
import { editorConfig, type EditorBackend } from './config.ts';

/** The folder of the editor under the site's base path. */
export const ADMIN_FOLDER = 'admin';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The hosts the editor's hosted mode talks to (its Git host's API and avatars), besides the sign-in service. */
export const HOSTED_EDITOR_HOSTS = { api: 'https://api.github.com', images: 'https://avatars.githubusercontent.com' };

/**
 * The policy of the editor's page. Decap CMS needs more than the site's pages allow, so /admin/ has a policy of
 * its own: `'unsafe-eval'` (its configuration validator compiles schemas with `new Function`), inline styles (its
 * styling library writes `<style>` elements), `blob:` images and frames for its previews, and, in hosted mode, the
 * GitHub API and the sign-in service. Everything else stays as on the site: scripts only from this folder, no
 * plugins, no other origins.
 */
export function adminPolicy(backend: EditorBackend | undefined): string {
  // A site built without the editor's settings has a page of text and its stylesheet: nothing else may load.
  if (!backend)
    return [
      "default-src 'none'",
      "style-src 'self'",
      "img-src 'self' data:",
      "base-uri 'none'",
      "form-action 'none'",
    ].join('; ');
  const connect = ["'self'"];
  const images = ["'self'", 'data:', 'blob:'];
  if (backend.mode === 'hosted') {
    connect.push(HOSTED_EDITOR_HOSTS.api, new URL(backend.baseUrl).origin);
    images.push(HOSTED_EDITOR_HOSTS.images);
  }
  return [
    "default-src 'self'",
    "script-src 'self' 'unsafe-eval'",
    "script-src-attr 'none'",
    "style-src 'self' 'unsafe-inline'",
    `img-src ${images.join(' ')}`,
    "font-src 'self' data:",
    `connect-src ${connect.join(' ')}`,
    "frame-src 'self' blob:",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/**
 * The editor's page: the script that loads the editor, or, for a site built without the editor's settings, a notice
 * in both languages and no script at all.
 */
export function adminPage(policy: string, configured: boolean): string {
  const both = (pick: (t: typeof zh | typeof en) => string) =>
    `<p lang="zh-CN">${escapeHtml(pick(zh))}</p>\n<p lang="en">${escapeHtml(pick(en))}</p>`;
  const body = configured
    ? `<noscript class="editor-notice">\n${both((t) => t.editor.noscript)}\n</noscript>`
    : `<main class="editor-notice">\n<h1>${escapeHtml(zh.editor.title)} · ${escapeHtml(en.editor.title)}</h1>\n${both((t) => t.editor.notConfigured)}\n</main>`;
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="content-security-policy" content="${policy.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="same-origin">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(zh.editor.title)} · ${escapeHtml(en.editor.title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="editor.css">
${configured ? '<script type="module" src="editor.js"></script>\n' : ''}</head>
<body>
${body}
</body>
</html>
`;
}

/** Styles of the editor's page and its preview (the editor itself styles the rest). */
export const ADMIN_CSS = `.editor-notice{max-width:40rem;margin:3rem auto;padding:0 1rem;font:16px/1.6 system-ui,sans-serif}
.language-switch{position:fixed;right:.75rem;bottom:.75rem;z-index:1000;padding:.35rem .7rem;border-radius:.35rem;background:#fff;color:#174ea6;border:1px solid #c5cbd3;font:14px/1.4 system-ui,sans-serif;text-decoration:none;box-shadow:0 1px 3px rgba(0,0,0,.12)}
.language-switch:hover,.language-switch:focus{text-decoration:underline}
.catalogue-preview{font:15px/1.6 system-ui,sans-serif;color:#1b1f24;max-width:48rem;margin:0 auto;padding:1rem}
.catalogue-preview dl{display:grid;grid-template-columns:minmax(7rem,max-content) 1fr;gap:.25rem 1rem}
.catalogue-preview dt{font-weight:600;color:#4a5361}
.catalogue-preview dd{margin:0;white-space:pre-wrap;overflow-wrap:anywhere}
.catalogue-preview .preview-note{color:#4a5361;font-size:.9em}
.catalogue-preview .preview-problems{border-left:4px solid #b3261e;padding-left:.75rem}
.catalogue-preview table{border-collapse:collapse}.catalogue-preview td,.catalogue-preview th{border:1px solid #c5cbd3;padding:.25rem .5rem}
@media (max-width:799px){[class*="-EditorContainer"],[class*="-ToolbarContainer"]{min-width:0!important}}
`;

/** Where Decap CMS's prebuilt bundle is in the installed package. */
export function decapBundlePath(): string {
  const require = createRequire(path.join(ROOT, 'package.json'));
  return path.join(path.dirname(require.resolve('decap-cms/package.json')), 'dist', 'decap-cms.js');
}

let scriptOnce: Promise<string> | undefined;

/** The editor's script, bundled from src/scripts/editor/main.ts with esbuild (once per process). */
export function editorScript(): Promise<string> {
  scriptOnce ??= import('esbuild').then(async ({ build }) => {
    const result = await build({
      entryPoints: [path.join(ROOT, 'src/scripts/editor/main.ts')],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      minify: true,
      write: false,
      legalComments: 'none',
      logLevel: 'silent',
    });
    return result.outputFiles[0]!.text;
  });
  return scriptOnce;
}

/** The files of /admin/ for a backend (none: the page says the site was built without the editor's settings). */
export async function adminFiles(backend: EditorBackend | undefined): Promise<Map<string, string | Buffer>> {
  const files = new Map<string, string | Buffer>([
    ['index.html', adminPage(adminPolicy(backend), backend !== undefined)],
    ['editor.css', ADMIN_CSS],
  ]);
  if (backend) {
    files.set('editor.js', await editorScript());
    files.set('decap-cms.js', await readFile(decapBundlePath()));
    for (const lang of ['zh', 'en'] as const)
      files.set(`config.${lang}.json`, `${JSON.stringify(editorConfig({ lang, backend }), null, 2)}\n`);
  }
  return files;
}

/** Writes /admin/ into a built site; returns what it wrote, for the build's log. */
export async function writeAdmin(siteDir: string, backend: EditorBackend | undefined): Promise<string> {
  const dir = path.join(siteDir, ADMIN_FOLDER);
  await mkdir(dir, { recursive: true });
  const files = await adminFiles(backend);
  await Promise.all([...files].map(([name, body]) => writeFile(path.join(dir, name), body)));
  return backend?.mode === 'hosted'
    ? `${files.size} files; changes proposed to ${backend.repo} (${backend.branch})`
    : 'built without EDITOR_REPO and EDITOR_OAUTH_URL: the page says the editor is not set up';
}
