import type { ScalarFunction } from '../types.js';
import { unaryDoubleOverloads } from './double-overloads.js';

// Java's Math.toRadians multiplies by this constant (JDK 9+).
const DEGREES_TO_RADIANS = 0.017453292519943295;

export const radians: ScalarFunction = {
  kind: 'scalar',
  name: 'RADIANS',
  category: 'MATHEMATICAL',
  description: 'Converts a value in degrees to radians.',
  overloads: unaryDoubleOverloads((x) => x * DEGREES_TO_RADIANS),
  examples: [{ call: 'RADIANS(180)', result: Math.PI }],
};
