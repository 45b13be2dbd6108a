/**
 * How text becomes search terms, shared by the index build and the search page so that both
 * sides agree. Two problems are solved here rather than left to pagefind:
 *
 * - Chinese: pagefind segments Chinese into words with one segmenter when indexing and the
 *   browser's with another when searching, so a phrase inside a longer run is often missed or
 *   diluted (measured here: precision 0.62 on random 2-6 character phrases). Indexing every
 *   Han run as overlapping character pairs and searching for the pairs as a quoted phrase
 *   gives exact substring matching (precision and recall 1.0 on the same phrases).
 * - Designations: engineers type `23.501`, `TS 23.501`, `23501`, `YD/T 3627`, `ydt3627` or
 *   full-width forms. Each entry is indexed with compact forms of its designation, and a query
 *   that looks like one is searched in the same compact form.
 */

const HAN_RUN = /\p{Script=Han}+/gu;
const HAS_HAN = /\p{Script=Han}/u;

/** NFKC (full-width to ASCII), lower case, single spaces. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The character pairs of one Han run, plus its last character so single-character prefixes still match. */
export function hanPairs(run: string): string[] {
  const chars = Array.from(run);
  if (chars.length === 1) return chars;
  const pairs: string[] = [];
  for (let i = 0; i < chars.length - 1; i++) pairs.push(chars[i]! + chars[i + 1]!);
  pairs.push(chars[chars.length - 1]!);
  return pairs;
}

/** Text as it is indexed: every Han run replaced by its character pairs. */
export function toIndexText(text: string): string {
  return text.replace(HAN_RUN, (run) => ` ${hanPairs(run).join(' ')} `).replace(/[ \t]+/g, ' ');
}

/** A designation reduced to letters and digits: `YD/T 3627-2019` → `ydt36272019`. */
export const compact = (text: string) => normalizeText(text).replace(/[^\p{L}\p{N}]+/gu, '');

const YEAR_SUFFIX = /[-:](19|20)\d{2}$/;

/**
 * Forms of a designation that someone might type, compacted: the whole, and without its
 * leading words (`3GPP TS 23.501` → `3gppts23501`, `ts23501`, `23501`), each also without a
 * trailing year (`YD/T 3627-2019` → `ydt3627`, `3627`).
 */
export function designationKeys(code: string): string[] {
  const words = normalizeText(code).split(' ').filter(Boolean);
  const keys = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    const tail = words.slice(i).join(' ');
    keys.add(compact(tail));
    const withoutYear = tail.replace(YEAR_SUFFIX, '');
    if (withoutYear !== tail) keys.add(compact(withoutYear));
  }
  // The main number with its dots (`M.2410` → `2410`, `802.1Qbv` → `8021`): the longest one.
  const numbers =
    normalizeText(code)
      .replace(YEAR_SUFFIX, '')
      .match(/\d+(?:[.]\d+)*/g) ?? [];
  const main = numbers.map(compact).sort((a, b) => b.length - a.length)[0];
  if (main && main.length >= 3) keys.add(main);
  return [...keys].filter((key) => key !== '' && !HAS_HAN.test(key));
}

/** Whether a query looks like (part of) a designation: short, has a digit, no Han. */
export function looksLikeDesignation(query: string): boolean {
  const q = normalizeText(query);
  return q.length > 0 && q.length <= 40 && /\d/.test(q) && !HAS_HAN.test(q);
}

/** The pagefind queries for what a user typed. */
export interface SearchPlan {
  /** A compact designation to look for first, when the query looks like one. */
  designation?: string;
  /** The full-text query: Han runs become quoted phrases of character pairs. */
  text: string;
  /** True when the query contains Chinese. */
  han: boolean;
}

