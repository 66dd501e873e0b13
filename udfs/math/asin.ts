import type { ScalarFunction } from '../types.js';
import { unaryDoubleOverloads } from './double-overloads.js';

export const asin: ScalarFunction = {
  kind: 'scalar',
  name: 'ASIN',
  category: 'MATHEMATICAL',
  description: "Returns the inverse (arc) sine of a value, in radians. Returns NaN for input outside [-1, 1].",
  overloads: unaryDoubleOverloads(Math.asin),
  examples: [{ call: 'ASIN(0)', result: 0 }],
};
