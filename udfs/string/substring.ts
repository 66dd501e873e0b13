import type { ScalarFunction } from '../types.js';

/** 1-based pos; negative counts from the end; positions outside clamp to the value. */
function startIndex(length: number, pos: number): number {
  return pos < 0 ? Math.max(length + pos, 0) : Math.max(Math.min(pos - 1, length), 0);
}

function endIndex(length: number, start: number, len: number): number {
  return Math.max(Math.min(start + len, length), start);
}

function substr<T extends string | Uint8Array>(value: T, pos: number, len?: number): T {
  const start = startIndex(value.length, pos);
  const end = len === undefined ? value.length : endIndex(value.length, start, len);
  return value.slice(start, end) as T;
}

const pos = { name: 'pos', type: { kind: 'INTEGER' as const }, description: 'The base-one position to start from.' };
const len = { name: 'length', type: { kind: 'INTEGER' as const }, description: 'The length to extract.' };

export const substring: ScalarFunction = {
  kind: 'scalar',
  name: 'SUBSTRING',
  category: 'STRING',
  description: 'Returns the portion of the string or bytes value that starts at pos (1-based; negative counts from the end) and has length len, or continues to the end.',
  overloads: [
    { params: [{ name: 'str', type: { kind: 'STRING' } }, pos], returns: { kind: 'STRING' }, impl: substr },
    { params: [{ name: 'str', type: { kind: 'STRING' } }, pos, len], returns: { kind: 'STRING' }, impl: substr },
    { params: [{ name: 'bytes', type: { kind: 'BYTES' } }, pos], returns: { kind: 'BYTES' }, impl: substr },
    { params: [{ name: 'bytes', type: { kind: 'BYTES' } }, pos, len], returns: { kind: 'BYTES' }, impl: substr },
  ],
  examples: [
    { call: "SUBSTRING('stream', 1, 4)", result: 'stre' },
    { call: "SUBSTRING('some_string', -6)", result: 'string' },
    { call: "SUBSTRING('short', 6)", result: '' },
  ],
};
