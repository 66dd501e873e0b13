// BytesUtils.Encoding: the encodings TO_BYTES and FROM_BYTES accept, case-insensitively.
import { SqlError } from '../../src/types/sql-error.js';
import { base64DecodeStrict, base64Encode, hexDecode, hexUpper } from './byte-encodings.js';
import { asciiBytes, asciiString, utf8Bytes, utf8String } from './java-charsets.js';

interface Encoding {
  encode(b: Uint8Array): string;
  decode(s: string): Uint8Array;
}

const ENCODINGS: Record<string, Encoding> = {
  hex: { encode: hexUpper, decode: (s) => hexDecode(s, 'strict') },
  utf8: { encode: utf8String, decode: utf8Bytes },
  ascii: { encode: asciiString, decode: asciiBytes },
  base64: { encode: base64Encode, decode: base64DecodeStrict },
};

export function bytesEncoding(name: string): Encoding {
  const e = ENCODINGS[name.toLowerCase()];
  if (e === undefined) {
    throw new SqlError('EVALUATION_ERROR',
      `Unknown encoding type '${name}'. Supported formats are 'hex', 'utf8', 'ascii', and 'base64'.`);
  }
  return e;
}
