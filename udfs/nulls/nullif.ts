import type { ScalarFunction } from '../types.js';
import { javaEquals } from './java-equals.js';

export const nullif: ScalarFunction = {
  kind: 'scalar',
  name: 'NULLIF',
  category: 'CONDITIONAL',
  description: 'Returns NULL if value1 and value2 are equal. Otherwise it returns value1.',
  overloads: [{
    params: [
      { name: 'expr1', type: { kind: 'GENERIC', name: 'T' }, description: 'expression 1' },
      { name: 'expr2', type: { kind: 'GENERIC', name: 'T' }, description: 'expression 2' },
    ],
    returns: { kind: 'GENERIC', name: 'T' },
    nulls: 'custom',
    impl: (expr1: unknown, expr2: unknown) => (expr1 === null || javaEquals(expr1, expr2) ? null : expr1),
  }],
  examples: [{ call: "NULLIF('x', 'x')", result: null }, { call: 'NULLIF(1, 10)', result: 1 }],
};
