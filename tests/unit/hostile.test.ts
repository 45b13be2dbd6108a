/**
 * Hostile and careless contributions, each class of issue #13 with generated payloads that no fixture file should
 * hold (megabytes of text, thousands of levels): the check refuses them with file, line, field and limit, quickly
 * and without running out of memory or stack; what it accepts renders.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, loadCatalogue, LIMITS } from '../../src/lib/catalogue/index.ts';
import { checkBody, renderEntryBody } from '../../src/lib/catalogue/body/index.ts';
import { resolvesToPage } from '../../src/lib/catalogue/routes.ts';
import { normalizeCode } from '../../src/lib/catalogue/rules.ts';
import { jsonForScript } from '../../src/lib/site/escape.ts';
import { csvCell } from '../../src/lib/site/exports.ts';
import { offlinePolicy } from '../../scripts/lib/offline.ts';
import { catalogueCopy } from './helpers.ts';

const FRONT = (extra = '', code = 'HOSTILE 1') =>
  `---\ncode: "${code}"\ntitle: { zh: "测试", en: "Test" }\nlang: en\ntier: base\nbody: 3gpp\nlevel: international\nstatus: published\nscope: 5g\nsources: [{ label: "Test source", url: "https://example.org/" }]\n${extra}---\n`;

/** Problems `npm run check` reports for one more entry in the fixture catalogue. */
async function problemsFor(text: string, name = 'hostile.mdx'): Promise<string[]> {
  const copy = await catalogueCopy();
  try {
    await writeFile(path.join(copy.root, 'content', 'standards', name), text);
    const { problems } = await loadCatalogue(copy.root);
    return problems.filter((p) => p.file.endsWith(name)).map(formatProblem);
  } finally {
    await copy.dispose();
  }
}

describe('sizes', () => {
  it('refuses a 5 MB title at once, naming the field and the limit', async () => {
    const started = performance.now();
    const text = `${FRONT().replace('"Test" }', `"${'x'.repeat(5_000_000)}" }`)}Body.\n`;
    const problems = await problemsFor(text);
    expect(problems).toEqual([
      `content/standards/hostile.mdx:3  title  the file is ${text.length} characters long; the limit is ${LIMITS.standardFileBytes}; most of it is in title (line 3, 5000027 characters; a text holds at most ${LIMITS.longText}); shorten it: a record describes in a few sentences, and links to the source for the full text`,
    ]);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('refuses a title over its own limit', async () => {
    const problems = await problemsFor(
      `${FRONT().replace('"Test" }', `"${'x'.repeat(LIMITS.shortText + 1)}" }`)}Body.\n`,
    );
    expect(problems).toEqual([
      `content/standards/hostile.mdx:3  title.en  too long: ${LIMITS.shortText + 1} characters; the limit is ${LIMITS.shortText}; shorten it; the full text belongs in the standard itself`,
    ]);
  });

  it('refuses a body over the limit', async () => {
    const problems = await problemsFor(`${FRONT()}${'Lorem ipsum dolor. '.repeat(8_000)}\n`);
    expect(problems).toEqual([
      `content/standards/hostile.mdx:12  body  the body is ${8_000 * 19 + 1} characters long; the limit is ${LIMITS.bodyChars}; an entry describes a standard in a few pages; link to the standard for its full text`,
    ]);
  });
});

describe('nesting', () => {
  it.each([
    ['block quotes', '> '.repeat(5_000) + 'deep'],
    ['lists', Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n')],
    ['elements', '<em>'.repeat(3_000) + 'x' + '</em>'.repeat(3_000)],
  ])('refuses thousands of nested %s without running out of stack', async (_what, body) => {
    const problems = await problemsFor(`${FRONT()}${body}\n`);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^content\/standards\/hostile\.mdx:\d+  body  the body nests (more than 40 levels deep here|too deeply to read)/,
    );
  });

  it('renders what it accepts, however it is written', () => {
    // Just under the markers one block may hold (LIMITS.blockMarkers).
    const n = Math.floor((LIMITS.blockMarkers - 1) / 4);
    const body = '*_'.repeat(n) + 'x' + '_*'.repeat(n);
    expect(checkBody(body, { full: true, lang: 'en' })).toEqual([]);
    expect(renderEntryBody(body, 'en').en?.html).toContain('x');
  });

  it('renders what it accepts: the deepest accepted body renders', () => {
    const body = '> '.repeat(LIMITS.bodyDepth - 4) + 'deep enough';
    expect(checkBody(body, { full: true, lang: 'en' })).toEqual([]);
    expect(renderEntryBody(body, 'en').en?.html).toContain('deep enough');
  });

  it('refuses thousands of nested YAML lists in the frontmatter', async () => {
    const problems = await problemsFor(`${FRONT(`related: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`)}Body.\n`);
    expect(problems).toEqual([
      `content/standards/hostile.mdx:11  related  the YAML nests 10000 levels deep here; the limit is ${LIMITS.yamlDepth}; flatten the structure; no field of the catalogue needs this depth`,
    ]);
  });
});

