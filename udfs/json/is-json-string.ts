import type { ScalarFunction } from '../types.js';
import { MISSING, parseJson } from './json-node.js';

export const isJsonString: ScalarFunction = {
  kind: 'scalar',
  name: 'IS_JSON_STRING',
  category: 'JSON',
  description: 'Given a string, returns true if it can be parsed as a valid JSON value, false otherwise.',
  overloads: [{
    params: [{ name: 'input', type: { kind: 'STRING' }, description: 'The input JSON string' }],
    returns: { kind: 'BOOLEAN' },
    nulls: 'custom',
    impl: (input: string | null) => {
      if (input === null) return false;
      try {
        return parseJson(input) !== MISSING;
      } catch {
        return false;
      }
    },
  }],
  examples: [
    { call: "IS_JSON_STRING('[1, 2, 3]')", result: true },
    { call: "IS_JSON_STRING('abc')", result: false },
    { call: `IS_JSON_STRING('"abc"')`, result: true },
  ],
};
