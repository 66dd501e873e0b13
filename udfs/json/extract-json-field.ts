import type { ScalarFunction } from '../types.js';
import { MISSING, nodeText, parseJsonOrFail, type JsonNode } from './json-node.js';
import { javaParseInt, jsonPathTokens } from './json-path.js';

/** The node at a path, or null where the path leaves the document. */
function extract(json: string, path: string): string | null {
  const tokens = jsonPathTokens(path);
  const root = parseJsonOrFail(json);
  if (root === MISSING) return tokens.length === 0 ? '' : null;
  let node: JsonNode | undefined = root;
  for (const token of tokens) {
    if (node.t === 'arr') {
      const index = javaParseInt(token);
      if (index === undefined) return null;
      node = index >= 0 ? node.items[index] : undefined;
    } else if (node.t === 'obj') {
      node = node.fields.get(token);
    } else {
      node = undefined;
    }
    if (node === undefined) return null;
  }
  // A string comes back bare; anything else (a JSON null too) as its JSON text.
  return nodeText(node);
}

export const extractJsonField: ScalarFunction = {
  kind: 'scalar',
  name: 'EXTRACTJSONFIELD',
  category: 'JSON',
  description: 'Given a STRING that contains JSON data, extract the value at the specified  JSONPath or NULL if the specified path does not exist.',
  overloads: [{
    params: [
      { name: 'input', type: { kind: 'STRING' }, description: 'The input JSON string' },
      { name: 'path', type: { kind: 'STRING' }, description: 'The JSONPath to extract' },
    ],
    returns: { kind: 'STRING' },
    impl: extract,
  }],
  examples: [
    { call: `EXTRACTJSONFIELD('{"log": {"cloud": "gcp", "region": "us-west"}}', '$.log.cloud')`, result: 'gcp' },
    { call: `EXTRACTJSONFIELD('{"array": [1, 2.50, {"a": true}]}', '$.array[1]')`, result: '2.50' },
    { call: `EXTRACTJSONFIELD('{"array": [1, 2.50, {"a": true}]}', '$.array[2]')`, result: '{"a":true}' },
    { call: `EXTRACTJSONFIELD('{"a": 1}', '$.b')`, result: null },
  ],
};
