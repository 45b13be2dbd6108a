/**
 * Data for the compare page, one small classic script per entry (`/compare/data/<id>.js`) plus a list for
 * the picker (`/compare/list.js`). Classic scripts load from file:// where `fetch` does not, so the same
 * files serve the site and the offline export; the page loads only the entries it compares.
 */
import type { EntryNode } from '../catalogue/graph.ts';
import { designationKeys } from '../search/tokens.ts';
import { rowKey, type CompareRow, type PickerEntry } from './compare-match.ts';
import { formatFigure } from './format.ts';
import { describedVersionText, rowVersions } from './versions.ts';

/** What the compare page shows of one entry; names are looked up in the page's own labels. */
export interface CompareRecord {
  id: string;
  code: string;
  title: { zh: string; en: string };
  state: string;
  published?: string;
  effective?: string;
  /** The version the entry describes, with its date and release: `19.0.0 (2025-10-15, R19)`. */
  version?: string;
  /** The versions its requirement rows were read from. */
  readFrom?: string[];
  body: string;
  authority?: string;
  tier: string;
  scope: string;
  sectors: string[];
  topics: string[];
  /** Referenced entries as [id, designation]. */
  references: Array<[string, string]>;
  /** Requirements in canonical units: metric id, figure text, what lines them up (use case or scenario) and its name. */
  requirements: CompareRow[];
}

/** The compare record of an entry (figures are language-independent: ≤, ≥, =, or a range). */
export function compareRecord(entry: EntryNode, codeOf: (id: string) => string | undefined): CompareRecord {
  const d = entry.data;
  return {
    id: entry.id,
    code: d.code,
    title: d.title,
    state: entry.state,
    ...(d.dates?.published ? { published: d.dates.published } : {}),
    ...(d.dates?.effective ? { effective: d.dates.effective } : {}),
    ...(describedVersionText(d) ? { version: describedVersionText(d) } : {}),
    ...(rowVersions(d).length ? { readFrom: rowVersions(d) } : {}),
    body: d.body,
    ...(entry.authority && entry.authority !== d.body ? { authority: entry.authority } : {}),
    tier: d.tier,
    scope: d.scope,
    sectors: d.sectors,
    topics: d.topics,
    references: d.references.flatMap((id) => {
      const code = codeOf(id);
      return code ? [[id, code] as [string, string]] : [];
    }),
    requirements: entry.requirements.map((r) => {
      // A use case is named as its rows' common lead ("Motion control"), a lone row by its scenario.
      const useCase = r.case ? entry.useCases.find((c) => c.case === r.case) : undefined;
      const label = useCase && (useCase.name.zh || useCase.name.en) ? useCase.name : r.scenario;
      return {
        metric: r.metric,
        figure: formatFigure('en', r.comparator, r.canonical, r.canonical.unit),
        key: rowKey(r),
        ...(label ? { label } : {}),
      };
    }),
  };
}

/** An entry as the compare page's picker knows it: with the compact designation forms search finds it by. */
export function pickerEntry(entry: EntryNode): PickerEntry {
  const d = entry.data;
  return [entry.id, d.code, d.title.zh, d.title.en, designationKeys(d.code)];
}

/**
 * A classic script that adds `value` under `key` of the global `name`; JSON is valid JavaScript. The global is a
 * null-prototype object, so an id named like an inherited property (`constructor`) finds only its own entry.
 */
export function dataScript(name: '__compareEntries' | '__compareList', key: string, value: unknown): string {
  return `(self.${name}=self.${name}||Object.create(null))[${JSON.stringify(key)}]=${JSON.stringify(value)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')};\n`;
}
