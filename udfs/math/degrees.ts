import type { ScalarFunction } from '../types.js';
import { unaryDoubleOverloads } from './double-overloads.js';

// Java's Math.toDegrees multiplies by this constant (JDK 9+).
const RADIANS_TO_DEGREES = 57.29577951308232;

export const degrees: ScalarFunction = {
  kind: 'scalar',
  name: 'DEGREES',
  category: 'MATHEMATICAL',
  description: 'Converts a value in radians to degrees.',
  overloads: unaryDoubleOverloads((x) => x * RADIANS_TO_DEGREES),
  examples: [{ call: 'DEGREES(0)', result: 0 }, { call: 'ROUND(DEGREES(PI()), 6)', result: 180 }],
};
