import { distance } from 'fastest-levenshtein';

/**
 * The closest candidate to `value`, or undefined when nothing is close enough to be a likely
 * typo. Case and separators are ignored first (`Ports`, `port` and `ports` all find `ports`).
 */
export function closest(value: string, candidates: Iterable<string>): string | undefined {
  const norm = (s: string) => s.toLowerCase().replace(/[\s_./-]+/g, '');
  const target = norm(value);
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of candidates) {
    const c = norm(candidate);
    let score = distance(target, c);
    if (c.startsWith(target) || target.startsWith(c)) score = Math.min(score, 1);
    if (score < bestScore || (score === bestScore && best !== undefined && candidate < best)) {
      best = candidate;
      bestScore = score;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(2, Math.floor(target.length / 3));
  return bestScore <= limit ? best : undefined;
}

/** `did you mean "ports"?`, or undefined when there is no close candidate. */
export function didYouMean(value: string, candidates: Iterable<string>): string | undefined {
  const match = closest(value, candidates);
  return match === undefined ? undefined : `did you mean "${match}"?`;
}

/** What an id field may name: the ids, and for each the names a person might type instead. */
export interface IdCandidates {
  /** Every valid id. */
  ids: readonly string[];
  /** Names of an id in both languages, aliases, designations, terms of the term list that name it. */
  names: ReadonlyMap<string, readonly string[]>;
}

const SORTED = new WeakMap<readonly string[], readonly string[]>();
/** The ids sorted, once per list: the unknown-id rule asks about the same list for every unknown id. */
const sortedIds = (ids: readonly string[]): readonly string[] => {
  let sorted = SORTED.get(ids);
  if (!sorted) SORTED.set(ids, (sorted = [...ids].sort()));
  return sorted;
};

/** Text as compared for a suggestion: width, case, spaces and separators do not count. */
const fold = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_./\-–—·・、，,：:（）()]+/g, '');

/**
 * The id a value most likely means: an id or a name equal to it (ignoring width, case, spacing and separators:
 * `Ports`, `smart-ports`, `智慧港口` and `港口` all mean `ports` when those are its id, names or terms); else the
 * closest id (a typo); else the closest name, when close enough to be a typo (one character in three).
 * `via` says whether an id or a name matched.
 */
export function suggestId(value: string, candidates: IdCandidates): { id: string; via: 'id' | 'name' } | undefined {
  const target = fold(value);
  if (!target) return undefined;
  const ids = sortedIds(candidates.ids);
  const byId = ids.find((id) => fold(id) === target);
  if (byId) return { id: byId, via: 'id' };
  for (const id of ids) if (candidates.names.get(id)?.some((n) => fold(n) === target)) return { id, via: 'name' };
  const typo = closest(value, ids);
  if (typo) return { id: typo, via: 'id' };
  let best: { id: string; score: number } | undefined;
  for (const id of ids)
    for (const name of candidates.names.get(id) ?? []) {
      const score = distance(target, fold(name));
      if (!best || score < best.score) best = { id, score };
    }
  return best && best.score <= Math.floor(target.length / 3) ? { id: best.id, via: 'name' } : undefined;
}

/** How many valid ids a message lists when nothing is close. */
export const LISTED_IDS = 20;

/**
 * The problem text for an id that names no record of `content/<folder>/`: with the id it most likely means
 * (and, when a name matched, its names, so the author sees it is the one), or else the valid ids (the first
 * twenty, and where the rest are).
 */
export function unknownIdText(
  value: string,
  what: string,
  folder: string,
  candidates: IdCandidates,
  options: { search?: boolean } = {},
): { message: string; expected: string; suggestion: string } {
  const shown = value.length > 60 ? `${value.slice(0, 57)}…` : value;
  const message = `unknown ${what} ${JSON.stringify(shown)}`;
  // A value longer than any name is no typo of one: no search through the names for it.
  // `search: false` skips the search (each compares the value with every id and name): the rule asks so past its cap.
  const match = value.length <= 100 && options.search !== false ? suggestId(value, candidates) : undefined;
  if (match) {
    const names = match.via === 'name' ? (candidates.names.get(match.id) ?? []).slice(0, 2) : [];
    return {
      message,
      expected: `an id of a file in content/${folder}/`,
      suggestion: `did you mean "${match.id}"${names.length ? ` (${names.join(' · ')})` : ''}?`,
    };
  }
  const ids = sortedIds(candidates.ids);
  const listed = ids.slice(0, LISTED_IDS).join(', ');
  const extension = folder === 'standards' ? 'mdx' : 'yaml';
  return {
    message,
    expected:
      ids.length === 0
        ? `an id of a file in content/${folder}/, which has none`
        : ids.length <= LISTED_IDS
          ? `one of ${listed}`
          : `an id of a file in content/${folder}/, e.g. ${listed} and ${ids.length - LISTED_IDS} more (the file names in content/${folder}/)`,
    suggestion:
      /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value) && value.length <= 100
        ? `use one of these ids, or add content/${folder}/${value}.${extension} for a new ${what}`
        : `use one of these ids: an id is the file name, in lower-case letters, digits and hyphens`,
  };
}
