/**
 * Reads one relaton YAML bibliographic record (the open data published for 3GPP, ETSI, ITU, IEEE, IETF, ISO and IEC
 * documents) into the few facts the catalogue takes from it. Two generations of the relaton format are in use:
 * `docid`/`link`/`date.value` (schema 1.2) and `docidentifier`/`source`/`date.at` (schema 1.5); both are read.
 * A malformed record is an error naming the file, line, field, what was expected and what was found.
 */
import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { Doctype } from '../catalogue/schemas/standard.ts';

/** The publishers whose records the importer understands. */
export const RECORD_KINDS = ['3gpp', 'etsi', 'itu', 'ieee', 'ietf', 'iso', 'iec'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** One version (or edition) of a document, as one record describes it. */
export interface BibRecord {
  /** The record's file, as given to the importer. */
  file: string;
  kind: RecordKind;
  /** The record's primary identifier, as written (`3GPP TS 22.186:REL-18/18.0.1`, `ISO 21217:2020`). */
  docid: string;
  /** The catalogue's designation of the document (`3GPP TS 22.186`, `IEEE 802.1Q-2022`, `IETF RFC 8655`). */
  code: string;
  /**
   * What the versions of one document share: the designation for 3GPP, ETSI and ITU; without the year for ISO, IEC
   * and IEEE, whose editions each have a designation of their own.
   */
  series: string;
  /** English title. */
  title: string;
  /** Kind of document, where the record says (an RFC record does not: Informational and Standards Track alike). */
  doctype?: Doctype;
  /** Version or edition as the publisher numbers it; absent where the record gives none. */
  version?: string;
  /** 3GPP release, `R15`. */
  release?: string;
  /** Publication date as precisely as the record gives it (YYYY, YYYY-MM or YYYY-MM-DD). */
  date?: string;
  /** The publisher's page for the document, from the record. */
  url?: string;
  /** Designations of the documents this one replaces (`obsoletes` relations). */
  obsoletes: string[];
  /** Withdrawn or replaced, when the record says so. */
  state?: 'withdrawn' | 'superseded';
}

/** Why a record could not be read, placed for the person who supplied it. */
export interface RecordProblem {
  file: string;
  line: number;
  field: string;
  message: string;
  expected: string;
  got: string;
}

/** The outcome for one file: a record, a reason it was left out (drafts, corrigenda), or a problem. */
export type RecordResult =
  | { ok: true; record: BibRecord }
  | { ok: false; skipped: string; file: string }
  | { ok: false; problem: RecordProblem };

class Malformed extends Error {
  readonly path: ReadonlyArray<string | number>;
  readonly expected: string;
  readonly got: unknown;
  constructor(path: ReadonlyArray<string | number>, expected: string, got: unknown) {
    super(`malformed at ${path.join('.')}`);
    this.path = path;
    this.expected = expected;
    this.got = got;
  }
}

const describe = (value: unknown): string => {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}…` : value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : 'a value of another kind';
};

type Plain = Record<string, unknown>;
const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A list field, or nothing; anything else is malformed. */
function list(data: Plain, key: string, path: Array<string | number> = [key]): unknown[] {
  const value = data[key];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new Malformed(path, 'a list', value);
  return value;
}

/** Text found under `content` (schema 1.2 and 1.5 alike) or given directly. */
function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (isPlain(value) && (typeof value.content === 'string' || typeof value.content === 'number'))
    return String(value.content);
  return undefined;
}

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Relaton writes an em dash in titles as `--`; the catalogue writes the dash. */
const titleText = (s: string) => clean(s.replace(/\s*--\s*/g, '—'));

/** ETSI document kinds (the designation's second word) → the catalogue's kinds of document. */
const ETSI_DOCTYPES: Record<string, Doctype> = {
  EN: 'standard',
  ES: 'standard',
  TS: 'specification',
  GS: 'specification',
  TR: 'report',
  GR: 'report',
  EG: 'guide',
};

/** ISO, IEC and ITU document types → the catalogue's. */
const DOCTYPES: Record<string, Doctype> = {
  'international-standard': 'standard',
  standard: 'standard',
  'technical-specification': 'specification',
  'publicly-available-specification': 'specification',
  'technical-report': 'report',
  guide: 'guide',
  recommendation: 'recommendation',
};

/** Drafts, amendments and corrigenda: records of their own, never a version of the document. */
const NOT_A_VERSION =
  /(\bCor\.|\bErr\.|\bAmd\b|\/(?:Amd|COR|ISH)\d*|\bSup\b|\bP\d|\/D\d|\bDIS\b|\bFDIS\b|\bCD\b|\bRLV\b|\bCSV\b|REDLINE|\+)/i;

function primaryId(data: Plain): { id: string; type: string; path: Array<string | number> } {
  const key = data.docidentifier !== undefined ? 'docidentifier' : 'docid';
  const ids = list(data, key);
  if (ids.length === 0) throw new Malformed([key], 'a list of identifiers with one marked primary: true', data[key]);
  const candidates = ids.map((item, i) => ({ item, i })).filter(({ item }) => isPlain(item) && item.primary === true);
  const chosen = candidates.find(({ item }) => !/[™®]/.test(text((item as Plain).id) ?? text(item) ?? '')) ??
    candidates[0] ?? { item: ids[0], i: 0 };
  const item = chosen.item;
  if (!isPlain(item)) throw new Malformed([key, chosen.i], 'an identifier with id (or content) and type', item);
  const id = typeof item.id === 'string' ? item.id : text(item);
  if (id === undefined)
    throw new Malformed([key, chosen.i, key === 'docid' ? 'id' : 'content'], 'the identifier as text', item.id);
  if (typeof item.type !== 'string')
    throw new Malformed([key, chosen.i, 'type'], 'the identifier type as text', item.type);
  return { id: clean(id), type: item.type, path: [key, chosen.i] };
}

function englishTitle(data: Plain): string {
  const titles = list(data, 'title');
  if (titles.length === 0) throw new Malformed(['title'], 'a list of titles with one in English', data.title);
  const english = titles.filter((t) => {
    if (!isPlain(t)) return false;
    const lang = t.language;
    return lang === undefined || lang === 'en' || (Array.isArray(lang) && lang.includes('en'));
  }) as Plain[];
  const main = english.find((t) => t.type === 'main') ?? english.find((t) => t.type === undefined) ?? english[0];
  const value = main && text(main);
  if (!value) throw new Malformed(['title', 0, 'content'], 'an English title as text', titles[0]);
  return titleText(value);
}

function dates(data: Plain): Map<string, string> {
  const out = new Map<string, string>();
  list(data, 'date').forEach((d, i) => {
    if (!isPlain(d) || typeof d.type !== 'string')
      throw new Malformed(['date', i], 'a date with type and value (or at)', d);
    const raw = d.value ?? d.at ?? d.on;
    const value = typeof raw === 'string' ? raw.trim() : undefined;
    if (value === undefined || !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value))
      throw new Malformed(
        ['date', i, d.at !== undefined ? 'at' : 'value'],
        'a date written YYYY, YYYY-MM or YYYY-MM-DD',
        raw,
      );
    out.set(d.type, value);
  });
  return out;
}

function srcLink(data: Plain): string | undefined {
  const links = [...list(data, 'link'), ...list(data, 'source')];
  const item = links.find((l) => isPlain(l) && l.type === 'src') ?? links[0];
  const url = isPlain(item) ? text(item) : undefined;
  return url && /^https?:\/\//.test(url) ? url : undefined;
}

function relations(data: Plain, type: string): string[] {
  return list(data, 'relation')
    .filter((r): r is Plain => isPlain(r) && r.type === type && isPlain(r.bibitem))
    .map((r) => {
      const item = r.bibitem as Plain;
      const ids: unknown[] = [
        ...(Array.isArray(item.docid) ? (item.docid as unknown[]) : []),
        ...(Array.isArray(item.docidentifier) ? (item.docidentifier as unknown[]) : []),
      ];
      const primary = ids.find((x) => isPlain(x) && x.primary === true) ?? ids[0];
      return (
        (isPlain(primary) ? (typeof primary.id === 'string' ? primary.id : text(primary)) : undefined) ??
        text(item.formattedref)
      );
    })
    .filter((x): x is string => typeof x === 'string')
    .map(clean);
}

function doctypeField(data: Plain): { type?: string; abbreviation?: string } {
  const ext = isPlain(data.ext) ? data.ext : {};
  const d = isPlain(ext.doctype) ? ext.doctype : isPlain(data.doctype) ? data.doctype : undefined;
  if (!d) return {};
  return {
    type: typeof d.type === 'string' ? d.type : text(d),
    abbreviation: isPlain(d.abbreviation)
      ? text(d.abbreviation)
      : typeof d.abbreviation === 'string'
        ? d.abbreviation
        : undefined,
  };
}

function stateOf(data: Plain, dateMap: Map<string, string>): BibRecord['state'] {
  const status = isPlain(data.docstatus) ? data.docstatus : isPlain(data.status) ? data.status : undefined;
  const raw = status && isPlain(status.stage) ? (text(status.stage) ?? status.stage.value) : undefined;
  const stage = typeof raw === 'string' || typeof raw === 'number' ? String(raw) : '';
  if (/WITHDRAWN/i.test(stage)) return 'withdrawn';
  if (/REVISED|REPLACED/i.test(stage) || dateMap.has('obsoleted')) return 'superseded';
  // ISO stages 95.99 (withdrawn) and 90.xx/95.xx after revision.
  if (/^95$/.test(stage)) return 'withdrawn';
  return undefined;
}

/** Turns the primary identifier into the catalogue's designation and the facts it carries. */
function identify(
  id: string,
  type: string,
  data: Plain,
  at: Array<string | number>,
): Omit<BibRecord, 'file' | 'title' | 'date' | 'url' | 'obsoletes' | 'state'> | { skipped: string } {
  const kindOf = (t: string): RecordKind | undefined => {
    const upper = t.toUpperCase();
    if (upper === '3GPP') return '3gpp';
    if (upper === 'ETSI') return 'etsi';
    if (upper.startsWith('ITU')) return 'itu';
    if (upper === 'IEEE') return 'ieee';
    if (upper === 'IETF' || upper === 'RFC') return 'ietf';
    if (upper === 'ISO' || upper === 'IEC') return upper === 'ISO' ? 'iso' : 'iec';
    return undefined;
  };
  const kind = kindOf(type);
  if (!kind)
    throw new Malformed([...at, 'type'], `one of the identifier types 3GPP, ETSI, ITU, IEEE, IETF, ISO, IEC`, type);
  const fail = (expected: string) => {
    throw new Malformed([...at, data.docid !== undefined ? 'id' : 'content'], expected, id);
  };
  const dt = doctypeField(data);
  switch (kind) {
    case '3gpp': {
      const m = /^3GPP (TS|TR) (\d{2}\.\d{3}(?:-\d+)?):REL-(\d+)\/(\d+\.\d+\.\d+)$/i.exec(id);
      if (!m) return fail('a 3GPP identifier such as "3GPP TS 22.186:REL-18/18.0.1"');
      const [, series, number, release, version] = m as unknown as [string, string, string, string, string];
      // Versions 0.x to 2.x are drafts presented for information or approval, before the specification exists.
      if (Number(version.split('.')[0]) < 3) return { skipped: `draft version ${version}` };
      const code = `3GPP ${series} ${number}`;
      return {
        kind,
        docid: id,
        code,
        series: code,
        doctype: series === 'TS' ? 'specification' : 'report',
        version,
        release: `R${Number(release)}`,
      };
    }
    case 'etsi': {
      const m = /^(ETSI ([A-Z]{2}) .+?) V(\d+\.\d+\.\d+) \(\d{4}-\d{2}\)$/.exec(id);
      if (!m) return fail('an ETSI identifier such as "ETSI GS MEC 003 V3.2.1 (2024-04)"');
      const [, code, series, version] = m as unknown as [string, string, string, string];
      const doctype = ETSI_DOCTYPES[dt.abbreviation ?? series] ?? ETSI_DOCTYPES[series] ?? 'standard';
      return { kind, docid: id, code, series: code, doctype, version };
    }
    case 'itu': {
      if (NOT_A_VERSION.test(id) || /corrigendum|erratum|amendment/i.test(dt.type ?? ''))
        return { skipped: 'a corrigendum, erratum or amendment' };
      const r = /^(ITU-R [A-Z]{1,3}\.\d+(?:\.\d+)?)-(\d+)$/.exec(id);
      if (r) {
        const [, code, revision] = r as unknown as [string, string, string];
        return {
          kind,
          docid: id,
          code,
          series: code,
          doctype: DOCTYPES[dt.type ?? ''] ?? 'recommendation',
          version: revision,
        };
      }
      const t = /^(ITU-T [A-Z]{1,3}\.\d+(?:\.\d+)?)(?: \(V(\d+)\))? \((\d{2})\/(\d{4})\)$/.exec(id);
      if (!t) return fail('an ITU identifier such as "ITU-T H.265 (V10) (07/2024)" or "ITU-R M.2150-3"');
      const [, code, v] = t as unknown as [string, string, string | undefined];
      const edition = text(data.edition) ?? v ?? '1';
      return {
        kind,
        docid: id,
        code,
        series: code,
        doctype: DOCTYPES[dt.type ?? ''] ?? 'recommendation',
        version: edition,
      };
    }
    case 'ieee': {
      if (NOT_A_VERSION.test(id)) return { skipped: 'a draft or a redline' };
      const m = /^IEEE Std ([0-9A-Za-z.]+)-(\d{4})$/.exec(id);
      if (!m) return fail('an IEEE identifier such as "IEEE Std 802.1Q-2022"');
      const [, number, year] = m as unknown as [string, string, string];
      return {
        kind,
        docid: id,
        code: `IEEE ${number}-${year}`,
        series: `IEEE ${number}`,
        doctype: 'standard',
        version: year,
      };
    }
    case 'ietf': {
      const m = /^RFC ?(\d+)$/.exec(id);
      if (!m) return fail('an RFC identifier such as "RFC 8655"');
      const code = `IETF RFC ${Number(m[1])}`;
      return { kind, docid: id, code, series: code };
    }
    case 'iso':
    case 'iec': {
      if (NOT_A_VERSION.test(id)) return { skipped: 'a draft, amendment or corrigendum' };
      const m = /^((?:ISO|IEC)(?:\/(?:IEC|IEEE|ISO))* (?:(TR|TS|PAS) )?[\d-]+(?:-\d+)*):(\d{4})$/.exec(id);
      if (!m) return fail(`an ${kind.toUpperCase()} identifier such as "ISO 21217:2020" or "IEC TR 61850-90-12:2020"`);
      const [, series, , year] = m as unknown as [string, string, string | undefined, string];
      const doctype = DOCTYPES[dt.type ?? ''] ?? 'standard';
      return { kind, docid: id, code: `${series}:${year}`, series, doctype, version: text(data.edition) };
    }
  }
}

/** The line of a field of the record, for messages. */
function lineOf(doc: Document, counter: LineCounter, path: ReadonlyArray<string | number>): number {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
    const start = node?.range?.[0];
    if (typeof start === 'number') return counter.linePos(start).line;
    if (n === 0) break;
  }
  return 1;
}

const fieldName = (path: ReadonlyArray<string | number>) =>
  path.reduce<string>((out, p) => (typeof p === 'number' ? `${out}[${p}]` : out ? `${out}.${p}` : p), '');

/** Reads one relaton record. Never throws: a bad record is a problem with its place and what was expected. */
export function parseRelaton(file: string, source: string): RecordResult {
  const counter = new LineCounter();
  const doc = parseDocument(source, { lineCounter: counter, uniqueKeys: true });
  if (doc.errors.length) {
    const error = doc.errors[0]!;
    return {
      ok: false,
      problem: {
        file,
        line: error.linePos?.[0]?.line ?? 1,
        field: 'yaml',
        message: 'the record is not valid YAML',
        expected: 'a YAML mapping of relaton fields',
        got: (error.message.split('\n')[0] ?? 'a syntax error').replace(/ at line \d+, column \d+:?$/, ''),
      },
    };
  }
  if (!isMap(doc.contents))
    return {
      ok: false,
      problem: {
        file,
        line: 1,
        field: 'record',
        message: 'the record is not a mapping of fields',
        expected: 'a relaton record (id, title, docid, date, …)',
        got: isSeq(doc.contents) ? 'a list' : describe(doc.toJS()),
      },
    };
  const data = doc.toJS({ maxAliasCount: 100 }) as Plain;
  try {
    const primary = primaryId(data);
    const identified = identify(primary.id, primary.type, data, primary.path);
    if ('skipped' in identified) return { ok: false, skipped: identified.skipped, file };
    const dateMap = dates(data);
    const title = englishTitle(data);
    const date =
      identified.kind === 'ieee'
        ? // IEEE records carry three dates; `created` is the one the catalogue's IEEE entries were dated by.
          (dateMap.get('created') ?? dateMap.get('published'))
        : (dateMap.get('published') ?? dateMap.get('issued'));
    return {
      ok: true,
      record: {
        ...identified,
        file,
        title,
        date,
        url: srcLink(data),
        obsoletes: relations(data, 'obsoletes'),
        state: stateOf(data, dateMap),
      },
    };
  } catch (error) {
    if (!(error instanceof Malformed)) throw error;
    return {
      ok: false,
      problem: {
        file,
        line: lineOf(doc, counter, error.path),
        field: fieldName(error.path),
        message: 'the record cannot be read',
        expected: error.expected,
        got: describe(error.got),
      },
    };
  }
}

/** A record problem as one line: `file:line  field  message (expected …, got …)`. */
export function formatRecordProblem(p: RecordProblem): string {
  return `${p.file}:${p.line}  ${p.field}  ${p.message} (expected ${p.expected}, got ${p.got})`;
}
