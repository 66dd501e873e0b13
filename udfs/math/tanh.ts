import type { ScalarFunction } from '../types.js';
import { unaryDoubleOverloads } from './double-overloads.js';

export const tanh: ScalarFunction = {
  kind: 'scalar',
  name: 'TANH',
  category: 'MATHEMATICAL',
  description: "Returns the hyperbolic tangent of a value.",
  overloads: unaryDoubleOverloads(Math.tanh),
  examples: [{ call: 'TANH(0)', result: 0 }],
};
