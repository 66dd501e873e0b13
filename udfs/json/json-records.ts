import type { ScalarFunction } from '../types.js';
import { nodeText, parseJsonOrFail } from './json-node.js';

export const jsonRecords: ScalarFunction = {
  kind: 'scalar',
  name: 'JSON_RECORDS',
  category: 'JSON',
  description: "Given a string, parses it as a JSON object and returns a map representing the top-level keys and values. Returns `NULL` if the string can't be interpreted as a JSON object, i.e. it is `NULL` or it does not contain valid JSON, or the JSON value is not an object.",
  overloads: [{
    params: [{ name: 'jsonObj', type: { kind: 'STRING' }, description: 'A JSON object' }],
    returns: { kind: 'MAP', key: { kind: 'STRING' }, value: { kind: 'STRING' } },
    impl: (json: string) => {
      const node = parseJsonOrFail(json);
      if (typeof node !== 'object' || node.t !== 'obj') return null;
      // A string value comes back bare; others (a JSON null too) as their JSON text.
      const out = new Map<string, string>();
      for (const [k, v] of node.fields) out.set(k, nodeText(v));
      return out;
    },
  }],
  examples: [
    { call: `JSON_RECORDS('{"Red": 3, "Green": "five"}')`, result: { Red: '3', Green: 'five' } },
  ],
};
