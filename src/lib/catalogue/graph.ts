/**
 * The derived data of the catalogue, computed once per build and shared by every page:
 * back-links, in-force state, per-sector/topic/body/plan lists, requirement values in
 * canonical units, and target progress. Linear in entries plus links (plus sorting).
 */
import {
  PLAN_CLAUSES,
  STATUSES,
  type Doctype,
  type BodyData,
  type MetricData,
  type Requirement,
  type SectorData,
  type StandardData,
  type Status,
  type TargetData,
  type TopicData,
} from './schemas/index.ts';
import { toCanonical } from './units.ts';
import { computeProgress, type TargetProgress } from './progress.ts';
import { publicationOf } from './publication.ts';

/** A record as collections give it. */
export interface Record_<T> {
  id: string;
  data: T;
}

/** What the graph is built from. */
export interface GraphInput {
  standards: ReadonlyArray<Record_<StandardData>>;
  sectors: ReadonlyArray<Record_<SectorData>>;
  topics: ReadonlyArray<Record_<TopicData>>;
  bodies: ReadonlyArray<Record_<BodyData>>;
  metrics: ReadonlyArray<Record_<MetricData>>;
  targets: ReadonlyArray<Record_<TargetData>>;
  /** YYYY-MM-DD; decides in-force and to-take-effect. */
  today: string;
}

/**
 * What a reader needs to know first about a standard: its life-cycle status, with "published" split by what
 * its dates show. A state is a claim from evidence: "in force" needs a date that has been reached.
 */
export type EntryState = Exclude<Status, 'published'> | 'in-force' | 'to-take-effect' | 'published-undated' | 'issued';

/** The states `status: published` splits into, by what the dates show. */
export const PUBLISHED_STATES = [
  'to-take-effect',
  'in-force',
  'published-undated',
  'issued',
] as const satisfies readonly EntryState[];

/**
 * Every state, in life-cycle order. `published-undated`: published, with neither a publication nor an
 * effective date, so whether it is in force is not known; `issued`: a published report or guide, which is
 * never "in force".
 */
export const ENTRY_STATES: readonly EntryState[] = STATUSES.flatMap((s): EntryState[] =>
  s === 'published' ? [...PUBLISHED_STATES] : [s],
);

/** Kinds of document that inform rather than require: published, never in force. */
const INFORMATIVE: ReadonlySet<Doctype> = new Set(['report', 'guide']);

/**
 * The kind of document, from `doctype` or else from the designation: 3GPP/ETSI/IEC/ISO TR and ETSI GR are reports,
 * GB/Z a guide, 3GPP/ETSI TS and ETSI GS specifications, ITU-T and ITU-R numbers recommendations (a "Report ITU-R"
 * says so), RFCs specifications; everything else a standard.
 */
export function doctypeOf(data: Pick<StandardData, 'code' | 'doctype'>): Doctype {
  if (data.doctype) return data.doctype;
  const code = data.code.normalize('NFKC');
  if (/\b(TR|GR)\b/.test(code) || /^Report\b/i.test(code) || /^ITU-[RT] [A-Z]+\.Sup/i.test(code)) return 'report';
  if (/^GB\/Z\b/.test(code)) return 'guide';
  if (/^(3GPP|ETSI) (TS|GS)\b/.test(code) || /^(IETF )?RFC\b/.test(code)) return 'specification';
  if (/^ITU-[RT]\b/.test(code)) return 'recommendation';
  return 'standard';
}

/**
 * The prefix of a designation that names its series and authority: `YD/T 3627-2019` → `YD/T`,
 * `GB/T 42126.5-2024` → `GB/T`, `T/CAICI 86-2024` → `T/CAICI`, `Q/GDW 12228-2022` → `Q/GDW`, `3GPP TS 22.104` → `3GPP`.
 */
export function designationPrefix(code: string): string {
  const normalized = code.normalize('NFKC').trim();
  const slash = /^([A-Z]+\/[A-Z]+|[A-Z]+\/[A-Z]|[A-Z]+)\b/.exec(normalized);
  return slash ? slash[1]! : (normalized.split(/\s+/)[0] ?? '');
}

