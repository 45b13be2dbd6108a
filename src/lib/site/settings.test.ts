import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localePath } from '../../i18n/index.ts';
import {
  editLink,
  normalizeBasePath,
  readSettings,
  repositoryLinks,
  SettingError,
  settingsReport,
  siteUrl,
  withBase,
} from './settings.ts';
import { forgeLinks, forgeOfHost, readGitRemote } from './forge.ts';

describe('BASE_PATH', () => {
  it.each([
    [undefined, '/'],
    ['', '/'],
    ['/', '/'],
    ['catalogue', '/catalogue/'],
    ['/catalogue', '/catalogue/'],
    ['/catalogue/', '/catalogue/'],
    ['//org/5g-catalogue//', '/org/5g-catalogue/'],
  ])('%s is served as %s', (raw, base) => expect(normalizeBasePath(raw)).toBe(base));

  it.each(['/a b/', '/../x/', '/cat?x=1/', '/猫/'])('refuses %s with a message that shows a valid one', (raw) => {
    expect(() => normalizeBasePath(raw)).toThrow(/BASE_PATH=".*" is not a URL path: .* e\.g\. BASE_PATH=\/catalogue\//);
  });

  it('puts every page URL and file URL under it', () => {
    expect(localePath('zh', 'standards/x/', '/catalogue/')).toBe('/catalogue/standards/x/');
    expect(localePath('en', '', '/catalogue/')).toBe('/catalogue/en/');
    expect(localePath('en', '/standards/', '/')).toBe('/en/standards/');
    expect(withBase('/catalogue.json', '/catalogue/')).toBe('/catalogue/catalogue.json');
  });
});

describe('readSettings', () => {
  it('reads the four variables', () => {
    expect(
      readSettings({
        SITE_URL: 'https://std.example.org/',
        BASE_PATH: 'cat',
        EDIT_URL: 'https://x.org/e/{path}',
        ISSUE_URL: 'https://x.org/issues/new',
      }),
    ).toEqual({
      site: 'https://std.example.org',
      base: '/cat/',
      editUrl: 'https://x.org/e/{path}',
      issueUrl: 'https://x.org/issues/new',
    });
    expect(readSettings({})).toEqual({ site: undefined, base: '/', editUrl: undefined, issueUrl: undefined });
    expect(readSettings({ EDIT_URL: ' ', ISSUE_URL: '' })).toMatchObject({ editUrl: undefined, issueUrl: undefined });
  });

  it.each([
    [
      { EDIT_URL: 'https://github.com/org/repo/edit/main/' },
      'EDIT_URL="https://github.com/org/repo/edit/main/" has no {path} or {id}: write e.g. https://github.com/org/repo/edit/main/{path}',
    ],
    [{ EDIT_URL: 'javascript:alert(1)//{path}' }, 'EDIT_URL="javascript:alert(1)//x" must be an http or https URL'],
    [{ ISSUE_URL: 'issues' }, 'ISSUE_URL="issues" is not an absolute URL (expected e.g. https://…)'],
    [{ SITE_URL: 'ftp://example.org' }, 'SITE_URL="ftp://example.org" must be an http or https URL'],
    [
      { SITE_URL: 'https://std.example.org/catalogue/' },
      'SITE_URL="https://std.example.org/catalogue/" has a path (/catalogue/): give the origin only, SITE_URL=https://std.example.org, and the path as BASE_PATH=/catalogue/',
    ],
    [
      { SITE_URL: 'https://std.example.org/cat' },
      'SITE_URL="https://std.example.org/cat" has a path (/cat): give the origin only, SITE_URL=https://std.example.org, and the path as BASE_PATH=/cat/',
    ],
    [
      { SITE_URL: 'https://std.example.org/?x=1' },
      'SITE_URL="https://std.example.org/?x=1" has more than an origin (/?x=1): give the origin only, e.g. SITE_URL=https://std.example.org',
    ],
    [
      { SITE_URL: 'https://u:p@std.example.org' },
      'SITE_URL="https://u:p@std.example.org" holds a user name or password: give the origin only',
    ],
  ])('refuses %o', (env, message) => {
    expect(() => readSettings(env)).toThrow(SettingError);
    expect(() => readSettings(env)).toThrow(message);
  });
});

describe('edit and repository links', () => {
  it('fills {path} with the entry file, each segment encoded', () => {
    expect(editLink('content/standards/3gpp-ts-23-501.mdx', 'https://github.com/org/repo/edit/main/{path}')).toBe(
      'https://github.com/org/repo/edit/main/content/standards/3gpp-ts-23-501.mdx',
    );
    expect(editLink('content/a b#.mdx', 'https://x.org/{path}?plain=1')).toBe(
      'https://x.org/content/a%20b%23.mdx?plain=1',
    );
    expect(editLink('content/x.mdx', undefined)).toBeUndefined();
  });

  it('fills {id} with the entry id, for links that open the entry in the browser editor', () => {
    const template = 'https://org.github.io/catalogue/admin/#/collections/standards/entries/{id}';
    expect(editLink('content/standards/yd-t-3627-2019.mdx', template)).toBe(
      'https://org.github.io/catalogue/admin/#/collections/standards/entries/yd-t-3627-2019',
    );
    expect(readSettings({ EDIT_URL: template }).editUrl).toBe(template);
  });

  it.each([
    [
      'https://github.com/org/repo/edit/main/{path}',
      'https://github.com/org/repo',
      'https://github.com/org/repo/blob/main/CONTRIBUTING.md',
    ],
    [
      'https://gitlab.com/g/sub/repo/-/edit/release/2025/{path}',
      'https://gitlab.com/g/sub/repo',
      'https://gitlab.com/g/sub/repo/-/blob/release/2025/CONTRIBUTING.md',
    ],
    [
      'https://gitea.example.org/org/repo/_edit/main/{path}',
      'https://gitea.example.org/org/repo',
      'https://gitea.example.org/org/repo/src/branch/main/CONTRIBUTING.md',
    ],
  ])('knows the repository of %s', (template, home, file) => {
    const links = repositoryLinks(template)!;
    expect(links.home).toBe(home);
    expect(links.file('CONTRIBUTING.md')).toBe(file);
  });

  it('claims no repository for other templates', () => {
    expect(repositoryLinks('https://cms.example.org/edit?file={path}')).toBeUndefined();
    expect(repositoryLinks(undefined)).toBeUndefined();
  });
});

describe('a build without SITE_URL', () => {
  it('is a preview: no origin, and addresses stay root-relative', () => {
    const settings = readSettings({ SITE_URL: '  ' });
    expect(settings.site).toBeUndefined();
    expect(siteUrl('/en/feed.xml', settings.site)).toBe('/en/feed.xml');
    expect(siteUrl('/en/feed.xml', 'https://std.example.net')).toBe('https://std.example.net/en/feed.xml');
  });

  it('says so in the build log, and what pages leave out', () => {
    expect(settingsReport(readSettings({})).map((n) => `${n.level}: ${n.text}`)).toEqual([
      'warn: SITE_URL is not set: this is a preview build. Its pages carry noindex and no canonical link, it has no sitemap or OpenSearch description, and its feeds and citations name no address of their own. Set SITE_URL to the site’s origin (e.g. SITE_URL=https://standards.your-domain) to build the site for publishing.',
      'info: EDIT_URL and ISSUE_URL not set and not derivable from a GitHub, GitLab or Gitea remote: pages offer no edit or report links.',
    ]);
    expect(
      settingsReport(readSettings({ SITE_URL: 'https://std.example.net', ISSUE_URL: 'https://x.org/i' })).map(
        (n) => n.text,
      ),
    ).toEqual(['EDIT_URL not set and not derivable from a GitHub, GitLab or Gitea remote: pages offer no edit links.']);
  });
});

describe('EDIT_URL and ISSUE_URL from the git remote', () => {
  it.each([
    [
      'https://github.com/org/catalogue.git',
      'main',
      'https://github.com/org/catalogue/edit/main/{path}',
      'https://github.com/org/catalogue/issues/new',
    ],
    [
      'git@github.com:org/catalogue.git',
      'release/2025',
      'https://github.com/org/catalogue/edit/release/2025/{path}',
      'https://github.com/org/catalogue/issues/new',
    ],
    [
      'https://oauth2:secret-token@gitlab.com/group/sub/catalogue.git',
      'main',
      'https://gitlab.com/group/sub/catalogue/-/edit/main/{path}',
      'https://gitlab.com/group/sub/catalogue/-/issues/new',
    ],
    [
      'ssh://git@gitlab.example.net:2222/group/catalogue.git',
      'main',
      'https://gitlab.example.net/group/catalogue/-/edit/main/{path}',
      'https://gitlab.example.net/group/catalogue/-/issues/new',
    ],
    [
      'https://codeberg.org/org/catalogue',
      'main',
      'https://codeberg.org/org/catalogue/_edit/main/{path}',
      'https://codeberg.org/org/catalogue/issues/new',
    ],
    [
      'https://gitea.example.net:3000/org/catalogue.git',
      'trunk',
      'https://gitea.example.net:3000/org/catalogue/_edit/trunk/{path}',
      'https://gitea.example.net:3000/org/catalogue/issues/new',
    ],
  ])('derives them from %s (branch %s), with no credentials', (remote, branch, edit, issue) => {
    const settings = readSettings({}, () => ({ url: remote, branch }));
    expect(settings).toMatchObject({ editUrl: edit, issueUrl: issue, derived: { names: ['EDIT_URL', 'ISSUE_URL'] } });
    expect(JSON.stringify(settings)).not.toContain('secret');
    // The derived template is a valid EDIT_URL whose repository the pages can link.
    expect(repositoryLinks(settings.editUrl)?.home).toBe(settings.derived!.repository);
  });

  it('says in the build log what it derived and from where', () => {
    const settings = readSettings({ SITE_URL: 'https://std.example.net' }, () => ({
      url: 'git@github.com:org/catalogue.git',
      branch: 'main',
    }));
    expect(settingsReport(settings)).toEqual([
      {
        level: 'info',
        text: "EDIT_URL and ISSUE_URL not set: derived from the repository's git remote, https://github.com/org/catalogue (EDIT_URL=https://github.com/org/catalogue/edit/main/{path}, ISSUE_URL=https://github.com/org/catalogue/issues/new); set them to override.",
      },
    ]);
  });

  it('keeps what the environment gives; without a known branch derives only the issue address', () => {
    expect(
      readSettings({ EDIT_URL: 'https://x.org/e/{path}' }, () => ({ url: 'https://github.com/org/c', branch: 'main' })),
    ).toMatchObject({ editUrl: 'https://x.org/e/{path}', issueUrl: 'https://github.com/org/c/issues/new' });
    expect(readSettings({}, () => ({ url: 'https://github.com/org/c' }))).toMatchObject({
      editUrl: undefined,
      issueUrl: 'https://github.com/org/c/issues/new',
      derived: { names: ['ISSUE_URL'] },
    });
  });

  it.each(['https://bitbucket.org/org/c.git', 'https://git.example.net/org/c.git', '/srv/git/c.git', 'not a url'])(
    'derives nothing from %s, whose page layout is unknown',
    (remote) => {
      expect(readSettings({}, () => ({ url: remote, branch: 'main' }))).toEqual({
        site: undefined,
        base: '/',
        editUrl: undefined,
        issueUrl: undefined,
      });
    },
  );

  it('knows the forges by host name', () => {
    expect(
      [
        'github.com',
        'github.corp.example',
        'gitlab.com',
        'gitlab.example.net',
        'codeberg.org',
        'gitea.io.example',
        'forgejo.example',
      ].map(forgeOfHost),
    ).toEqual(['github', 'github', 'gitlab', 'gitlab', 'gitea', 'gitea', 'gitea']);
    expect(forgeOfHost('notgithub.example')).toBeUndefined();
    expect(forgeLinks('https://github.com/org', 'main')).toBeUndefined();
  });

  it('reads no remote outside a repository', () => {
    expect(readGitRemote(tmpdir())).toBeUndefined();
  });

  it('reads the remote and its default branch from a working copy', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'remote-'));
    try {
      const git = (...args: string[]) => execFileSync('git', ['-C', dir, ...args], { stdio: 'ignore' });
      git('init', '-q');
      expect(readGitRemote(dir)).toBeUndefined();
      git('remote', 'add', 'origin', 'git@gitlab.com:group/catalogue.git');
      expect(readGitRemote(dir)).toEqual({ url: 'git@gitlab.com:group/catalogue.git' });
      git('symbolic-ref', 'refs/remotes/origin/HEAD', 'refs/remotes/origin/develop');
      await mkdir(path.join(dir, 'content'));
      expect(readGitRemote(dir)).toEqual({ url: 'git@gitlab.com:group/catalogue.git', branch: 'develop' });
      expect(readSettings({}, () => readGitRemote(path.join(dir, 'content')))).toMatchObject({
        editUrl: 'https://gitlab.com/group/catalogue/-/edit/develop/{path}',
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
