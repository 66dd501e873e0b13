// ksqlDB's Masker: replaces each character by the mask for its Unicode category (upper-case
// letter, lower-case letter, decimal digit, anything else), or keeps it when that mask is off.
import { SqlError } from '../../src/types/sql-error.js';

export interface Masks {
  upper: number | null;
  lower: number | null;
  digit: number | null;
  other: number | null;
}

/** 'X', 'x', 'n' and '-'. */
export const DEFAULT_MASKS: Masks = { upper: 0x58, lower: 0x78, digit: 0x6e, other: 0x2d };

const UPPER = /^\p{Lu}$/u;
const LOWER = /^\p{Ll}$/u;
const DIGIT = /^\p{Nd}$/u;

/** A mask argument: NULL turns masking off for that category; anything but one char fails. */
export function maskCharacter(mask: string | null): number | null {
  if (mask === null) return null;
  if (mask.length !== 1) throw new SqlError('EVALUATION_ERROR', `Invalid mask character. Must be only single character, but was '${mask}'`);
  return mask.charCodeAt(0);
}

export function masksFrom(upper: string | null, lower: string | null, digit: string | null, other: string | null): Masks {
  return { upper: maskCharacter(upper), lower: maskCharacter(lower), digit: maskCharacter(digit), other: maskCharacter(other) };
}

/**
 * Masks every char. Like Java's loop over UTF-16 indexes with codePointAt, a surrogate pair is
 * seen twice: as its code point, then as a lone low surrogate (an "other" character).
 */
export function mask(input: string, masks: Masks): string {
  let out = '';
  for (let i = 0; i < input.length; i++) {
    const cp = input.codePointAt(i) as number;
    const ch = String.fromCodePoint(cp);
    const m = UPPER.test(ch) ? masks.upper : LOWER.test(ch) ? masks.lower : DIGIT.test(ch) ? masks.digit : masks.other;
    out += String.fromCodePoint(m ?? cp);
  }
  return out;
}

/** The check ksqlDB makes on MASK_LEFT & co's character count, even when the input is NULL. */
export function checkCount(name: string, numChars: number): void {
  if (numChars < 0) {
    throw new SqlError('EVALUATION_ERROR', `function ${name} requires a non-negative number of characters to mask or skip`);
  }
}
