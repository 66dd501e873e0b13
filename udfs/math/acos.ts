import type { ScalarFunction } from '../types.js';
import { unaryDoubleOverloads } from './double-overloads.js';

export const acos: ScalarFunction = {
  kind: 'scalar',
  name: 'ACOS',
  category: 'MATHEMATICAL',
  description: "Returns the inverse (arc) cosine of a value, in radians. Returns NaN for input outside [-1, 1].",
  overloads: unaryDoubleOverloads(Math.acos),
  examples: [{ call: 'ACOS(1)', result: 0 }],
};
