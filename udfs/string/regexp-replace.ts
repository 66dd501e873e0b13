import type { ScalarFunction } from '../types.js';
import { replaceAll } from './java-replace.js';
import { javaPatternMemo } from './java-regex.js';

/** Per call site (query): a constant pattern compiles once. */
function regexpReplaceImpl(): (str: string, regexp: string, newStr: string) => string {
  const compiled = javaPatternMemo();
  return (str, regexp, newStr) => replaceAll(compiled(regexp), str, newStr);
}

export const regexpReplace: ScalarFunction = {
  kind: 'scalar',
  name: 'REGEXP_REPLACE',
  category: 'REGULAR EXPRESSION',
  description: 'Replaces all matches of a regexp (Java syntax) in a string with a new substring, in which $n refers to a capturing group.',
  overloads: [{
    params: [
      { name: 'str', type: { kind: 'STRING' } },
      { name: 'regexp', type: { kind: 'STRING' } },
      { name: 'newStr', type: { kind: 'STRING' } },
    ],
    returns: { kind: 'STRING' },
    factory: regexpReplaceImpl,
  }],
  examples: [
    { call: "REGEXP_REPLACE('baababaa', '(ab)+', 'cat')", result: 'bacataa' },
    { call: "REGEXP_REPLACE('john smith', '(\\w+) (\\w+)', '$2, $1')", result: 'smith, john' },
  ],
};
