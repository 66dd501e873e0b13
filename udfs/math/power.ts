import type { ScalarFunction } from '../types.js';
import { binaryDoubleOverloads } from './double-overloads.js';

export const power: ScalarFunction = {
  kind: 'scalar',
  name: 'POWER',
  category: 'MATHEMATICAL',
  description: 'Given a base and an exponent, returns the result of the base raised to the exponent.',
  // JS ** follows the same IEEE rules as Java's Math.pow (e.g. 0^0 = 1, (-1)^Infinity = NaN).
  overloads: binaryDoubleOverloads((base, exponent) => base ** exponent, ['base', 'exponent']),
  examples: [{ call: 'POWER(2, 10)', result: 1024 }, { call: 'POWER(15, -1)', result: 0.06666666666666667 }],
};
