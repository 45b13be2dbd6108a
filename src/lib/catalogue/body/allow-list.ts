/**
 * What an entry body may contain: the one allow-list of components and HTML elements, with the attributes an
 * author may write and the attributes their rendered HTML carries. The check's element rules and the
 * sanitiser's schema are both derived from it.
 */

import { BODY_LANGS, type Lang } from '../vocabulary.ts';

/** The languages a body can be written in: the catalogue's. */
export type BodyLang = Lang;

/** Both body languages, in the order pages show them. */
export { BODY_LANGS };

/** The element that holds one language's body when an entry carries both: `<Body lang="en">…</Body>`. */
export const LANGUAGE_BLOCK = 'Body';

/** An attribute as rehype-sanitize's schema lists it: a name, or a name with the values it may take. */
export type SanitizedAttribute = string | [string, ...Array<string | RegExp>];

/** What one allowed component or element is, where it may stand and what it renders as. */
export interface ElementRule {
  /** HTML element the component renders as. */
  tag: string;
  /** Attributes an author may write, each with the values it may take (undefined: any text). */
  attributes: Readonly<Record<string, readonly string[] | undefined>>;
  /** Attributes the rendered HTML may carry, per rendered tag; the sanitiser keeps these and no others. */
  html?: Readonly<Record<string, readonly SanitizedAttribute[]>>;
  /** Class given to the rendered element. */
  className?: (attributes: Record<string, string>) => string[];
  /** The element may only stand directly inside one of these (e.g. `<dt>` inside `<dl>`). */
  parents?: readonly string[];
  /** The element may only hold these elements (text aside), e.g. `<dl>` holds `<dt>` and `<dd>`. */
  children?: readonly string[];
  /** The element must be the first thing inside its parent (`<summary>` in `<details>`). */
  first?: boolean;
  /** A block element: on lines of its own, never inside a sentence. */
  block?: boolean;
}

const PLAIN_TAGS = ['br', 'sub', 'sup', 'kbd', 'mark', 'small', 'em', 'strong', 'code', 'del', 'ins', 's', 'q'];
const PLAIN_TAGS_2 = ['cite', 'dfn', 'var', 'samp'];

/**
 * The components and HTML elements an entry body may use, by name. Everything else is rejected. `<Note>` renders a
 * boxed note (a `<span>` inside a sentence, with its title as a first line); the rest are plain HTML without
 * behaviour or attributes (`<abbr>` takes a title). A null-prototype object: no inherited name is an element.
 */
export const ALLOWED_ELEMENTS: Readonly<Record<string, ElementRule>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, ElementRule>, {
    Note: {
      tag: 'aside',
      attributes: { type: ['info', 'warning'], title: undefined },
      html: { aside: ['className', 'role'], span: ['className'], p: [['className', 'note-title']] },
      className: (a: Record<string, string>) => ['note', `note-${a.type ?? 'info'}`],
    },
    abbr: { tag: 'abbr', attributes: { title: undefined }, html: { abbr: ['title'] } },
    // The language blocks of a body in both languages; split off before rendering, never rendered as an element.
    [LANGUAGE_BLOCK]: { tag: 'div', attributes: { lang: BODY_LANGS } },
    // Plain formatting elements, without attributes.
    ...Object.fromEntries([...PLAIN_TAGS, ...PLAIN_TAGS_2].map((tag) => [tag, { tag, attributes: {} }])),
    // Disclosure and definition lists, with the structure HTML gives them.
    details: { tag: 'details', attributes: {}, block: true },
    summary: { tag: 'summary', attributes: {}, block: true, parents: ['details'], first: true },
    dl: { tag: 'dl', attributes: {}, block: true, children: ['dt', 'dd'] },
    dt: { tag: 'dt', attributes: {}, block: true, parents: ['dl'] },
    dd: { tag: 'dd', attributes: {}, block: true, parents: ['dl'] },
  } satisfies Record<string, ElementRule>),
);

/** The rule of an allowed element, or undefined (never an inherited property such as `constructor`: no prototype). */
export function allowedElement(name: string | null | undefined): ElementRule | undefined {
  return name ? ALLOWED_ELEMENTS[name] : undefined;
}

/** Whether an attribute name is one an element's rule allows (own names only). */
export function allowsAttribute(rule: ElementRule, name: string): boolean {
  return Object.hasOwn(rule.attributes, name);
}

/** Rendered elements that may not sit inside a paragraph. */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'aside',
  ...Object.values(ALLOWED_ELEMENTS)
    .filter((r) => r.block)
    .map((r) => r.tag),
]);

/** Elements that would run code, embed, load or submit something: refused as raw HTML, named as such. */
export const RAW_CODE_ELEMENTS: ReadonlySet<string> = new Set(
  (
    'script style iframe frame frameset object embed applet link meta base form input button textarea select svg ' +
    'math template noscript portal img video audio source canvas'
  ).split(' '),
);

const SAFE_SCHEMES = /^(https?:|mailto:)/i;

/** Whether a URL in a body is allowed: http(s), mailto, or relative without a scheme. */
export function isSafeBodyUrl(url: string): boolean {
  // Browsers ignore ASCII whitespace and control characters inside a scheme.
  const cleaned = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  if (SAFE_SCHEMES.test(cleaned)) return true;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned);
  return scheme === null;
}

/** Protocols the rendered HTML may link with. */
export const SAFE_PROTOCOLS = ['http', 'https', 'mailto'] as const;

/**
 * The attributes each rendered tag of the allow-list may carry, merged over every rule: what the sanitiser
 * keeps beyond Markdown's own elements.
 */
export function renderedAttributes(): Record<string, SanitizedAttribute[]> {
  const out: Record<string, SanitizedAttribute[]> = {};
  for (const rule of Object.values(ALLOWED_ELEMENTS))
    for (const [tag, attributes] of Object.entries(rule.html ?? {})) (out[tag] ??= []).push(...attributes);
  return out;
}

/** Every tag the allow-list renders (the sanitiser's element list adds these to Markdown's). */
export function renderedTags(): string[] {
  return [...new Set(Object.values(ALLOWED_ELEMENTS).flatMap((r) => [r.tag, ...Object.keys(r.html ?? {})]))];
}
