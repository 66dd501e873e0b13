import type { LambdaValue, ScalarFunction } from '../types.js';
import { SqlError } from '../../src/types/sql-error.js';
import { valueKey } from './value-key.js';
import { ARRAY_T, K, R, T, V, arrayOf, lambda, mapOf } from './patterns.js';

const K2 = { kind: 'GENERIC', name: 'K2' } as const;
const V2 = { kind: 'GENERIC', name: 'V2' } as const;

function transformMap(map: Map<unknown, unknown>, keyFn: LambdaValue, valueFn: LambdaValue): Map<unknown, unknown> {
  const out = new Map<unknown, unknown>();
  const seen = new Set<string>();
  for (const [k, v] of map) {
    const key = keyFn(k, v);
    const value = valueFn(k, v);
    // Collectors.toMap fails on a repeated key and on a NULL value.
    const id = valueKey(key);
    if (seen.has(id)) throw new SqlError('EVALUATION_ERROR', `Duplicate key ${String(key)}`);
    if (value === null) throw new SqlError('EVALUATION_ERROR', `TRANSFORM produced a NULL value for key ${String(key)}`);
    seen.add(id);
    out.set(key, value);
  }
  return out;
}

export const transform: ScalarFunction = {
  kind: 'scalar',
  name: 'TRANSFORM',
  category: 'LAMBDA',
  description: 'Apply a function to each element in a collection. The transformed collection is returned.',
  overloads: [
    {
      description: 'When transforming an array, the function provided must have one argument, the element. The transformed array is returned.',
      params: [
        { name: 'array', type: ARRAY_T, description: 'The array' },
        { name: 'function', type: lambda([T], R), description: 'The lambda function' },
      ],
      returns: arrayOf(R),
      nulls: 'custom',
      impl: (array: unknown[] | null, fn: LambdaValue) => (array === null ? null : array.map((x) => fn(x))),
    },
    {
      description: 'When transforming a map, two functions must be provided. For each map entry, the first function provided will be applied to the key and the second one applied to the value. Each function must have two arguments. The two arguments for each function are in order: the key and then the value. The transformed map is returned.',
      params: [
        { name: 'map', type: mapOf(K, V), description: 'The map' },
        { name: 'keyFunction', type: lambda([K, V], K2), description: 'The key lambda function' },
        { name: 'valueFunction', type: lambda([K, V], V2), description: 'The value lambda function' },
      ],
      returns: mapOf(K2, V2),
      nulls: 'custom',
      impl: (map: Map<unknown, unknown> | null, keyFn: LambdaValue, valueFn: LambdaValue) =>
        (map === null ? null : transformMap(map, keyFn, valueFn)),
    },
  ],
  examples: [
    { call: 'TRANSFORM(ARRAY[3, 6], x => x + 5)', result: [8, 11] },
    { call: "TRANSFORM(MAP('a' := 1, 'b' := 2), (k, v) => UCASE(k), (k, v) => v * 10)", result: { A: 10, B: 20 } },
  ],
};
