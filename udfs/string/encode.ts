import type { ScalarFunction } from '../types.js';
import { SqlError } from '../../src/types/sql-error.js';
import { base64DecodeChecked, base64Encode, hexDecode, hexLower } from '../bytes/byte-encodings.js';
import { asciiBytes, asciiString, utf8Bytes, utf8String } from '../bytes/java-charsets.js';

// Java's String.matches: '.' stops at line terminators and the whole string must match.
const HEX_0X = /^0x[^\n\r\x85\u2028\u2029]*$/;
const HEX_X_QUOTED = /^[xX]'[^\n\r\x85\u2028\u2029]*'$/;

/** Strips "0x" (padding an odd digit count with a leading 0) or X'...' around hex digits. */
function hexStrip(s: string): string {
  if (HEX_0X.test(s)) return s.length % 2 !== 0 ? `0${s.slice(2)}` : s.slice(2);
  if (HEX_X_QUOTED.test(s)) return s.slice(2, -1);
  return s;
}

const decoders: Record<string, (s: string) => Uint8Array> = {
  hex: (s) => hexDecode(hexStrip(s), 'commons'),
  utf8: utf8Bytes,
  ascii: asciiBytes,
  base64: base64DecodeChecked,
};

const encoders: Record<string, (b: Uint8Array) => string> = {
  hex: hexLower,
  utf8: utf8String,
  ascii: asciiString,
  base64: base64Encode,
};

function encode(str: string, inputEncoding: string, outputEncoding: string): string {
  const from = inputEncoding.toLowerCase();
  const to = outputEncoding.toLowerCase();
  // ksqlDB has one converter per pair of different encodings, nothing for a pair of the same.
  if (!(from in decoders) || !(to in encoders) || from === to) {
    throw new SqlError('EVALUATION_ERROR', 'Supported input and output encodings are: hex, utf8, ascii and base64');
  }
  return encoders[to](decoders[from](str));
}

export const encodeFunction: ScalarFunction = {
  kind: 'scalar',
  name: 'ENCODE',
  category: 'STRING',
  description: 'Takes an input string s, which is encoded as input_encoding, and encodes it as output_encoding. The accepted input and output encodings are: hex, utf8, ascii and base64. Throws exception if provided encodings are not supported.',
  overloads: [{
    params: [
      { name: 'str', type: { kind: 'STRING' } },
      { name: 'inputEncoding', type: { kind: 'STRING' } },
      { name: 'outputEncoding', type: { kind: 'STRING' } },
    ],
    returns: { kind: 'STRING' },
    impl: encode,
  }],
  examples: [
    { call: "ENCODE('4578616d706C6521', 'hex', 'utf8')", result: 'Example!' },
    { call: "ENCODE('Example!', 'utf8', 'base64')", result: 'RXhhbXBsZSE=' },
  ],
};
