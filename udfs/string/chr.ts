import type { ScalarFunction } from '../types.js';
import { unescapeJava } from './unescape-java.js';

/** Character.toChars(code), or NULL for what is not a valid code point. */
function fromCode(code: number): string | null {
  return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : null;
}

/** StringEscapeUtils.unescapeJava of text that starts with \u, else NULL. */
function fromEscape(text: string): string | null {
  if (text.length < 6 || !text.startsWith('\\u')) return null;
  return unescapeJava(text);
}

export const chr: ScalarFunction = {
  kind: 'scalar',
  name: 'CHR',
  category: 'STRING',
  description: 'Returns a single-character string corresponding to the input character code.',
  overloads: [
    { params: [{ name: 'decimalCode', type: { kind: 'INTEGER' }, description: 'Decimal codepoint' }], returns: { kind: 'STRING' }, impl: fromCode },
    {
      params: [{ name: 'utf16Code', type: { kind: 'STRING' }, description: "UTF16 code for the desired character e.g. '\\u004b'" }],
      returns: { kind: 'STRING' },
      impl: fromEscape,
    },
  ],
  examples: [
    { call: 'CHR(75)', result: 'K' },
    { call: "CHR('\\u597d')", result: '好' },
  ],
};
