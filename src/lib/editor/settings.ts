/**
 * The hosted editor's settings, environment variables of the build: `EDITOR_REPO` (the GitHub repository,
 * `owner/name`), `EDITOR_BRANCH` (the branch changes are proposed against; `main` when unset) and
 * `EDITOR_OAUTH_URL` (the origin of the OAuth service that signs editors in with GitHub, with
 * `EDITOR_OAUTH_PATH` when its endpoint is not `auth`). Without a repository and a sign-in service the site's
 * /admin/ page says it was built without the editor; a half-given setting fails the build.
 */
import type { EditorBackend } from './config.ts';

/** A setting of the editor that cannot be used as given. */
export class EditorSettingError extends Error {}

const REPO = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
const BRANCH = /^(?!\/|.*\/$|.*\.\.)[A-Za-z0-9._/-]+$/;

/** The hosted editor's backend from an environment, or undefined when the build has no editor settings. */
export function hostedEditor(env: Record<string, string | undefined> = process.env): EditorBackend | undefined {
  const repo = env.EDITOR_REPO?.trim() || undefined;
  const oauth = env.EDITOR_OAUTH_URL?.trim() || undefined;
  if (!repo && !oauth) return undefined;
  if (!repo || !oauth)
    throw new EditorSettingError(
      `the browser editor needs both EDITOR_REPO and EDITOR_OAUTH_URL; got only ${repo ? 'EDITOR_REPO' : 'EDITOR_OAUTH_URL'} (see docs/editing.md)`,
    );
  if (!REPO.test(repo))
    throw new EditorSettingError(`EDITOR_REPO="${repo}" is not a GitHub repository: write owner/name`);
  let url: URL;
  try {
    url = new URL(oauth);
  } catch {
    throw new EditorSettingError(
      `EDITOR_OAUTH_URL="${oauth}" is not an absolute URL (expected e.g. https://auth.example.org)`,
    );
  }
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  if (url.protocol !== 'https:' && !(local && url.protocol === 'http:'))
    throw new EditorSettingError(`EDITOR_OAUTH_URL="${oauth}" must be an https URL (the sign-in passes a token)`);
  const branch = env.EDITOR_BRANCH?.trim() || 'main';
  if (!BRANCH.test(branch)) throw new EditorSettingError(`EDITOR_BRANCH="${branch}" is not a branch name`);
  const endpoint = env.EDITOR_OAUTH_PATH?.trim().replace(/^\/+/, '') || undefined;
  return {
    mode: 'hosted',
    repo,
    branch,
    baseUrl: url.origin + url.pathname.replace(/\/+$/, ''),
    ...(endpoint ? { authEndpoint: endpoint } : {}),
  };
}
