/**
 * One fixture per rule of DESIGN.md, each with the exact text `npm run check` prints for it.
 * The messages are part of the product: a change to one must be a deliberate change here.
 */
import { cp, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCount, formatProblem, loadCatalogue } from '../../src/lib/catalogue/index.ts';
import { catalogueCopy, FIXTURES } from './helpers.ts';

const INVALID = path.join(FIXTURES, 'invalid');

/** Loads the fixture catalogue plus one invalid fixture (a file, or a folder of files). */
async function problemsWith(fixture: string): Promise<string[]> {
  const source = path.join(INVALID, fixture);
  const copy = await catalogueCopy();
  try {
    const target = path.join(copy.root, 'content', 'standards');
    if ((await stat(source)).isDirectory()) for (const f of await readdir(source)) await cp(path.join(source, f), path.join(target, f));
    else await cp(source, path.join(target, fixture));
    const result = await loadCatalogue(copy.root);
    return result.problems.map(formatProblem);
  } finally {
    await copy.dispose();
  }
}

describe('the fixture catalogue', () => {
  it('is valid on its own', async () => {
    const result = await loadCatalogue(path.join(FIXTURES, 'catalogue'));
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.catalogue.standards.map((s) => s.id)).toEqual(['spec-a', 'spec-b', 'spec-c']);
  });
});

