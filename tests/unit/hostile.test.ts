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
      `content/standards/hostile.mdx:1  file  the file is ${text.length} characters long; the limit is ${LIMITS.standardFileBytes}; an entry describes a standard in a few pages; link to the standard for its full text`,
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
    const body = '*_'.repeat(2_000) + 'x' + '_*'.repeat(2_000);
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

  it.each(['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\tx', '\rx'])(
    'CSV cells starting %j cannot run as formulas',
    (cell) => {
      expect(csvCell(cell)).toBe(`'${cell}`);
    },
  );

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
