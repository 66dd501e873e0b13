import type { ScalarFunction } from '../types.js';

export const random: ScalarFunction = {
  kind: 'scalar',
  name: 'RANDOM',
  category: 'MATHEMATICAL',
  description: 'Returns a random number greater than or equal to 0.0 and less than 1.0.',
  overloads: [{ params: [], returns: { kind: 'DOUBLE' }, impl: () => Math.random() }],
  examples: [{ call: 'FLOOR(RANDOM())', result: 0 }],
  volatile: true,
};
