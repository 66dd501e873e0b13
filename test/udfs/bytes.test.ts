import { describe, expect, it } from 'vitest';
import { bytesFunctions } from '../../udfs/bytes/index.js';
import type { ScalarFunction } from '../../udfs/types.js';
import { b64, bytes, BYTES, call, STRING } from './scalar-harness.js';

const fn = (name: string): ScalarFunction => bytesFunctions.find((f) => f.name === name)!;
const toBytes = (s: string | null, enc: string | null) => call(fn('TO_BYTES'), [STRING, STRING], s, enc);
const fromBytes = (b: Uint8Array | null, enc: string | null) => call(fn('FROM_BYTES'), [BYTES, STRING], b, enc);

describe('TO_BYTES and FROM_BYTES (QTT bytes-and-strings)', () => {
  it('hex: either case in, upper case out, even length only', () => {
    expect(b64(toBytes('1aB2', 'hex'))).toBe('GrI=');
    expect(fromBytes(bytes('GrI='), 'hex')).toBe('1AB2');
    expect(fromBytes(bytes('IQ=='), 'HEX')).toBe('21');
    expect(() => toBytes('abc', 'hex')).toThrow(/even-length/);
    expect(() => toBytes('zz', 'hex')).toThrow(/illegal character/);
  });
  it('ascii and utf8', () => {
    expect(fromBytes(bytes('IQ=='), 'ascii')).toBe('!');
    expect(b64(toBytes('!', 'utf8'))).toBe('IQ==');
    expect(b64(toBytes('é', 'ascii'))).toBe('Pw==');
    expect(fromBytes(new Uint8Array([0xc3, 0xa9]), 'ascii')).toBe('\ufffd\ufffd');
    expect(fromBytes(new Uint8Array([0xc3, 0xa9]), 'utf8')).toBe('é');
    expect(b64(toBytes('\ud800', 'utf8'))).toBe('Pw==');
  });
  it('base64: strict decoding, no line breaks when encoding', () => {
    expect(b64(toBytes('Iw==', 'base64'))).toBe('Iw==');
    expect(b64(toBytes('Iw', 'base64'))).toBe('Iw==');
    expect(fromBytes(bytes('Iw=='), 'base64')).toBe('Iw==');
    expect(fromBytes(new Uint8Array(100), 'base64')).not.toContain('\n');
    expect(() => toBytes('I w==', 'base64')).toThrow();
    expect(() => toBytes('Iw=', 'base64')).toThrow();
    expect(() => toBytes('I', 'base64')).toThrow();
  });
  it('rejects unknown encodings and propagates NULL', () => {
    expect(() => toBytes('x', 'utf16')).toThrow(/Unknown encoding type 'utf16'/);
    expect(toBytes(null, 'hex')).toBeNull();
    expect(fromBytes(bytes('IQ=='), null)).toBeNull();
  });
});

describe('INT_FROM_BYTES, BIGINT_FROM_BYTES, DOUBLE_FROM_BYTES (QTT bytes-and-strings)', () => {
  it('reads big-endian by default', () => {
    expect(call(fn('INT_FROM_BYTES'), [BYTES], bytes('AAAH5Q=='))).toBe(2021);
    expect(call(fn('BIGINT_FROM_BYTES'), [BYTES], bytes('AAAAASoF8gA='))).toBe(5000000000);
    expect(call(fn('DOUBLE_FROM_BYTES'), [BYTES], bytes('QICm/ZvJ9YI='))).toBe(532.8738323);
  });
  it('reads little-endian on request', () => {
    expect(call(fn('INT_FROM_BYTES'), [BYTES, STRING], bytes('5QcAAA=='), 'LITTLE_ENDIAN')).toBe(2021);
    expect(call(fn('BIGINT_FROM_BYTES'), [BYTES, STRING], bytes('APIFKgEAAAA='), 'little_endian')).toBe(5000000000);
    expect(call(fn('DOUBLE_FROM_BYTES'), [BYTES, STRING], bytes('gvXJm/2mgEA='), 'LITTLE_ENDIAN')).toBe(532.8738323);
  });
  it('fails on the wrong size or byte order', () => {
    expect(() => call(fn('INT_FROM_BYTES'), [BYTES], bytes('AAAH'))).toThrow(/must be equal to 4, but found 3/);
    expect(() => call(fn('INT_FROM_BYTES'), [BYTES, STRING], bytes('AAAH5Q=='), 'MIDDLE')).toThrow(/Byte order/);
    expect(call(fn('INT_FROM_BYTES'), [BYTES], null)).toBeNull();
    expect(call(fn('INT_FROM_BYTES'), [BYTES], new Uint8Array([0xff, 0xff, 0xff, 0xfe]))).toBe(-2);
  });
});
