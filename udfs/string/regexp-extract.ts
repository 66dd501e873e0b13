import type { ScalarFunction } from '../types.js';
import { findFrom, group, javaPattern } from './java-regex.js';

function regexpExtract(pattern: string, input: string, groupNumber = 0): string | null {
  const p = javaPattern(pattern);
  if (groupNumber > p.groupCount) return null;
  const m = findFrom(p, input, 0);
  return m === null ? null : group(p, m, groupNumber);
}

export const regexpExtractFunction: ScalarFunction = {
  kind: 'scalar',
  name: 'REGEXP_EXTRACT',
  category: 'REGULAR EXPRESSION',
  description: 'Extracts the first substring matched by a regex pattern (Java syntax), or the given capturing group of it.',
  overloads: [
    {
      params: [{ name: 'pattern', type: { kind: 'STRING' } }, { name: 'input', type: { kind: 'STRING' } }],
      returns: { kind: 'STRING' },
      impl: regexpExtract,
    },
    {
      params: [{ name: 'pattern', type: { kind: 'STRING' } }, { name: 'input', type: { kind: 'STRING' } }, { name: 'group', type: { kind: 'INTEGER' } }],
      returns: { kind: 'STRING' },
      impl: regexpExtract,
    },
  ],
  examples: [
    { call: "REGEXP_EXTRACT('test.', 'some_test_string')", result: 'test_' },
    { call: "REGEXP_EXTRACT('(.*) (.*)', 'hello there', 2)", result: 'there' },
  ],
};