/** A requirement with its value in the metric's canonical unit. */
export interface RequirementView extends Requirement {
  /** Id of the entry that states it. */
  entry: string;
  /** Sectors of the row's use case: its own, else the entry's. */
  sectors: string[];
  /** Value(s) in the metric's canonical unit. */
  canonical: { value?: number; min?: number; max?: number; unit: string };
  /** The figure to sort by: value, or the range's min. */
  sortValue: number;
}

/**
 * A use case of one standard: the requirement rows of an entry that share a `case` id, read as one
 * row with all its figures (latency, reliability, survival time, data rate …).
 */
export interface UseCase {
  /** `<entry>#<case>`: a use case is identified by its entry and its case. */
  key: string;
  entry: string;
  case: string;
  /** A name in each language the rows' scenarios give: their common lead before a `:` or `,`. */
  name: { zh?: string; en?: string };
  /** Sectors of its rows, in first-seen order. */
  sectors: string[];
  /** Its rows in the order the entry lists them. */
  rows: RequirementView[];
}

/** One standard with its derived data. */
export interface EntryNode {
  id: string;
  data: StandardData;
  /** Path of the entry page under the language root, e.g. `standards/3gpp-ts-23-501/`. */
  path: string;
  state: EntryState;
  /** Published and effective date reached. */
  inForce: boolean;
  /** Year of publication, when known: the publication day's year, else the year its designation carries. */
  year?: number;
  /** `year` when the year of publication comes from the designation alone (the day is unknown). */
  datedBy?: 'year';
  /** Kind of document, authored or derived from the designation. */
  doctype: Doctype;
  /** Publishing authority (主管部门): authored, or the body whose prefixes include the designation's. */
  authority?: string;
  referencedBy: string[];
  supersededBy: string[];
  adoptedBy: Array<{ id: string; degree: StandardData['adopts'][number]['degree'] }>;
  /** Entries that list this one as related (the reverse of `related`). */
  relatedBy: string[];
  requirements: RequirementView[];
  /** Use cases of its requirement rows, in the order their first row appears. */
  useCases: UseCase[];
}

/** Entries grouped under a sector, topic or body. */
export interface Group<T> {
  id: string;
  data: T;
  /** Entry ids, ordered for display. */
  entries: string[];
  /** Entries per state. */
  byState: Partial<Record<EntryState, number>>;
}

