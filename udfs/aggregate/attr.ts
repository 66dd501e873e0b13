// ATTR: the group's one value, or NULL once the group holds two different values (NULL counts as
// a value). Counts per value let a table aggregation retract rows and become valid again.
import type { AggregateFunction, Aggregator } from '../types.js';
import type { SqlType } from '../../src/types/sql-type.js';
import { codecFor } from './plain-value.js';
import { equalsFor } from './value-key.js';

/** [plain value, count] pairs; like ksqlDB, entries stay at count 0 rather than being removed. */
type Entries = [unknown, number][];

function attrOf(t: SqlType): Aggregator<Entries> {
  const codec = codecFor(t);
  const equals = equalsFor(t);
  const update = (acc: Entries, p: unknown, by: number): Entries => {
    let found = false;
    for (const e of acc) {
      if (equals(e[0], p)) {
        found = true;
        e[1] = Math.max(0, e[1] + by);
      }
    }
    if (!found && by > 0) acc.push([p, by]);
    return acc;
  };
  return {
    initial: () => [],
    add: (acc, [v]) => update(acc, codec.toPlain(v), 1),
    remove: (acc, [v]) => update(acc, codec.toPlain(v), -1),
    merge: (a, b) => {
      const out: Entries = a.map((e) => [e[0], e[1]]);
      for (const [p, n] of b) update(out, p, n);
      return out;
    },
    result: (acc) => {
      const live = acc.filter((e) => e[1] > 0);
      return live.length === 1 ? codec.fromPlain(live[0][0]) : null;
    },
  };
}

export const attr: AggregateFunction = {
  kind: 'aggregate',
  name: 'ATTR',
  category: 'AGGREGATE',
  description:
    'Returns the single value a column has in a group, or NULL if the group holds more than one distinct value.',
  overloads: [
    {
      params: [{ name: 'col', type: { kind: 'GENERIC', name: 'T' } }],
      returns: (argTypes) => argTypes[0],
      create: (argTypes) => attrOf(argTypes[0]),
    },
  ],
  examples: [
    { call: 'ATTR(col) over ["a", "a", "a"]', result: 'a' },
    { call: 'ATTR(col) over ["a", "b", "a"]', result: null },
  ],
};
