import type { ScalarFunction } from '../types.js';
import { bytesEncoding } from './bytes-encoding.js';

export const toBytes: ScalarFunction = {
  kind: 'scalar',
  name: 'TO_BYTES',
  category: 'STRING',
  description: "Converts a STRING value in the specified encoding to BYTES. The accepted encoders are 'hex', 'utf8', 'ascii', and 'base64'.",
  overloads: [{
    params: [{ name: 'value', type: { kind: 'STRING' } }, { name: 'encoding', type: { kind: 'STRING' } }],
    returns: { kind: 'BYTES' },
    impl: (value: string, encoding: string) => bytesEncoding(encoding).decode(value),
  }],
  examples: [
    { call: "TO_BYTES('1aB2', 'hex')", result: 'GrI=' },
    { call: "TO_BYTES('hello', 'utf8')", result: 'aGVsbG8=' },
  ],
};
