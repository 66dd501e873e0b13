import { twoValueFunction } from './two-values.js';

export const ifnull = twoValueFunction({
  name: 'IFNULL',
  description: 'Returns expression if NOT NULL, otherwise the alternative value.',
  params: [['expression', 'expression to evaluate'], ['altValue', 'Alternative value']],
  impl: (expression, altValue) => expression ?? altValue,
  examples: [{ call: 'IFNULL(NULL, 10)', result: 10 }, { call: "IFNULL('a', 'b')", result: 'a' }],
});
