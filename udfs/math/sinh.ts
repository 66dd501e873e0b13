import type { ScalarFunction } from '../types.js';
import { unaryDoubleOverloads } from './double-overloads.js';

export const sinh: ScalarFunction = {
  kind: 'scalar',
  name: 'SINH',
  category: 'MATHEMATICAL',
  description: "Returns the hyperbolic sine of a value.",
  overloads: unaryDoubleOverloads(Math.sinh),
  examples: [{ call: 'SINH(0)', result: 0 }],
};