/** The whole derived catalogue. */
export interface CatalogueGraph {
  today: string;
  /** Every entry, ordered by designation. */
  entries: EntryNode[];
  byId: Map<string, EntryNode>;
  sectors: Group<SectorData>[];
  topics: Group<TopicData>[];
  bodies: Group<BodyData>[];
  metrics: Array<Record_<MetricData> & { requirements: RequirementView[] }>;
  /** Entry ids per plan clause, in clause order. */
  plan: Map<string, string[]>;
  /** Every requirement, ordered by metric, then canonical value. */
  requirements: RequirementView[];
  /** Every use case, entries ordered by designation. */
  useCases: UseCase[];
  targets: TargetProgress[];
  /** Entries per state over the whole catalogue. */
  byState: Partial<Record<EntryState, number>>;
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Orders designations the way people read them: TS 22.104 before TS 22.261, 802.1 before 802.11. */
export const compareCodes = (a: string, b: string) => collator.compare(a, b);

/**
 * The state of a standard on a given day: the one place that decides it (pages, filters, counts, feeds, search
 * facets and exports all read it). A published standard with neither date is `published-undated`, never in force.
 */
export function stateOf(
  data: Pick<StandardData, 'status' | 'dates'> & Partial<Pick<StandardData, 'code' | 'doctype'>>,
  today: string,
): EntryState {
  if (data.status !== 'published') return data.status;
  const starts = data.dates?.effective ?? data.dates?.published;
  if (starts === undefined) return 'published-undated';
  if (data.code !== undefined && INFORMATIVE.has(doctypeOf({ code: data.code, doctype: data.doctype })))
    return 'issued';
  return starts > today ? 'to-take-effect' : 'in-force';
}

function count<K extends string>(keys: Iterable<K>): Partial<Record<K, number>> {
  const out: Partial<Record<K, number>> = {};
  for (const key of keys) out[key] = (Object.hasOwn(out, key) ? out[key]! : 0) + 1;
  return out;
}

/** Builds the derived catalogue from validated records. */
export function buildGraph(input: GraphInput): CatalogueGraph {
  const metricById = new Map(input.metrics.map((m) => [m.id, m.data]));
  const authorityByPrefix = new Map<string, string>();
  for (const b of input.bodies)
    for (const prefix of b.data.prefixes ?? []) authorityByPrefix.set(prefix.normalize('NFKC'), b.id);
  const entries: EntryNode[] = input.standards.map(({ id, data }) => {
    const authority = data.authority ?? authorityByPrefix.get(designationPrefix(data.code));
    const state = stateOf(data, input.today);
    const publication = publicationOf(data);
    return {
      id,
      data,
      path: `standards/${id}/`,
      state,
      inForce: state === 'in-force',
      ...(publication.year !== undefined ? { year: publication.year } : {}),
      ...(publication.datedBy ? { datedBy: publication.datedBy } : {}),
      doctype: doctypeOf(data),
      ...(authority ? { authority } : {}),
      referencedBy: [],
      supersededBy: [],
      adoptedBy: [],
      relatedBy: [],
      requirements: data.requirements.map((req) => requirementView(id, data.sectors, req, metricById.get(req.metric))),
      useCases: [],
    };
  });
  for (const entry of entries) entry.useCases = useCasesOf(entry.id, entry.requirements);
  entries.sort((a, b) => compareCodes(a.data.code, b.data.code) || (a.id < b.id ? -1 : 1));
  const byId = new Map(entries.map((e) => [e.id, e]));

  for (const entry of entries) {
    for (const id of new Set(entry.data.references)) byId.get(id)?.referencedBy.push(entry.id);
    for (const id of new Set(entry.data.supersedes)) byId.get(id)?.supersededBy.push(entry.id);
    for (const id of new Set(entry.data.related)) byId.get(id)?.relatedBy.push(entry.id);
    for (const a of entry.data.adopts) byId.get(a.id)?.adoptedBy.push({ id: entry.id, degree: a.degree });
  }

  const group = <T>(
    records: ReadonlyArray<Record_<T>>,
    keysOf: (e: EntryNode) => Iterable<string>,
    first?: (e: EntryNode) => boolean,
  ): Group<T>[] => {
    const lists = new Map<string, EntryNode[]>(records.map((r) => [r.id, []]));
    for (const entry of entries) for (const key of new Set(keysOf(entry))) lists.get(key)?.push(entry);
    return records.map(({ id, data }) => {
      const list = lists.get(id)!;
      const ordered = first ? [...list.filter(first), ...list.filter((e) => !first(e))] : list;
      return { id, data, entries: ordered.map((e) => e.id), byState: count(list.map((e) => e.state)) };
    });
  };
  const byOrder = <T extends { order: number }>(a: Record_<T>, b: Record_<T>) =>
    a.data.order - b.data.order || (a.id < b.id ? -1 : 1);

  // A sector lists an entry when the entry or one of its requirement rows names it.
  const sectors = group(
    [...input.sectors].sort(byOrder),
    (e) => [...e.data.sectors, ...e.requirements.flatMap((r) => r.sectors)],
    (e) => e.data.tier === 'industry',
  );
  const topics = group([...input.topics].sort(byOrder), (e) => e.data.topics);
  const bodies = group(
    [...input.bodies].sort((a, b) => compareCodes(a.data.short, b.data.short)),
    (e) => [e.data.body, ...(e.authority ? [e.authority] : []), ...(e.data.committee ? [e.data.committee] : [])],
  );

  const plan = new Map<string, string[]>(PLAN_CLAUSES.map((c) => [c.id, []]));
  for (const entry of entries) for (const clause of new Set(entry.data.plan)) plan.get(clause)?.push(entry.id);

  const requirements = entries.flatMap((e) => e.requirements);
  const metricOrder = new Map([...input.metrics].sort(byOrder).map((m, i) => [m.id, i]));
  requirements.sort(
    (a, b) =>
      (metricOrder.get(a.metric) ?? 1e9) - (metricOrder.get(b.metric) ?? 1e9) ||
      a.sortValue - b.sortValue ||
      compareCodes(byId.get(a.entry)!.data.code, byId.get(b.entry)!.data.code),
  );
  const perMetric = new Map<string, RequirementView[]>(input.metrics.map((m) => [m.id, []]));
  for (const req of requirements) perMetric.get(req.metric)?.push(req);
  const metrics = [...input.metrics].sort(byOrder).map((m) => ({ ...m, requirements: perMetric.get(m.id)! }));

  return {
    today: input.today,
    entries,
    byId,
    sectors,
    topics,
    bodies,
    metrics,
    plan,
    requirements,
    useCases: entries.flatMap((e) => e.useCases),
    targets: [...input.targets].sort(byOrder).map((t) =>
      computeProgress(
        t,
        entries,
        input.sectors.map((s) => s.id),
      ),
    ),
    byState: count(entries.map((e) => e.state)),
  };
}

function requirementView(
  entry: string,
  entrySectors: readonly string[],
  req: Requirement,
  metric: MetricData | undefined,
): RequirementView {
  const unit = metric?.unit ?? req.unit;
  const convert = (v: number | undefined) => (v === undefined || !metric ? v : toCanonical(metric, v, req.unit));
  const canonical: RequirementView['canonical'] = { unit };
  const value = convert(req.value);
  const min = convert(req.min);
  const max = convert(req.max);
  if (value !== undefined) canonical.value = value;
  if (min !== undefined) canonical.min = min;
  if (max !== undefined) canonical.max = max;
  return { ...req, entry, sectors: [...(req.sectors ?? entrySectors)], canonical, sortValue: value ?? min ?? 0 };
}

/** The rows of an entry grouped by `case`, in the order each case first appears; rows without one are no use case. */
export function useCasesOf(entry: string, rows: readonly RequirementView[]): UseCase[] {
  const byCase = new Map<string, RequirementView[]>();
  for (const row of rows) if (row.case) byCase.set(row.case, [...(byCase.get(row.case) ?? []), row]);
  return [...byCase].map(([id, list]) => ({
    key: `${entry}#${id}`,
    entry,
    case: id,
    name: caseName(list),
    sectors: [...new Set(list.flatMap((r) => r.sectors))],
    rows: list,
  }));
}

const SEPARATORS = /[:：,，;；]/g;

/**
 * The lead the scenarios of a use case share, cut at its last separator: "Remote driving: reliability …" and
 * "Remote driving: uplink …" give "Remote driving"; one row gives what stands before its last `:`.
 */
export function caseName(rows: ReadonlyArray<Pick<Requirement, 'scenario'>>): { zh?: string; en?: string } {
  const out: { zh?: string; en?: string } = {};
  for (const lang of ['zh', 'en'] as const) {
    const texts = rows.map((r) => r.scenario?.[lang]).filter((t): t is string => t !== undefined);
    if (texts.length === 0) continue;
    let prefix = texts[0]!;
    if (texts.length === 1) {
      const cut = Math.max(prefix.lastIndexOf(':'), prefix.lastIndexOf('：'));
      if (cut > 0) prefix = prefix.slice(0, cut);
    } else {
      for (const t of texts.slice(1)) {
        let i = 0;
        while (i < prefix.length && i < t.length && prefix[i] === t[i]) i++;
        prefix = prefix.slice(0, i);
      }
      const cuts = [...prefix.matchAll(SEPARATORS)].map((m) => m.index);
      const all = texts.every((t) => t === prefix);
      if (!all) prefix = cuts.length > 0 ? prefix.slice(0, cuts.at(-1)) : '';
    }
    prefix = prefix.trim();
    if (prefix) out[lang] = prefix;
  }
  return out;
}
