import { describe, expect, it } from 'vitest';
import { localePath } from '../../i18n/index.ts';
import { editLink, normalizeBasePath, readSettings, repositoryLinks, SettingError, withBase } from './settings.ts';

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
        SITE_URL: 'https://std.example.org/ignored/',
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
    expect(readSettings({})).toMatchObject({ base: '/', editUrl: undefined, issueUrl: undefined });
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
