import type { ScalarFunction } from '../types.js';
import { unaryDoubleOverloads } from './double-overloads.js';

export const exp: ScalarFunction = {
  kind: 'scalar',
  name: 'EXP',
  category: 'MATHEMATICAL',
  description: "Returns Euler's number e raised to the power of a value.",
  overloads: unaryDoubleOverloads(Math.exp),
  examples: [{ call: 'EXP(0)', result: 1 }],
};
