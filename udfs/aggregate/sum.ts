// SUM keeps the argument's type: INTEGER wraps as Java's int, DECIMAL(p, s) sums exactly and
// fails once the sum needs more than p digits. All NULLs (or no rows) sum to 0.
import type { AggregateFunction, Aggregator } from '../types.js';
import type { SqlType } from '../../src/types/sql-type.js';
import { Decimal } from '../../src/types/decimal.js';
import { checkDecimalOverflow, unscaledAt } from './decimal-sum.js';
import { int32, toDouble } from './numeric.js';
import { longAdd, longSub, type Long } from '../../src/values/long.js';

const intSum: Aggregator<number> = {
  initial: () => 0,
  add: (acc, [v]) => (v === null ? acc : int32(acc + (v as number))),
  remove: (acc, [v]) => (v === null ? acc : int32(acc - (v as number))),
  merge: (a, b) => int32(a + b),
  result: (acc) => acc,
};

/** Exact, wrapping as Java's long (a sum past 2^53 is a bigint: values/long.ts). */
const bigintSum: Aggregator<Long> = {
  initial: () => 0,
  add: (acc, [v]) => (v === null ? acc : longAdd(acc, v as Long)),
  remove: (acc, [v]) => (v === null ? acc : longSub(acc, v as Long)),
  merge: longAdd,
  result: (acc) => acc,
};

const doubleSum: Aggregator<number> = {
  initial: () => 0,
  add: (acc, [v]) => (v === null ? acc : acc + toDouble(v)),
  remove: (acc, [v]) => (v === null ? acc : acc - toDouble(v)),
  merge: (a, b) => a + b,
  result: (acc) => acc,
};

/** The accumulator is the unscaled sum as a decimal string: plain data, exact. */
function decimalSum(t: SqlType): Aggregator<string> {
  const { precision, scale } = t as { kind: 'DECIMAL'; precision: number; scale: number };
  return {
    initial: () => '0',
    add: (acc, [v]) => {
      if (v === null) return acc;
      const sum = BigInt(acc) + unscaledAt(v as Decimal, scale);
      checkDecimalOverflow(sum, precision, scale);
      return sum.toString();
    },
    // Like ksqlDB, only adding a row checks for overflow.
    remove: (acc, [v]) => (v === null ? acc : (BigInt(acc) - unscaledAt(v as Decimal, scale)).toString()),
    merge: (a, b) => (BigInt(a) + BigInt(b)).toString(),
    result: (acc) => new Decimal(BigInt(acc), scale),
  };
}

export const sum: AggregateFunction = {
  kind: 'aggregate',
  name: 'SUM',
  category: 'AGGREGATE',
  description: 'Sums the column values. Rows where the column is NULL are ignored.',
  overloads: [
    { params: [{ name: 'col', type: { kind: 'INTEGER' } }], returns: { kind: 'INTEGER' }, create: () => intSum },
    { params: [{ name: 'col', type: { kind: 'BIGINT' } }], returns: { kind: 'BIGINT' }, create: () => bigintSum },
    { params: [{ name: 'col', type: { kind: 'DOUBLE' } }], returns: { kind: 'DOUBLE' }, create: () => doubleSum },
    {
      params: [{ name: 'col', type: { kind: 'DECIMAL' } }],
      returns: (argTypes) => argTypes[0],
      create: (argTypes) => decimalSum(argTypes[0]),
      description: 'The sum has the argument\'s precision and scale; exceeding the precision is an error.',
    },
  ],
  examples: [
    { call: 'SUM(col) over [1, 2, 3]', result: 6 },
    { call: 'SUM(col) over [1.5, null, 2.25]', result: 3.75 },
  ],
};
