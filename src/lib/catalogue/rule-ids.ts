/**
 * Every rule `npm run check` can report, by the id it puts on each problem (`Problem.rule`),
 * with what it guards. The ids are stable: tools and the fixture tests key on them. A rule
 * added here needs a fixture in tests/fixtures/invalid/ that produces it (tests/unit/check-rules.test.ts
 * fails otherwise); a rule reported without being listed here does not type-check.
 */
export const RULES = {
  // Files and folders
  'missing-folder': 'a required folder of content/ is missing',
  'file-name': 'a file name that is not an id or is too long, a wrong extension, a hidden file or a sub-folder',
  'file-link': 'a symbolic link under content/ or public/ that leads outside the repository (or nowhere)',
  frontmatter: 'an entry without YAML frontmatter, or frontmatter that is not a mapping',
  size: 'a file, body, text or list longer than its limit',
  // The term list
  'term-list': 'a term form that names two concepts, or a term that points to a sector or topic that does not exist',
  // YAML
  yaml: 'YAML that cannot be read: a syntax error, a key given twice, a second document',
  'yaml-limit': 'YAML nested or expanded (aliases) beyond the limits',
  // Fields (the zod schemas)
  'unknown-field': 'a field the schema does not know, or a key such as __proto__',
  'missing-field': 'a required field is absent',
  'wrong-type': 'a value of the wrong type (text for a list, …)',
  'invalid-value': 'a value outside its vocabulary or format (enum, date, URL, id, empty text, …)',
  'invalid-entry': 'a rule across fields of one record (an industry entry without a sector, dates out of order, …)',
  'date-format': 'a date not written YYYY-MM-DD (2025-3-15), or a day that does not exist (2025-02-30)',
  'date-future': 'a date more than five years after today: a likely typo',
  'date-early': 'a date before 1980 (warning)',
  'text-characters':
    'a control, direction-changing or invisible character in a text (title, name, summary, note, label, body)',
  // The body
  'mdx-syntax': 'a body the MDX grammar cannot parse',
  'mdx-esm': 'import or export statements in a body',
  'mdx-expression': 'JavaScript expressions: in braces, as an attribute value, or a spread attribute',
  'mdx-raw-html': 'script, style, iframe and other elements that carry code, embeds or forms',
  'mdx-component': 'a component or element outside the allow-list, or a fragment',
  'mdx-event-handler': 'an on* event handler attribute',
  'mdx-attribute': "an attribute outside an element's allow-list, or a value outside its allowed values",
  'mdx-structure': 'an element out of place: a block inside a sentence, <dt> outside <dl>, <summary> not first, …',
  'unsafe-url': 'a link or attribute with a scheme other than http(s), mailto or a root-relative page',
  'body-link': 'a body link that leads to no page, is relative, has no scheme or cannot be decoded',
  'body-nesting': 'a body nested deeper than the limit',
  'body-limit':
    'a body beyond a limit of the renderer: a table too wide or too long, a block with too many lines or markers, too many footnotes',
  'body-language': 'misplaced, unlabelled or repeated <Body lang> blocks',
  'body-one-language': 'a body in one language only (warning)',
  'template-text': 'TODO text left from `npm run new` (warning)',
  // Across entries
  'unknown-id':
    'a sector, topic, issuer, metric or standard id (also in target filters) without a file; matched against ids, names, aliases and the term list',
  'self-link': 'an entry that references, supersedes, relates to or adopts itself',
  'duplicate-link': 'the same id listed twice in references, supersedes or related (warning)',
  'supersedes-cycle': 'supersedes links that form a cycle',
  'status-superseded': 'a replaced standard whose status is still "published" (warning)',
  'duplicate-code': 'two entries with the same designation (after width, case, spacing and look-alike normalisation)',
  'code-spelling': 'a designation with invisible characters or Latin mixed with Cyrillic or Greek look-alikes',
  unit: "a requirement unit that does not convert to its metric's unit",
  'metric-range': "a requirement figure outside its metric's range",
  'requirement-version': 'a requirement row read from a version the entry does not list in `version` or `versions`',
} as const satisfies Record<string, string>;

/** The id of a rule of the check. */
export type RuleId = keyof typeof RULES;

/** Whether a name is the id of a rule (an own key of {@link RULES}, never an inherited one). */
export const isRuleId = (name: unknown): name is RuleId => typeof name === 'string' && Object.hasOwn(RULES, name);
