import type { ScalarFunction } from '../types.js';
import { unaryDoubleOverloads } from './double-overloads.js';

export const cosh: ScalarFunction = {
  kind: 'scalar',
  name: 'COSH',
  category: 'MATHEMATICAL',
  description: "Returns the hyperbolic cosine of a value.",
  overloads: unaryDoubleOverloads(Math.cosh),
  examples: [{ call: 'COSH(0)', result: 1 }],
};
