/**
 * Deployment settings: environment variables of the build. `SITE_URL` is the origin
 * absolute URLs use, `BASE_PATH` the sub-path the site is served under, `EDIT_URL` a template
 * with `{path}` (or `{id}`, for the browser editor) for "edit this entry" links and `ISSUE_URL` where readers report a
 * problem.
 * Read once, checked here, so a wrong value fails the build with a message that says how to fix it.
 * No setting has an invented default: without SITE_URL a build is a preview that names no address of its
 * own; without EDIT_URL and ISSUE_URL the repository's GitHub, GitLab or Gitea remote supplies them, or no
 * page offers those links.
 */

import path from 'node:path';
import { forgeLinks, readGitRemote, type GitRemote } from './forge.ts';

/** A setting that cannot be used as given: the reader's input, not a fault of the code, so it carries no stack. */
export class SettingError extends Error {
  override name = 'SettingError';
  constructor(message: string) {
    super(message);
    this.stack = '';
  }
}

const SEGMENT = /^[A-Za-z0-9._~-]+$/;

/**
 * `BASE_PATH` as a path with a slash at both ends: unset, `''` and `/` give `/`; `catalogue`,
 * `/catalogue` and `/catalogue/` give `/catalogue/`. Segments may hold URL-safe characters only.
 */
export function normalizeBasePath(raw: string | undefined): string {
  const value = (raw ?? '').trim();
  const segments = value.split('/').filter(Boolean);
  for (const segment of segments) {
    if (!SEGMENT.test(segment) || segment === '.' || segment === '..')
      throw new SettingError(
        `BASE_PATH="${value}" is not a URL path: use letters, digits and - . _ ~ between slashes, e.g. BASE_PATH=/catalogue/`,
      );
  }
  return segments.length ? `/${segments.join('/')}/` : '/';
}

