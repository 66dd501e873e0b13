import type { ScalarFunction } from '../types.js';
import { javaPatternMemo, search } from './java-regex.js';

/** Per call site (query): a constant pattern compiles once. */
function regexpExtract(): (pattern: string, input: string, groupNumber?: number) => string | null {
  const compiled = javaPatternMemo();
  return (pattern, input, groupNumber = 0) => {
    const p = compiled(pattern);
    if (groupNumber > p.groupCount) return null;
    return search(p, input, (m) => (m.find(0) ? m.group(groupNumber) : null));
  };
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
      factory: regexpExtract,
    },
    {
      params: [{ name: 'pattern', type: { kind: 'STRING' } }, { name: 'input', type: { kind: 'STRING' } }, { name: 'group', type: { kind: 'INTEGER' } }],
      returns: { kind: 'STRING' },
      factory: regexpExtract,
    },
  ],
  examples: [
    { call: "REGEXP_EXTRACT('test.', 'some_test_string')", result: 'test_' },
    { call: "REGEXP_EXTRACT('(.*) (.*)', 'hello there', 2)", result: 'there' },
  ],
};
