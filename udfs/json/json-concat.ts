import type { ScalarFunction } from '../types.js';
import { MISSING, parseJsonOrFail, writeJson, type JsonNode } from './json-node.js';

function concat(...jsons: (string | null)[]): string | null {
  const nodes: JsonNode[] = [];
  for (const json of jsons) {
    if (json === null) return null;
    const node = parseJsonOrFail(json);
    if (node === MISSING) return null;
    nodes.push(node);
  }
  if (nodes.length === 0) return null;
  if (nodes.every((n) => n.t === 'obj')) {
    const fields = new Map<string, JsonNode>();
    for (const n of nodes) for (const [k, v] of (n as { fields: Map<string, JsonNode> }).fields) fields.set(k, v);
    return writeJson({ t: 'obj', fields }, true);
  }
  // Anything that is not an array joins as a one-element array.
  const items = nodes.flatMap((n) => (n.t === 'arr' ? n.items : [n]));
  return writeJson({ t: 'arr', items }, true);
}

export const jsonConcat: ScalarFunction = {
  kind: 'scalar',
  name: 'JSON_CONCAT',
  category: 'JSON',
  description: "Given N strings, parse them as JSON values and return a string representing their concatenation. Concatenation rules are identical to PostgreSQL's || operator: if all strings deserialize into JSON objects, return an object with a union of the input keys (for duplicate keys, the value from the last object); if all strings deserialize into JSON arrays, return the result of array concatenation; if at least one of the deserialized values is not an object, convert non-array inputs to a single-element array and return the result of array concatenation; if at least one of the input strings is NULL or can't be deserialized as JSON, return NULL. Only top-level object keys or arrays are merged.",
  overloads: [{
    params: [{ name: 'jsonStrings', type: { kind: 'STRING' }, description: 'JSON values to concatenate' }],
    variadic: true,
    returns: { kind: 'STRING' },
    nulls: 'custom',
    impl: concat,
  }],
  examples: [
    { call: `JSON_CONCAT('{"a": 1}', '{"b": 2}')`, result: '{"a":1,"b":2}' },
    { call: "JSON_CONCAT('[1, 2]', '[3, 4]')", result: '[1,2,3,4]' },
    { call: `JSON_CONCAT('[1, 2]', '{"a": 1}', '4')`, result: '[1,2,{"a":1},4]' },
  ],
};
