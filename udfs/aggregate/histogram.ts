// HISTOGRAM: how many times each distinct string occurs, at most 1000 distinct strings (later
// new ones are ignored). NULL is counted under a NULL key, as ksqlDB's HashMap does.
import type { AggregateFunction, Aggregator } from '../types.js';

export const HISTOGRAM_LIMIT = 1000;

/**
 * Counts keyed by a prefixed string: the prefix keeps keys from looking like array indexes, so
 * the object keeps first-seen order, and gives NULL a key of its own.
 */
interface Histogram {
  size: number;
  counts: Record<string, number>;
}

const NULL_KEY = 'n';
const keyOf = (v: unknown): string => (v === null ? NULL_KEY : 's' + (v as string));
const valueOf = (key: string): string | null => (key === NULL_KEY ? null : key.slice(1));

function bump(h: Histogram, key: string, by: number): void {
  const current = h.counts[key];
  if (current !== undefined) h.counts[key] = current + by;
  else if (h.size < HISTOGRAM_LIMIT) {
    h.counts[key] = by;
    h.size++;
  }
}

const histogramAggregator: Aggregator<Histogram> = {
  initial: () => ({ size: 0, counts: {} }),
  add: (acc, [v]) => {
    bump(acc, keyOf(v), 1);
    return acc;
  },
  remove: (acc, [v]) => {
    const key = keyOf(v);
    const current = acc.counts[key];
    if (current === undefined) return acc;
    if (current <= 1) {
      delete acc.counts[key];
      acc.size--;
    } else acc.counts[key] = current - 1;
    return acc;
  },
  merge: (a, b) => {
    for (const key of Object.keys(b.counts)) bump(a, key, b.counts[key]);
    return a;
  },
  result: (acc) => {
    const out = new Map<string | null, number>();
    for (const key of Object.keys(acc.counts)) out.set(valueOf(key), acc.counts[key]);
    return out;
  },
};

export const histogram: AggregateFunction = {
  kind: 'aggregate',
  name: 'HISTOGRAM',
  category: 'AGGREGATE',
  description:
    'Returns a map of each distinct String from the input Stream or Table and how many times each occurs. ' +
    `The map is limited to ${HISTOGRAM_LIMIT} entries; further distinct values are ignored.`,
  overloads: [
    {
      params: [{ name: 'col', type: { kind: 'STRING' } }],
      returns: { kind: 'MAP', key: { kind: 'STRING' }, value: { kind: 'BIGINT' } },
      create: () => histogramAggregator,
    },
  ],
  examples: [{ call: 'HISTOGRAM(col) over ["a", "b", "a"]', result: { a: 2, b: 1 } }],
};
