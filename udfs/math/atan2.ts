import type { ScalarFunction } from '../types.js';
import { binaryDoubleOverloads } from './double-overloads.js';

export const atan2: ScalarFunction = {
  kind: 'scalar',
  name: 'ATAN2',
  category: 'MATHEMATICAL',
  description: 'Returns the inverse (arc) tangent of y / x, in radians: the angle theta of the polar coordinates of (x, y).',
  overloads: binaryDoubleOverloads(Math.atan2, ['y', 'x']),
  examples: [{ call: 'ATAN2(0, 1)', result: 0 }],
};
