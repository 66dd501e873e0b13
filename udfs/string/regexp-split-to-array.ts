import type { ScalarFunction } from '../types.js';
import { findFrom, javaPattern } from './java-regex.js';
import { guavaSplit, patternSplit } from './java-split.js';

function regexpSplit(str: string, regexp: string): string[] {
  const p = javaPattern(regexp);
  // ksqlDB uses Java's split when the pattern can match nothing (it splits every character),
  // and Guava's otherwise (keeping empty pieces at either end).
  const matchesEmpty = findFrom(p, '', 0) !== null;
  return regexp === '' || matchesEmpty ? patternSplit(p, str) : guavaSplit(p, str);
}

export const regexpSplitToArray: ScalarFunction = {
  kind: 'scalar',
  name: 'REGEXP_SPLIT_TO_ARRAY',
  category: 'REGULAR EXPRESSION',
  description: 'Splits a string into an array of substrings based on a regexp. If the regexp is found at the beginning of the string, end of the string, or there are contiguous matches in the string, then empty strings are added to the array. If the regexp is not found, then the original string is returned as the only element in the array. If the regexp is empty, then all characters in the string are split.',
  overloads: [{
    params: [{ name: 'string', type: { kind: 'STRING' } }, { name: 'regexp', type: { kind: 'STRING' } }],
    returns: { kind: 'ARRAY', item: { kind: 'STRING' } },
    impl: regexpSplit,
  }],
  examples: [
    { call: "REGEXP_SPLIT_TO_ARRAY('aabcda', '(ab|cd)')", result: ['a', '', 'a'] },
    { call: "REGEXP_SPLIT_TO_ARRAY('abc', '')", result: ['a', 'b', 'c'] },
  ],
};
