import type { LambdaValue, ScalarFunction } from '../types.js';
import { SqlError } from '../../src/types/sql-error.js';
import { ARRAY_T, BOOLEAN, K, T, V, lambda, mapOf } from './patterns.js';

function filterMap(map: Map<unknown, unknown>, fn: LambdaValue): Map<unknown, unknown> {
  const out = new Map<unknown, unknown>();
  for (const [k, v] of map) {
    if (fn(k, v) !== true) continue;
    // ksqlDB collects with Collectors.toMap, which rejects a NULL value.
    if (v === null) throw new SqlError('EVALUATION_ERROR', `FILTER cannot keep the NULL value of key ${String(k)}`);
    out.set(k, v);
  }
  return out;
}

export const filter: ScalarFunction = {
  kind: 'scalar',
  name: 'FILTER',
  category: 'LAMBDA',
  description: 'Filter the input collection through a given lambda function. The filtered collection is returned.',
  overloads: [
    {
      description: 'When filtering an array, the function provided must have a boolean result. The function is applied to each value in the array and a filtered array is returned.',
      params: [
        { name: 'array', type: ARRAY_T, description: 'The array' },
        { name: 'function', type: lambda([T], BOOLEAN), description: 'The lambda function' },
      ],
      returns: ARRAY_T,
      nulls: 'custom',
      // A NULL result drops the element, as a false one does.
      impl: (array: unknown[] | null, fn: LambdaValue) => (array === null ? null : array.filter((x) => fn(x) === true)),
    },
    {
      description: 'When filtering a map, the function provided must have a boolean result. For each map entry, the function will be applied to the key and value arguments in that order. The filtered map is returned.',
      params: [
        { name: 'map', type: mapOf(K, V), description: 'The map' },
        { name: 'function', type: lambda([K, V], BOOLEAN), description: 'The lambda function' },
      ],
      returns: mapOf(K, V),
      nulls: 'custom',
      impl: (map: Map<unknown, unknown> | null, fn: LambdaValue) => (map === null ? null : filterMap(map, fn)),
    },
  ],
  examples: [
    { call: 'FILTER(ARRAY[3, 6, 2, 10], x => x > 5)', result: [6, 10] },
    { call: "FILTER(MAP('a' := 15, 'abcd' := 20), (k, v) => LEN(k) > 2)", result: { abcd: 20 } },
  ],
};
