import type { ScalarFunction } from '../types.js';
import { javaPatternMemo, type JavaPattern } from './java-regex.js';
import { guavaSplit, matchesEmpty, patternSplit } from './java-split.js';

/** Per call site (query): a constant pattern compiles (and is classified) once. */
function regexpSplit(): (str: string, regexp: string) => string[] {
  const compiled = javaPatternMemo();
  let last: JavaPattern | undefined;
  let javaSplit = false;
  return (str, regexp) => {
    const p = compiled(regexp);
    if (p !== last) {
      // ksqlDB uses Java's split when the pattern can match nothing (it splits every character),
      // and Guava's otherwise (keeping empty pieces at either end).
      javaSplit = regexp === '' || matchesEmpty(p);
      last = p;
    }
    return javaSplit ? patternSplit(p, str) : guavaSplit(p, str);
  };
}

export const regexpSplitToArray: ScalarFunction = {
  kind: 'scalar',
  name: 'REGEXP_SPLIT_TO_ARRAY',
  category: 'REGULAR EXPRESSION',
  description: 'Splits a string into an array of substrings based on a regexp. If the regexp is found at the beginning of the string, end of the string, or there are contiguous matches in the string, then empty strings are added to the array. If the regexp is not found, then the original string is returned as the only element in the array. If the regexp is empty, then all characters in the string are split.',
  overloads: [{
    params: [{ name: 'string', type: { kind: 'STRING' } }, { name: 'regexp', type: { kind: 'STRING' } }],
    returns: { kind: 'ARRAY', item: { kind: 'STRING' } },
    factory: regexpSplit,
  }],
  examples: [
    { call: "REGEXP_SPLIT_TO_ARRAY('aabcda', '(ab|cd)')", result: ['a', '', 'a'] },
    { call: "REGEXP_SPLIT_TO_ARRAY('abc', '')", result: ['a', 'b', 'c'] },
  ],
};
