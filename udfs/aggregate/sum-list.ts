// SUM_LIST: sums the elements of each row's array (NULL elements skipped) across the group.
import type { AggregateFunction, Aggregator } from '../types.js';
import { int32, toDouble } from './numeric.js';

function listSum(wrap: (n: number) => number): Aggregator<number> {
  const total = (list: unknown[]): number => {
    let s = 0;
    for (const x of list) if (x !== null) s = wrap(s + toDouble(x));
    return s;
  };
  return {
    initial: () => 0,
    add: (acc, [v]) => (v === null ? acc : wrap(acc + total(v as unknown[]))),
    remove: (acc, [v]) => (v === null ? acc : wrap(acc - total(v as unknown[]))),
    merge: (a, b) => wrap(a + b),
    result: (acc) => acc,
  };
}

const plain = (n: number): number => n;

export const sumList: AggregateFunction = {
  kind: 'aggregate',
  name: 'SUM_LIST',
  category: 'AGGREGATE',
  description: 'Returns the sum of elements contained in the list.',
  overloads: [
    {
      params: [{ name: 'list', type: { kind: 'ARRAY', item: { kind: 'INTEGER' } } }],
      returns: { kind: 'INTEGER' },
      create: () => listSum(int32),
    },
    {
      params: [{ name: 'list', type: { kind: 'ARRAY', item: { kind: 'BIGINT' } } }],
      returns: { kind: 'BIGINT' },
      create: () => listSum(plain),
    },
    {
      params: [{ name: 'list', type: { kind: 'ARRAY', item: { kind: 'DOUBLE' } } }],
      returns: { kind: 'DOUBLE' },
      create: () => listSum(plain),
    },
  ],
  examples: [{ call: 'SUM_LIST(col) over [[1, 2], [3, null], null]', result: 6 }],
};
