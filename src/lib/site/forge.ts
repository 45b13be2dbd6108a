/**
 * Where a repository lives on a forge (GitHub, GitLab, Gitea or Forgejo), read from its git remote: the
 * repository's home page, the template of an "edit this file" link and the address of a new issue. The
 * settings use it when EDIT_URL or ISSUE_URL are not given; a remote on any other host gives nothing, since
 * its page layout is unknown.
 */
import { execFileSync } from 'node:child_process';
import gitUrlParse from 'git-url-parse';

/** The forges whose page layout is known. */
export type Forge = 'github' | 'gitlab' | 'gitea';

/** The forge a host runs, by its name: GitHub (and GitHub Enterprise), GitLab, Gitea, Forgejo and Codeberg. */
export function forgeOfHost(host: string): Forge | undefined {
  const h = host.toLowerCase();
  if (h === 'github.com' || /(^|[.-])github([.-]|$)/.test(h)) return 'github';
  if (h === 'gitlab.com' || /(^|[.-])gitlab([.-]|$)/.test(h)) return 'gitlab';
  if (h === 'codeberg.org' || /(^|[.-])(gitea|forgejo)([.-]|$)/.test(h)) return 'gitea';
  return undefined;
}

/** What a forge offers for a repository. */
export interface ForgeLinks {
  forge: Forge;
  /** The repository's home page, e.g. `https://github.com/org/repo`. */
  home: string;
  /** An EDIT_URL template with `{path}`, when the branch is known. */
  editUrl?: string;
  /** Where a reader opens a new issue. */
  issueUrl: string;
}

/**
 * The links of the repository a remote URL names (`https://github.com/org/repo.git`,
 * `git@gitlab.com:group/sub/repo.git`, `ssh://git@codeberg.org/org/repo.git`), or undefined when the host runs
 * no known forge. Credentials in the URL are never kept; an ssh remote's port is not the web server's.
 */
export function forgeLinks(remote: string, branch?: string): ForgeLinks | undefined {
  let parsed: ReturnType<typeof gitUrlParse>;
  try {
    parsed = gitUrlParse(remote.trim());
  } catch {
    return undefined;
  }
  const host = parsed.resource;
  if (!host || !parsed.owner || !parsed.name) return undefined;
  const forge = forgeOfHost(host);
  if (!forge) return undefined;
  const web = parsed.protocol === 'http' ? 'http' : 'https';
  const port = (parsed.protocol === 'http' || parsed.protocol === 'https') && parsed.port ? `:${parsed.port}` : '';
  const home = `${web}://${host}${port}/${parsed.owner
    .split('/')
    .concat(parsed.name)
    .map(encodeURIComponent)
    .join('/')}`;
  const dash = forge === 'gitlab' ? '/-' : '';
  const ref = branch?.split('/').map(encodeURIComponent).join('/');
  return {
    forge,
    home,
    ...(ref ? { editUrl: `${home}${dash}/${forge === 'gitea' ? '_edit' : 'edit'}/${ref}/{path}` } : {}),
    issueUrl: `${home}${dash}/issues/new`,
  };
}

/** A git remote as read from a working copy. */
export interface GitRemote {
  /** The remote's URL as configured. */
  url: string;
  /** The branch edits should go to: the remote's default branch, else the upstream of the current one. */
  branch?: string;
}

/**
 * The remote of the repository that holds `dir`: the current branch's upstream remote, else `origin`, else the
 * first one; undefined when `dir` is in no repository, has no remote, or git is missing.
 */
export function readGitRemote(dir: string): GitRemote | undefined {
  const git = (...args: string[]) => {
    try {
      return execFileSync('git', ['-C', dir, ...args], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
        timeout: 5000,
      }).trim();
    } catch {
      return '';
    }
  };
  const remotes = git('remote').split('\n').filter(Boolean);
  if (remotes.length === 0) return undefined;
  const upstream = git('rev-parse', '--abbrev-ref', '--symbolic-full-name', '@{upstream}');
  const upstreamRemote = remotes.find((r) => upstream.startsWith(`${r}/`));
  const name = upstreamRemote ?? (remotes.includes('origin') ? 'origin' : remotes[0]!);
  const url = git('remote', 'get-url', name);
  if (!url) return undefined;
  const head = git('symbolic-ref', '--quiet', '--short', `refs/remotes/${name}/HEAD`);
  const branch = head.startsWith(`${name}/`)
    ? head.slice(name.length + 1)
    : upstreamRemote
      ? upstream.slice(upstreamRemote.length + 1)
      : undefined;
  return { url, ...(branch ? { branch } : {}) };
}
