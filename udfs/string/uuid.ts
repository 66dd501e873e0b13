import { randomUUID } from 'node:crypto';
import type { ScalarFunction } from '../types.js';
import { hexLower } from '../bytes/byte-encodings.js';

/** java.util.UUID(msb, lsb).toString() of 16 bytes; any other length gives NULL. */
function uuidOf(bytes: Uint8Array): string | null {
  if (bytes.length !== 16) return null;
  const h = hexLower(bytes);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export const uuid: ScalarFunction = {
  kind: 'scalar',
  name: 'UUID',
  category: 'STRING',
  description: 'Create a Universally Unique Identifier (UUID) generated according to RFC 4122. A call to UUID() returns a value conforming to UUID version 4, sometimes called "random UUID", as described in RFC 4122. A call to UUID(bytes) returns a value conforming to UUID. The value is a 128-bit number represented as a string of five hexadecimal numbers aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee.',
  overloads: [
    { params: [], returns: { kind: 'STRING' }, impl: () => randomUUID() },
    { params: [{ name: 'bytes', type: { kind: 'BYTES' } }], returns: { kind: 'STRING' }, impl: uuidOf },
  ],
  examples: [
    { call: 'LEN(UUID())', result: 36 },
    { call: "UUID(TO_BYTES('00112233445566778899aabbccddeeff', 'hex'))", result: '00112233-4455-6677-8899-aabbccddeeff' },
  ],
  volatile: true,
};
