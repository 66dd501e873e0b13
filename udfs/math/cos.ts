import type { ScalarFunction } from '../types.js';
import { unaryDoubleOverloads } from './double-overloads.js';

export const cos: ScalarFunction = {
  kind: 'scalar',
  name: 'COS',
  category: 'MATHEMATICAL',
  description: "Returns the cosine of a value given in radians.",
  overloads: unaryDoubleOverloads(Math.cos),
  examples: [{ call: 'COS(0)', result: 1 }],
};
