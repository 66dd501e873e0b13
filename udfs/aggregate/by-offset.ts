// The overload set EARLIEST_BY_OFFSET and LATEST_BY_OFFSET share: (col), (col, ignoreNulls),
// (col, n) and (col, n, ignoreNulls), where n and ignoreNulls must be literals and NULLs are
// ignored unless ignoreNulls is false.
import type { AggregateOverload, Aggregator } from '../types.js';
import type { SqlType } from '../../src/types/sql-type.js';
import { SqlError } from '../../src/types/sql-error.js';

export interface ByOffsetFactories {
  /** `name` prefixes the error for a bad n ("earliestN", "latestN"), as ksqlDB words it. */
  name: string;
  single(t: SqlType, ignoreNulls: boolean): Aggregator;
  multiple(t: SqlType, n: number, ignoreNulls: boolean): Aggregator;
}

export function byOffsetOverloads(f: ByOffsetFactories, which: string): AggregateOverload[] {
  const col = { name: 'col', type: { kind: 'GENERIC', name: 'T' } } as const;
  const n = { name: f.name, type: { kind: 'INTEGER' }, description: `how many of the ${which} values to return` } as const;
  const ignoreNulls = { name: 'ignoreNulls', type: { kind: 'BOOLEAN' }, description: 'skip NULL values (the default)' } as const;
  const checked = (value: unknown): number => {
    const count = value as number;
    if (!(count >= 1)) throw new SqlError('FUNCTION_ARGS', `${f.name} must be 1 or greater`);
    return count;
  };
  const same = (argTypes: SqlType[]): SqlType => argTypes[0];
  const arrayOf = (argTypes: SqlType[]): SqlType => ({ kind: 'ARRAY', item: argTypes[0] });
  return [
    { params: [col], returns: same, create: (t) => f.single(t[0], true), description: `The ${which} value.` },
    {
      params: [col],
      literalParams: [ignoreNulls],
      returns: same,
      create: (t, lit) => f.single(t[0], lit[0] as boolean),
      description: `The ${which} value.`,
    },
    {
      params: [col],
      literalParams: [n],
      returns: arrayOf,
      create: (t, lit) => f.multiple(t[0], checked(lit[0]), true),
      description: `The ${which} N values, as an array.`,
    },
    {
      params: [col],
      literalParams: [n, ignoreNulls],
      returns: arrayOf,
      create: (t, lit) => f.multiple(t[0], checked(lit[0]), lit[1] as boolean),
      description: `The ${which} N values, as an array.`,
    },
  ];
}
