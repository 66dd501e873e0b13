// What MASK and its four partial forms (MASK_LEFT, MASK_RIGHT, MASK_KEEP_LEFT, MASK_KEEP_RIGHT)
// share: the mask-character parameters and the rules text; the partial forms are one builder.
import type { FunctionExample, ScalarFunction } from '../types.js';
import { checkCount, DEFAULT_MASKS, mask, masksFrom, type Masks } from './masker.js';

/** The optional mask characters; a NULL one leaves that kind of character unmasked. */
export const maskParams = ['upper', 'lower', 'digit', 'other'].map((name) => ({ name, type: { kind: 'STRING' as const } }));

/** The sentence every masking function's description ends with. */
export const DEFAULT_MASKING_RULES =
  "Default masking rules will replace all upper-case characters with 'X', all lower-case characters with 'x', all digits with 'n', and any other character with '-'.";

export interface PartialMaskSpec {
  /** The SQL name, e.g. 'MASK_LEFT'; its lower-case form names the function in errors. */
  name: string;
  /** The description, before the default-rules sentence. */
  description: string;
  /** What the numChars parameter counts. */
  numChars: string;
  /** Counts from the start of the input (LEFT) or back from its end (RIGHT). */
  from: 'start' | 'end';
  /** Whether the counted characters are the masked ones or the ones kept as they are. */
  counted: 'masked' | 'kept';
  examples: FunctionExample[];
}

/** A MASK_LEFT-like function: the input split where numChars says, one part masked. */
export function partialMask(spec: PartialMaskSpec): ScalarFunction {
  const errorName = spec.name.toLowerCase();
  // The head (input before the cut) is masked when the counted characters are at the start and
  // masked, or at the end and kept; otherwise the tail is.
  const maskHead = (spec.from === 'start') === (spec.counted === 'masked');
  function apply(input: string | null, numChars: number | null, masks: Masks): string | null {
    // numChars is a Java int: NULL fails the call, which ksqlDB reports as NULL.
    if (numChars === null) return null;
    checkCount(errorName, numChars);
    if (input === null) return null;
    const cut = spec.from === 'start' ? Math.min(numChars, input.length) : Math.max(0, input.length - numChars);
    const head = input.slice(0, cut);
    const tail = input.slice(cut);
    return maskHead ? mask(head, masks) + tail : head + mask(tail, masks);
  }
  const base = [
    { name: 'input', type: { kind: 'STRING' as const } },
    { name: 'numChars', type: { kind: 'INTEGER' as const }, description: spec.numChars },
  ];
  return {
    kind: 'scalar',
    name: spec.name,
    category: 'STRING',
    description: `${spec.description} ${DEFAULT_MASKING_RULES}`,
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
    examples: spec.examples,
  };
}
