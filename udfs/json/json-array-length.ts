import type { ScalarFunction } from '../types.js';
import { parseJsonOrFail } from './json-node.js';

export const jsonArrayLength: ScalarFunction = {
  kind: 'scalar',
  name: 'JSON_ARRAY_LENGTH',
  category: 'JSON',
  description: "Given a string, parses it as a JSON value and returns the length of the top-level array. Returns NULL if the string can't be interpreted as a JSON array, for example, when the string is NULL or it does not contain valid JSON, or the JSON value is not an array.",
  overloads: [{
    params: [{ name: 'jsonArray', type: { kind: 'STRING' }, description: 'A JSON array' }],
    returns: { kind: 'INTEGER' },
    impl: (json: string) => {
      const node = parseJsonOrFail(json);
      return typeof node === 'object' && node.t === 'arr' ? node.items.length : null;
    },
  }],
  examples: [
    { call: `JSON_ARRAY_LENGTH('["Red", "Green"]')`, result: 2 },
    { call: `JSON_ARRAY_LENGTH('{"a": 1}')`, result: null },
  ],
};