/** Turns a user's query into pagefind queries. */
export function planSearch(query: string): SearchPlan {
  const q = normalizeText(query).replace(/["“”]/g, ' ');
  const han = HAS_HAN.test(q);
  const text = q
    .replace(HAN_RUN, (run) => {
      const pairs = hanPairs(run);
      return pairs.length === 1 ? ` ${pairs[0]} ` : ` "${pairs.slice(0, -1).join(' ')}" `;
    })
    .replace(/\s+/g, ' ')
    .trim();
  const plan: SearchPlan = { text, han };
  if (looksLikeDesignation(q)) plan.designation = compact(q);
  return plan;
}

// ---------------------------------------------------------------------------------------------
// Query understanding: words, phrases, concepts and designations.

import { type Concept, type ConceptMatcher, normForm } from '../catalogue/concepts.ts';

/** One condition of a query; a result must meet every unit. */
export type QueryUnit =
  | { kind: 'concept'; concepts: Concept[]; typed: string }
  | {
      kind: 'text';
      /** What finds the results: a quoted pagefind query (exact words or phrase) or, for one Chinese character, a prefix. */
      find: string;
      /** The unquoted pagefind query whose scores rank the results (weights: title, summary, body). */
      score: string;
      typed: string;
    };

export interface QueryPlan {
  /** Set when the query was longer than {@link QUERY_LIMITS}: only its start was searched (the page says so). */
  shortened?: true;
  /** A compact designation, when the whole query looks like one: searched too, exact matches first. */
  designation?: string;
  /** Every unit must match. */
  units: QueryUnit[];
  /** For unspaced Chinese that finds nothing as a phrase: the units of the term-list terms it contains. */
  fallback?: QueryUnit[];
  /** Sectors, topics and issuers the query names, whose pages are offered first. */
  pages: Concept[];
  /** Words to highlight in excerpts: what was typed and every form of the concepts it named. */
  highlight: string[];
}

const QUOTED = /["“”「」『』]([^"“”「」『』]*)["“”「」『』]/g;
const EDGE_PUNCTUATION = /^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu;

/** The pagefind words of a piece of text: Han runs as character pairs (without the closing single character). */
function phraseWords(text: string): string[] {
  const words: string[] = [];
  for (const part of text.split(/(\p{Script=Han}+)/u)) {
    if (!part) continue;
    if (HAS_HAN.test(part)) {
      const pairs = hanPairs(part);
      words.push(...(pairs.length === 1 ? pairs : pairs.slice(0, -1)));
    } else {
      for (const w of part.split(/[^\p{L}\p{N}]+/u)) if (w) words.push(w);
    }
  }
  return words;
}

/** A text unit for a word or phrase as typed, or undefined when nothing searchable is left. */
export function textUnit(typed: string): QueryUnit | undefined {
  const words = phraseWords(typed);
  if (words.length === 0) return undefined;
  const joined = words.join(' ');
  // One Chinese character: any word starting with it (the pairs it opens and the run it closes).
  if (words.length === 1 && /^\p{Script=Han}$/u.test(joined))
    return { kind: 'text', find: joined, score: joined, typed };
  return { kind: 'text', find: `"${joined}"`, score: joined, typed };
}

/**
 * How much of a query is searched: its first characters and its first words (units: a word, a quoted phrase or a
 * concept). Every unit is a pagefind search, and the filter counts repeat them for each filter value, so a query of
 * hundreds of words would keep a reader's browser busy for minutes.
 */
export const QUERY_LIMITS = { chars: 200, units: 12 } as const;

/**
 * Splits an unspaced Chinese word into the term-list forms it contains (longest first) and the rest. Only forms as
 * long as the longest the matcher knows are tried at each place, so the work is linear in the word's length.
 */
export function segmentHan(word: string, matcher: ConceptMatcher): QueryUnit[] {
  const units: QueryUnit[] = [];
  const chars = Array.from(word);
  let rest = '';
  const flush = () => {
    if (Array.from(rest).length >= 2) {
      const unit = textUnit(rest);
      if (unit) units.push(unit);
    }
    rest = '';
  };
  for (let i = 0; i < chars.length;) {
    let matched = 0;
    for (let j = Math.min(chars.length, i + matcher.longestForm); j > i + 1; j--) {
      const concepts = matcher.named(chars.slice(i, j).join(''));
      if (concepts.length) {
        flush();
        units.push({ kind: 'concept', concepts, typed: chars.slice(i, j).join('') });
        matched = j - i;
        break;
      }
    }
    if (matched) i += matched;
    else rest += chars[i++];
  }
  flush();
  return units;
}

/** The key a unit is searched by: a unit typed twice (`5g 5g`, a word and its alias) is searched once. */
const unitKey = (unit: QueryUnit) =>
  unit.kind === 'concept' ? `c ${unit.concepts.map((c) => c.key).join(' ')}` : `t ${unit.find}`;

/** Turns what someone typed into the units the search page looks for (at most {@link QUERY_LIMITS}). */
export function planQuery(query: string, matcher: ConceptMatcher): QueryPlan {
  // Normalised text can be longer than what was typed (NFKC), so cut before and after.
  const typed = Array.from(query.slice(0, QUERY_LIMITS.chars * 4));
  let q = normalizeText(typed.slice(0, QUERY_LIMITS.chars).join(''));
  const plan: QueryPlan = { units: [], pages: [], highlight: [] };
  if (typed.length > QUERY_LIMITS.chars || Array.from(q).length > QUERY_LIMITS.chars) {
    q = Array.from(q).slice(0, QUERY_LIMITS.chars).join('').trim();
    plan.shortened = true;
  }
  if (!q) return plan;
  if (looksLikeDesignation(q.replace(/["“”]/g, ''))) plan.designation = compact(q);

  const phrases: string[] = [];
  const rest = q.replace(QUOTED, (_, inner: string) => {
    if (inner.trim()) phrases.push(inner.trim());
    return ' ';
  });
  const words = rest
    .split(' ')
    .map((w) => w.replace(/["“”]/g, '').replace(EDGE_PUNCTUATION, ''))
    .filter(Boolean);

  let segmented = false;
  const fallback: QueryUnit[] = [];
  for (const phrase of phrases) {
    const concepts = matcher.named(phrase);
    const unit: QueryUnit | undefined = concepts.length
      ? { kind: 'concept', concepts, typed: phrase }
      : textUnit(phrase);
    if (unit) {
      plan.units.push(unit);
      fallback.push(unit);
    }
  }
  for (let i = 0; i < words.length;) {
    // The longest run of words that names a concept (`smart grid`, `time sensitive networking`).
    let taken = 0;
    for (let j = Math.min(words.length, i + 6); j > i; j--) {
      const concepts = matcher.named(words.slice(i, j).join(' '));
      if (concepts.length) {
        const unit: QueryUnit = { kind: 'concept', concepts, typed: words.slice(i, j).join(' ') };
        plan.units.push(unit);
        fallback.push(unit);
        taken = j - i;
        break;
      }
    }
    if (taken) {
      i += taken;
      continue;
    }
    const word = words[i++]!;
    const unit = textUnit(word);
    if (!unit) continue;
    plan.units.push(unit);
    if (/^\p{Script=Han}{3,}$/u.test(word)) {
      const parts = segmentHan(word, matcher);
      if (parts.some((p) => p.kind === 'concept')) {
        segmented = true;
        fallback.push(...parts);
        continue;
      }
    }
    fallback.push(unit);
  }
  if (segmented) plan.fallback = fallback;
  const distinct = (units: QueryUnit[]) => {
    const seen = new Set<string>();
    const out = units.filter((u) => !seen.has(unitKey(u)) && seen.add(unitKey(u)));
    if (out.length > QUERY_LIMITS.units) plan.shortened = true;
    return out.slice(0, QUERY_LIMITS.units);
  };
  plan.units = distinct(plan.units);
  if (plan.fallback) plan.fallback = distinct(plan.fallback);

  const named = new Map<string, Concept>();
  const highlight = new Set<string>();
  for (const unit of [...plan.units, ...(plan.fallback ?? [])]) {
    highlight.add(unit.typed);
    if (unit.kind === 'concept')
      for (const c of unit.concepts) {
        for (const f of c.forms) highlight.add(normForm(f) === f.toLowerCase() ? f : f);
        if (c.page) named.set(c.key, c);
      }
  }
  plan.pages = [...named.values(), ...metricPages(q, matcher, [...plan.units, ...(plan.fallback ?? [])])];
  plan.highlight = [...highlight].filter((h) => h.length > 0);
  return plan;
}

/**
 * The metrics a query names (`latency`, `时延`, `reliability`), whose requirements pages it offers: a name as words of
 * their own, or inside unspaced Chinese, but not inside a longer term the query names (超可靠低时延 is URLLC).
 */
function metricPages(q: string, matcher: ConceptMatcher, units: readonly QueryUnit[]): Concept[] {
  const text = normForm(q);
  const terms = units.filter((u) => u.kind === 'concept').map((u) => normForm(u.typed));
  return matcher.pagesOnly.filter((c) =>
    c.forms.some((form) => {
      const f = normForm(form);
      if (!f || terms.some((t) => t !== f && t.includes(f))) return false;
      if (HAS_HAN.test(f)) return text.includes(f);
      // A whole word or run of words: no letter or digit right before or after.
      const word = /[\p{L}\p{N}]/u;
      for (let at = text.indexOf(f); at >= 0; at = text.indexOf(f, at + 1))
        if (!word.test(text[at - 1] ?? '') && !word.test(text[at + f.length] ?? '')) return true;
      return false;
    }),
  );
}
