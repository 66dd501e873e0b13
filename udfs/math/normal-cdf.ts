import type { ScalarFunction } from '../types.js';
import { erfOverloads } from './special-functions.js';

/** NORMAL_CDF(x) = ERFC(-x/√2) / 2 = (1 + ERF(x/√2)) / 2. */
export const normalCdf: ScalarFunction = {
  kind: 'scalar',
  name: 'NORMAL_CDF',
  category: 'MATHEMATICAL',
  description: 'Returns the standard normal cumulative distribution function of a value: the probability that a '
    + 'standard normal variable is at most the value. The two-sided p-value of a z-score z is 2 * (1 - NORMAL_CDF(ABS(z))). '
    + 'It is accurate to about 1e-16 absolute, so such p-values keep few digits below 1e-12 and are 0 from |z| = 8.3 on.',
  overloads: erfOverloads((erf) => (x) => 0.5 * (1 + erf(x * Math.SQRT1_2))),
  examples: [
    { call: 'NORMAL_CDF(0)', result: 0.5 },
    { call: 'NORMAL_CDF(1.96)', result: 0.9750021048517796 },
    { call: '2 * (1 - NORMAL_CDF(ABS(-1.96)))', result: 0.049995790296440745 },
  ],
};
