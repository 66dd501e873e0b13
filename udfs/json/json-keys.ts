import type { ScalarFunction } from '../types.js';
import { parseJsonOrFail } from './json-node.js';

export const jsonKeys: ScalarFunction = {
  kind: 'scalar',
  name: 'JSON_KEYS',
  category: 'JSON',
  description: "Given a string, parses it as a JSON object and returns a ksqlDB array of strings representing the top-level keys. Returns NULL if the string can't be interpreted as a JSON object, for example, when the string is NULL or it does not contain valid JSON, or the JSON value is not an object.",
  overloads: [{
    params: [{ name: 'jsonObj', type: { kind: 'STRING' }, description: 'A JSON object' }],
    returns: { kind: 'ARRAY', item: { kind: 'STRING' } },
    impl: (json: string) => {
      const node = parseJsonOrFail(json);
      return typeof node === 'object' && node.t === 'obj' ? [...node.fields.keys()] : null;
    },
  }],
  examples: [
    { call: `JSON_KEYS('{"Red": 3, "Green": 5}')`, result: ['Red', 'Green'] },
  ],
};
