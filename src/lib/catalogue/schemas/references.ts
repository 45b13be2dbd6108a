/**
 * Which fields hold the id of another record, and of which collection: what `npm run check` resolves as
 * "an id … that does not exist" (rules.ts). The browser editor offers these fields as pickers over that
 * collection's records; a test keeps this table and the check's rules in step.
 */
import type { ReferenceCollection } from './index.ts';

type Collection = 'standards' | ReferenceCollection;

/** Per collection: field path (`[]` for a list's items) → the collection whose ids it holds. */
export const ID_REFERENCES: Readonly<Partial<Record<Collection, Readonly<Record<string, Collection>>>>> = {
  standards: {
    'topics[]': 'topics',
    'sectors[]': 'sectors',
    body: 'bodies',
    authority: 'bodies',
    committee: 'bodies',
    'references[]': 'standards',
    'supersedes[]': 'standards',
    'related[]': 'standards',
    'adopts[].id': 'standards',
    'requirements[].metric': 'metrics',
    'requirements[].sectors[]': 'sectors',
  },
  targets: {
    'filter.sectors[]': 'sectors',
    'filter.topics[]': 'topics',
    'filter.body[]': 'bodies',
  },
  terms: { sector: 'sectors', topic: 'topics' },
};
