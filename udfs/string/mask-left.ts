import type { ScalarFunction } from '../types.js';
import { checkCount, DEFAULT_MASKS, mask, masksFrom, type Masks } from './masker.js';

function apply(input: string | null, numChars: number | null, masks: Masks): string | null {
  // numChars is a Java int: NULL fails the call, which ksqlDB reports as NULL.
  if (numChars === null) return null;
  checkCount('mask_left', numChars);
  if (input === null) return null;
  const cut = Math.min(numChars, input.length);
  return mask(input.slice(0, cut), masks) + input.slice(cut);
}

const base = [
  { name: 'input', type: { kind: 'STRING' as const } },
  { name: 'numChars', type: { kind: 'INTEGER' as const }, description: 'number of characters to mask from the start' },
];
const maskParams = ['upper', 'lower', 'digit', 'other'].map((name) => ({ name, type: { kind: 'STRING' as const } }));

export const maskLeft: ScalarFunction = {
  kind: 'scalar',
  name: 'MASK_LEFT',
  category: 'STRING',
  description: "Returns a version of the input string with the specified number of characters, counting from the start of the string, masked out. Default masking rules will replace all upper-case characters with 'X', all lower-case characters with 'x', all digits with 'n', and any other character with '-'.",
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
    { call: "MASK_LEFT('My Test $123', 4)", result: 'Xx-Xest $123' },
  ],
};
