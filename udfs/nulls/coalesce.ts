import type { ScalarFunction } from '../types.js';

export const coalesce: ScalarFunction = {
  kind: 'scalar',
  name: 'COALESCE',
  category: 'CONDITIONAL',
  description: 'Returns first non-null element.',
  overloads: [{
    params: [{ name: 'first', type: { kind: 'GENERIC', name: 'T' } }, { name: 'others', type: { kind: 'GENERIC', name: 'T' } }],
    variadic: true,
    returns: { kind: 'GENERIC', name: 'T' },
    nulls: 'custom',
    impl: (...values: unknown[]) => values.find((v) => v !== null) ?? null,
  }],
  examples: [
    { call: "COALESCE(NULL, 'x', 'y')", result: 'x' },
    { call: 'COALESCE(NULL, ARRAY[10, 20])', result: [10, 20] },
  ],
};
