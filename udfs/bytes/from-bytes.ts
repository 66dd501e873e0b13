import type { ScalarFunction } from '../types.js';
import { bytesEncoding } from './bytes-encoding.js';

export const fromBytes: ScalarFunction = {
  kind: 'scalar',
  name: 'FROM_BYTES',
  category: 'STRING',
  description: "Converts a BYTES value to STRING in the specified encoding. The accepted encoders are 'hex', 'utf8', 'ascii', and 'base64'.",
  overloads: [{
    params: [{ name: 'value', type: { kind: 'BYTES' } }, { name: 'encoding', type: { kind: 'STRING' } }],
    returns: { kind: 'STRING' },
    impl: (value: Uint8Array, encoding: string) => bytesEncoding(encoding).encode(value),
  }],
  examples: [
    { call: "FROM_BYTES(TO_BYTES('1aB2', 'hex'), 'hex')", result: '1AB2' },
    { call: "FROM_BYTES(TO_BYTES('aGVsbG8=', 'base64'), 'utf8')", result: 'hello' },
  ],
};
