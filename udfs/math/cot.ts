import type { ScalarFunction } from '../types.js';
import { unaryDoubleOverloads } from './double-overloads.js';

export const cot: ScalarFunction = {
  kind: 'scalar',
  name: 'COT',
  category: 'MATHEMATICAL',
  description: 'Returns the cotangent of a value given in radians.',
  // cos / sin as ksqlDB computes it: Infinity with the sign of the input at zero.
  overloads: unaryDoubleOverloads((x) => Math.cos(x) / Math.sin(x)),
  examples: [{ call: 'ROUND(COT(1), 4)', result: 0.6421 }],
};
