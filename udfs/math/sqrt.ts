import type { ScalarFunction } from '../types.js';
import { unaryDoubleOverloads } from './double-overloads.js';

export const sqrt: ScalarFunction = {
  kind: 'scalar',
  name: 'SQRT',
  category: 'MATHEMATICAL',
  description: "Returns the square root of a value.",
  overloads: unaryDoubleOverloads(Math.sqrt),
  examples: [{ call: 'SQRT(16)', result: 4 }],
};
