// What EARLIEST_BY_OFFSET and LATEST_BY_OFFSET share: the overload set (col), (col, ignoreNulls),
// (col, n) and (col, n, ignoreNulls), where n and ignoreNulls must be literals and NULLs are
// ignored unless ignoreNulls is false; and the N-value aggregator, which keeps the first or the
// last n values in offset order.
import type { AggregateFunction, AggregateOverload, Aggregator, FunctionExample } from '../types.js';
import type { SqlType } from '../../src/types/sql-type.js';
import { SqlError } from '../../src/types/sql-error.js';
import { codecFor } from './plain-value.js';
import { bySequence, nextSequence, type Sequenced } from './offset-sequence.js';

export interface ByOffsetSpec {
  name: string;
  /** 'earliest' keeps the first values added, 'latest' the last. */
  which: 'earliest' | 'latest';
  description: string;
  /** The aggregator for the single-value overloads. */
  single(t: SqlType, ignoreNulls: boolean): Aggregator;
  examples: FunctionExample[];
}

export function byOffsetFunction(spec: ByOffsetSpec): AggregateFunction {
  return {
    kind: 'aggregate',
    name: spec.name,
    category: 'AGGREGATE',
    description: spec.description,
    overloads: byOffsetOverloads(spec),
    examples: spec.examples,
  };
}

function byOffsetOverloads({ which, single }: ByOffsetSpec): AggregateOverload[] {
  // `nName` prefixes the error for a bad n ("earliestN", "latestN"), as ksqlDB words it.
  const nName = `${which}N`;
  const col = { name: 'col', type: { kind: 'GENERIC', name: 'T' } } as const;
  const n = { name: nName, type: { kind: 'INTEGER' }, description: `how many of the ${which} values to return` } as const;
  const ignoreNulls = { name: 'ignoreNulls', type: { kind: 'BOOLEAN' }, description: 'skip NULL values (the default)' } as const;
  const checked = (value: unknown): number => {
    const count = value as number;
    if (!(count >= 1)) throw new SqlError('FUNCTION_ARGS', `${nName} must be 1 or greater`);
    return count;
  };
  const multiple = (t: SqlType, count: number, skipNulls: boolean): Aggregator => byOffsetN(t, count, skipNulls, which);
  const same = (argTypes: SqlType[]): SqlType => argTypes[0];
  const arrayOf = (argTypes: SqlType[]): SqlType => ({ kind: 'ARRAY', item: argTypes[0] });
  return [
    { params: [col], returns: same, create: (t) => single(t[0], true), description: `The ${which} value.` },
    {
      params: [col],
      literalParams: [ignoreNulls],
      returns: same,
      create: (t, lit) => single(t[0], lit[0] as boolean),
      description: `The ${which} value.`,
    },
    {
      params: [col],
      literalParams: [n],
      returns: arrayOf,
      create: (t, lit) => multiple(t[0], checked(lit[0]), true),
      description: `The ${which} N values, as an array.`,
    },
    {
      params: [col],
      literalParams: [n, ignoreNulls],
      returns: arrayOf,
      create: (t, lit) => multiple(t[0], checked(lit[0]), lit[1] as boolean),
      description: `The ${which} N values, as an array.`,
    },
  ];
}

/** The first ('earliest') or last ('latest') n values added, oldest first. */
function byOffsetN(t: SqlType, n: number, ignoreNulls: boolean, which: 'earliest' | 'latest'): Aggregator<Sequenced[]> {
  const codec = codecFor(t);
  // ksqlDB's LATEST keeps the first N after sorting a merge (so a merge can drop the newest
  // values); we keep the last N, which is what LATEST means and agrees whenever at most N remain.
  const kept = (sorted: Sequenced[]): Sequenced[] =>
    which === 'earliest' ? sorted.slice(0, n) : sorted.slice(Math.max(0, sorted.length - n));
  return {
    initial: () => [],
    add: (acc, [v]) => {
      if (v === null && ignoreNulls) return acc;
      if (which === 'earliest') {
        if (acc.length < n) acc.push({ s: nextSequence(), v: codec.toPlain(v) });
      } else {
        acc.push({ s: nextSequence(), v: codec.toPlain(v) });
        if (acc.length > n) acc.splice(0, acc.length - n);
      }
      return acc;
    },
    merge: (a, b) => kept(a.concat(b).sort(bySequence)),
    result: (acc) => acc.map((e) => codec.fromPlain(e.v)),
  };
}
