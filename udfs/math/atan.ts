import type { ScalarFunction } from '../types.js';
import { unaryDoubleOverloads } from './double-overloads.js';

export const atan: ScalarFunction = {
  kind: 'scalar',
  name: 'ATAN',
  category: 'MATHEMATICAL',
  description: "Returns the inverse (arc) tangent of a value, in radians.",
  overloads: unaryDoubleOverloads(Math.atan),
  examples: [{ call: 'ATAN(0)', result: 0 }],
};
