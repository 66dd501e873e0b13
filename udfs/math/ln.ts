import type { ScalarFunction } from '../types.js';
import { unaryDoubleOverloads } from './double-overloads.js';
import { javaLog } from './java-log.js';

export const ln: ScalarFunction = {
  kind: 'scalar',
  name: 'LN',
  category: 'MATHEMATICAL',
  description: "Returns the natural logarithm of a value.",
  overloads: unaryDoubleOverloads(javaLog),
  examples: [{ call: 'LN(1)', result: 0 }],
};
