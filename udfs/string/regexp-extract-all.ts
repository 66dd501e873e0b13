import type { ScalarFunction } from '../types.js';
import { findAll, group, javaPattern } from './java-regex.js';

function regexpExtractAll(pattern: string, input: string, groupNumber = 0): (string | null)[] | null {
  const p = javaPattern(pattern);
  if (groupNumber > p.groupCount) return null;
  return Array.from(findAll(p, input), (m) => group(p, m, groupNumber));
}

export const regexpExtractAllFunction: ScalarFunction = {
  kind: 'scalar',
  name: 'REGEXP_EXTRACT_ALL',
  category: 'REGULAR EXPRESSION',
  description: 'Extracts all substrings matched by a regex pattern (Java syntax), or the given capturing group of each.',
  overloads: [
    {
      params: [{ name: 'pattern', type: { kind: 'STRING' } }, { name: 'input', type: { kind: 'STRING' } }],
      returns: { kind: 'ARRAY', item: { kind: 'STRING' } },
      impl: regexpExtractAll,
    },
    {
      params: [{ name: 'pattern', type: { kind: 'STRING' } }, { name: 'input', type: { kind: 'STRING' } }, { name: 'group', type: { kind: 'INTEGER' } }],
      returns: { kind: 'ARRAY', item: { kind: 'STRING' } },
      impl: regexpExtractAll,
    },
  ],
  examples: [
    { call: "REGEXP_EXTRACT_ALL('test.', 'some_test_string_testabab')", result: ['test_', 'testa'] },
    { call: "REGEXP_EXTRACT_ALL('(\\w+) (\\w+)', 'hello there nice day', 2)", result: ['there', 'day'] },
  ],
};
