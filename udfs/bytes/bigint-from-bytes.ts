import type { ScalarFunction } from '../types.js';
import { byteOrder, viewOf, type ByteOrder } from './read-number.js';

// BIGINT is a JS number: values beyond 2^53 lose precision (docs/VALUES.md).

function read(bytes: Uint8Array, order: ByteOrder = 'BIG_ENDIAN'): number {
  const view = viewOf(bytes, 8);
  const little = order === 'LITTLE_ENDIAN';
  return Number(view.getBigInt64(0, little));
}

export const bigintFromBytes: ScalarFunction = {
  kind: 'scalar',
  name: 'BIGINT_FROM_BYTES',
  category: 'CONVERSIONS',
  description: 'Converts a BYTES value to a BIGINT value according to the specified byte order. BYTES must be 8 bytes long or a NULL value will be returned.',
  overloads: [
    { params: [{ name: 'value', type: { kind: 'BYTES' } }], returns: { kind: 'BIGINT' }, impl: (b: Uint8Array) => read(b) },
    {
      params: [{ name: 'value', type: { kind: 'BYTES' } }, { name: 'byteOrder', type: { kind: 'STRING' }, description: "'BIG_ENDIAN' or 'LITTLE_ENDIAN'" }],
      returns: { kind: 'BIGINT' },
      impl: (b: Uint8Array, order: string) => read(b, byteOrder(order)),
    },
  ],
  examples: [
    { call: "BIGINT_FROM_BYTES(TO_BYTES('AAAAASoF8gA=', 'base64'))", result: 5000000000 },
    { call: "BIGINT_FROM_BYTES(TO_BYTES('APIFKgEAAAA=', 'base64'), 'LITTLE_ENDIAN')", result: 5000000000 },
  ],
};
