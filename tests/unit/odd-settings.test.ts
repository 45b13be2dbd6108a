/**
 * Settings that are odd but valid (EDIT_URL and ISSUE_URL on the site's own origin, ports, international domain
 * names, queries and fragments, base paths with dots and tildes) are read as given, and a site built with them passes
 * the link check and becomes an offline copy; a site file that is a symbolic link is never copied. The site tests
 * build the real site with such settings (tests/site/global-setup.ts).
 */
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLinks } from '../../scripts/lib/link-check.ts';
import { makeOffline } from '../../scripts/lib/offline.ts';
import { editLink, readSettings, settingAddresses } from '../../src/lib/site/settings.ts';

const ODD = {
  SITE_URL: 'https://site.example:8443',
  BASE_PATH: '/std.v2~/cat_a/',
  EDIT_URL: 'https://site.example:8443/admin/#/edit/{path}?ref=main&x="y"',
  ISSUE_URL: 'https://site.example:8443/issues/new?title=问题&labels=a,b#form',
};

describe('odd but valid settings', () => {
  it.each([
    ODD,
    { SITE_URL: 'https://例子.测试', EDIT_URL: 'https://例子.测试/e/{path}/{path}' },
    { SITE_URL: 'http://LOCALHOST:4321', BASE_PATH: '.../a-b/' },
    { ISSUE_URL: 'mailto:standards@example.org' },
  ])('are read as given: %j', (env) => {
    if ((env as { ISSUE_URL?: string }).ISSUE_URL?.startsWith('mailto:')) {
      // Not http(s): refused, with the setting named.
      expect(() => readSettings(env)).toThrow(/^ISSUE_URL=/);
      return;
    }
    const settings = readSettings(env);
    if (env.EDIT_URL)
      expect(editLink('content/standards/a b.mdx', settings.editUrl)).toContain('content/standards/a%20b.mdx');
  });
});

describe('a site whose EDIT_URL and ISSUE_URL are on its own origin', () => {
  let work: string;
  const settings = readSettings(ODD);
  const base = settings.base;
  const origin = `${settings.site}/`;
  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'odd-settings-'));
    const site = path.join(work, 'site');
    await mkdir(path.join(site, 'standards', 'a'), { recursive: true });
    const edit = editLink('content/standards/a.mdx', settings.editUrl)!.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
    const issue = settings.issueUrl!.replace(/&/g, '&amp;');
    await writeFile(
      path.join(site, 'standards', 'a', 'index.html'),
      `<!doctype html><html><head><title>a</title></head><body><a href="${base}">home</a> <a href="${edit}">edit</a> <a href="${issue}">report</a></body></html>`,
    );
    await writeFile(
      path.join(site, 'index.html'),
      `<!doctype html><html><head><title>h</title></head><body><a href="${base}standards/a/">a</a></body></html>`,
    );
    // A file of the site that is a link to something outside it.
    await writeFile(path.join(work, 'secret.txt'), 'not for publishing');
    await symlink(path.join(work, 'secret.txt'), path.join(site, 'leak.txt'));
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  it('passes the link check', async () => {
    const report = await checkLinks(path.join(work, 'site'), origin, base, settingAddresses(settings));
    expect(report.broken).toEqual([]);
    expect(report.links).toBe(2);
    // Without the settings' addresses the two links would count as broken internal links.
    expect((await checkLinks(path.join(work, 'site'), origin, base)).broken).toHaveLength(2);
  });

  it('becomes an offline copy that keeps the two addresses as they are and leaves the link out', async () => {
    const out = path.join(work, 'offline');
    const result = await makeOffline(path.join(work, 'site'), out, origin, {
      base,
      external: settingAddresses(settings),
    });
    expect(result.problems).toEqual([
      {
        file: 'leak.txt',
        message: 'is a symbolic link (or not a regular file); the offline copy holds only the files of the built site',
      },
    ]);
    const page = await readFile(path.join(out, 'standards', 'a', 'index.html'), 'utf8');
    expect(page).toContain(
      'href="https://site.example:8443/admin/#/edit/content/standards/a.mdx?ref=main&amp;x=&quot;y&quot;"',
    );
    expect(page).toContain('href="../../index.html"');
    await expect(readFile(path.join(out, 'leak.txt'), 'utf8')).rejects.toThrow();
  });
});
