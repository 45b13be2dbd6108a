/**
 * The sanitiser is the second line behind the check: whatever reached it, it keeps only what the allow-list renders.
 * These tests hand it HTML the check would refuse, to show that the second line holds on its own.
 */
import { fromHtml } from 'hast-util-from-html';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { SANITIZE_SCHEMA, renderBody, renderEntryBody } from './index.ts';

const sanitizer = unified().use(rehypeSanitize, SANITIZE_SCHEMA).use(rehypeStringify).freeze();
const sanitize = (html: string) => sanitizer.stringify(sanitizer.runSync(fromHtml(html, { fragment: true })));

describe('the sanitiser on its own', () => {
  it('drops ids and names an author could choose, which could clobber the page’s own', () => {
    expect(sanitize('<p id="main" name="x" title="t">a</p>')).toBe('<p title="t">a</p>');
  });

  it('keeps the ids and references of footnotes, and no other id', () => {
    expect(sanitize('<li id="user-content-fn-12">a</li>')).toBe('<li id="user-content-fn-12">a</li>');
    expect(sanitize('<a id="user-content-fnref-note-1" href="#x">a</a>')).toBe(
      '<a id="user-content-fnref-note-1" href="#x">a</a>',
    );
    for (const id of [
      'x-user-content-fn-1',
      'user-content-fn-1 main',
      'user-content-fn-',
      'xfootnote-label',
      'footnote-label-x',
    ])
      expect(sanitize(`<li id="${id}">a</li>`)).toBe('<li>a</li>');
    expect(sanitize('<h2 id="footnote-label" class="sr-only">Notes</h2>')).toBe(
      '<h2 id="footnote-label" class="sr-only">Notes</h2>',
    );
    // A value the schema does not allow is emptied (an empty class or description means nothing).
    expect(sanitize('<h2 id="user-content-footnote-label" class="big">Notes</h2>')).toBe(
      '<h2 id="user-content-footnote-label" class="">Notes</h2>',
    );
  });

  it('keeps a footnote reference’s description and back-link marks, and no other description', () => {
    expect(
      sanitize(
        '<a href="#user-content-fn-1" aria-describedby="footnote-label" data-footnote-ref="">1</a><a href="#r" class="data-footnote-backref" data-footnote-backref="">↩</a>',
      ),
    ).toBe(
      '<a href="#user-content-fn-1" aria-describedby="footnote-label" data-footnote-ref="">1</a><a href="#r" class="data-footnote-backref" data-footnote-backref="">↩</a>',
    );
    expect(sanitize('<a href="#x" aria-describedby="main">a</a>')).toBe('<a href="#x" aria-describedby="">a</a>');
    expect(sanitize('<li class="task-list-item">a</li>')).toBe('<li class="task-list-item">a</li>');
  });

  it('keeps no form control and no link to any scheme but http, https and mailto', () => {
    expect(sanitize('<p><input type="checkbox" checked>a</p>')).toBe('<p>a</p>');
    expect(sanitize('<a href="https://e.org/">a</a><a href="mailto:a@e.org">b</a>')).toBe(
      '<a href="https://e.org/">a</a><a href="mailto:a@e.org">b</a>',
    );
    for (const href of ['javascript:alert(1)', 'xmpp:a@e.org', 'irc://e.org/x', 'data:text/html,x'])
      expect(sanitize(`<a href="${href}">a</a>`)).toBe('<a>a</a>');
  });
});

describe('what rendering adds', () => {
  it('marks links that leave the site, and only those', () => {
    expect(renderBody('[a](https://e.org/) [b](http://e.org/) [c](/search/?q=https:x) [d](mailto:a@e.org)').html).toBe(
      '<p><a href="https://e.org/" rel="noopener noreferrer" class="external">a</a> <a href="http://e.org/" rel="noopener noreferrer" class="external">b</a> <a href="/search/?q=https:x">c</a> <a href="mailto:a@e.org">d</a></p>',
    );
  });

  it('numbers sections by their place, below the page’s h1, and leaves a body without h1 at its levels', () => {
    const shifted = renderBody('# A\n\n## B\n\n# C\n');
    expect(shifted.headings).toEqual([
      { depth: 2, slug: 's-1', text: 'A' },
      { depth: 3, slug: 's-1-1', text: 'B' },
      { depth: 2, slug: 's-2', text: 'C' },
    ]);
    expect(renderBody('## A\n\n### B\n').html).toBe('<h2 id="s-1">A</h2>\n<h3 id="s-1-1">B</h3>');
  });

  it('lets a wide table scroll in its own frame', () => {
    expect(renderBody('| a |\n|---|\n| 1 |\n').html).toMatch(/^<div class="table-scroll" tabindex="0"><table>/);
  });

  it('gives search the body’s words with single spaces', () => {
    expect(renderBody('First  line\n\nsecond\tline').text).toBe('First line second line');
  });

  it('says which line of a body it refuses, and renders a body in one language as that language', () => {
    expect(() => renderBody('Fine.\n\n<script>alert(1)</script>')).toThrow(/^unsafe or invalid body: line 3: /);
    expect(renderEntryBody('<Body lang="en">\n\nOnly English.\n\n</Body>\n', 'en').en?.text).toBe('Only English.');
  });

  it('labels footnotes in the body’s own language, each back-link by its number', () => {
    const zh = renderBody('Text[^1] and[^2].\n\n[^1]: One.\n[^2]: Two.').html;
    expect(zh).toContain('<h2 class="sr-only" id="footnote-label">脚注</h2>');
    expect(zh).toContain('aria-label="返回引用 1"');
    expect(zh).toContain('aria-label="返回引用 2"');
    const en = renderEntryBody('Text[^1].\n\n[^1]: One.', 'en').en?.html;
    expect(en).toContain('<h2 class="sr-only" id="footnote-label">Footnotes</h2>');
    expect(en).toContain('aria-label="Back to reference 1"');
  });

  it('keeps a body that starts below h2 at its own levels', () => {
    expect(renderBody('### A\n\n#### B').html).toBe('<h3 id="s-0-1">A</h3>\n<h4 id="s-0-1-1">B</h4>');
  });

  it('names every line it refuses, and a body it cannot parse', () => {
    expect(() => renderBody('<script>a</script>\n\n<iframe></iframe>')).toThrow(
      /^unsafe or invalid body: line 1: <script> .*; line 3: <iframe> /,
    );
    expect(() => renderBody('<Note>\nunclosed')).toThrow(/^unsafe or invalid body: line 1: MDX syntax error/);
  });
});
