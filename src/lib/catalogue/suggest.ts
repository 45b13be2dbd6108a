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