describe('every invalid fixture fails with its own message', () => {
  let fixtures: string[] = [];
  beforeAll(async () => {
    fixtures = (await readdir(INVALID)).sort();
  });
  afterAll(() => {
    // Each fixture in the folder must have a test below; a new fixture without one fails here.
    expect(fixtures.filter((f) => !tested.has(f))).toEqual([]);
  });
  const tested = new Set<string>();
  const check = (fixture: string, expected: string[]) =>
    it(fixture, async () => {
      tested.add(fixture);
      expect(await problemsWith(fixture)).toEqual(expected);
    });

  check('unknown-field.mdx', [
    'content/standards/unknown-field.mdx:9  colour  unknown field "colour" (expected one of code, title, summary, lang, scope, doctype, tier, topics, sectors, body, authority, committee, level, status, key, release, version, dates, references, supersedes, related, adopts, ics, ccs, plan, requirements, sources, updated)',
  ]);
  check('wrong-enum.mdx', [
    'content/standards/wrong-enum.mdx:5  tier  value not allowed (expected one of base | common | industry, got "Industry"); did you mean "industry"?',
  ]);
  check('missing-title-en.mdx', ['content/standards/missing-title-en.mdx:3  title.en  missing required field "title.en" (expected text)']);
  check('missing-code.mdx', ['content/standards/missing-code.mdx:1  code  missing required field "code" (expected text)']);
  check('industry-without-sector.mdx', [
    'content/standards/industry-without-sector.mdx:5  sectors  an industry-tier standard needs at least one sector',
  ]);
  check('unknown-sector.mdx', [
    'content/standards/unknown-sector.mdx:9  sectors[0]  unknown sector "port" (expected an id of a file in content/sectors/); did you mean "ports"?',
  ]);
  check('unknown-topic.mdx', [
    'content/standards/unknown-topic.mdx:9  topics[0]  unknown topic "netwrk" (expected an id of a file in content/topics/); did you mean "network"?',
  ]);
  check('unknown-body.mdx', [
    'content/standards/unknown-body.mdx:6  body  unknown issuing body "3gp" (expected an id of a file in content/bodies/); did you mean "3gpp"?',
  ]);
  check('unknown-metric.mdx', [
    'content/standards/unknown-metric.mdx:10  requirements[0].metric  unknown metric "latncy" (expected an id of a file in content/metrics/); did you mean "latency"?',
  ]);
  check('unknown-plan-clause.mdx', [
    'content/standards/unknown-plan-clause.mdx:9  plan[1]  value not allowed (expected one of 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14 | 15 | 16 | 17 | 18 | 19 | 20 | 21 | 22 | 23 | 24 | 25 | 26 | 27 | 28 | 29 | 30 | 31 | 32 | box-1 | box-2 | box-3 | box-4, got "box-5"); did you mean "box-1"?',
  ]);
  check('unknown-reference.mdx', [
    'content/standards/unknown-reference.mdx:9  references[0]  unknown standard "spec-x" (expected an id of a file in content/standards/); did you mean "spec-a"?',
  ]);
  check('duplicate-code.mdx', [
    'content/standards/duplicate-code.mdx:2  code  the designation "3GPP  TS 99.001" is also used by content/standards/spec-a.mdx; each standard has one entry; merge them or correct the designation',
    'content/standards/spec-a.mdx:2  code  the designation "3GPP TS 99.001" is also used by content/standards/duplicate-code.mdx; each standard has one entry; merge them or correct the designation',
  ]);
  check('self-reference.mdx', [
    'content/standards/self-reference.mdx:9  references[0]  an entry cannot reference itself; remove "self-reference" from references',
  ]);
  check('self-supersede.mdx', [
    'content/standards/self-supersede.mdx:9  supersedes[0]  an entry cannot supersede itself; remove "self-supersede" from supersedes',
  ]);
  check('supersedes-cycle', [
    'content/standards/cycle-b.mdx:9  supersedes[0]  supersedes forms a cycle: cycle-a → cycle-b → cycle-a; a standard can only replace older ones; remove one link of the cycle',
  ]);
  check('unit-not-convertible.mdx', [
    'content/standards/unit-not-convertible.mdx:10  requirements[0].unit  unit "msec" does not convert to latency\'s unit ms (expected one of ms, us, µs, μs, s, got "msec"); did you mean "ms"?',
  ]);
  check('range-min-not-below-max.mdx', [
    'content/standards/range-min-not-below-max.mdx:10  requirements[0].min  a range needs min < max, got min 99.99 and max 99.9',
  ]);
  check('range-with-value.mdx', [
    'content/standards/range-with-value.mdx:10  requirements[0].max  comparator "range" needs max',
    'content/standards/range-with-value.mdx:10  requirements[0].min  comparator "range" needs min',
    'content/standards/range-with-value.mdx:10  requirements[0].value  with comparator "range", give min and max instead of value',
  ]);
  check('bad-date.mdx', [
    'content/standards/bad-date.mdx:9  dates.published  value not allowed (expected an ISO date written YYYY-MM-DD (for example 2021-06-25), got "2021-02-30")',
  ]);
  check('effective-before-published.mdx', [
    'content/standards/effective-before-published.mdx:9  dates.effective  the effective date 2021-05-01 is before the published date 2021-06-01',
  ]);
  check('link-not-http.mdx', [
    'content/standards/link-not-http.mdx:10  sources[0].url  value not allowed (expected an absolute http:// or https:// URL, got "ftp://example.org/spec.pdf")',
  ]);
  check('mdx-import.mdx', [
    'content/standards/mdx-import.mdx:12  body  import and export statements are not allowed in an entry body; remove the statement; entries may not contain code',
  ]);
  check('mdx-export.mdx', [
    'content/standards/mdx-export.mdx:12  body  import and export statements are not allowed in an entry body; remove the statement; entries may not contain code',
  ]);
  check('mdx-expression.mdx', [
    'content/standards/mdx-expression.mdx:12  body  JavaScript expressions in braces are not allowed in an entry body; write \\{ and \\} for literal braces',
  ]);
  check('mdx-unknown-component.mdx', [
    'content/standards/mdx-unknown-component.mdx:12  body  component <Chart> is not allowed; allowed: <Note>, <abbr>, <Body>, <br>, <sub>, <sup>, <kbd>, <mark>, <small>, <em>, <strong>, <code>, <del>, <ins>, <s>, <q>, <cite>, <dfn>, <var>, <samp>, <details>, <summary>, <dl>, <dt>, <dd>',
  ]);
  check('mdx-script.mdx', [
    'content/standards/mdx-script.mdx:12  body  <script> is not allowed in an entry body: entries may not contain code, embeds or forms',
  ]);
  check('mdx-style.mdx', [
    'content/standards/mdx-style.mdx:12  body  <style> is not allowed in an entry body: entries may not contain code, embeds or forms',
  ]);
  check('mdx-iframe.mdx', [
    'content/standards/mdx-iframe.mdx:12  body  <iframe> is not allowed in an entry body: entries may not contain code, embeds or forms',
  ]);
  check('mdx-event-handler.mdx', [
    'content/standards/mdx-event-handler.mdx:12  body  event handler attribute "onClick" is not allowed on <sub>; remove it; entries may not contain code',
  ]);
  check('mdx-javascript-url.mdx', [
    'content/standards/mdx-javascript-url.mdx:12  body  links must be http(s), mailto or relative, got "javascript:alert(1)"; link to an http(s) page instead',
  ]);
  check('mdx-javascript-url-encoded.mdx', [
    'content/standards/mdx-javascript-url-encoded.mdx:12  body  links must be http(s), mailto or relative, got "javascript:alert(1)"; link to an http(s) page instead',
  ]);
  check('mdx-syntax-unclosed.mdx', [
    'content/standards/mdx-syntax-unclosed.mdx:12  body  MDX syntax error: Expected a closing tag for `<Note>` (1:30-1:36) before the end of `paragraph`; close the element: <Note>…</Note>',
  ]);
  check('yaml-syntax.mdx', ['content/standards/yaml-syntax.mdx:2  -  YAML syntax error: Missing closing "quote']);
  check('duplicate-key.mdx', ['content/standards/duplicate-key.mdx:9  -  a field is given twice (YAML map keys must be unique)']);
  check('no-frontmatter.mdx', [
    'content/standards/no-frontmatter.mdx:1  -  the file must start with YAML frontmatter between two lines of ---; run `npm run new` to start from a valid entry',
  ]);
  check('Bad Name.mdx', [
    'content/standards/Bad Name.mdx:1  id  the file name is the entry id and must use lower-case letters, digits and hyphens (got "Bad Name"); rename the file to bad-name.mdx',
  ]);
  check('not-mdx.md', ['content/standards/not-mdx.md  -  files in content/standards/ must end in .mdx (got ".md"); rename it to not-mdx.mdx']);
  check('wrong-type.mdx', ['content/standards/wrong-type.mdx:9  sectors  wrong type of value (expected a list, e.g. [a, b], got "ports")']);
  check('empty-field.mdx', ['content/standards/empty-field.mdx:9  summary  the field is empty (expected a mapping of fields, got an empty value)']);
});

describe('the result', () => {
  it('reports every problem of every file in one run', async () => {
    const copy = await catalogueCopy(path.join(INVALID, 'unknown-sector.mdx'), path.join(INVALID, 'wrong-enum.mdx'));
    try {
      const result = await loadCatalogue(copy.root);
      expect(result.problems.map((p) => `${p.file} ${p.rule}`)).toEqual([
        'content/standards/unknown-sector.mdx duplicate-code',
        'content/standards/unknown-sector.mdx unknown-id',
        'content/standards/wrong-enum.mdx duplicate-code',
        'content/standards/wrong-enum.mdx invalid-value',
      ]);
      expect(errorCount(result.problems)).toBe(4);
    } finally {
      await copy.dispose();
    }
  });
});
