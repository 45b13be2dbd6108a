/**
 * Concepts that search knows by several names: the term list (content/terms: preferred Chinese
 * and English terms and their search aliases) and the names of sectors, topics and issuers.
 *
 * Index time: every record gets one token per concept it mentions (in any of its forms, in the
 * region where it is mentioned: title, summary or body) and per sector, topic and issuer it is
 * filed under. Query time: a query word or word sequence that is one of a concept's forms is
 * searched as that token, so `URLLC`, `超可靠低时延` and `ultra-reliable low-latency` meet, and
 * `smart grid` finds every standard of the power sector.
 */

/** `metric`: a requirement metric, whose name offers its requirements page but is searched as the words typed. */
export type ConceptKind = 'term' | 'sector' | 'topic' | 'body' | 'metric';

export interface Concept {
  /** The index token: one word pagefind keeps as it is (`kxturllckx`). */
  key: string;
  kind: ConceptKind;
  id: string;
  /** Every form that names it, as written (for matching and for highlighting). */
  forms: string[];
  /** Path of its page under the language root, for sectors, topics and issuers: `sectors/power/`. */
  page?: string;
  /** Its name in each language, for sectors, topics and issuers. */
  name?: { zh: string; en: string };
}

/** What the concepts are built from (the catalogue's reference data). */
export interface ConceptSources {
  terms: Array<{
    id: string;
    data: { zh: string; en: string; aliases: { zh: string[]; en: string[] }; sector?: string; topic?: string };
  }>;
  sectors: Array<{ id: string; data: { name: { zh: string; en: string } } }>;
  topics: Array<{ id: string; data: { name: { zh: string; en: string } } }>;
  bodies: Array<{ id: string; data: { name: { zh: string; en: string }; short: string } }>;
}

const HAN = /\p{Script=Han}/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const KIND_LETTER: Record<ConceptKind, string> = { term: 't', sector: 's', topic: 'o', body: 'b', metric: 'm' };

/** The index token of a concept. */
export const conceptKey = (kind: ConceptKind, id: string) =>
  `kx${KIND_LETTER[kind]}${id.toLowerCase().replace(/[^a-z0-9]/g, '')}kx`;

/** Tokens in indexed text that are concept keys (removed before text is shown). */
export const CONCEPT_KEY = /\bkx[a-z0-9]+kx\b/g;

/** Tokens in indexed text that open an entry's body in each language, so that excerpts can come from the reader's. */
export const BODY_MARK = { zh: 'kxlzhkx', en: 'kxlenkx' } as const;

/** A form as it is compared: NFKC, lower case, dashes, slashes and underscores as spaces, single spaces. */
export function normForm(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\-‐‑‒–—_/·]+/g, ' ')
    .trim();
}

/** Builds the concepts: one per term (unless it names a sector or topic), sector, topic and issuer. */
export function buildConcepts(src: ConceptSources): Concept[] {
  const concepts: Concept[] = [];
  const byPlace = new Map<string, Concept>();
  for (const s of src.sectors) {
    const c: Concept = {
      key: conceptKey('sector', s.id),
      kind: 'sector',
      id: s.id,
      forms: [s.data.name.zh, s.data.name.en],
      page: `sectors/${s.id}/`,
      name: s.data.name,
    };
    byPlace.set(`sector:${s.id}`, c);
    concepts.push(c);
  }
  for (const t of src.topics) {
    const c: Concept = {
      key: conceptKey('topic', t.id),
      kind: 'topic',
      id: t.id,
      forms: [t.data.name.zh, t.data.name.en],
      page: `topics/${t.id}/`,
      name: t.data.name,
    };
    byPlace.set(`topic:${t.id}`, c);
    concepts.push(c);
  }
  for (const b of src.bodies) {
    concepts.push({
      key: conceptKey('body', b.id),
      kind: 'body',
      id: b.id,
      forms: [b.data.name.zh, b.data.name.en, b.data.short],
      page: `bodies/${b.id}/`,
      name: b.data.name,
    });
  }
  for (const t of src.terms) {
    const forms = [t.data.zh, t.data.en, ...t.data.aliases.zh, ...t.data.aliases.en];
    const place = t.data.sector
      ? byPlace.get(`sector:${t.data.sector}`)
      : t.data.topic
        ? byPlace.get(`topic:${t.data.topic}`)
        : undefined;
    if (place) place.forms.push(...forms);
    else concepts.push({ key: conceptKey('term', t.id), kind: 'term', id: t.id, forms });
  }
  for (const c of concepts)
    c.forms = [...new Map(c.forms.map((f) => [normForm(f), f])).values()].filter((f) => normForm(f).length >= 2);
  return concepts;
}

