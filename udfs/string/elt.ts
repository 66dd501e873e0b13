import type { ScalarFunction } from '../types.js';

export const elt: ScalarFunction = {
  kind: 'scalar',
  name: 'ELT',
  category: 'STRING',
  description: 'ELT() returns the Nth element of the list of strings. Returns NULL if N is less than 1 or greater than the number of arguments. Note that this method is 1-indexed. This is the complement to FIELD.',
  overloads: [{
    params: [{ name: 'n', type: { kind: 'INTEGER' } }, { name: 'args', type: { kind: 'STRING' } }],
    variadic: true,
    returns: { kind: 'STRING' },
    nulls: 'custom',
    // n is a Java int: NULL fails the call, which ksqlDB reports as NULL.
    impl: (n: number | null, ...args: (string | null)[]) => (n === null || n < 1 || n > args.length ? null : args[n - 1]),
  }],
  examples: [{ call: "ELT(2, 'a', 'b', 'c')", result: 'b' }, { call: "ELT(4, 'a', 'b', 'c')", result: null }],
};
