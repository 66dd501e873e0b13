import type { ScalarFunction } from '../types.js';

export const intFromBoolean: ScalarFunction = {
  kind: 'scalar',
  name: 'INT_FROM_BOOLEAN',
  category: 'CONVERSIONS',
  description: 'Converts a Boolean value to an Integer value: 1 for true, 0 for false.',
  overloads: [{ params: [{ name: 'bool', type: { kind: 'BOOLEAN' } }], returns: { kind: 'INTEGER' }, impl: (b: boolean) => (b ? 1 : 0) }],
  examples: [{ call: 'INT_FROM_BOOLEAN(true)', result: 1 }],
};
