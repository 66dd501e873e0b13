import type { ScalarFunction } from '../types.js';

export const pi: ScalarFunction = {
  kind: 'scalar',
  name: 'PI',
  category: 'MATHEMATICAL',
  description: 'Returns an approximate value of PI.',
  overloads: [{ params: [], returns: { kind: 'DOUBLE' }, impl: () => Math.PI }],
  examples: [{ call: 'PI()', result: 3.141592653589793 }],
};
