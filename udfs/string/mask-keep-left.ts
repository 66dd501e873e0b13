import type { ScalarFunction } from '../types.js';
import { checkCount, DEFAULT_MASKS, mask, masksFrom, type Masks } from './masker.js';

function apply(input: string | null, numChars: number | null, masks: Masks): string | null {
  // numChars is a Java int: NULL fails the call, which ksqlDB reports as NULL.
  if (numChars === null) return null;
  checkCount('mask_keep_left', numChars);
  if (input === null) return null;
  const keep = Math.min(numChars, input.length);
  return input.slice(0, keep) + mask(input.slice(keep), masks);
}

const base = [
  { name: 'input', type: { kind: 'STRING' as const } },
  { name: 'numChars', type: { kind: 'INTEGER' as const }, description: 'number of characters to keep unmasked at the start' },
];
const maskParams = ['upper', 'lower', 'digit', 'other'].map((name) => ({ name, type: { kind: 'STRING' as const } }));

export const maskKeepLeft: ScalarFunction = {
  kind: 'scalar',
  name: 'MASK_KEEP_LEFT',
  category: 'STRING',
  description: "Returns a version of the input string with all but the specified number of left-most characters masked out. Default masking rules will replace all upper-case characters with 'X', all lower-case characters with 'x', all digits with 'n', and any other character with '-'.",
  overloads: [
    {
      params: base,
      returns: { kind: 'STRING' },
      nulls: 'custom',
      impl: (input: string | null, numChars: number | null) => apply(input, numChars, DEFAULT_MASKS),
    },
    {
      // A NULL mask character leaves that kind of character unmasked.
      params: [...base, ...maskParams],
      returns: { kind: 'STRING' },
      nulls: 'custom',
      impl: (input: string | null, numChars: number | null, upper: string | null, lower: string | null,
        digit: string | null, other: string | null) => apply(input, numChars, masksFrom(upper, lower, digit, other)),
    },
  ],
  examples: [
    { call: "MASK_KEEP_LEFT('My Test $123', 4)", result: 'My Txxx--nnn' },
  ],
};
