import type { ScalarFunction } from '../types.js';
import { comparableOverloads } from './comparable-overloads.js';

export const greatest: ScalarFunction = {
  kind: 'scalar',
  name: 'GREATEST',
  category: 'MATHEMATICAL',
  description: 'Returns the highest non-null value among a variable number of comparable columns.',
  overloads: comparableOverloads(1),
  examples: [
    { call: 'GREATEST(3, 7, NULL, 5)', result: 7 },
    { call: "GREATEST('apple', 'banana')", result: 'banana' },
  ],
};
