import type { ScalarFunction } from '../types.js';

/** commons-lang3 StringUtils.ordinalIndexOf: the nth (possibly overlapping) occurrence, or -1. */
function ordinalIndexOf(str: string, search: string, ordinal: number): number {
  if (ordinal <= 0) return -1;
  if (search.length === 0) return 0;
  let index = -1;
  for (let found = 0; found < ordinal; found++) {
    index = str.indexOf(search, index + 1);
    if (index < 0) return -1;
  }
  return index;
}

/** StringUtils.substring(str, start): a negative start counts from the end. */
function substringFrom(str: string, start: number): string {
  const s = start < 0 ? Math.max(str.length + start, 0) : start;
  return s > str.length ? '' : str.slice(s);
}

/** StringBuilder.reverse(): surrogate pairs stay in order. */
const reverse = (s: string): string => Array.from(s).reverse().join('');

function instr(str: string | null, substring: string | null, position: number | null = 1,
  occurrence: number | null = 1): number | null {
  // Missing strings give 0; position and occurrence are Java ints, so NULL fails the call.
  if (str === null || substring === null) return 0;
  if (position === null || occurrence === null) return null;
  if (Math.abs(position) > str.length) return 0;
  if (position < 0) {
    const i = ordinalIndexOf(substringFrom(reverse(str), -position - 1), reverse(substring), occurrence);
    return i === -1 ? 0 : str.length + position - i - substring.length + 2;
  }
  const i = ordinalIndexOf(substringFrom(str, position - 1), substring, occurrence);
  return i === -1 ? 0 : i + position;
}

const str = { name: 'str', type: { kind: 'STRING' as const } };
const sub = { name: 'substring', type: { kind: 'STRING' as const } };
const position = { name: 'position', type: { kind: 'INTEGER' as const } };
const occurrence = { name: 'occurrence', type: { kind: 'INTEGER' as const } };

export const instrFunction: ScalarFunction = {
  kind: 'scalar',
  name: 'INSTR',
  category: 'STRING',
  description: 'Returns the position of substring in the provided string: 1-based, searching from position (from the end when negative) for the given occurrence, or 0 if not found.',
  overloads: [
    { params: [str, sub], returns: { kind: 'INTEGER' }, nulls: 'custom', impl: instr },
    { params: [str, sub, position], returns: { kind: 'INTEGER' }, nulls: 'custom', impl: instr },
    { params: [str, sub, position, occurrence], returns: { kind: 'INTEGER' }, nulls: 'custom', impl: instr },
  ],
  examples: [
    { call: "INSTR('CORPORATE FLOOR', 'OR')", result: 2 },
    { call: "INSTR('CORPORATE FLOOR', 'OR', 3, 2)", result: 14 },
    { call: "INSTR('CORPORATE FLOOR', 'OR', -3, 2)", result: 2 },
    { call: "INSTR('CORPORATE FLOOR', 'MISSING')", result: 0 },
  ],
};
