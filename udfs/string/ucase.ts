import type { ScalarFunction } from '../types.js';

export const ucase: ScalarFunction = {
  kind: 'scalar',
  name: 'UCASE',
  category: 'STRING',
  description: 'Returns the input string with all characters converted to upper case.',
  overloads: [{ params: [{ name: 'input', type: { kind: 'STRING' } }], returns: { kind: 'STRING' }, impl: (s: string) => s.toUpperCase() }],
  examples: [{ call: "UCASE('MiXeD')", result: 'MIXED' }],
};
