import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderedAttributes } from './allow-list.ts';
import { ALLOWED_ELEMENTS, checkBody, isSafeBodyUrl, needsFullCheck, renderBody, renderEntryBody } from './index.ts';

describe('renderBody', () => {
  it('renders GFM tables inside a focusable scroll box', () => {
    const { html } = renderBody('| a | b |\n|---|---|\n| 1 | 2 |\n');
    expect(html).toBe(
      '<div class="table-scroll" tabindex="0"><table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n<td>2</td>\n</tr>\n</tbody>\n</table></div>',
    );
  });

  it('demotes headings below the page title and gives them ids by their place in the outline, whatever the language', () => {
    const { html, headings } = renderBody('# 范围\n\n## Key clauses\n');
    expect(html).toBe('<h2 id="s-1">范围</h2>\n<h3 id="s-1-1">Key clauses</h3>');
    expect(headings).toEqual([
      { depth: 2, slug: 's-1', text: '范围' },
      { depth: 3, slug: 's-1-1', text: 'Key clauses' },
    ]);
    const both = renderEntryBody(
      '<Body lang="zh">\n\n## 范围\n\n### 术语\n\n## 关键条款\n\n</Body>\n\n<Body lang="en">\n\n## Scope\n\n### Terms\n\n## Key clauses\n\n</Body>\n',
      'zh',
    );
    expect(both.zh!.headings.map((h) => h.slug)).toEqual(['s-1', 's-1-1', 's-2']);
    expect(both.en!.headings.map((h) => h.slug)).toEqual(both.zh!.headings.map((h) => h.slug));
  });

  it('maps the allow-listed components to plain HTML', () => {
    expect(renderBody('<Note type="warning">Mind **this**.</Note>').html).toBe(
      '<aside class="note note-warning" role="note"><p>Mind <strong>this</strong>.</p></aside>',
    );
    expect(renderBody('<Note>\nOn its own lines.\n</Note>').html).toBe(
      '<aside class="note note-info" role="note"><p>On its own lines.</p></aside>',
    );
    expect(renderBody('Inline <Note>aside</Note> text.').html).toBe(
      '<p>Inline <span class="note note-info note-inline">aside</span> text.</p>',
    );
    expect(renderBody('<details>\n<summary>More</summary>\n\nHidden **text**.\n</details>').html).toBe(
      '<details><summary>More</summary><p>Hidden <strong>text</strong>.</p></details>',
    );
    expect(renderBody('H<sub>2</sub>O and <abbr title="Ultra-reliable low-latency">URLLC</abbr>').html).toBe(
      '<p>H<sub>2</sub>O and <abbr title="Ultra-reliable low-latency">URLLC</abbr></p>',
    );
  });

  it('turns images into links, so nothing loads from the network', () => {
    expect(renderBody('![Figure 1](https://example.org/f.png)').html).toBe(
      '<p><a href="https://example.org/f.png" rel="noopener noreferrer" class="external">[Figure 1]</a></p>',
    );
  });

  it('drops MDX comments and keeps plain text for search', () => {
    const out = renderBody('Before {/* reviewer note */} after, with **bold** text.');
    expect(out.html).toBe('<p>Before  after, with <strong>bold</strong> text.</p>');
    expect(out.text).toBe('Before after, with bold text.');
  });

  it('refuses to render a body that fails the safety rules', () => {
    expect(() => renderBody('<script>alert(1)</script>')).toThrow(/unsafe or invalid body/);
  });
});

describe('isSafeBodyUrl', () => {
  it.each([
    ['https://www.3gpp.org', true],
    ['http://example.org/x', true],
    ['mailto:editor@example.org', true],
    ['#s-scope', true],
    ['../other/', true],
    ['javascript:alert(1)', false],
    ['JaVaScRiPt:alert(1)', false],
    [' javascript:alert(1)', false],
    ['java\tscript:alert(1)', false],
    ['vbscript:x', false],
    ['data:text/html,<b>x</b>', false],
    ['file:///etc/passwd', false],
  ])('%s → %s', (url, safe) => expect(isSafeBodyUrl(url)).toBe(safe));
});

describe('needsFullCheck', () => {
  const fragments = [
    'text ',
    '标准',
    '\n\n',
    '# ',
    '| a |',
    '|---|',
    '**b**',
    '`code`',
    '[link](https://x.org)',
    '[rel](./x)',
    '](',
    ']:',
    '[d]: https://x.org',
    '[e]: javascript:x',
    '<',
    '>',
    '{',
    '}',
    '&#58;',
    '&',
    'import x',
    '\nimport y from "z"\n',
    'export',
    '\nexport const a = 1\n',
    'javascript:',
    '\\:',
    '- item',
    '> quote',
    '<Note>',
    '</Note>',
    '<script>',
    'onClick=',
    '![img](https://x.org/a.png)',
    '[x](java\\script:a)',
    '[x](<javascript:a>)',
    '[x]( javascript:a)',
    '[x]: <javascript:a>',
    '>',
    '> ',
    '1. ',
    '   ',
    '\n- [f]: javascript:y\n',
    '[g]:\njavascript:z',
    '[e]',
  ];
  const body = fc.array(fc.constantFrom(...fragments), { maxLength: 30 }).map((parts) => parts.join(''));

  it('only lets through bodies that a full check also finds safe', () => {
    let skipped = 0;
    fc.assert(
      fc.property(body, (text) => {
        if (needsFullCheck(text)) return;
        skipped++;
        expect(checkBody(text, { full: true })).toEqual([]);
      }),
      { numRuns: 6000 },
    );
    // The property means something only if many bodies took the fast path.
    expect(skipped).toBeGreaterThan(300);
  });

  it('skips the parse for plain prose, tables and http links', () => {
    expect(
      needsFullCheck('## Scope\n\nText with a [link](https://example.org).\n\n| a | b |\n|---|---|\n| 1 | 2 |\n'),
    ).toBe(false);
    expect(needsFullCheck('Latency < 1 ms')).toBe(true);
    expect(needsFullCheck('[x](javascript:alert(1))')).toBe(true);
    expect(needsFullCheck('[x]: javascript:alert(1)')).toBe(true);
  });
});

