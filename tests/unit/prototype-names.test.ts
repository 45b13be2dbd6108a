/**
 * Names every object inherits (`constructor`, `__proto__`, `toString`, `hasOwnProperty`, `valueOf`, …) fed through
 * every id field, body link, record id and query: the check refuses them with its usual messages (never a
 * TypeError), a record really named `constructor` builds into every page, file and export, and the search and
 * compare lookups find only what exists. The browser half (the compare and search pages with such names in their
 * address) is in tests/site/requirements-views.test.ts and tests/site/search.test.ts.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { buildGraph, formatProblem, loadCatalogue } from '../../src/lib/catalogue/index.ts';
import { resolvesToPage } from '../../src/lib/catalogue/routes.ts';
import { buildConcepts, ConceptMatcher } from '../../src/lib/catalogue/concepts.ts';
import { planQuery } from '../../src/lib/search/tokens.ts';
import { dataScript } from '../../src/lib/site/compare.ts';
import { entryFile, entryFilesSource } from '../../src/lib/site/entry-files.ts';
import { atomFeed, catalogueCsv, catalogueJson } from '../../src/lib/site/exports.ts';
import { catalogueCopy } from './helpers.ts';

/** Every name Object.prototype gives every object. */
const NAMES = Object.getOwnPropertyNames(Object.prototype);

/** An entry that names `name` in every id field, and links to it from its body. */
const entryNaming = (name: string, n: number) => `---
code: "PROTO ${n}"
title: { zh: "原型 ${n}", en: "Prototype ${n}" }
lang: en
scope: 5g
tier: industry
topics: [${JSON.stringify(name)}]
sectors: [${JSON.stringify(name)}]
body: ${JSON.stringify(name)}
authority: ${JSON.stringify(name)}
committee: ${JSON.stringify(name)}
level: group
status: published
dates: { published: 2023-03-01 }
references: [${JSON.stringify(name)}]
supersedes: [${JSON.stringify(name)}]
related: [${JSON.stringify(name)}]
adopts: [{ id: ${JSON.stringify(name)}, degree: identical }]
requirements:
  - { id: ${JSON.stringify(name)}, metric: ${JSON.stringify(name)}, comparator: "<=", value: 1, unit: ms, case: ${JSON.stringify(name)}, sectors: [${JSON.stringify(name)}] }
  - { id: r2, metric: latency, comparator: "<=", value: 1, unit: ${JSON.stringify(name)} }
sources: [{ label: "Source", url: "https://example.org/" }]
---
Links to [a standard](/standards/${name}/), [a sector](/sectors/${name}/), [a section](/${name}/x/) and [a page](/${name}/).
`;

/** The id fields `entryNaming` fills. */
const ID_FIELDS = [
  'topics[0]',
  'sectors[0]',
  'body',
  'authority',
  'committee',
  'references[0]',
  'supersedes[0]',
  'related[0]',
  'adopts[0].id',
  'requirements[0].metric',
];

