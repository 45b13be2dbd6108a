/**
 * The jump list of a long requirements table: one link per metric and per use case to its first row, with how many
 * rows it has, so a reader of TS 22.261's 92 rows goes straight to the latency of the use case they need.
 */
import type { RequirementView, UseCase } from '../catalogue/graph.ts';

/** Rows from which a table gets a jump list. */
export const JUMP_LIST_FROM = 12;

/** One place to jump to: the id of its first row and how many rows it has. */
export interface Jump<K> {
  key: K;
  /** The id of the row to jump to (`req-<row id>` on the entry page). */
  first: string;
  rows: number;
}

/** The metrics (in the catalogue's metric order) and the use cases (in the entry's order) of a table's rows. */
export function requirementJumps(
  rows: readonly RequirementView[],
  useCases: readonly UseCase[],
  metricOrder: readonly string[],
): { metrics: Array<Jump<string>>; cases: Array<Jump<UseCase>> } {
  const metrics = new Map<string, Jump<string>>();
  for (const r of rows) {
    const had = metrics.get(r.metric);
    if (had) had.rows++;
    else metrics.set(r.metric, { key: r.metric, first: r.id, rows: 1 });
  }
  const rank = new Map(metricOrder.map((m, i) => [m, i]));
  return {
    metrics: [...metrics.values()].sort(
      (a, b) => (rank.get(a.key) ?? metricOrder.length) - (rank.get(b.key) ?? metricOrder.length),
    ),
    cases: useCases.flatMap((c) => (c.rows[0] ? [{ key: c, first: c.rows[0].id, rows: c.rows.length }] : [])),
  };
}
