import type { ScalarFunction } from '../types.js';
import { DEFAULT_MASKS, mask as applyMask, masksFrom } from './masker.js';
import { DEFAULT_MASKING_RULES, maskParams } from './mask-overloads.js';

export const mask: ScalarFunction = {
  kind: 'scalar',
  name: 'MASK',
  category: 'STRING',
  description: `Returns a version of the input string with every character replaced by a mask. ${DEFAULT_MASKING_RULES}`,
  overloads: [
    {
      params: [{ name: 'input', type: { kind: 'STRING' } }],
      returns: { kind: 'STRING' },
      impl: (input: string) => applyMask(input, DEFAULT_MASKS),
    },
    {
      // A NULL mask character leaves that kind of character unmasked.
      params: [{ name: 'input', type: { kind: 'STRING' } }, ...maskParams],
      returns: { kind: 'STRING' },
      nulls: 'custom',
      impl: (input: string | null, upper: string | null, lower: string | null, digit: string | null, other: string | null) => {
        const masks = masksFrom(upper, lower, digit, other);
        return input === null ? null : applyMask(input, masks);
      },
    },
  ],
  examples: [
    { call: "MASK('My Test $123')", result: 'Xx-Xxxx--nnn' },
    { call: "MASK('My Test $123', '*', NULL, '1', NULL)", result: '*y *est $111' },
  ],
};