describe('rendering what hostile or careless markup becomes', () => {
  it('shows a note’s title', () => {
    expect(renderBody('<Note title="Heads up">Body</Note>').html).toBe(
      '<aside class="note note-info" role="note"><p class="note-title"><strong>Heads up</strong></p><p>Body</p></aside>',
    );
  });

  it('keeps footnote links working: the ids they point to survive the sanitiser', () => {
    const { html } = renderBody('Text[^1].\n\n[^1]: The note.');
    const targets = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    const ids = new Set([...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
    expect(targets.length).toBe(2);
    for (const target of targets) expect(ids.has(target)).toBe(true);
    expect(html).toContain('aria-describedby="footnote-label"');
    expect(ids.has('footnote-label')).toBe(true);
  });

  it('shows task-list items as text, with no unlabelled form control', () => {
    expect(renderBody('- [ ] open\n- [x] done').html).toBe('<ul>\n<li>☐ open</li>\n<li>☑ done</li>\n</ul>');
  });

  it('lifts definition lists out of the paragraph MDX wraps them in', () => {
    expect(renderBody('<dl>\n<dt>Term</dt>\n<dd>Definition</dd>\n</dl>').html).toBe(
      '<dl><dt>Term</dt><dd>Definition</dd></dl>',
    );
  });

  it('renders each language block apart', () => {
    const out = renderEntryBody(
      '<Body lang="zh">\n\n## 范围\n\n中文。\n\n</Body>\n\n<Body lang="en">\n\n## Scope\n\nEnglish.\n\n</Body>\n',
      'zh',
    );
    expect(out.zh?.html).toBe('<h2 id="s-1">范围</h2>\n<p>中文。</p>');
    expect(out.en?.html).toBe('<h2 id="s-1">Scope</h2>\n<p>English.</p>');
  });
});

describe('the allow-list', () => {
  it('has no inherited names: an element or attribute named like an object property is refused, not looked up', () => {
    for (const name of ['constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf']) {
      const issues = checkBody(`Text <${name}>x</${name}> more.`, { full: true });
      expect(issues.map((i) => i.rule)).toEqual(['mdx-component']);
    }
    expect(checkBody('<Note constructor="x">y</Note>', { full: true }).map((i) => i.message)).toEqual([
      'attribute "constructor" is not allowed on <Note>; allowed: type, title',
    ]);
  });

  it('gives the sanitiser every attribute the renderer writes, and no other', () => {
    expect(renderBody('Inline <Note title="T">x</Note>.').html).toBe(
      '<p>Inline <span class="note note-info note-inline"><strong>T: </strong>x</span>.</p>',
    );
    expect(renderBody('<Note title="T">\nx\n</Note>').html).toBe(
      '<aside class="note note-info" role="note"><p class="note-title"><strong>T</strong></p><p>x</p></aside>',
    );
  });
});

describe('element structure', () => {
  it('looks through the paragraph MDX wraps around block elements to the element that holds them', () => {
    expect(checkBody('<dl>\n<dt>Term</dt>\n<dd>Meaning</dd>\n</dl>', { full: true })).toEqual([]);
    expect(checkBody('<dl>\n\n<dt>Term</dt> <dd>Meaning</dd>\n\n</dl>', { full: true })).toEqual([]);
    expect(checkBody('> <dt>Term</dt>', { full: true }).map((i) => i.message)).toEqual([
      '<dt> must stand directly inside <dl>',
    ]);
  });
});

describe('the allow-list, rule by rule', () => {
  it('has no prototype to inherit names from', () => {
    expect(Object.getPrototypeOf(ALLOWED_ELEMENTS)).toBeNull();
  });

  it('names every element that would run, embed, load or submit something as such', () => {
    for (const tag of ['script', 'iframe', 'object', 'form', 'svg', 'math', 'template', 'img', 'video', 'canvas'])
      expect(
        checkBody(`<${tag}>x</${tag}>`, { full: true }).map((i) => i.rule),
        tag,
      ).toEqual(['mdx-raw-html']);
  });

  it('takes the sanitiser’s extra attributes from the allow-list and from nothing else', () => {
    expect(renderedAttributes()).toEqual({
      aside: ['className', 'role'],
      span: ['className'],
      p: [['className', 'note-title']],
      abbr: ['title'],
    });
  });

  it('wants <summary> first in <details> and a block element on lines of its own', () => {
    expect(
      checkBody('<details>\n\nText first.\n\n<summary>S</summary>\n</details>', { full: true }).map((i) => i.message),
    ).toEqual(['<summary> must come first inside <details>']);
    expect(checkBody('Text <dl><dt>a</dt><dd>b</dd></dl> more.', { full: true }).map((i) => i.message)).toEqual([
      '<dl> is a block element: put it on lines of its own, not inside a sentence',
    ]);
  });

  it('keeps inline elements inside their paragraph', () => {
    expect(renderBody('<strong>Only</strong>').html).toBe('<p><strong>Only</strong></p>');
  });

  it('reads a URL’s scheme at its start only', () => {
    expect(isSafeBodyUrl('javascript:alert("https://x")')).toBe(false);
    expect(isSafeBodyUrl('/search/?q=TS:22.261')).toBe(true);
  });
});
