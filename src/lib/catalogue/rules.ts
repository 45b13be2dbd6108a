/** Rules that need the whole catalogue: ids that must exist, unique codes, cycles, units. */
import { codePoint, describeCharacter, latinLookalikes, REFUSED_IN_CODE, skeleton } from './characters.ts';
import type { Problem } from './problems.ts';
import { ID_PATTERN, type MetricData, type TargetData } from './schemas/index.ts';
import { didYouMean, unknownIdText } from './suggest.ts';
import { toCanonical, unitsOf } from './units.ts';
import { type KnownIds, resolvesToPage } from './routes.ts';
import type { ValidRecord, ValidStandard } from './validate.ts';

/** What the cross-entry rules look at. */
export interface CrossCheckInput {
  standards: readonly ValidStandard[];
  /** Ids of every standard file, valid or not, so one bad file does not cascade. */
  standardIds: ReadonlySet<string>;
  sectorIds: ReadonlySet<string>;
  topicIds: ReadonlySet<string>;
  bodyIds: ReadonlySet<string>;
  metrics: ReadonlyMap<string, MetricData>;
  targets: readonly ValidRecord<TargetData>[];
  /**
   * What a person might type for each id instead (names in both languages, aliases, terms, designations), per
   * collection: an unknown id is matched against them too.
   */
  names?: Partial<
    Record<'sectors' | 'topics' | 'bodies' | 'metrics' | 'standards', ReadonlyMap<string, readonly string[]>>
  >;
}

/** Dashes and minus signs that read as a hyphen. */
const DASHES = /[\u2010-\u2015\u2212\u2043\uFE58\uFE63\uFF0D]/gu;
const INVISIBLE = new RegExp(REFUSED_IN_CODE.source, 'gv');

/**
 * Normalises a designation for the uniqueness rule: width, case, spacing, dashes, invisible characters and letters
 * of any script that look like Latin ones (Unicode's confusables, see characters.ts) do not count.
 */
export function normalizeCode(code: string): string {
  return skeleton(code.normalize('NFKC').replace(INVISIBLE, '').replace(DASHES, '-').toUpperCase())
    .toUpperCase()
    .replace(/\s+/g, '');
}

/**
 * What is wrong with how a designation is written, if anything: invisible, control or direction characters, or
 * Latin letters mixed with look-alikes from another script (each named with the Latin letter to write).
 */
export function codeSpelling(code: string): { message: string; suggestion: string } | undefined {
  const hidden = [...new Set(code.match(INVISIBLE) ?? [])];
  if (hidden.length)
    return {
      message: `the designation contains characters that show nothing or change the text's direction (${hidden.map(describeCharacter).join('; ')})`,
      suggestion: 'retype the designation as the issuer prints it',
    };
  const odd = latinLookalikes(code);
  if (odd.length)
    return {
      message: `the designation mixes Latin letters with look-alike letters of another script (${odd.map(({ char }) => `"${char}" ${codePoint(char)}`).join(', ')})`,
      suggestion: `write ${odd.map(({ char, latin }) => `"${latin}" for "${char}"`).join(', ')}, in Latin letters`,
    };
  return undefined;
}

const LINK_FIELDS = ['references', 'supersedes', 'related'] as const;

/** Distinct unknown ids matched against the known ones for a suggestion; the rest are reported without one. */
export const SUGGESTED_UNKNOWN_IDS = 200;

