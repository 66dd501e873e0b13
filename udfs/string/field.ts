import type { ScalarFunction } from '../types.js';

export const field: ScalarFunction = {
  kind: 'scalar',
  name: 'FIELD',
  category: 'STRING',
  description: 'Returns the position (1-indexed) of str in args, or 0 if not found. If str is NULL, the return value is 0 because NULL is not considered equal to any value. This is the complement to ELT.',
  overloads: [{
    params: [{ name: 'str', type: { kind: 'STRING' } }, { name: 'args', type: { kind: 'STRING' } }],
    variadic: true,
    returns: { kind: 'INTEGER' },
    nulls: 'custom',
    impl: (str: string | null, ...args: (string | null)[]) => (str === null ? 0 : args.indexOf(str) + 1),
  }],
  examples: [{ call: "FIELD('b', 'a', 'b', 'c')", result: 2 }, { call: "FIELD('z', 'a', 'b')", result: 0 }],
};
