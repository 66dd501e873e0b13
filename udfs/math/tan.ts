import type { ScalarFunction } from '../types.js';
import { unaryDoubleOverloads } from './double-overloads.js';

export const tan: ScalarFunction = {
  kind: 'scalar',
  name: 'TAN',
  category: 'MATHEMATICAL',
  description: "Returns the tangent of a value given in radians.",
  overloads: unaryDoubleOverloads(Math.tan),
  examples: [{ call: 'TAN(0)', result: 0 }],
};
