import type { ScalarFunction } from '../types.js';

export const ifnull: ScalarFunction = {
  kind: 'scalar',
  name: 'IFNULL',
  category: 'CONDITIONAL',
  description: 'Returns expression if NOT NULL, otherwise the alternative value.',
  overloads: [{
    params: [
      { name: 'expression', type: { kind: 'GENERIC', name: 'T' }, description: 'expression to evaluate' },
      { name: 'altValue', type: { kind: 'GENERIC', name: 'T' }, description: 'Alternative value' },
    ],
    returns: { kind: 'GENERIC', name: 'T' },
    nulls: 'custom',
    impl: (expression: unknown, altValue: unknown) => expression ?? altValue,
  }],
  examples: [{ call: 'IFNULL(NULL, 10)', result: 10 }, { call: "IFNULL('a', 'b')", result: 'a' }],
};
