import type { ScalarFunction, ScalarOverload } from '../types.js';

/** Key-sorted (by String.compareTo) or map-ordered entries as STRUCT<K STRING, V ...>. */
function entries(map: Map<string, unknown>, sorted: boolean): { K: string; V: unknown }[] {
  const list = [...map].map(([K, V]) => ({ K, V }));
  if (sorted) list.sort((a, b) => (a.K < b.K ? -1 : a.K > b.K ? 1 : 0));
  return list;
}

type ValueKind = 'INTEGER' | 'BIGINT' | 'DOUBLE' | 'BOOLEAN' | 'STRING';

function overload(kind: ValueKind): ScalarOverload {
  const value = { kind } as const;
  return {
    params: [
      { name: 'map', type: { kind: 'MAP', key: { kind: 'STRING' }, value }, description: 'The map to create entries from' },
      { name: 'sorted', type: { kind: 'BOOLEAN' }, description: 'If true then the resulting entries are sorted by key' },
    ],
    returns: { kind: 'ARRAY', item: { kind: 'STRUCT', fields: [{ name: 'K', type: { kind: 'STRING' } }, { name: 'V', type: value }] } },
    impl: entries,
  };
}

export const entriesFunction: ScalarFunction = {
  kind: 'scalar',
  name: 'ENTRIES',
  category: 'MAP',
  description: 'Construct an array from the entries in a map.The array can be optionally sorted on the keys.',
  overloads: (['INTEGER', 'BIGINT', 'DOUBLE', 'BOOLEAN', 'STRING'] as const).map(overload),
  examples: [
    { call: "ENTRIES(MAP('b' := 2, 'a' := 1), TRUE)", result: [{ K: 'a', V: 1 }, { K: 'b', V: 2 }] },
  ],
};