describe('prototype keys', () => {
  it('cannot supply a required field through __proto__', async () => {
    const text = FRONT().replace('scope: 5g\n', '__proto__: { scope: 5g }\n');
    const problems = await problemsFor(`${text}Body.\n`);
    expect(problems).toContain(
      'content/standards/hostile.mdx:9  __proto__  "__proto__" is not a field name; remove it',
    );
    expect(problems.some((p) => p.includes('scope  value not allowed'))).toBe(true);
  });
});

describe('designations', () => {
  it.each([
    ['3GPP TS 23.501', '3GPP  TS 23.501'],
    ['3GPP TS 23.501', '３ＧＰＰ ＴＳ ２３．５０１'],
    ['YD/T 3627-2019', 'YD/T 3627‐2019'],
    ['YD/T 3627-2019', 'YD/T 3627–2019'],
    ['YD/T 3627-2019', 'YD/T\u00a03627-2019'],
    ['YD/T 3627-2019', 'YD/T 3627-\u200b2019'],
    ['ETSI GS MEC 003', 'ЕТSI GS MEC 003'],
    ['IEC 62443', 'ΙΕC 62443'],
  ])('compares %s and %s as the same', (a, b) => {
    expect(normalizeCode(a)).toBe(normalizeCode(b));
  });

  it('keeps Chinese designations with Latin letters as they are', async () => {
    const problems = await problemsFor(`${FRONT('', '5G通用模组技术要求（在研）')}Body.\n`);
    expect(problems.filter((p) => !p.includes('  warning: '))).toEqual([]);
  });
});

describe('escaping', () => {
  it('JSON inside a script element cannot close it or open a comment, and still means the same', () => {
    const hostile = { name: 'Smart ports</script><img src=x onerror=alert(1)><!--', other: '\u2028&' };
    const text = jsonForScript(hostile);
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual(hostile);
  });

  it.each(['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\tx'])(
    'CSV cells starting %j cannot run as formulas',
    (cell) => {
      expect(csvCell(cell)).toBe(`'${cell}`);
    },
  );

  it('writes control and direction characters in CSV cells out, never raw (a carriage return ends a row)', () => {
    expect(csvCell('\rx')).toBe('\\u000Dx');
    expect(csvCell('a\u202Eb\u001B[2Kc\u0085')).toBe('a\\u202Eb\\u001B[2Kc\\u0085');
  });

  it('leaves ordinary CSV cells and numbers alone', () => {
    expect(csvCell('YD/T 3627-2019')).toBe('YD/T 3627-2019');
    expect(csvCell(-1)).toBe(-1);
  });
});

describe('internal links', () => {
  const ids = {
    standards: new Set(['a']),
    sectors: new Set(['ports']),
    topics: new Set<string>(),
    bodies: new Set<string>(),
    metrics: new Set(['latency']),
  };
  it.each([
    ['/standards/a/', true],
    ['/en/standards/a/#s-scope', true],
    ['/sectors/ports/', true],
    ['/requirements/latency/', true],
    ['/catalogue.json', true],
    ['/standards/b/', false],
    ['/standards/a', false],
    ['/%zz/', false],
    ['/nowhere/', false],
  ])('%s leads to a page: %s', (url, ok) => {
    expect(resolvesToPage(url, ids).ok).toBe(ok);
  });
});

describe('the offline export policy', () => {
  it('allows exactly its inline scripts by hash, pagefind from data:, and nothing inline besides', () => {
    const policy = offlinePolicy(
      ['console.log(1)'],
      "default-src 'self'; script-src 'self' 'sha256-AAA='; style-src 'self' 'sha256-BBB='",
    );
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval' data: 'sha256-AAA=' 'sha256-");
    expect(policy).toContain("script-src-attr 'none'");
    expect(policy).toContain("style-src 'self' 'sha256-BBB='");
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  });
});