describe('a name every object inherits, in every id field and body link', () => {
  it('is refused with the check’s own messages, each field named, and no crash', async () => {
    const copy = await catalogueCopy();
    try {
      const dir = path.join(copy.root, 'content');
      await Promise.all(
        NAMES.map((name, n) => writeFile(path.join(dir, 'standards', `proto-${n}.mdx`), entryNaming(name, n))),
      );
      await writeFile(
        path.join(dir, 'targets', 'proto.yaml'),
        `name: { zh: 原型, en: Prototype }\ndescription: { zh: 原型。, en: Prototype. }\nthreshold: 1\ndeadline: 2023-12-31\norder: 3\nfilter: { sectors: [constructor], topics: [constructor], body: [constructor] }\n`,
      );
      await writeFile(
        path.join(dir, 'targets', 'proto-names.yaml'),
        `name: { zh: 原型, en: Prototype }\ndescription: { zh: 原型。, en: Prototype. }\nthreshold: 1\ndeadline: 2023-12-31\norder: 4\nfilter: { sectors: [toString], topics: [__proto__], body: [valueOf] }\n`,
      );
      const { problems } = await loadCatalogue(copy.root);
      const lines = problems.map(formatProblem);
      expect(problems.every((p) => p.file.startsWith('content/'))).toBe(true);
      expect(lines.join('\n')).not.toMatch(/TypeError|undefined|\[object|function /);
      NAMES.forEach((name, n) => {
        const own = problems.filter((p) => p.file === `content/standards/proto-${n}.mdx`);
        const fields = new Set(own.map((p) => p.field));
        for (const field of ID_FIELDS) expect(fields, `${name}: ${field}`).toContain(field);
        // Every body link leads to no page, and says so.
        expect(own.filter((p) => p.rule === 'body-link' || p.rule === 'invalid-value').length).toBeGreaterThan(0);
        expect(own.some((p) => p.rule === 'unit' || p.field === 'requirements[1].unit')).toBe(true);
      });
      // The target's filter: each name refused in its field.
      for (const file of ['proto.yaml', 'proto-names.yaml']) {
        const target = lines.filter((l) => l.startsWith(`content/targets/${file}`)).join('\n');
        for (const field of ['sectors', 'topics', 'body']) expect(target).toContain(`filter.${field}[0]  `);
      }
    } finally {
      await copy.dispose();
    }
  });

  it.each(NAMES.flatMap((name) => [`/${name}/x/`, `/standards/${name}/`, `/en/${name}/`, `/requirements/${name}/`]))(
    'the body link %s leads to no page (and the rule does not crash)',
    (url) => {
      const ids = {
        standards: new Set(['a']),
        sectors: new Set<string>(),
        topics: new Set<string>(),
        bodies: new Set<string>(),
        metrics: new Set<string>(),
      };
      expect(resolvesToPage(url, ids).ok).toBe(false);
    },
  );
});

describe('records really named constructor', () => {
  it('pass the check and build into the graph, the exports, the per-entry files and the compare data', async () => {
    const copy = await catalogueCopy();
    try {
      const dir = path.join(copy.root, 'content');
      await writeFile(
        path.join(dir, 'sectors', 'constructor.yaml'),
        'name: { zh: 构造, en: Constructor }\narticle: 13\norder: 9\ndescription: { zh: 测试。, en: "A test." }\n',
      );
      await writeFile(
        path.join(dir, 'bodies', 'constructor.yaml'),
        'name: { zh: 构造组织, en: Constructor body }\nshort: CONS\nlevels: [group]\n',
      );
      await mkdir(path.join(dir, 'terms'), { recursive: true });
      await writeFile(
        path.join(dir, 'terms', 'constructor.yaml'),
        'zh: 构造者\nen: constructor term\nnote: { zh: "测试。", en: "A test." }\n',
      );
      await writeFile(
        path.join(dir, 'standards', 'constructor.mdx'),
        entryNaming('constructor', 0)
          .replace(/\n(topics|authority|committee|supersedes|related|adopts): .*/g, '')
          .replace('references: ["constructor"]', 'references: [spec-a]')
          .replace(
            /requirements:\n.*\n.*\n/,
            'requirements:\n  - { id: constructor, metric: latency, comparator: "<=", value: 1, unit: ms, case: constructor, sectors: [constructor] }\n',
          )
          .replace(
            /Links to .*\n/,
            'Links to [itself](/standards/constructor/) and [its sector](/sectors/constructor/).\n',
          ),
      );
      const { problems, catalogue } = await loadCatalogue(copy.root);
      expect(problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
      const graph = buildGraph({ ...catalogue, today: '2026-12-02' });
      const entry = graph.byId.get('constructor');
      expect(entry?.data.code).toBe('PROTO 0');
      const json = catalogueJson(graph, '2026-12-02T00:00:00Z');
      const sector = json.sectors.find((s) => s.id === 'constructor');
      expect(sector?.entries).toEqual(['constructor']);
      for (const target of json.targets) expect(typeof target.bySector.constructor).toBe('number');
      expect(catalogueCsv(graph)).toContain('constructor');
      expect(atomFeed(graph, 'en', new URL('https://example.org/'), { title: 'T', description: 'D' })).toContain(
        'standards/constructor/',
      );
      const files = entryFilesSource(graph);
      for (const kind of ['bib', 'ris', 'json'] as const)
        expect(entryFile(files, 'constructor', kind, 'https://example.org')).toContain('PROTO 0');
      // The compare data as the page loads it: its own entry found, every inherited name finds nothing.
      const sandbox: { self: { __compareEntries?: Record<string, { code: string }> } } = { self: {} };
      runInNewContext(entryFile(files, 'constructor', 'compare', 'https://example.org'), sandbox);
      runInNewContext(dataScript('__compareEntries', 'spec-a', { code: 'X' }), sandbox);
      const table = sandbox.self.__compareEntries!;
      expect((Object.getOwnPropertyDescriptor(table, 'constructor')?.value as { code: string }).code).toBe('PROTO 0');
      for (const name of NAMES.filter((n) => n !== 'constructor')) expect(table[name], name).toBeUndefined();
    } finally {
      await copy.dispose();
    }
  });
});

describe('a query of inherited names', () => {
  it.each(NAMES)('%s is planned as a word to search, never as a concept', (name) => {
    const matcher = new ConceptMatcher(
      buildConcepts({
        terms: [],
        sectors: [{ id: 'ports', data: { name: { zh: '港口', en: 'Ports' } } }],
        topics: [],
        bodies: [],
      }),
    );
    const plan = planQuery(`${name} ports`, matcher);
    expect(plan.units.map((u) => u.kind)).toEqual(['text', 'concept']);
    // Punctuation at a word's edges is not searched (`__proto__` is the word `proto`).
    expect(plan.units[0]?.typed).toBe(name.toLowerCase().replace(/^_+|_+$/g, ''));
  });
});
