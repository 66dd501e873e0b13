import type { ScalarFunction } from '../types.js';
import { SqlError } from '../../src/types/sql-error.js';
import { parseJsonOrFail, writeJson } from './json-node.js';

export const jsonItems: ScalarFunction = {
  kind: 'scalar',
  name: 'JSON_ITEMS',
  category: 'JSON',
  description: 'Given a string with JSON array, converts it to a ksqlDB array of JSON strings. Returns `NULL` if the string can not be interpreted as a JSON array, for example, when the string is `NULL` or it does not contain valid JSON, or the JSON value is not an array.',
  overloads: [{
    params: [{ name: 'jsonItems', type: { kind: 'STRING' }, description: 'A JSON array' }],
    returns: { kind: 'ARRAY', item: { kind: 'STRING' } },
    impl: (json: string) => {
      const node = parseJsonOrFail(json);
      // ksqlDB reads the text as a List<JsonNode>: anything but an array is a failure.
      if (typeof node !== 'object' || node.t !== 'arr') throw new SqlError('EVALUATION_ERROR', `Invalid JSON format:${json}`);
      return node.items.map((item) => writeJson(item, false));
    },
  }],
  examples: [
    { call: `JSON_ITEMS('[{"type": "A"}, "b", 1]')`, result: ['{"type":"A"}', '"b"', '1'] },
  ],
};