describe('the Atom feed', () => {
  it('keeps a hostile title as text a feed reader shows, in well-formed XML', async () => {
    const { XMLParser, XMLValidator } = await import('fast-xml-parser');
    const { buildGraph } = await import('../../src/lib/catalogue/graph.ts');
    const { atomFeed } = await import('../../src/lib/site/exports.ts');
    const copy = await catalogueCopy();
    try {
      await writeFile(
        path.join(copy.root, 'content', 'standards', 'hostile.mdx'),
        `${FRONT('updated: 2030-01-01\n').replace('"Test" }', '"]]><script>alert(1)</script>" }')}Body.\n`,
      );
      const { catalogue } = await loadCatalogue(copy.root);
      const xml = atomFeed(buildGraph({ ...catalogue, today: '2026-12-02' }), 'en', new URL('https://example.org/'), {
        title: 'T',
        description: 'D',
      });
      expect(XMLValidator.validate(xml)).toBe(true);
      const entry = (new XMLParser().parse(xml) as { feed: { entry: Array<{ title: string }> } }).feed.entry[0]!;
      expect(entry.title).toBe('HOSTILE 1 ]]&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(xml).not.toMatch(/<script/i);
    } finally {
      await copy.dispose();
    }
  });
});

describe('control and direction characters that reach the exports', () => {
  it('are written out in the feed (well-formed XML), the CSV, BibTeX, RIS and CSL-JSON, never raw', async () => {
    const { XMLValidator } = await import('fast-xml-parser');
    const { buildGraph } = await import('../../src/lib/catalogue/graph.ts');
    const { atomFeed, catalogueCsv, catalogueJsonText } = await import('../../src/lib/site/exports.ts');
    const { entryFile, entryFilesSource } = await import('../../src/lib/site/entry-files.ts');
    const copy = await catalogueCopy();
    try {
      const { catalogue } = await loadCatalogue(copy.root);
      // The check refuses these in every text; here they reach the writers anyway (as a git subject or a setting could).
      const hostile = 'Bad\u0001\u001B[2K\u202Eevil\u0085\uFFFE\u{E0041}\uD800 end';
      const entry = catalogue.standards[0]!;
      entry.data.title.en = hostile;
      entry.data.title.zh = hostile;
      entry.data.updated = '2099-01-01';
      const graph = buildGraph({ ...catalogue, today: '2026-12-02' });
      const xml = atomFeed(graph, 'en', new URL('https://example.org/'), { title: 'T\u0002', description: 'D' });
      expect(XMLValidator.validate(xml)).toBe(true);
      const outputs = [
        xml,
        catalogueCsv(graph),
        catalogueJsonText(graph, '2026-12-02T00:00:00Z'),
        ...(['bib', 'ris', 'json'] as const).map((kind) =>
          entryFile(entryFilesSource(graph), entry.id, kind, 'https://example.org'),
        ),
      ];
      for (const text of outputs) {
        expect(text).not.toMatch(
          /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\uFFFE\u{E0000}-\u{E007F}]|\uD800(?![\uDC00-\uDFFF])/u,
        );
        expect(text).toMatch(/u202E/);
      }
    } finally {
      await copy.dispose();
    }
  });
});

