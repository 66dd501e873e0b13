import type { ScalarFunction } from '../types.js';
import { erfOverloads } from './special-functions.js';

export const erf: ScalarFunction = {
  kind: 'scalar',
  name: 'ERF',
  category: 'MATHEMATICAL',
  description: 'Returns the Gauss error function of a value: 2/√π times the integral of exp(-t²) from 0 to the value.',
  overloads: erfOverloads((erf) => erf),
  examples: [
    { call: 'ERF(0)', result: 0 },
    { call: 'ERF(1.0)', result: 0.8427007929497148 },
  ],
};