/** The metrics as concepts that name a page (`requirements/<id>/`): never indexed, only offered when a query names one. */
export function metricConcepts(
  metrics: ReadonlyArray<{ id: string; data: { name: { zh: string; en: string } } }>,
): Concept[] {
  return metrics.map((m) => ({
    key: conceptKey('metric', m.id),
    kind: 'metric',
    id: m.id,
    forms: [m.data.name.zh, m.data.name.en],
    page: `requirements/${m.id}/`,
    name: m.data.name,
  }));
}

/** Finds concept forms in text, in one pass over it. */
export class ConceptMatcher {
  /** Normalized form → concepts it names. */
  readonly byForm = new Map<string, Concept[]>();
  /** First two characters of a normalized form → the forms starting with them. */
  private readonly byStart = new Map<string, string[]>();

  readonly concepts: readonly Concept[];
  /** Characters (code points) of the longest normalised form: no longer run of text can name a concept. */
  readonly longestForm: number = 0;
  /** Concepts that only name a page (metrics): a query that names one is offered the page, and searched as typed. */
  readonly pagesOnly: readonly Concept[];

  constructor(concepts: readonly Concept[]) {
    this.concepts = concepts.filter((c) => c.kind !== 'metric');
    this.pagesOnly = concepts.filter((c) => c.kind === 'metric');
    for (const c of this.concepts) {
      for (const form of c.forms) {
        const f = normForm(form);
        this.longestForm = Math.max(this.longestForm, Array.from(f).length);
        const list = this.byForm.get(f);
        if (list) {
          if (!list.includes(c)) list.push(c);
          continue;
        }
        this.byForm.set(f, [c]);
        const start = f.slice(0, 2);
        const starts = this.byStart.get(start) ?? [];
        starts.push(f);
        this.byStart.set(start, starts);
      }
    }
    for (const list of this.byStart.values()) list.sort((a, b) => b.length - a.length);
  }

  /** The forms found in `text` (normalized), longest first at each position. */
  formsIn(text: string): Set<string> {
    const t = normForm(text);
    const found = new Set<string>();
    for (let i = 0; i < t.length - 1; i++) {
      const ch = t[i]!;
      const han = HAN.test(ch);
      // Latin forms start at a word start; Han forms anywhere.
      if (!han && (!WORD_CHAR.test(ch) || (i > 0 && WORD_CHAR.test(t[i - 1]!) && !HAN.test(t[i - 1]!)))) continue;
      const candidates = this.byStart.get(t.slice(i, i + 2));
      if (!candidates) continue;
      for (const f of candidates) {
        if (!t.startsWith(f, i)) continue;
        const last = f[f.length - 1]!;
        const next = t[i + f.length];
        if (next !== undefined && !HAN.test(last) && WORD_CHAR.test(last) && WORD_CHAR.test(next) && !HAN.test(next))
          continue;
        found.add(f);
        break;
      }
    }
    return found;
  }

  /** The keys of the concepts mentioned in `text`. */
  keysIn(text: string): Set<string> {
    const keys = new Set<string>();
    for (const f of this.formsIn(text)) for (const c of this.byForm.get(f)!) keys.add(c.key);
    return keys;
  }

  /** The concepts a form names exactly (normalized comparison). */
  named(form: string): Concept[] {
    return this.byForm.get(normForm(form)) ?? [];
  }
}

/** The concepts as the search page needs them, small: `[kind:id, forms]` (key, page and names follow from them). */
export type PageConcept = [string, string[]];

const PAGE_FOLDER: Partial<Record<ConceptKind, string>> = {
  sector: 'sectors',
  topic: 'topics',
  body: 'bodies',
  metric: 'requirements',
};

export const toPageConcepts = (concepts: readonly Concept[]): PageConcept[] =>
  concepts.map((c) => [`${c.kind}:${c.id}`, c.forms]);

export const fromPageConcepts = (list: readonly PageConcept[]): Concept[] =>
  list.map(([ref, forms]) => {
    const [kind, id] = ref.split(':') as [ConceptKind, string];
    const folder = PAGE_FOLDER[kind];
    // Sectors, topics, issuers and metrics list their Chinese and English names first.
    return {
      key: conceptKey(kind, id),
      kind,
      id,
      forms,
      ...(folder ? { page: `${folder}/${id}/`, name: { zh: forms[0] ?? id, en: forms[1] ?? id } } : {}),
    };
  });

