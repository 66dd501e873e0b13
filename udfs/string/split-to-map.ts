import type { ScalarFunction } from '../types.js';

function splitToMap(input: string, entryDelimiter: string, kvDelimiter: string): Map<string, string> | null {
  if (entryDelimiter === '' || kvDelimiter === '' || entryDelimiter === kvDelimiter) return null;
  const map = new Map<string, string>();
  for (const entry of input.split(entryDelimiter)) {
    // Entries without the kv delimiter are dropped; a later key overwrites an earlier one; only
    // the first two pieces of an entry count ('a=b=c' is a → b).
    if (entry === '' || !entry.includes(kvDelimiter)) continue;
    const [key, value] = entry.split(kvDelimiter);
    map.set(key, value);
  }
  return map;
}

export const splitToMapFunction: ScalarFunction = {
  kind: 'scalar',
  name: 'SPLIT_TO_MAP',
  category: 'STRING',
  description: "Splits a string into key-value pairs and creates a map from them. The 'entryDelimiter' splits the string into key-value pairs which are then split by 'kvDelimiter'. If the same key is present multiple times in the input, the latest value for that key is returned. Returns NULL if the input text or either of the delimiters is NULL.",
  overloads: [{
    params: [
      { name: 'input', type: { kind: 'STRING' } },
      { name: 'entryDelimiter', type: { kind: 'STRING' } },
      { name: 'kvDelimiter', type: { kind: 'STRING' } },
    ],
    returns: { kind: 'MAP', key: { kind: 'STRING' }, value: { kind: 'STRING' } },
    impl: splitToMap,
  }],
  examples: [
    { call: "SPLIT_TO_MAP('apple:=green/cherry:=red', '/', ':=')", result: { apple: 'green', cherry: 'red' } },
  ],
};
