import type { ScalarFunction } from '../types.js';
import { T } from './patterns.js';

export const asValue: ScalarFunction = {
  kind: 'scalar',
  name: 'AS_VALUE',
  category: 'OTHER',
  description: 'Used exclusively in the projection of a query to allow a key column to be copied into the value schema. Has no affect if used anywhere else.',
  overloads: [{
    params: [{ name: 'keyColumn', type: T, description: 'The key column to copy into the value' }],
    returns: T,
    nulls: 'custom',
    impl: (v: unknown) => v,
  }],
  examples: [
    { call: "AS_VALUE('k1')", result: 'k1' },
  ],
};
