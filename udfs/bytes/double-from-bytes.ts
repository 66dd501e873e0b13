import type { ScalarFunction } from '../types.js';
import { byteOrder, viewOf, type ByteOrder } from './read-number.js';

function read(bytes: Uint8Array, order: ByteOrder = 'BIG_ENDIAN'): number {
  const view = viewOf(bytes, 8);
  const little = order === 'LITTLE_ENDIAN';
  return view.getFloat64(0, little);
}

export const doubleFromBytes: ScalarFunction = {
  kind: 'scalar',
  name: 'DOUBLE_FROM_BYTES',
  category: 'CONVERSIONS',
  description: 'Converts a BYTES value to a DOUBLE value according to the specified byte order. BYTES must be 8 bytes long or a NULL value will be returned.',
  overloads: [
    { params: [{ name: 'value', type: { kind: 'BYTES' } }], returns: { kind: 'DOUBLE' }, impl: (b: Uint8Array) => read(b) },
    {
      params: [{ name: 'value', type: { kind: 'BYTES' } }, { name: 'byteOrder', type: { kind: 'STRING' }, description: "'BIG_ENDIAN' or 'LITTLE_ENDIAN'" }],
      returns: { kind: 'DOUBLE' },
      impl: (b: Uint8Array, order: string) => read(b, byteOrder(order)),
    },
  ],
  examples: [
    { call: "DOUBLE_FROM_BYTES(TO_BYTES('QICm/ZvJ9YI=', 'base64'))", result: 532.8738323 },
    { call: "DOUBLE_FROM_BYTES(TO_BYTES('gvXJm/2mgEA=', 'base64'), 'LITTLE_ENDIAN')", result: 532.8738323 },
  ],
};
