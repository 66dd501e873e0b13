import type { ScalarFunction } from '../types.js';
import type { SqlType } from '../../src/types/sql-type.js';
import { JsonReader, type JsonNode } from './json-node.js';

/**
 * Whether an array element equals the value, as ksqlDB's token-by-token scan decides: integers
 * match only INTEGER/BIGINT values, floats only DOUBLE, and an integer too large for the value's
 * type ends the scan as a failure.
 */
type Match = (node: JsonNode) => boolean | 'fail';

function matcherFor(t: SqlType, val: unknown): Match {
  if (val === null) return (n) => n.t === 'null';
  switch (t.kind) {
    case 'INTEGER':
    case 'BIGINT': {
      const limit = t.kind === 'INTEGER' ? 2 ** 31 : 2 ** 63;
      return (n) => {
        if (n.t !== 'int') return false;
        const v = Number(n.text);
        if (v >= limit || v < -limit) return 'fail';
        return v === val;
      };
    }
    case 'DOUBLE': return (n) => n.t === 'float' && Number(n.text) === val;
    case 'STRING': return (n) => n.t === 'str' && n.v === val;
    case 'BOOLEAN': return (n) => n.t === 'bool' && n.v === val;
    default: return () => false;
  }
}

function contains(json: string, match: Match): boolean {
  const r = new JsonReader(json);
  try {
    r.skipWs();
    if (json[r.pos] !== '[') return false;
    r.pos++;
    r.skipWs();
    if (json[r.pos] === ']') return false;
    for (;;) {
      const m = match(r.value());
      if (m === 'fail') return false;
      if (m) return true;
      r.skipWs();
      if (json[r.pos] === ',') { r.pos++; continue; }
      return false;
    }
  } catch {
    // Malformed JSON before a match: not contained.
    return false;
  }
}

export const jsonArrayContains: ScalarFunction = {
  kind: 'scalar',
  name: 'JSON_ARRAY_CONTAINS',
  category: 'JSON',
  description: 'Parses a JSON array and determines whether or not the supplied value is contained within the array.',
  overloads: [{
    params: [
      { name: 'jsonArray', type: { kind: 'STRING' }, description: 'A JSON array' },
      { name: 'val', type: { kind: 'GENERIC', name: 'T' }, description: 'The value to look for' },
    ],
    returns: { kind: 'BOOLEAN' },
    nulls: 'custom',
    factory: (argTypes) => (json: string | null, val: unknown) =>
      json === null ? null : contains(json, matcherFor(argTypes[1], val)),
  }],
  examples: [
    { call: `JSON_ARRAY_CONTAINS('["Pink", "Yellow"]', 'Pink')`, result: true },
    { call: "JSON_ARRAY_CONTAINS('[1, 2, 3]', 4)", result: false },
    { call: "JSON_ARRAY_CONTAINS('[1.5, 2]', 1.5E0)", result: true },
  ],
};
