import type { ScalarFunction } from '../types.js';
import { byteOrder, viewOf, type ByteOrder } from './read-number.js';

function read(bytes: Uint8Array, order: ByteOrder = 'BIG_ENDIAN'): number {
  const view = viewOf(bytes, 4);
  const little = order === 'LITTLE_ENDIAN';
  return view.getInt32(0, little);
}

export const intFromBytes: ScalarFunction = {
  kind: 'scalar',
  name: 'INT_FROM_BYTES',
  category: 'CONVERSIONS',
  description: 'Converts a BYTES value to an INT value according to the specified byte order. BYTES must be 4 bytes long or a NULL value will be returned.',
  overloads: [
    { params: [{ name: 'value', type: { kind: 'BYTES' } }], returns: { kind: 'INTEGER' }, impl: (b: Uint8Array) => read(b) },
    {
      params: [{ name: 'value', type: { kind: 'BYTES' } }, { name: 'byteOrder', type: { kind: 'STRING' }, description: "'BIG_ENDIAN' or 'LITTLE_ENDIAN'" }],
      returns: { kind: 'INTEGER' },
      impl: (b: Uint8Array, order: string) => read(b, byteOrder(order)),
    },
  ],
  examples: [
    { call: "INT_FROM_BYTES(TO_BYTES('AAAH5Q==', 'base64'))", result: 2021 },
    { call: "INT_FROM_BYTES(TO_BYTES('5QcAAA==', 'base64'), 'LITTLE_ENDIAN')", result: 2021 },
  ],
};