/** Runs every cross-entry rule; returns the problems found. */
export function crossCheck(input: CrossCheckInput): Problem[] {
  const problems: Problem[] = [];
  const at = (entry: ValidStandard | ValidRecord<unknown>, field: string) => ({
    file: entry.file,
    line: entry.lines.get(field) ?? entry.lines.get(field.replace(/(\[\d+\])?(\.[^.[]+)?$/, '')) ?? 1,
    field,
  });
  // Suggestions cost a comparison with every id: each unknown id is looked up once, the candidate lists are built
  // once, and only the first unknown ids are matched at all, so the rule stays linear in the references.
  const candidates = new Map<ReadonlySet<string>, string[]>();
  const texts = new Map<string, ReturnType<typeof unknownIdText>>();
  const unknownIdFor = (
    id: string,
    known: ReadonlySet<string>,
    what: string,
    folder: string,
    names: ReadonlyMap<string, readonly string[]>,
  ) => {
    const key = `${folder}/${id}`;
    let text = texts.get(key);
    if (text) return text;
    let ids = candidates.get(known);
    if (!ids) candidates.set(known, (ids = [...known].filter((k) => ID_PATTERN.test(k))));
    text = unknownIdText(id, what, folder, { ids, names }, { search: texts.size < SUGGESTED_UNKNOWN_IDS });
    texts.set(key, text);
    return text;
  };
  const mustExist = (
    entry: ValidStandard | ValidRecord<unknown>,
    field: string,
    id: string,
    known: ReadonlySet<string>,
    what: string,
    folder: string,
  ) => {
    if (known.has(id)) return;
    const names = input.names?.[folder as keyof NonNullable<CrossCheckInput['names']>] ?? new Map();
    problems.push({
      ...at(entry, field),
      rule: 'unknown-id',
      severity: 'error',
      ...unknownIdFor(id, known, what, folder, names),
    });
  };

  const metricIds = new Set(input.metrics.keys());
  const byCode = new Map<string, ValidStandard[]>();
  for (const entry of input.standards) {
    const d = entry.data;
    d.sectors.forEach((id, i) => mustExist(entry, `sectors[${i}]`, id, input.sectorIds, 'sector', 'sectors'));
    d.topics.forEach((id, i) => mustExist(entry, `topics[${i}]`, id, input.topicIds, 'topic', 'topics'));
    if (d.body !== undefined) mustExist(entry, 'body', d.body, input.bodyIds, 'issuing body', 'bodies');
    if (d.authority !== undefined) mustExist(entry, 'authority', d.authority, input.bodyIds, 'issuing body', 'bodies');
    if (d.committee !== undefined) mustExist(entry, 'committee', d.committee, input.bodyIds, 'issuing body', 'bodies');

    for (const field of LINK_FIELDS) {
      const seen = new Set<string>();
      d[field].forEach((id, i) => {
        const where = `${field}[${i}]`;
        if (id === entry.id) {
          const verb = field === 'supersedes' ? 'supersede' : field === 'references' ? 'reference' : 'be related to';
          problems.push({
            ...at(entry, where),
            rule: 'self-link',
            severity: 'error',
            message: `an entry cannot ${verb} itself`,
            suggestion: `remove "${id}" from ${field}`,
          });
        } else mustExist(entry, where, id, input.standardIds, 'standard', 'standards');
        if (seen.has(id))
          problems.push({
            ...at(entry, where),
            rule: 'duplicate-link',
            severity: 'warning',
            message: `"${id}" is listed twice in ${field}`,
          });
        seen.add(id);
      });
    }
    d.adopts.forEach((adoption, i) => {
      const where = `adopts[${i}].id`;
      if (adoption.id === entry.id)
        problems.push({
          ...at(entry, where),
          rule: 'self-link',
          severity: 'error',
          message: 'an entry cannot adopt itself',
        });
      else mustExist(entry, where, adoption.id, input.standardIds, 'standard', 'standards');
    });

    problems.push(...requirementVersions(entry));
    d.requirements.forEach((req, i) => {
      const metric = input.metrics.get(req.metric);
      if (!metric) {
        mustExist(entry, `requirements[${i}].metric`, req.metric, metricIds, 'metric', 'metrics');
        return;
      }
      req.sectors?.forEach((id, k) =>
        mustExist(entry, `requirements[${i}].sectors[${k}]`, id, input.sectorIds, 'sector', 'sectors'),
      );
      const units = unitsOf(metric);
      if (units.includes(req.unit)) {
        const { min, max } = metric.range ?? {};
        for (const field of ['value', 'min', 'max'] as const) {
          const v = req[field];
          if (v === undefined) continue;
          const canonical = toCanonical(metric, v, req.unit);
          if ((min !== undefined && canonical < min) || (max !== undefined && canonical > max))
            problems.push({
              ...at(entry, `requirements[${i}].${field}`),
              rule: 'metric-range',
              severity: 'error',
              message: `${req.metric} cannot be ${v} ${req.unit}`,
              expected: `a value from ${min ?? '−∞'} to ${max ?? '∞'} ${metric.unit} (content/metrics/${req.metric}.yaml, range)`,
              got: `${v} ${req.unit}`,
              suggestion:
                min === 0 && canonical < 0
                  ? 'figures of this metric are never negative; check the sign'
                  : 'check the figure and its unit against the source',
            });
        }
      }
      if (!units.includes(req.unit))
        problems.push({
          ...at(entry, `requirements[${i}].unit`),
          rule: 'unit',
          severity: 'error',
          message: `unit "${req.unit}" does not convert to ${req.metric}'s unit ${metric.unit}`,
          expected: `one of ${units.join(', ')}`,
          got: JSON.stringify(req.unit),
          suggestion: didYouMean(req.unit, units),
        });
    });

    if (d.code === undefined) continue;
    const spelling = codeSpelling(d.code);
    if (spelling)
      problems.push({
        ...at(entry, 'code'),
        rule: 'code-spelling',
        severity: 'error',
        got: JSON.stringify(d.code),
        ...spelling,
      });
    const code = normalizeCode(d.code);
    const same = byCode.get(code);
    if (same) same.push(entry);
    else byCode.set(code, [entry]);
  }
  // A shared designation is reported on every file that has it, so whichever file was just
  // added is named as the place to fix.
  for (const entries of byCode.values()) {
    if (entries.length < 2) continue;
    for (const entry of entries)
      problems.push({
        ...at(entry, 'code'),
        rule: 'duplicate-code',
        severity: 'error',
        message: `the designation "${entry.data.code}" is also used by ${entries
          .filter((e) => e !== entry)
          .map((e) => e.file)
          .join(', ')}`,
        suggestion: 'each standard has one entry; merge them or correct the designation',
      });
  }

  const known: KnownIds = {
    standards: input.standardIds,
    sectors: input.sectorIds,
    topics: input.topicIds,
    bodies: input.bodyIds,
    metrics: metricIds,
  };
  for (const entry of input.standards)
    for (const link of entry.links ?? []) {
      const target = resolvesToPage(link.url, known);
      if (!target.ok)
        problems.push({
          file: entry.file,
          line: link.line,
          field: 'body',
          rule: 'body-link',
          severity: 'error',
          message: `the link ${JSON.stringify(link.url.length > 60 ? `${link.url.slice(0, 57)}…` : link.url)} leads to no page of the catalogue: ${target.why}`,
          suggestion: 'link to an existing page, e.g. /standards/<id>/, /sectors/<id>/ or /requirements/<metric>/',
        });
    }

  // One at a time: a catalogue of tens of thousands of entries may have more problems than a call takes arguments.
  for (const p of supersedesCycles(input.standards)) problems.push(p);
  for (const p of statusConsistency(input.standards)) problems.push(p);

  for (const target of input.targets) {
    const f = target.data.filter;
    f.sectors?.forEach((id, i) => mustExist(target, `filter.sectors[${i}]`, id, input.sectorIds, 'sector', 'sectors'));
    f.topics?.forEach((id, i) => mustExist(target, `filter.topics[${i}]`, id, input.topicIds, 'topic', 'topics'));
    f.body?.forEach((id, i) => mustExist(target, `filter.body[${i}]`, id, input.bodyIds, 'issuing body', 'bodies'));
  }
  return problems;
}

/** The versions an entry lists: its `version` and each `versions[].version`. */
export function listedVersions(data: Pick<ValidStandard['data'], 'version' | 'versions'>): string[] {
  const listed = (data.versions ?? []).map((v) => v.version);
  if (data.version !== undefined && !listed.includes(data.version)) listed.push(data.version);
  return listed;
}

/** A requirement row names the version it was read from; that version must be one the entry lists. */
function requirementVersions(entry: ValidStandard): Problem[] {
  const listed = listedVersions(entry.data);
  const problems: Problem[] = [];
  entry.data.requirements.forEach((req, i) => {
    if (req?.version === undefined || listed.includes(req.version)) return;
    const field = `requirements[${i}].version`;
    problems.push({
      file: entry.file,
      line: entry.lines.get(field) ?? entry.lines.get(`requirements[${i}]`) ?? 1,
      field,
      rule: 'requirement-version',
      severity: 'error',
      message: `the row was read from version "${req.version}", which the entry does not list`,
      expected: listed.length
        ? `one of ${listed.join(', ')} (the entry's version and versions)`
        : 'a version the entry lists in `version` or `versions`',
      got: JSON.stringify(req.version),
      suggestion: `add version "${req.version}" to the entry's versions (with its date), or name the version the figure was read from`,
    });
  });
  return problems;
}

/** Finds each cycle of the supersedes graph once (iterative DFS, linear in entries + links). */
function supersedesCycles(standards: readonly ValidStandard[]): Problem[] {
  const byId = new Map(standards.map((s) => [s.id, s]));
  const state = new Map<string, 1 | 2>(); // 1: on the stack, 2: done
  const problems: Problem[] = [];
  for (const start of standards) {
    if (state.has(start.id)) continue;
    const stack: Array<{ id: string; next: number }> = [{ id: start.id, next: 0 }];
    const path: string[] = [start.id];
    state.set(start.id, 1);
    while (stack.length) {
      const frame = stack[stack.length - 1]!;
      const targets = byId.get(frame.id)?.data.supersedes ?? [];
      if (frame.next >= targets.length) {
        state.set(frame.id, 2);
        stack.pop();
        path.pop();
        continue;
      }
      const to = targets[frame.next++]!;
      if (to === frame.id || !byId.has(to)) continue;
      const seen = state.get(to);
      if (seen === 1) {
        const cycle = [...path.slice(path.indexOf(to)), to];
        const entry = byId.get(frame.id)!;
        const index = entry.data.supersedes.indexOf(to);
        problems.push({
          file: entry.file,
          line: entry.lines.get(`supersedes[${index}]`) ?? entry.lines.get('supersedes') ?? 1,
          field: `supersedes[${index}]`,
          rule: 'supersedes-cycle',
          severity: 'error',
          message: `supersedes forms a cycle: ${cycle.join(' → ')}`,
          suggestion: 'a standard can only replace older ones; remove one link of the cycle',
        });
      } else if (seen === undefined) {
        state.set(to, 1);
        stack.push({ id: to, next: 0 });
        path.push(to);
      }
    }
  }
  return problems;
}

/** Warns where a replaced standard's status does not say so. */
function statusConsistency(standards: readonly ValidStandard[]): Problem[] {
  const byId = new Map(standards.map((s) => [s.id, s]));
  const problems: Problem[] = [];
  for (const entry of standards) {
    if (entry.data.status !== 'published') continue;
    entry.data.supersedes.forEach((old, i) => {
      const replaced = old === entry.id ? undefined : byId.get(old);
      if (replaced && replaced.data.status === 'published' && entry.data.status === 'published')
        problems.push({
          file: replaced.file,
          line: replaced.lines.get('status') ?? 1,
          field: 'status',
          rule: 'status-superseded',
          severity: 'warning',
          message: `${entry.file} supersedes this entry (supersedes[${i}]) but its status is still "published"`,
          suggestion: 'set status: superseded, or remove the supersedes link if both stay in force',
        });
    });
  }
  return problems;
}
