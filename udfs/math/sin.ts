import type { ScalarFunction } from '../types.js';
import { unaryDoubleOverloads } from './double-overloads.js';

export const sin: ScalarFunction = {
  kind: 'scalar',
  name: 'SIN',
  category: 'MATHEMATICAL',
  description: "Returns the sine of a value given in radians.",
  overloads: unaryDoubleOverloads(Math.sin),
  examples: [{ call: 'SIN(0)', result: 0 }],
};
