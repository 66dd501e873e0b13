import type { ScalarFunction } from '../types.js';
import { comparableOverloads } from './comparable-overloads.js';

export const least: ScalarFunction = {
  kind: 'scalar',
  name: 'LEAST',
  category: 'MATHEMATICAL',
  description: 'Returns the lowest non-null value among a variable number of comparable columns.',
  overloads: comparableOverloads(-1),
  examples: [
    { call: 'LEAST(3, 7, NULL, 5)', result: 3 },
    { call: 'LEAST(1.5, 0.25)', result: '0.25' },
  ],
};
