import type { ScalarFunction } from '../types.js';
import { unaryDoubleOverloads } from './double-overloads.js';

export const cbrt: ScalarFunction = {
  kind: 'scalar',
  name: 'CBRT',
  category: 'MATHEMATICAL',
  description: "Returns the cube root of a value.",
  overloads: unaryDoubleOverloads(Math.cbrt),
  examples: [{ call: 'CBRT(27)', result: 3 }],
};
