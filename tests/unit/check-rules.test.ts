/**
 * One fixture per rule of the check, each with the exact text `npm run check` prints for it.
 * The messages are part of the product: a change to one must be a deliberate change here.
 */
import { cp, mkdir, mkdtemp, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorCount, formatProblem, loadCatalogue, type Problem } from '../../src/lib/catalogue/index.ts';
import { RULES, type RuleId } from '../../src/lib/catalogue/rule-ids.ts';
import { catalogueCopy, FIXTURES } from './helpers.ts';

const INVALID = path.join(FIXTURES, 'invalid');
/** The day the fixtures are checked on. */
const CHECK_TODAY = '2026-11-25';

/**
 * Every way this file makes the check report problems (a fixture, or a catalogue changed by hand), by name, each run
 * once however many tests ask for it: a test of one fixture and the test that every rule has a fixture share it.
 */
const scenarios = new Map<string, () => Promise<Problem[]>>();
const runs = new Map<string, Promise<Problem[]>>();
function scenario(name: string, problems: () => Promise<Problem[]>): () => Promise<Problem[]> {
  scenarios.set(name, problems);
  return () => {
    let run = runs.get(name);
    if (!run) runs.set(name, (run = problems()));
    return run;
  };
}

/** Loads the fixture catalogue plus one invalid fixture (a file, or a folder of files). */
async function problemsWith(fixture: string): Promise<Problem[]> {
  const source = path.join(INVALID, fixture);
  const copy = await catalogueCopy();
  try {
    const target = path.join(copy.root, 'content', 'standards');
    // A folder fixture holds entries, and reference files in sub-folders named after their collection.
    if ((await stat(source)).isDirectory())
      for (const f of await readdir(source, { withFileTypes: true }))
        if (f.isDirectory())
          await cp(path.join(source, f.name), path.join(copy.root, 'content', f.name), { recursive: true });
        else await cp(path.join(source, f.name), path.join(target, f.name));
    else await cp(source, path.join(target, fixture));
    // A fixed today: the rule on dates far ahead names it.
    const result = await loadCatalogue(copy.root, { ...process.env, CATALOGUE_TODAY: CHECK_TODAY });
    return result.problems;
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
  const tested = new Set<string>();
  const check = (fixture: string, expected: string[]) => {
    tested.add(fixture);
    const problems = scenario(fixture, () => problemsWith(fixture));
    it(fixture, async () => {
      expect((await problems()).map(formatProblem)).toEqual(expected);
    });
  };

  it('each fixture in the folder has a test here (a new fixture without one fails)', async () => {
    expect((await readdir(INVALID)).filter((f) => !tested.has(f)).sort()).toEqual([]);
  });

  check('unknown-field.mdx', [
    'content/standards/unknown-field.mdx:9  colour  unknown field "colour" (expected one of code, title, summary, lang, scope, scopeNote, doctype, tier, topics, sectors, body, authority, committee, level, status, key, release, version, versions, dates, references, supersedes, related, adopts, ics, ccs, plan, requirements, sources, updated)',
  ]);
  check('wrong-enum.mdx', [
    'content/standards/wrong-enum.mdx:5  tier  value not allowed (expected one of base | common | industry, got "Industry"); did you mean "industry"?',
  ]);
  check('missing-title-en.mdx', [
    'content/standards/missing-title-en.mdx:3  title.en  missing required field "title.en" (expected text)',
  ]);
  check('missing-code.mdx', [
    'content/standards/missing-code.mdx:1  code  missing required field "code" (expected text)',
  ]);
  check('industry-without-sector.mdx', [
    'content/standards/industry-without-sector.mdx:5  sectors  an industry-tier standard needs at least one sector',
  ]);
  check('unknown-sector.mdx', [
    'content/standards/unknown-sector.mdx:9  sectors[0]  unknown sector "port" (expected an id of a file in content/sectors/); did you mean "ports"?',
  ]);
  // An unknown id is matched against ids, names in both languages, designations, titles and the term list.
  check('unknown-sector-name.mdx', [
    'content/standards/unknown-sector-name.mdx:9  sectors[0]  unknown sector "智慧港口" (expected an id of a file in content/sectors/); did you mean "ports" (智慧港口 · Smart ports)?',
    'content/standards/unknown-sector-name.mdx:9  sectors[1]  unknown sector "Ports" (expected an id of a file in content/sectors/); did you mean "ports"?',
    'content/standards/unknown-sector-name.mdx:9  sectors[2]  unknown sector "smart-ports" (expected an id of a file in content/sectors/); did you mean "ports" (智慧港口 · Smart ports)?',
    'content/standards/unknown-sector-name.mdx:9  sectors[3]  unknown sector "Smart Port" (expected an id of a file in content/sectors/); did you mean "ports" (智慧港口 · Smart ports)?',
  ]);
  check('unknown-sector-term', [
    'content/standards/by-term.mdx:9  sectors[0]  unknown sector "码头" (expected an id of a file in content/sectors/); did you mean "ports" (智慧港口 · Smart ports)?',
    'content/standards/by-term.mdx:9  sectors[1]  unknown sector "harbour" (expected an id of a file in content/sectors/); did you mean "ports" (智慧港口 · Smart ports)?',
  ]);
  check('unknown-sector-nothing-close.mdx', [
    'content/standards/unknown-sector-nothing-close.mdx:9  sectors[0]  unknown sector "aerospace" (expected one of mining, ports, power); use one of these ids, or add content/sectors/aerospace.yaml for a new sector',
    'content/standards/unknown-sector-nothing-close.mdx:9  sectors[1]  unknown sector "智慧交通" (expected one of mining, ports, power); use one of these ids: an id is the file name, in lower-case letters, digits and hyphens',
  ]);
  check('unknown-body-name.mdx', [
    'content/standards/unknown-body-name.mdx:6  body  unknown issuing body "CCSA" (expected an id of a file in content/bodies/); did you mean "ccsa"?',
    'content/standards/unknown-body-name.mdx:7  authority  unknown issuing body "中国通信标准化协会" (expected an id of a file in content/bodies/); did you mean "ccsa" (中国通信标准化协会 · China Communications Standards Association)?',
    'content/standards/unknown-body-name.mdx:10  references[0]  unknown standard "3GPP TS 99.001" (expected an id of a file in content/standards/); did you mean "spec-a" (3GPP TS 99.001 · 测试规范A)?',
    'content/standards/unknown-body-name.mdx:10  references[1]  unknown standard "测试标准B" (expected an id of a file in content/standards/); did you mean "spec-b" (YD/T 9001-2020 · 测试标准B)?',
  ]);
  check('target-sector-name', [
    'content/targets/port-standards.yaml:5  filter.body[0]  unknown issuing body "CCSA" (expected an id of a file in content/bodies/); did you mean "ccsa"?',
    'content/targets/port-standards.yaml:5  filter.sectors[0]  unknown sector "智慧港口" (expected an id of a file in content/sectors/); did you mean "ports" (智慧港口 · Smart ports)?',
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
  // Dates: a day that does not exist, a date not written YYYY-MM-DD (and no second error from comparing it), far
  // ahead (a likely typo), long ago (a warning).
  check('bad-date.mdx', [
    'content/standards/bad-date.mdx:9  dates.published  no such day: 2021-02-30 (expected a day from 01 to 28: 2021-02 has 28 days)',
  ]);
  check('date-not-iso.mdx', [
    'content/standards/date-not-iso.mdx:9  dates.published  not a date written YYYY-MM-DD (expected YYYY-MM-DD with a four-digit year and two-digit month and day, e.g. 2021-06-25, got "2025-3-15"); did you mean "2025-03-15"?',
  ]);
  check('date-far-future.mdx', [
    'content/standards/date-far-future.mdx:9  dates.published  2205-06-01 is more than 5 years after today (2026-11-25): a likely typo (expected a date up to 2031-11-25); check the year against the source',
  ]);
  check('date-before-1980.mdx', [
    'content/standards/date-before-1980.mdx:9  dates.published  warning: 1975-06-01 is before 1980, older than any standard 5G applications usually cite; check the year against the source; if it is right, this warning can stay',
  ]);
  // Every problem of a file in one run: the rules across fields too, though a required field is missing.
  check('missing-code-and-rules.mdx', [
    'content/standards/missing-code-and-rules.mdx:1  code  missing required field "code" (expected text)',
    'content/standards/missing-code-and-rules.mdx:4  sectors  an industry-tier standard needs at least one sector',
    'content/standards/missing-code-and-rules.mdx:8  dates.effective  the effective date 2024-01-01 is before the published date 2024-06-01',
    'content/standards/missing-code-and-rules.mdx:10  requirements[0].id  missing required field "requirements[0].id" (expected text)',
    'content/standards/missing-code-and-rules.mdx:10  requirements[0].min  a range needs min < max, got min 10 and max 5',
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
    'content/standards/mdx-javascript-url.mdx:12  body  links must be http(s), mailto, or a page of the catalogue written from the root, got "javascript:alert(1)"; link to an http(s) page instead',
  ]);
  check('mdx-javascript-url-encoded.mdx', [
    'content/standards/mdx-javascript-url-encoded.mdx:12  body  links must be http(s), mailto, or a page of the catalogue written from the root, got "javascript:alert(1)"; link to an http(s) page instead',
  ]);
  check('mdx-syntax-unclosed.mdx', [
    'content/standards/mdx-syntax-unclosed.mdx:12  body  MDX syntax error: Expected a closing tag for `<Note>` (1:30-1:36) before the end of `paragraph`; close the element: <Note>…</Note>',
  ]);
  // Hostile and careless contributions: each class is refused with file, line and field named.
  check('.hidden-entry.mdx', [
    'content/standards/.hidden-entry.mdx:1  file  hidden files are not read: content/standards/.hidden-entry.mdx would never be published; rename it to hidden-entry.mdx or remove it',
  ]);
  check('block-in-sentence.mdx', [
    'content/standards/block-in-sentence.mdx:14  body  <details> is a block element: put it on lines of its own, not inside a sentence',
    'content/standards/block-in-sentence.mdx:20  body  <details> is a block element: put it on lines of its own, not inside a sentence',
  ]);
  check('body-link-no-page.mdx', [
    'content/standards/body-link-no-page.mdx:14  body  the link "/standards/no-such-entry/" leads to no page of the catalogue: there is no standard "no-such-entry"; link to an existing page, e.g. /standards/<id>/, /sectors/<id>/ or /requirements/<metric>/',
    'content/standards/body-link-no-page.mdx:20  body  the link "/standards/no-such-entry/" leads to no page of the catalogue: there is no standard "no-such-entry"; link to an existing page, e.g. /standards/<id>/, /sectors/<id>/ or /requirements/<metric>/',
  ]);
  check('body-link-protocol-relative.mdx', [
    'content/standards/body-link-protocol-relative.mdx:14  body  the link "//evil.example/path" has no scheme and would lead to another site; write it in full: https://evil.example/path',
    'content/standards/body-link-protocol-relative.mdx:20  body  the link "//evil.example/path" has no scheme and would lead to another site; write it in full: https://evil.example/path',
  ]);
  check('body-link-relative.mdx', [
    'content/standards/body-link-relative.mdx:14  body  the relative link "../spec-a/" resolves differently on every page; link to a page of the catalogue from the root, e.g. /standards/<id>/',
    'content/standards/body-link-relative.mdx:20  body  the relative link "../spec-a/" resolves differently on every page; link to a page of the catalogue from the root, e.g. /standards/<id>/',
  ]);
  check('body-link-undecodable.mdx', [
    'content/standards/body-link-undecodable.mdx:14  body  the link "/standards/%zz/" cannot be decoded (a stray % sign?); write % as %25, or fix the escape',
    'content/standards/body-link-undecodable.mdx:20  body  the link "/standards/%zz/" cannot be decoded (a stray % sign?); write % as %25, or fix the escape',
  ]);
  check('body-nesting.mdx', [
    'content/standards/body-nesting.mdx:14  body  the body nests more than 40 levels deep here (lists, quotes or elements inside each other); flatten the structure',
  ]);
  check('dl-with-text.mdx', [
    'content/standards/dl-with-text.mdx:14  body  <dl> may only hold <dt> and <dd>; put the text inside a <dt> or <dd>',
    'content/standards/dl-with-text.mdx:16  body  <dt> is a block element: put it on lines of its own, not inside a sentence',
    'content/standards/dl-with-text.mdx:16  body  <dt> must stand directly inside <dl>; wrap it: <dl>…<dt>…</dt>…</dl>',
    'content/standards/dl-with-text.mdx:23  body  <dl> may only hold <dt> and <dd>; put the text inside a <dt> or <dd>',
    'content/standards/dl-with-text.mdx:25  body  <dt> is a block element: put it on lines of its own, not inside a sentence',
    'content/standards/dl-with-text.mdx:25  body  <dt> must stand directly inside <dl>; wrap it: <dl>…<dt>…</dt>…</dl>',
  ]);
  check('near-duplicate-lookalike.mdx', [
    'content/standards/near-duplicate-lookalike.mdx:2  code  the designation "3GPP ТS 99.001" is also used by content/standards/spec-a.mdx; each standard has one entry; merge them or correct the designation',
    'content/standards/near-duplicate-lookalike.mdx:2  code  the designation mixes Latin letters with look-alike letters of another script ("Т" U+0422) (got "3GPP ТS 99.001"); write "T" for "Т", in Latin letters',
    'content/standards/spec-a.mdx:2  code  the designation "3GPP TS 99.001" is also used by content/standards/near-duplicate-lookalike.mdx; each standard has one entry; merge them or correct the designation',
  ]);
  check('near-duplicate-spacing.mdx', [
    'content/standards/near-duplicate-spacing.mdx:2  code  the designation "3GPP TS\\u200B99.001" is also used by content/standards/spec-a.mdx; each standard has one entry; merge them or correct the designation',
    'content/standards/near-duplicate-spacing.mdx:2  code  the designation contains characters that show nothing or change the text\'s direction (U+200B, an invisible character) (got "3GPP TS\\u200B99.001"); retype the designation as the issuer prints it',
    'content/standards/spec-a.mdx:2  code  the designation "3GPP TS 99.001" is also used by content/standards/near-duplicate-spacing.mdx; each standard has one entry; merge them or correct the designation',
  ]);
  check('near-duplicate-width.mdx', [
    'content/standards/near-duplicate-width.mdx:2  code  the designation "３GPP TS 99.001" is also used by content/standards/spec-a.mdx; each standard has one entry; merge them or correct the designation',
    'content/standards/spec-a.mdx:2  code  the designation "3GPP TS 99.001" is also used by content/standards/near-duplicate-width.mdx; each standard has one entry; merge them or correct the designation',
  ]);
  check('negative-latency.mdx', [
    'content/standards/negative-latency.mdx:12  requirements[0].value  latency cannot be -1 ms (expected a value from 0 to ∞ ms (content/metrics/latency.yaml, range), got -1 ms); figures of this metric are never negative; check the sign',
  ]);
  check('requirement-version-unlisted.mdx', [
    'content/standards/requirement-version-unlisted.mdx:22  requirements[1].version  the row was read from version "17.3.0", which the entry does not list (expected one of 17.0.0, 17.4.0 (the entry\'s version and versions), got "17.3.0"); add version "17.3.0" to the entry\'s versions (with its date), or name the version the figure was read from',
  ]);
  check('orphan-dt.mdx', [
    'content/standards/orphan-dt.mdx:14  body  <dt> must stand directly inside <dl>; wrap it: <dl>…<dt>…</dt>…</dl>',
    'content/standards/orphan-dt.mdx:20  body  <dt> must stand directly inside <dl>; wrap it: <dl>…<dt>…</dt>…</dl>',
  ]);
  check('proto-key.mdx', ['content/standards/proto-key.mdx:11  __proto__  "__proto__" is not a field name; remove it']);
  check('reference-yaml-aliases', [
    'content/sectors/bomb.yaml:6  x1  the YAML expands to more than 20000 values or 12 levels; aliases (*name) repeat whole blocks; write the values out instead',
  ]);
  check('reference-multi-document', [
    'content/sectors/two-documents.yaml:5  file  the file holds more than one YAML document (a second "---" line); keep one document: remove the extra "---" and what follows it, or merge the fields',
  ]);
  check('reliability-over-100.mdx', [
    'content/standards/reliability-over-100.mdx:12  requirements[0].value  reliability cannot be 100.5 % (expected a value from 0 to 100 % (content/metrics/reliability.yaml, range), got 100.5 %); check the figure and its unit against the source',
  ]);
  check('summary-outside-details.mdx', [
    'content/standards/summary-outside-details.mdx:14  body  <summary> must stand directly inside <details>; wrap it: <details>…<summary>…</summary>…</details>',
    'content/standards/summary-outside-details.mdx:20  body  <summary> must stand directly inside <details>; wrap it: <details>…<summary>…</summary>…</details>',
  ]);
  check('yaml-aliases.mdx', [
    'content/standards/yaml-aliases.mdx:12  x1  the YAML expands to more than 20000 values or 12 levels; aliases (*name) repeat whole blocks; write the values out instead',
  ]);
  check('yaml-nesting.mdx', [
    'content/standards/yaml-nesting.mdx:11  summary  the YAML nests 400 levels deep here; the limit is 12; flatten the structure; no field of the catalogue needs this depth',
  ]);
  // Warnings across entries and in bodies.
  check('duplicate-link.mdx', [
    'content/standards/duplicate-link.mdx:11  references[2]  warning: "spec-a" is listed twice in references',
  ]);
  check('superseded-still-published.mdx', [
    'content/standards/spec-a.mdx:9  status  warning: content/standards/superseded-still-published.mdx supersedes this entry (supersedes[0]) but its status is still "published"; set status: superseded, or remove the supersedes link if both stay in force',
  ]);
  check('template-text.mdx', [
    'content/standards/template-text.mdx:12  body  warning: the entry still has TODO text from `npm run new`; replace it with the scope of the standard in your own words',
  ]);
  check('body-one-language.mdx', [
    'content/standards/body-one-language.mdx:12  body  warning: the body is only in English; the Chinese page shows it with a note; add the translation: wrap the body in <Body lang="en">…</Body> and add <Body lang="zh">…</Body> (see CONTRIBUTING.md)',
  ]);
  check('body-language-misplaced.mdx', [
    'content/standards/body-language-misplaced.mdx:18  body  <Body> needs lang="zh" or lang="en", got "fr"',
    'content/standards/body-language-misplaced.mdx:18  body  lang="fr" on <Body> must be one of "zh", "en"; did you mean "en"?',
    'content/standards/body-language-misplaced.mdx:24  body  a second <Body lang="en"> block; each language has one; merge the two blocks',
    'content/standards/body-language-misplaced.mdx:30  body  text outside the <Body lang="…"> blocks would show in neither language; move it into the <Body> block of its language',
    'content/standards/body-language-misplaced.mdx:32  body  <Body> blocks stand at the top level of the body, not inside other elements',
  ]);
  // Each attribute rule of the body: the allow-list, the allowed values, no spread, no expression, no URL scheme.
  check('mdx-attribute-unknown.mdx', [
    'content/standards/mdx-attribute-unknown.mdx:12  body  attribute "class" is not allowed on <abbr>; allowed: title',
  ]);
  check('mdx-attribute-value.mdx', [
    'content/standards/mdx-attribute-value.mdx:14  body  type="danger" on <Note> must be one of "info", "warning"',
  ]);
  check('mdx-attribute-spread.mdx', [
    'content/standards/mdx-attribute-spread.mdx:12  body  spread attributes {…} are not allowed on <abbr>',
  ]);
  check('mdx-attribute-expression.mdx', [
    'content/standards/mdx-attribute-expression.mdx:12  body  attribute "title" of <abbr> is a JavaScript expression; write it as text: title="…"',
  ]);
  check('mdx-attribute-url.mdx', [
    'content/standards/mdx-attribute-url.mdx:12  body  attribute "title" of <abbr> holds a javascript: URL',
  ]);
  check('mdx-fragment.mdx', [
    'content/standards/mdx-fragment.mdx:12  body  fragments (<>…</>) are not allowed in an entry body; remove the <> and </>',
  ]);
  check('text-too-long.mdx', [
    'content/standards/text-too-long.mdx:4  summary.en  too long: 3001 characters; the limit is 3000; shorten it; the full text belongs in the standard itself',
  ]);
  // Characters, renderer limits, id length and names (issue 27).
  check('text-bidi-title.mdx', [
    'content/standards/text-bidi-title.mdx:3  title.en  the text holds U+202E, a direction control, which reorders the text after it, at character 6; delete it: retype the text around it, or paste it as plain text',
    'content/standards/text-bidi-title.mdx:11  summary.en  the text holds U+001B, a control character, at character 6; delete it: retype the text around it, or paste it as plain text',
  ]);
  check('body-control-characters.mdx', [
    'content/standards/body-control-characters.mdx:14  body  the body holds U+200B, an invisible character; delete it: retype the text around it, or paste it as plain text',
    'content/standards/body-control-characters.mdx:20  body  the body holds U+202E, a direction control, which reorders the text after it; delete it: retype the text around it, or paste it as plain text',
  ]);
  check('code-invisible.mdx', [
    'content/standards/code-invisible.mdx:2  code  the designation contains characters that show nothing or change the text\'s direction (U+202E, a direction control, which reorders the text after it; U+E0041, a tag character, which shows nothing) (got "YD/T 3627\\u202E-2019\\u{E0041}"); retype the designation as the issuer prints it',
  ]);
  check('code-lookalike-scripts.mdx', [
    'content/standards/code-lookalike-scripts.mdx:2  code  the designation mixes Latin letters with look-alike letters of another script ("Ι" U+0399, "Օ" U+0555) (got "ΙEC 6Օ443"); write "I" for "Ι", "O" for "Օ", in Latin letters',
  ]);
  check('body-table-wide.mdx', [
    'content/standards/body-table-wide.mdx:14  body  the table has 60 columns; the limit is 50 columns; split the table, or leave out what the standard itself lists',
  ]);
  check('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.mdx', [
    'content/standards/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.mdx:1  id  the file name is the entry id, and it is 81 characters long; the limit is 80 (each id names files of the built site, and file systems limit the length of a name); rename the file to a shorter id, e.g. aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.mdx',
  ]);
  check('issuer-name-clash', [
    'content/bodies/ports-authority.yaml:2  short  "Smart Ports" names both sector "ports" (content/sectors/ports.yaml, name.en) and issuer "ports-authority"; search could not tell which is meant; give the two records names that differ',
  ]);
  // Folders and the reference YAML.
  check('sub-folder', [
    'content/standards/drafts  file  content/standards/ holds one file per record; sub-folders are not read; move its files up into content/standards/',
  ]);
  check('reference-bad-name', [
    'content/sectors/Sea Ports.yaml:1  id  the file name is the id and must use lower-case letters, digits and hyphens (got "Sea Ports"); rename the file to sea-ports.yaml',
  ]);
  check('metric-lists-own-unit', [
    'content/metrics/jitter.yaml:3  units.ms  the canonical unit "ms" converts to itself; remove it from units',
  ]);
  check('target-unknown-ids', [
    'content/targets/port-standards.yaml:5  filter.body[0]  unknown issuing body "3gp" (expected an id of a file in content/bodies/); did you mean "3gpp"?',
    'content/targets/port-standards.yaml:5  filter.sectors[0]  unknown sector "port" (expected an id of a file in content/sectors/); did you mean "ports"?',
    'content/targets/port-standards.yaml:5  filter.topics[0]  unknown topic "networks" (expected an id of a file in content/topics/); did you mean "network"?',
  ]);
  check('target-empty-window', [
    'content/targets/recent.yaml:5  filter.published  value not allowed (expected a window with from, to or both (YYYY-MM-DD), got a mapping)',
  ]);
  check('term-without-source', [
    'content/terms/network-slice.yaml:3  sources  no source shows the Chinese term "网络切片": add one with shows: [zh], or a note saying none was found',
  ]);
  check('term-avoids-preferred', [
    'content/terms/edge-computing.yaml:3  avoid.en[0]  "edge" is part of the preferred term or an alias, so no body could use the preferred term',
  ]);
  check('term-names-two-concepts', [
    'content/terms/harbour.yaml:3  aliases.en[0]  "Smart ports" names both sector "ports" (content/sectors/ports.yaml, name.en) and term "harbour"; search could not tell which is meant; keep the form in one term only',
  ]);
  check('yaml-syntax.mdx', ['content/standards/yaml-syntax.mdx:2  code  YAML syntax error: Missing closing "quote']);
  check('duplicate-key.mdx', [
    'content/standards/duplicate-key.mdx:9  tier  a field is given twice (YAML map keys must be unique)',
  ]);
  check('no-frontmatter.mdx', [
    'content/standards/no-frontmatter.mdx:1  frontmatter  the file must start with YAML frontmatter between two lines of ---; run `npm run new` to start from a valid entry',
  ]);
  check('Bad Name.mdx', [
    'content/standards/Bad Name.mdx:1  id  the file name is the entry id and must use lower-case letters, digits and hyphens (got "Bad Name"); rename the file to bad-name.mdx',
  ]);
  check('not-mdx.md', [
    'content/standards/not-mdx.md  file  files in content/standards/ must end in .mdx (got ".md"); rename it to not-mdx.mdx',
  ]);
  check('wrong-type.mdx', [
    'content/standards/wrong-type.mdx:9  sectors  wrong type of value (expected a list, e.g. [a, b], got "ports")',
  ]);
  check('empty-field.mdx', [
    'content/standards/empty-field.mdx:9  summary  the field is empty (expected a mapping of fields, got an empty value)',
  ]);
});

describe('a required folder', () => {
  const withoutMetrics = scenario('(content/metrics removed)', async () => {
    const copy = await catalogueCopy(path.join(INVALID, 'unknown-topic.mdx'));
    try {
      await rm(path.join(copy.root, 'content', 'metrics'), { recursive: true });
      return (await loadCatalogue(copy.root)).problems;
    } finally {
      await copy.dispose();
    }
  });
  it('is reported when missing, and the rest of the catalogue is still checked', async () => {
    const problems = await withoutMetrics();
    expect(problems.filter((p) => p.rule === 'missing-folder').map(formatProblem)).toEqual([
      'content/metrics  folder  the folder content/metrics/ is missing',
    ]);
    expect(problems.some((p) => p.file === 'content/standards/unknown-topic.mdx' && p.rule === 'unknown-id')).toBe(
      true,
    );
  });
});

describe('symbolic links', () => {
  // Links that leave the repository: an entry, a whole collection folder and a public file; and links that stay.
  const linked = scenario('(symbolic links under content/ and public/)', async () => {
    const copy = await catalogueCopy();
    const outside = await mkdtemp(path.join(tmpdir(), 'outside-'));
    try {
      await writeFile(path.join(outside, 'secret.mdx'), '---\ncode: "SECRET"\n---\n');
      await mkdir(path.join(outside, 'topics'));
      const content = path.join(copy.root, 'content');
      await symlink(path.join(outside, 'secret.mdx'), path.join(content, 'standards', 'leak.mdx'));
      await rm(path.join(content, 'topics'), { recursive: true });
      await symlink(path.join(outside, 'topics'), path.join(content, 'topics'));
      await mkdir(path.join(copy.root, 'public', 'img'), { recursive: true });
      await symlink('/etc/hostname', path.join(copy.root, 'public', 'leak.txt'));
      await symlink(path.join(outside, 'topics'), path.join(copy.root, 'public', 'img', 'folder'));
      await symlink(path.join(copy.root, 'nowhere'), path.join(copy.root, 'public', 'dangling'));
      // Links that stay inside the repository are read and published as the files they lead to.
      await writeFile(path.join(copy.root, 'public', 'img', 'a.svg'), '<svg/>');
      await symlink(path.join(copy.root, 'public', 'img', 'a.svg'), path.join(copy.root, 'public', 'b.svg'));
      await symlink(path.join(content, 'standards', 'spec-a.mdx'), path.join(content, 'standards', 'spec-a-copy.mdx'));
      return (await loadCatalogue(copy.root)).problems;
    } finally {
      await copy.dispose();
      await rm(outside, { recursive: true, force: true });
    }
  });
  it('are refused when they leave the repository, named by their place; those that stay are read', async () => {
    const problems = await linked();
    expect(problems.filter((p) => p.rule === 'file-link').map(formatProblem)).toEqual([
      'content/standards/leak.mdx  file  content/standards/leak.mdx is a symbolic link to something outside the repository (or to nothing); the catalogue reads and publishes only its own files; replace the link with the file itself, or remove it',
      'content/topics  file  content/topics/ is a symbolic link to something outside the repository (or to nothing); the catalogue reads and publishes only its own files; replace the link with the file itself, or remove it',
      'public/dangling  file  public/dangling is a symbolic link to something outside the repository (or to nothing); the catalogue reads and publishes only its own files; replace the link with the file itself, or remove it',
      'public/img/folder  file  public/img/folder is a symbolic link to something outside the repository (or to nothing); the catalogue reads and publishes only its own files; replace the link with the file itself, or remove it',
      'public/leak.txt  file  public/leak.txt is a symbolic link to something outside the repository (or to nothing); the catalogue reads and publishes only its own files; replace the link with the file itself, or remove it',
    ]);
    // The copy of spec-a (a link inside the repository) was read: its designation is spec-a's.
    expect(problems.some((p) => p.rule === 'duplicate-code' && p.file === 'content/standards/spec-a-copy.mdx')).toBe(
      true,
    );
  });
});

describe('the rule table', () => {
  it('has every rule produced by some scenario of this file (one fixture per rule)', async () => {
    const produced = new Set<RuleId>();
    for (const [name, problems] of scenarios) {
      const run = runs.get(name) ?? problems();
      for (const p of await run) produced.add(p.rule);
    }
    expect(Object.keys(RULES).filter((rule) => !produced.has(rule as RuleId))).toEqual([]);
  });
});

describe('an unknown id when nothing is close and there are more than twenty ids', () => {
  const manySectors = scenario('(28 sectors)', async () => {
    const copy = await catalogueCopy(path.join(INVALID, 'unknown-sector-nothing-close.mdx'));
    try {
      for (let i = 1; i <= 25; i++) {
        const id = `sector-${String(i).padStart(2, '0')}`;
        await writeFile(
          path.join(copy.root, 'content', 'sectors', `${id}.yaml`),
          `name: { zh: 行业${i}, en: Sector ${i} }\narticle: 7\norder: ${i + 3}\ndescription: { zh: 测试。, en: A test. }\n`,
        );
      }
      return (await loadCatalogue(copy.root, { ...process.env, CATALOGUE_TODAY: CHECK_TODAY })).problems;
    } finally {
      await copy.dispose();
    }
  });
  it('lists the first twenty and says where the rest are', async () => {
    expect((await manySectors()).map(formatProblem).filter((line) => line.includes('"aerospace"'))).toEqual([
      'content/standards/unknown-sector-nothing-close.mdx:9  sectors[0]  unknown sector "aerospace" (expected an id of a file in content/sectors/, e.g. mining, ports, power, sector-01, sector-02, sector-03, sector-04, sector-05, sector-06, sector-07, sector-08, sector-09, sector-10, sector-11, sector-12, sector-13, sector-14, sector-15, sector-16, sector-17 and 8 more (the file names in content/sectors/)); use one of these ids, or add content/sectors/aerospace.yaml for a new sector',
    ]);
  });
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
