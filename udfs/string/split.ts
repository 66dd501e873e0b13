import type { ScalarFunction } from '../types.js';

function splitString(str: string, delimiter: string): string[] {
  // An empty delimiter splits every char (Java's Pattern("").split: "" stays [""]); otherwise
  // the delimiter is literal and every empty piece is kept, as JS split does (Guava Splitter).
  if (delimiter === '') return str === '' ? [''] : str.split('');
  return str.split(delimiter);
}

function indexOfBytes(b: Uint8Array, delim: Uint8Array, from: number): number {
  outer: for (let i = from; i + delim.length <= b.length; i++) {
    for (let j = 0; j < delim.length; j++) if (b[i + j] !== delim[j]) continue outer;
    return i;
  }
  return -1;
}

/**
 * BytesUtils.split. (ksqlDB's byte matcher compares the wrong offsets for delimiters longer than
 * one byte; we compare the whole delimiter.)
 */
function splitBytes(b: Uint8Array, delim: Uint8Array): Uint8Array[] {
  if (b.length === 0) return [new Uint8Array(0)];
  if (delim.length === 0) return Array.from(b, (x) => Uint8Array.of(x));
  const out: Uint8Array[] = [];
  let offset = 0;
  for (let i = indexOfBytes(b, delim, 0); i !== -1; i = indexOfBytes(b, delim, offset)) {
    out.push(b.slice(offset, i));
    offset = i + delim.length;
  }
  out.push(b.slice(offset));
  return out;
}

export const split: ScalarFunction = {
  kind: 'scalar',
  name: 'SPLIT',
  category: 'STRING',
  description: 'Splits a string or bytes into an array of substrings or bytes based on a delimiter. If the delimiter is found at the beginning of the string/bytes, end of the string/bytes, or there are contiguous delimiters in the string/bytes, then empty strings/bytes are added to the array. If the delimiter is not found, then the original string or bytes is returned as the only element in the array. If the delimiter is empty, then all characters or bytes in the string or bytes are split.',
  overloads: [
    {
      params: [{ name: 'string', type: { kind: 'STRING' } }, { name: 'delimiter', type: { kind: 'STRING' } }],
      returns: { kind: 'ARRAY', item: { kind: 'STRING' } },
      impl: splitString,
    },
    {
      params: [{ name: 'bytes', type: { kind: 'BYTES' } }, { name: 'delimiter', type: { kind: 'BYTES' } }],
      returns: { kind: 'ARRAY', item: { kind: 'BYTES' } },
      impl: splitBytes,
    },
  ],
  examples: [
    { call: "SPLIT('a.b.c', '.')", result: ['a', 'b', 'c'] },
    { call: "SPLIT('..a..', '.')", result: ['', '', 'a', '', ''] },
    { call: "SPLIT('abc', '')", result: ['a', 'b', 'c'] },
  ],
};
