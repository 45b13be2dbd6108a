/**
 * Deployment settings: environment variables of the build. `SITE_URL` is the origin
 * absolute URLs use, `BASE_PATH` the sub-path the site is served under, `EDIT_URL` a template
 * with `{path}` (or `{id}`, for the browser editor) for "edit this entry" links and `ISSUE_URL` where readers report a
 * problem.
 * Read once, checked here, so a wrong value fails the build with a message that says how to fix it.
 */

/** A setting that cannot be used as given. */
export class SettingError extends Error {}

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

/** The deployment settings of a build. */
export interface Settings {
  /** Origin of absolute URLs (canonical links, feeds, sitemap), e.g. `https://example.org`. */
  site: string;
  /** `/` or `/sub/path/`. */
  base: string;
  /** `EDIT_URL`: a template with `{path}` (the entry's file) or `{id}` (the entry's id), or undefined. */
  editUrl: string | undefined;
  /** `ISSUE_URL`: used as is, or undefined. */
  issueUrl: string | undefined;
}

/** The default origin when `SITE_URL` is not set (a placeholder; set it when deploying). */
export const DEFAULT_SITE = 'https://5g-standards.example.org';

/** Reads and checks the settings from an environment. */
export function readSettings(env: Record<string, string | undefined> = process.env): Settings {
  const site = httpUrl('SITE_URL', env.SITE_URL?.trim() || DEFAULT_SITE);
  const editUrl = env.EDIT_URL?.trim() || undefined;
  if (editUrl !== undefined) {
    if (!editUrl.includes('{path}') && !editUrl.includes('{id}'))
      throw new SettingError(
        `EDIT_URL="${editUrl}" has no {path} or {id}: write e.g. https://github.com/org/repo/edit/main/{path}, or https://example.org/admin/#/collections/standards/entries/{id} for the browser editor`,
      );
    httpUrl('EDIT_URL', editUrl.replaceAll('{path}', 'x').replaceAll('{id}', 'x'));
  }
  const issueUrl = env.ISSUE_URL?.trim() || undefined;
  if (issueUrl !== undefined) httpUrl('ISSUE_URL', issueUrl);
  return { site: site.origin, base: normalizeBasePath(env.BASE_PATH), editUrl, issueUrl };
}

/**
 * Where EDIT_URL (up to its `{path}`) and ISSUE_URL lead: outside the built site, even when they are on its own
 * origin (an editor or a tracker served beside it), so the link check and the offline copy leave them alone.
 */
export function settingAddresses(settings: Pick<Settings, 'editUrl' | 'issueUrl'>): string[] {
  const edit = settings.editUrl?.split('{path}')[0];
  return [edit, settings.issueUrl].filter((a): a is string => a !== undefined && a !== '');
}

/** The settings of this build, from the environment. */
export const SETTINGS: Settings = readSettings();

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