describe('limits of the renderer, read before the parse (issue 27)', () => {
  it('refuses a body of 40,000 emphasis markers in one block at once (60,000 took the check 254 s)', async () => {
    const started = performance.now();
    const problems = await problemsFor(`${FRONT()}${'a*b'.repeat(39_990)}\n`);
    expect(problems).toEqual([
      `content/standards/hostile.mdx:12  body  the block starting here holds 39990 emphasis, link and code markers (* _ ~ [ ] \`); the limit is ${LIMITS.blockMarkers} in one block; split it with blank lines, or write fewer markers (a table or list needs no emphasis)`,
    ]);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('checks the largest body of emphasis the limits allow in seconds, and renders it', () => {
    const block = 'a*b '.repeat(Math.floor(LIMITS.blockMarkers / 3));
    const body = Array.from({ length: Math.floor(LIMITS.bodyChars / (block.length + 2)) }, () => block).join('\n\n');
    const started = performance.now();
    expect(checkBody(body, { lang: 'en' })).toEqual([]);
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `the largest emphasis body the limits allow (${body.length} characters): checked in ${seconds.toFixed(2)} s`,
    );
    expect(seconds).toBeLessThan(30);
  });

  it('refuses a wide table that would take the build to gigabytes (15,000 columns, 25,000 rows)', async () => {
    const table = `|${'a|'.repeat(15_000)}\n|${'-|'.repeat(15_000)}\n${'x\n'.repeat(25_000)}`;
    expect(await problemsFor(`${FRONT()}${table}`)).toEqual([
      `content/standards/hostile.mdx:12  body  a block of 25002 lines without a blank line starts here; the limit is ${LIMITS.blockLines} lines (a paragraph, list or table); split it with blank lines, or into several lists or tables`,
    ]);
  });

  it.each([
    [`|${'a|'.repeat(2_000)}\n|${'-|'.repeat(2_000)}\n|x|`, 'the table has 2000 columns; the limit is 50 columns'],
    [
      `|a|b|c|d|e|f|g|h|i|j|k|\n|-|-|-|-|-|-|-|-|-|-|-|\n${'|1|\n'.repeat(950)}`,
      'the table has 951 rows of 11 columns, 10461 cells as rendered; the limit is 10000 cells',
    ],
  ])('refuses a table over a limit: %#', async (table, message) => {
    expect(await problemsFor(`${FRONT()}${table}`)).toEqual([
      `content/standards/hostile.mdx:12  body  ${message}; split the table, or leave out what the standard itself lists`,
    ]);
  });

  it('refuses more footnotes than the limit', async () => {
    const notes = Array.from({ length: LIMITS.footnotes + 1 }, (_, i) => `x[^${i}]\n\n[^${i}]: y`).join('\n\n');
    expect(await problemsFor(`${FRONT()}${notes}\n`)).toEqual([
      `content/standards/hostile.mdx:12  body  the body has ${2 * (LIMITS.footnotes + 1)} footnote markers ([^…]); the limit is ${LIMITS.footnotes} footnotes; keep the notes that a reader needs, or link to the source instead`,
    ]);
  });

  it('refuses deep quotes on many lines before the parser works through them', async () => {
    const quotes = Array.from({ length: 400 }, () => `${'> '.repeat(30)}x`).join('\n\n');
    expect(await problemsFor(`${FRONT()}${quotes}\n`)).toEqual([
      `content/standards/hostile.mdx:678  body  the body's lines nest ${LIMITS.nestingTotal} levels in all by this line (quotes, lists and indentation, summed over the lines); the limit is ${LIMITS.nestingTotal}; flatten the quotes and lists: a few levels are enough for any text`,
    ]);
  });

  it('names the requirement row where a file crosses the limit on values', async () => {
    const rows = Array.from(
      { length: 4_100 },
      (_, i) => `  - {id: r${i}, metric: l, comparator: "=", value: 1, unit: u}`,
    );
    const problems = await problemsFor(`${FRONT(`requirements:\n${rows.join('\n')}\n`)}Body.\n`);
    expect(problems).toEqual([
      `content/standards/hostile.mdx:3342  requirements[3330].value  the YAML holds more than ${LIMITS.yamlValues} values; this one is past the limit; split the data or shorten it`,
    ]);
  });

  it('names the field of an over-long target, with the limit', async () => {
    const copy = await catalogueCopy();
    try {
      await writeFile(
        path.join(copy.root, 'content', 'targets', 'long.yaml'),
        `name: { zh: 目标, en: Target }\ndescription: { zh: 描述, en: "${'x'.repeat(70_000)}" }\nthreshold: 2\ndeadline: 2023-12-31\nfilter: { tier: [industry] }\norder: 3\n`,
      );
      const { problems } = await loadCatalogue(copy.root);
      expect(problems.filter((p) => p.file.endsWith('long.yaml')).map(formatProblem)).toEqual([
        `content/targets/long.yaml:2  description  the file is 70133 characters long; the limit is ${LIMITS.referenceFileBytes}; most of it is in description (line 2, 70031 characters; a text holds at most ${LIMITS.longText}); shorten it: a record describes in a few sentences, and links to the source for the full text`,
      ]);
    } finally {
      await copy.dispose();
    }
  });
});

describe('the unknown-reference rule', () => {
  it('stays linear in the references: 20,000 unknown ids among 5,000 entries are checked in seconds', async () => {
    const { crossCheck, SUGGESTED_UNKNOWN_IDS } = await import('../../src/lib/catalogue/rules.ts');
    const entries = Array.from({ length: 5_000 }, (_, i) => ({
      id: `entry-${i}`,
      file: `content/standards/entry-${i}.mdx`,
      body: '',
      bodyLine: 1,
      links: [],
      lines: { get: () => 1 },
      data: {
        code: `X ${i}`,
        status: 'published',
        sectors: [],
        topics: [],
        references: [0, 1, 2, 3].map((k) => `entry-${i}-${k}`),
        supersedes: [],
        related: [],
        adopts: [],
        requirements: [],
        versions: [],
      },
    })) as unknown as Parameters<typeof crossCheck>[0]['standards'];
    const started = performance.now();
    const problems = crossCheck({
      standards: entries,
      standardIds: new Set(entries.map((e) => e.id)),
      sectorIds: new Set(),
      topicIds: new Set(),
      bodyIds: new Set(),
      metrics: new Map(),
      targets: [],
    });
    expect(performance.now() - started).toBeLessThan(20_000);
    const unknown = problems.filter((p) => p.rule === 'unknown-id');
    expect(unknown).toHaveLength(20_000);
    // The first ones come with the closest id; the rest say how to fix them.
    expect(unknown[0]?.suggestion).toBe('did you mean "entry-0"?');
    expect(unknown[SUGGESTED_UNKNOWN_IDS]?.suggestion).toBe(
      'use one of these ids, or add content/standards/entry-50-0.mdx for a new standard',
    );
  });
});
