import type { ScalarFunction } from '../types.js';
import { forEachMatch, javaPatternMemo, search } from './java-regex.js';

/** Per call site (query): a constant pattern compiles once. */
function regexpExtractAll(): (pattern: string, input: string, groupNumber?: number) => (string | null)[] | null {
  const compiled = javaPatternMemo();
  return (pattern, input, groupNumber = 0) => {
    const p = compiled(pattern);
    if (groupNumber > p.groupCount) return null;
    const out: (string | null)[] = [];
    search(p, input, (m) => forEachMatch(m, input.length, () => out.push(m.group(groupNumber))));
    return out;
  };
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
      factory: regexpExtractAll,
    },
    {
      params: [{ name: 'pattern', type: { kind: 'STRING' } }, { name: 'input', type: { kind: 'STRING' } }, { name: 'group', type: { kind: 'INTEGER' } }],
      returns: { kind: 'ARRAY', item: { kind: 'STRING' } },
      factory: regexpExtractAll,
    },
  ],
  examples: [
    { call: "REGEXP_EXTRACT_ALL('test.', 'some_test_string_testabab')", result: ['test_', 'testa'] },
    { call: "REGEXP_EXTRACT_ALL('(\\w+) (\\w+)', 'hello there nice day', 2)", result: ['there', 'day'] },
  ],
};
