/**
 * Requirements an engineer can compare: metric plots, use cases, sector views of rows of that sector,
 * side-by-side comparison (online and offline) and citations that parse back. The probe entries stand
 * for entries dropped in by someone else: they must appear everywhere. The real catalogue lists no
 * requirement row for now (none could be checked against the published text), so the views are read
 * on the made-up rows of tests/fixtures/probe/probe-requirements.mdx.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-ris';
import { describe, expect, it } from 'vitest';
import { site, useBrowser, watch } from './helpers.ts';

const browser = useBrowser();
const html = (rel: string) => readFile(path.join(site().dir, rel), 'utf8');
const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

describe('metric pages', () => {
  it('carry an accessible SVG plot on a logarithmic axis, each mark linked to its row, the probe entry included', async () => {
    for (const root of ['', 'en/']) {
      const page = await html(`${root}requirements/latency/index.html`);
      expect(page).toMatch(/<svg class="plot-svg"[^>]*role="img"[^>]*aria-label="[^"]+"/);
      expect(page).toContain(`href="/${root}standards/probe-key-industry/#req-crane-latency"`);
      expect(page).toMatch(/>1\u00a0ms<\/text>[\s\S]*>10\u00a0ms<\/text>[\s\S]*>100\u00a0ms<\/text>/);
      expect(page).toContain('id="metric-table"');
    }
  });

  it('show each unit once, as people write it, and a figure in canonical units only where it differs', async () => {
    const page = await html('en/requirements/latency/index.html');
    const lead = /<p class="lead">([^<]*)<\/p>/.exec(page)![1]!;
    expect(lead).toContain('(ms, µs, s)');
    expect(lead).not.toMatch(/\bus\b|μs/);
    expect(page).toContain(
      '≤\u00a0800\u00a0µs<span class="canonical"><span class="visually-hidden">Canonical: </span>≤\u00a00.8\u00a0ms</span>',
    );
    expect(page).not.toMatch(/≤\u00a01\u00a0ms<span class="canonical">/);
    expect(await html('en/requirements/connection-density/index.html')).toContain('devices/km²');
  });

  it('show a row’s note, marked, beside its figure', async () => {
    const page = await html('en/requirements/latency/index.html');
    expect(page).toMatch(
      /<small class="fig-note" id="metric-table-n\d+"><b>Note&nbsp;\d+:<\/b> Stated as strictly less than/,
    );
    // A note repeated on later rows shows its number, linked to the note in full.
    const [, first] =
      /<small class="fig-note" id="metric-table-n(\d+)"><b>Note&nbsp;\d+:<\/b> Stated as strictly less than \(&lt;\) in the probe/.exec(
        page,
      )!;
    expect(page).toContain(`<a class="fig-note" href="#metric-table-n${first}">Note&nbsp;${first}</a>`);
  });
});

describe('long requirement tables', () => {
  it('get a jump list by metric and use case, the same in both languages, each to its first row', async () => {
    const jumps = async (root: string) => {
      const page = await html(`${root}standards/probe-requirements/index.html`);
      const nav = /<nav class="jumps"[\s\S]*?<\/nav>/.exec(page)?.[0] ?? '';
      const hrefs = [...nav.matchAll(/href="#(req-[^"]+)"/g)].map((m) => m[1]!);
      for (const id of hrefs) expect(page, id).toContain(`id="${id}"`);
      return { hrefs, lines: (nav.match(/class="jumps-line"/g) ?? []).length };
    };
    const [zh, en] = [await jumps(''), await jumps('en/')];
    expect(zh.lines).toBe(2);
    expect(zh.hrefs.length).toBeGreaterThanOrEqual(5);
    expect(en).toEqual(zh);
  });
});

describe('use cases', () => {
  it('read as one row each, and the requirements page charts latency against reliability', async () => {
    const page = await html('en/requirements/index.html');
    const chart = /<svg class="plot-svg"[^>]*aria-label="Latency against reliability: (\d+) use cases/.exec(page);
    // The probe's three use cases with a latency and a reliability or availability.
    expect(Number(chart?.[1])).toBe(3);
    expect(page).toMatch(
      /<tr id="case-probe-requirements-stop"[\s\S]*?Probe panel emergency stop[\s\S]*?≤\u00a04\u00a0ms[\s\S]*?=\u00a012\u00a0ms[\s\S]*?=\u00a099.99999%/,
    );
  });
});

describe('sector pages and the sector filter', () => {
  it('list only requirement rows of their sector, by metric', async () => {
    const power = await html('en/sectors/power/index.html');
    // Each row of a sector page is one of the sector: the figures the power sector's rows state, and none of industry's.
    const section = power.slice(power.indexOf('id="requirements"'));
    expect(section).toContain('Probe grid load control');
    expect(section).toContain('Probe grid video archive');
    expect(section).not.toContain('Probe factory video');
    expect(section).not.toContain('Probe panel emergency stop');
    expect(power).toContain('probe-key-industry/#req-crane-latency');
    expect(power).toMatch(/<h3 id="metric-latency">/);
  });

  it('/requirements/?sector=power shows only rows of that sector', async () => {
    const page = await browser().newPage();
    await page.goto(`${site().url}en/requirements/?sector=power`);
    const shown = await page.$$eval('#requirements-table tbody tr:not([hidden])', (trs) =>
      trs.map((tr) => (tr as HTMLElement).dataset.sector ?? ''),
    );
    expect(shown.length).toBeGreaterThan(3);
    for (const sectors of shown) expect(sectors.split(' ')).toContain('power');
    await page.close();
  });
});

describe('entry pages', () => {
  it('link to citations and to the compare page, with no new script', async () => {
    const page = await html('en/standards/probe-key-industry/index.html');
    for (const ext of ['bib', 'ris', 'json']) expect(page).toContain(`href="/cite/probe-key-industry.${ext}"`);
    expect(page).toContain('href="/en/compare/?ids=probe-key-industry"');
    const scripts = [...page.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.filter((s) => /compare/.test(s))).toEqual([]);
    expect(page).not.toContain('__compare');
  });
});

describe('citations', () => {
  it('parse back: BibTeX with a well-kept parser, RIS with citation-js', async () => {
    const bib = parseBibtex(await readFile(path.join(site().dir, 'cite/probe-key-industry.bib'), 'utf8'));
    expect(bib.errors).toEqual([]);
    const entry = bib.entries[0]!;
    expect(entry.type).toBe('standard');
    expect(entry.key).toBe('probe-key-industry');
    expect(entry.fields.number).toEqual('T/PROBE 1-2023');
    expect(entry.fields.title).toMatch(/[\u4e00-\u9fff]/);
    const ris = (await Cite.async(await readFile(path.join(site().dir, 'cite/probe-key-industry.ris'), 'utf8')))
      .data[0];
    expect(ris.type).toBe('standard');
    expect(ris.number).toBe('T/PROBE 1-2023');
    const csl = JSON.parse(await readFile(path.join(site().dir, 'cite/probe-key-industry.json'), 'utf8'));
    expect(csl[0]).toMatchObject({ id: 'probe-key-industry', type: 'standard', number: 'T/PROBE 1-2023' });
  });

  it('/catalogue.bib holds the catalogue itself, then every entry, and parses without errors', async () => {
    const json = JSON.parse(await readFile(path.join(site().dir, 'catalogue.json'), 'utf8')) as {
      entries: Array<{ id: string; code: string }>;
    };
    const bib = parseBibtex(await readFile(path.join(site().dir, 'catalogue.bib'), 'utf8'));
    expect(bib.errors).toEqual([]);
    expect(bib.entries[0]!.key).toBe('5g-standards-catalogue');
    expect(bib.entries[0]!.fields).toMatchObject({ title: '5G应用标准目录', date: '2026-11-25' });
    expect(
      bib.entries
        .slice(1)
        .map((e) => e.key)
        .sort(),
    ).toEqual(json.entries.map((e) => e.id).sort());
    const byKey = new Map(bib.entries.map((e) => [e.key, e.fields.number]));
    for (const e of json.entries) expect(byKey.get(e.id)).toBe(e.code);
  });
});

async function compareIn(url: string) {
  // axe is injected as an inline script, which the page's Content-Security-Policy blocks.
  const page = await browser().newPage({ bypassCSP: true });
  const problems = watch(page);
  await page.goto(url);
  await page.waitForSelector('#compare-table');
  const heads = await page.$$eval('#compare-table thead th a', (as) => as.map((a) => a.textContent));
  const rows = await page.$$eval('#compare-table tbody tr', (trs) => trs.map((tr) => tr.textContent ?? ''));
  const latency = rows.filter((t) => /Latency|时延/.test(t));
  const version = rows.find((t) => /^(Version|版本)/.test(t));
  return { page, problems, heads, latency, version };
}

describe('the compare page', () => {
  it.each(['', 'en/'])('sets standards side by side from the address (%s), hidden entries included', async (root) => {
    const { page, problems, heads, latency, version } = await compareIn(
      `${site().url}${root}compare/?ids=3gpp-ts-22-104,probe-key-industry`,
    );
    expect(heads).toEqual(['3GPP TS 22.104', 'T/PROBE 1-2023']);
    expect(latency.join(' ')).toContain('0.8\u00a0ms');
    // The version each entry describes, with its date and release from the version history.
    expect(version).toContain('19.2.0 (2024-06-28, R19)');
    await page.addScriptTag({ content: await axeSource });
    const violations = await page.evaluate(async () =>
      (
        await (
          window as unknown as {
            axe: { run: (d: Document, o: object) => Promise<{ violations: Array<{ id: string }> }> };
          }
        ).axe.run(document, { resultTypes: ['violations'] })
      ).violations.map((v) => v.id),
    );
    expect(violations).toEqual([]);
    // Requirement rows line up by metric and use case: TS 22.104 lists none, so its cell is a gap.
    const lines = await page.$$eval('#compare-table tbody tr', (trs) =>
      trs
        .filter((tr) => tr.querySelector('td .gap, td .compare-list'))
        .map((tr) => ({ cells: tr.querySelectorAll('td').length, gaps: tr.querySelectorAll('td .gap').length })),
    );
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line.cells).toBe(2);
    expect(lines.some((l) => l.gaps === 1)).toBe(true);
    // The picker takes a designation as search does (`22.261`, `TS22261`) and the address follows.
    await page.fill('#compare-add', root ? 'TS22261' : '22.261');
    await page.click('#compare-form button[type=submit]');
    await page.waitForFunction(() => document.querySelectorAll('#compare-table thead th a').length === 3);
    expect(new URL(page.url()).searchParams.get('ids')).toBe('3gpp-ts-22-104,probe-key-industry,3gpp-ts-22-261');
    // The language switch carries the comparison over.
    await page.focus('a.lang-switch');
    expect(new URL((await page.getAttribute('a.lang-switch', 'href')) ?? '', page.url()).searchParams.get('ids')).toBe(
      '3gpp-ts-22-104,probe-key-industry,3gpp-ts-22-261',
    );
    expect(problems).toEqual([]);
    await page.close();
  });

  it('says what it needs without JavaScript', async () => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site().url}en/compare/?ids=3gpp-ts-22-104`);
    expect(await page.locator('#compare-nojs').isVisible()).toBe(true);
    await context.close();
  });

  it('works in the offline export, from file://', async () => {
    const url = `${pathToFileURL(path.join(site().offline, 'en/compare/index.html')).href}?ids=probe-key-industry,3gpp-ts-22-104`;
    const { page, problems, heads } = await compareIn(url);
    expect(heads).toEqual(['T/PROBE 1-2023', '3GPP TS 22.104']);
    expect(problems).toEqual([]);
    await page.close();
  });
});
