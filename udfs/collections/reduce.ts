import type { LambdaValue, ScalarFunction } from '../types.js';
import { ARRAY_T, K, S, T, V, lambda, mapOf } from './patterns.js';

export const reduce: ScalarFunction = {
  kind: 'scalar',
  name: 'REDUCE',
  category: 'LAMBDA',
  description: 'Reduce the input collection down to a single value using an initial state and a function. The initial state (s) is passed into the scope of the function. Each invocation returns a new value for s, which the next invocation will receive. The final value for s is returned.',
  overloads: [
    {
      description: 'When reducing an array, the reduce function must have two arguments. The two arguments for the reduce function are in order: the state and the array item. The final state is returned.',
      params: [
        { name: 'array', type: ARRAY_T, description: 'The array.' },
        { name: 'initialState', type: S, description: 'The initial state.' },
        { name: 'function', type: lambda([S, T], S), description: 'The reduce function.' },
      ],
      returns: S,
      nulls: 'custom',
      impl: (array: unknown[] | null, initial: unknown, fn: LambdaValue) => {
        if (initial === null) return null;
        if (array === null) return initial;
        let state: unknown = initial;
        for (const item of array) state = fn(state, item);
        return state;
      },
    },
    {
      description: 'When reducing a map, the reduce function must have three arguments. The three arguments for the reduce function are in order: the state, the key, and the value. The final state is returned.',
      params: [
        { name: 'map', type: mapOf(K, V), description: 'The map.' },
        { name: 'initialState', type: S, description: 'The initial state.' },
        { name: 'function', type: lambda([S, K, V], S), description: 'The reduce function.' },
      ],
      returns: S,
      nulls: 'custom',
      impl: (map: Map<unknown, unknown> | null, initial: unknown, fn: LambdaValue) => {
        if (initial === null) return null;
        if (map === null) return initial;
        let state: unknown = initial;
        for (const [k, v] of map) state = fn(state, k, v);
        return state;
      },
    },
  ],
  examples: [
    { call: 'REDUCE(ARRAY[3, 6], 2, (s, x) => s + x)', result: 11 },
    { call: "REDUCE(MAP('a' := 1, 'b' := 2), 0, (s, k, v) => s + v)", result: 3 },
  ],
};