/** An absolute http(s) URL, or an error naming the variable. */
function httpUrl(name: string, value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new SettingError(`${name}="${value}" is not an absolute URL (expected e.g. https://…)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new SettingError(`${name}="${value}" must be an http or https URL`);
  return url;
}

/** `SITE_URL` as an origin: a path, query or fragment is refused (the path is `BASE_PATH`'s job). */
function siteOrigin(value: string): string {
  const url = httpUrl('SITE_URL', value);
  if (url.username || url.password)
    throw new SettingError(`SITE_URL="${value}" holds a user name or password: give the origin only`);
  if (url.pathname !== '/' || url.search || url.hash) {
    const path = `${url.pathname}${url.search}${url.hash}`;
    throw new SettingError(
      url.pathname !== '/' && !url.search && !url.hash
        ? `SITE_URL="${value}" has a path (${url.pathname}): give the origin only, SITE_URL=${url.origin}, and the path as BASE_PATH=${url.pathname.replace(/\/?$/, '/')}`
        : `SITE_URL="${value}" has more than an origin (${path}): give the origin only, e.g. SITE_URL=${url.origin}`,
    );
  }
  return url.origin;
}

/** The deployment settings of a build. */
export interface Settings {
  /**
   * Origin of absolute URLs (canonical links, feeds, sitemap, citations), e.g. `https://standards.example.net`;
   * undefined when `SITE_URL` is not set: the build is then a preview, which names no address of its own.
   */
  site: string | undefined;
  /** `/` or `/sub/path/`. */
  base: string;
  /** `EDIT_URL`: a template with `{path}` (the entry's file) or `{id}` (the entry's id), or undefined. */
  editUrl: string | undefined;
  /** `ISSUE_URL`: used as is, or undefined. */
  issueUrl: string | undefined;
  /** The settings taken from the repository's git remote (neither was given), and the repository they came from. */
  derived?: { names: Array<'EDIT_URL' | 'ISSUE_URL'>; repository: string };
}

/**
 * Reads and checks the settings from an environment. Where EDIT_URL or ISSUE_URL is unset, `remote` (the
 * repository's git remote) may supply it when it is on GitHub, GitLab or Gitea; a wrong value throws a
 * SettingError that names the setting.
 */
export function readSettings(
  env: Record<string, string | undefined> = process.env,
  remote: () => GitRemote | undefined = () => undefined,
): Settings {
  const siteValue = env.SITE_URL?.trim();
  const site = siteValue ? siteOrigin(siteValue) : undefined;
  let editUrl = env.EDIT_URL?.trim() || undefined;
  if (editUrl !== undefined) {
    if (!editUrl.includes('{path}') && !editUrl.includes('{id}'))
      throw new SettingError(
        `EDIT_URL="${editUrl}" has no {path} or {id}: write e.g. https://github.com/org/repo/edit/main/{path}, or https://example.org/admin/#/collections/standards/entries/{id} for the browser editor`,
      );
    httpUrl('EDIT_URL', editUrl.replaceAll('{path}', 'x').replaceAll('{id}', 'x'));
  }
  let issueUrl = env.ISSUE_URL?.trim() || undefined;
  if (issueUrl !== undefined) httpUrl('ISSUE_URL', issueUrl);
  let derived: Settings['derived'];
  if (editUrl === undefined || issueUrl === undefined) {
    const found = remote();
    const links = found && forgeLinks(found.url, found.branch);
    if (links) {
      const names: Array<'EDIT_URL' | 'ISSUE_URL'> = [];
      if (editUrl === undefined && links.editUrl) {
        editUrl = links.editUrl;
        names.push('EDIT_URL');
      }
      if (issueUrl === undefined) {
        issueUrl = links.issueUrl;
        names.push('ISSUE_URL');
      }
      if (names.length) derived = { names, repository: links.home };
    }
  }
  return {
    site,
    base: normalizeBasePath(env.BASE_PATH),
    editUrl,
    issueUrl,
    ...(derived ? { derived } : {}),
  };
}

/**
 * Where EDIT_URL (up to its `{path}`) and ISSUE_URL lead: outside the built site, even when they are on its own
 * origin (an editor or a tracker served beside it), so the link check and the offline copy leave them alone.
 */
export function settingAddresses(settings: Pick<Settings, 'editUrl' | 'issueUrl'>): string[] {
  const edit = settings.editUrl?.split('{path}')[0];
  return [edit, settings.issueUrl].filter((a): a is string => a !== undefined && a !== '');
}

/**
 * What the build log says about the settings: that a build without SITE_URL is a preview, and what was
 * derived from the repository or is missing. Warnings first.
 */
export function settingsReport(settings: Settings): Array<{ level: 'warn' | 'info'; text: string }> {
  const out: Array<{ level: 'warn' | 'info'; text: string }> = [];
  if (settings.site === undefined)
    out.push({
      level: 'warn',
      text: 'SITE_URL is not set: this is a preview build. Its pages carry noindex and no canonical link, it has no sitemap or OpenSearch description, and its feeds and citations name no address of their own. Set SITE_URL to the site’s origin (e.g. SITE_URL=https://standards.your-domain) to build the site for publishing.',
    });
  if (settings.derived)
    out.push({
      level: 'info',
      text: `${settings.derived.names.join(' and ')} not set: derived from the repository's git remote, ${settings.derived.repository} (${settings.derived.names
        .map((n) => `${n}=${n === 'EDIT_URL' ? settings.editUrl : settings.issueUrl}`)
        .join(', ')}); set ${settings.derived.names.length > 1 ? 'them' : 'it'} to override.`,
    });
  const missing = [settings.editUrl ? '' : 'EDIT_URL', settings.issueUrl ? '' : 'ISSUE_URL'].filter(Boolean);
  if (missing.length)
    out.push({
      level: 'info',
      text: `${missing.join(' and ')} not set and not derivable from a GitHub, GitLab or Gitea remote: pages offer no ${missing.length > 1 ? 'edit or report' : missing[0] === 'EDIT_URL' ? 'edit' : 'report'} links.`,
    });
  return out;
}

/** Where the catalogue's content is, for finding the repository that holds it (as load.ts reads it). */
const contentFolder = (env: Record<string, string | undefined>) =>
  env.CATALOGUE_CONTENT ? path.resolve(env.CATALOGUE_CONTENT) : path.resolve('content');

/**
 * The settings of this build, from the environment and the git remote of the repository that holds the content.
 * A refused setting throws a {@link SettingError} while this module is read, before anything is built; the commands
 * end on it with its one line and exit code 1 (scripts/lib/refused-setting.ts), Astro shows it as its error.
 */
export const SETTINGS: Settings = readSettings(process.env, () => readGitRemote(contentFolder(process.env)));

/** True when this build is a preview: SITE_URL is not set, so nothing may name an absolute address of the site. */
export const PREVIEW = SETTINGS.site === undefined;

/**
 * The absolute URL of a root-relative path (`/en/feed.xml`) on the site, or the path itself in a preview, which
 * has no address of its own.
 */
export function siteUrl(rootRelative: string, site = SETTINGS.site): string {
  return site === undefined ? rootRelative : new URL(rootRelative, site).href;
}

/** The base path of this build: `/` or `/sub/path/`. */
export const BASE_PATH = SETTINGS.base;

/** A root-relative URL under the base path: `withBase('catalogue.json')` → `/catalogue/catalogue.json`. */
export function withBase(path: string, base = BASE_PATH): string {
  return `${base}${path.replace(/^\/+/, '')}`;
}

/**
 * The "edit this file" link for a path in the repository (`content/standards/x.mdx`), when EDIT_URL is set: `{path}`
 * is the path, `{id}` the file name without its extension (the entry's id, as the browser editor names entries).
 */
export function editLink(repoPath: string, template = SETTINGS.editUrl): string | undefined {
  const id = (repoPath.split('/').pop() ?? '').replace(/\.[^.]*$/, '');
  return template
    ?.replaceAll('{path}', repoPath.split('/').map(encodeURIComponent).join('/'))
    .replaceAll('{id}', encodeURIComponent(id));
}

/**
 * Where the repository and its files can be read, when EDIT_URL follows a known forge's layout
 * (GitHub, GitLab and Gitea/Forgejo: `…/edit/<branch>/{path}`): the repository's home and a view link
 * for a file. Undefined for other templates.
 */
export function repositoryLinks(
  template = SETTINGS.editUrl,
): { home: string; file: (path: string) => string } | undefined {
  const m = template && /^(https?:\/\/[^?#]+?)\/(-\/edit|edit|_edit)\/([^?#]+?)\/\{path\}$/.exec(template);
  if (!m) return undefined;
  const [, home, kind, branch] = m as unknown as [string, string, string, string];
  const view = kind === '_edit' ? `src/branch/${branch}` : kind === '-/edit' ? `-/blob/${branch}` : `blob/${branch}`;
  return {
    home: home,
    file: (path: string) => `${home}/${view}/${path.split('/').map(encodeURIComponent).join('/')}`,
  };
}
