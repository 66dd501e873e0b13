// The shared shape of MIN and MAX: keep one plain value, replace it when a row beats it.
// Neither can undo a row, so (as in ksqlDB) they apply to streams only.
import type { AggregateOverload, Aggregator } from '../types.js';
import type { PrimitiveKind, SqlType } from '../../src/types/sql-type.js';
import { codecFor } from './plain-value.js';
import { compareFor } from '../../src/values/java-compare.js';

/** The types ksqlDB's MIN and MAX accept; each returns its argument's type. */
const KINDS: (PrimitiveKind | 'DECIMAL')[] = [
  'INTEGER', 'BIGINT', 'DOUBLE', 'DECIMAL', 'DATE', 'TIME', 'TIMESTAMP', 'STRING', 'BYTES',
];

/** `keep(current, candidate)`: whether the kept value stays, given compareTo's answer. */
export function extremumOverloads(keep: (cmp: number) => boolean, what: string): AggregateOverload[] {
  return KINDS.map((kind) => ({
    params: [{ name: 'col', type: { kind } as AggregateOverload['params'][number]['type'] }],
    returns: kind === 'DECIMAL' ? (argTypes: SqlType[]) => argTypes[0] : { kind },
    create: (argTypes: SqlType[]) => extremum(argTypes[0], keep),
    description: `The ${what} value of a ${kind} column.`,
  }));
}

function extremum(t: SqlType, keep: (cmp: number) => boolean): Aggregator<unknown> {
  const codec = codecFor(t);
  const compare = compareFor(t);
  const pick = (acc: unknown, candidate: unknown): unknown =>
    candidate === null ? acc : acc === null ? candidate : keep(compare(acc, candidate)) ? acc : candidate;
  return {
    initial: () => null,
    add: (acc, [v]) => (v === null ? acc : pick(acc, codec.toPlain(v))),
    merge: (a, b) => pick(b, a),
    result: (acc) => codec.fromPlain(acc),
  };
}