/** A problem of the term list as search uses it, for `npm run check`. */
export interface TermProblem {
  /** The collection of the file to fix: the term list, or the sector, topic or issuer whose name is at stake. */
  collection: 'terms' | 'sectors' | 'topics' | 'bodies';
  /** The file's id. */
  id: string;
  /** The field holding the form (`aliases.en[0]`, `name.zh`, `short`). */
  field: string;
  message: string;
  suggestion: string;
}

/**
 * What makes the term list unusable for search: a sector or topic that does not exist, and a form
 * (after normalisation) that names two different concepts, which would make a query ambiguous.
 */
export function termProblems(src: ConceptSources): TermProblem[] {
  const problems: TermProblem[] = [];
  const sectors = new Set(src.sectors.map((s) => s.id));
  const topics = new Set(src.topics.map((t) => t.id));
  for (const t of src.terms) {
    if (t.data.sector && !sectors.has(t.data.sector))
      problems.push({
        collection: 'terms',
        id: t.id,
        field: 'sector',
        message: `sector "${t.data.sector}" does not exist`,
        suggestion: `use one of: ${[...sectors].join(', ')}`,
      });
    if (t.data.topic && !topics.has(t.data.topic))
      problems.push({
        collection: 'terms',
        id: t.id,
        field: 'topic',
        message: `topic "${t.data.topic}" does not exist`,
        suggestion: `use one of: ${[...topics].join(', ')}`,
      });
  }
  // Every form with the file and field it is written in, in the order records are read: a clash is reported on
  // the later one (a term clashing with a sector name, on the term), naming the field that holds the form.
  const forms: Array<{ form: string; concept: string; at: Omit<TermProblem, 'message' | 'suggestion'> }> = [];
  const named = (collection: TermProblem['collection'], id: string, list: Array<[string, string]>, concept: string) =>
    list.forEach(([field, form]) => forms.push({ form, concept, at: { collection, id, field } }));
  for (const s of src.sectors)
    named(
      'sectors',
      s.id,
      [
        ['name.zh', s.data.name.zh],
        ['name.en', s.data.name.en],
      ],
      `sector "${s.id}"`,
    );
  for (const t of src.topics)
    named(
      'topics',
      t.id,
      [
        ['name.zh', t.data.name.zh],
        ['name.en', t.data.name.en],
      ],
      `topic "${t.id}"`,
    );
  for (const b of src.bodies)
    named(
      'bodies',
      b.id,
      [
        ['name.zh', b.data.name.zh],
        ['name.en', b.data.name.en],
        ['short', b.data.short],
      ],
      `issuer "${b.id}"`,
    );
  for (const t of src.terms) {
    // A term that names a sector or topic is another name of it; one whose sector or topic is missing is reported above.
    const concept =
      t.data.sector !== undefined
        ? sectors.has(t.data.sector)
          ? `sector "${t.data.sector}"`
          : undefined
        : t.data.topic !== undefined
          ? topics.has(t.data.topic)
            ? `topic "${t.data.topic}"`
            : undefined
          : `term "${t.id}"`;
    if (concept === undefined) continue;
    named(
      'terms',
      t.id,
      [
        ['zh', t.data.zh],
        ['en', t.data.en],
        ...t.data.aliases.zh.map((f, i): [string, string] => [`aliases.zh[${i}]`, f]),
        ...t.data.aliases.en.map((f, i): [string, string] => [`aliases.en[${i}]`, f]),
      ],
      concept,
    );
  }
  const owner = new Map<string, (typeof forms)[number]>();
  for (const entry of forms) {
    const f = normForm(entry.form);
    if (f.length < 2) continue;
    const other = owner.get(f);
    if (!other) owner.set(f, entry);
    else if (other.concept !== entry.concept)
      problems.push({
        ...entry.at,
        message: `"${entry.form}" names both ${other.concept} (content/${other.at.collection}/${other.at.id}.yaml, ${other.at.field}) and ${entry.concept}; search could not tell which is meant`,
        suggestion:
          entry.at.collection === 'terms' ? 'keep the form in one term only' : 'give the two records names that differ',
      });
  }
  return problems;
}
