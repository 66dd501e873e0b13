import { javaEquals } from './java-equals.js';
import { twoValueFunction } from './two-values.js';

export const nullif = twoValueFunction({
  name: 'NULLIF',
  description: 'Returns NULL if value1 and value2 are equal. Otherwise it returns value1.',
  params: [['expr1', 'expression 1'], ['expr2', 'expression 2']],
  impl: (expr1, expr2) => (expr1 === null || javaEquals(expr1, expr2) ? null : expr1),
  examples: [{ call: "NULLIF('x', 'x')", result: null }, { call: 'NULLIF(1, 10)', result: 1 }],
});
