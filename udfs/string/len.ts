import type { ScalarFunction } from '../types.js';

export const len: ScalarFunction = {
  kind: 'scalar',
  name: 'LEN',
  category: 'STRING',
  description: 'Returns the length of a STRING (in UTF-16 code units, as Java counts) or the number of bytes in a BYTES value.',
  overloads: [
    { params: [{ name: 'input', type: { kind: 'STRING' } }], returns: { kind: 'INTEGER' }, impl: (s: string) => s.length },
    { params: [{ name: 'input', type: { kind: 'BYTES' } }], returns: { kind: 'INTEGER' }, impl: (b: Uint8Array) => b.length },
  ],
  examples: [{ call: "LEN('ABC')", result: 3 }, { call: "LEN(TO_BYTES('YWJj', 'base64'))", result: 3 }],
};
