import type { ScalarFunction } from '../types.js';
import { erfOverloads } from './special-functions.js';

export const erfc: ScalarFunction = {
  kind: 'scalar',
  name: 'ERFC',
  category: 'MATHEMATICAL',
  description: 'Returns the complementary error function of a value, 1 - ERF(value). It is computed as that '
    + 'difference, to an absolute error of about 1e-16: far in the upper tail it keeps few significant digits, and it is 0 '
    + 'from about 5.93 on.',
  overloads: erfOverloads((erf) => (x) => 1 - erf(x)),
  examples: [
    { call: 'ERFC(0)', result: 1 },
    { call: 'ERFC(1.0)', result: 0.15729920705028522 },
  ],
};
