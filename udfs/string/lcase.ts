import type { ScalarFunction } from '../types.js';

export const lcase: ScalarFunction = {
  kind: 'scalar',
  name: 'LCASE',
  category: 'STRING',
  description: 'Returns the input string with all characters converted to lower case.',
  overloads: [{ params: [{ name: 'input', type: { kind: 'STRING' } }], returns: { kind: 'STRING' }, impl: (s: string) => s.toLowerCase() }],
  examples: [{ call: "LCASE('MiXeD')", result: 'mixed' }],
};
