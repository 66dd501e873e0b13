// TOPK(col, otherCols..., k): the k largest values of col, ties in arrival order. With other
// columns each entry is a STRUCT<sort_col, col0, col1, ...> carrying that row's values.
import type { AggregateFunction, AggregateOverload, Aggregator, Param } from '../types.js';
import type { PrimitiveKind, SqlType } from '../../src/types/sql-type.js';
import { compareFor } from '../../src/values/java-compare.js';
import { codecFor } from './plain-value.js';
import { checkK, mergeTop, offerTop } from './top-k-list.js';
import { toDouble } from './numeric.js';

const SORT_KINDS: PrimitiveKind[] = ['INTEGER', 'BIGINT', 'DOUBLE', 'STRING'];
/** Overloads are listed for up to this many other columns (the registry has no variadic aggregates). */
export const TOPK_MAX_OTHER_COLUMNS = 8;

const SORT_FIELD = 'sort_col';
const otherField = (i: number): string => `col${i}`;

/**
 * The sort column has the overload's type: a DECIMAL argument reaches the DOUBLE overload by
 * widening, so its values are converted rather than trusted to be numbers already.
 */
const sortValue = (kind: PrimitiveKind): ((v: unknown) => unknown) =>
  kind === 'DOUBLE' ? (v) => (v === null ? null : toDouble(v)) : (v) => v;

function returnType(kind: PrimitiveKind, argTypes: SqlType[], others: number): SqlType {
  const sortType: SqlType = { kind };
  if (others === 0) return { kind: 'ARRAY', item: sortType };
  const fields: { name: string; type: SqlType }[] = [{ name: SORT_FIELD, type: sortType }];
  for (let i = 0; i < others; i++) fields.push({ name: otherField(i), type: argTypes[i + 1] });
  return { kind: 'ARRAY', item: { kind: 'STRUCT', fields } };
}

/** Sort values are INTEGER, BIGINT, DOUBLE or STRING: already plain. */
function topValues(kind: PrimitiveKind, k: number): Aggregator<unknown[]> {
  const compare = compareFor({ kind });
  const value = sortValue(kind);
  const self = (e: unknown): unknown => e;
  return {
    initial: () => [],
    add: (acc, [raw]) => {
      const v = value(raw);
      if (v !== null) offerTop(acc, v, v, k, self, compare);
      return acc;
    },
    merge: (a, b) => mergeTop(a, b, k, self, compare),
    result: (acc) => acc.slice(),
  };
}

/** Entries are [sortValue, other0, other1, ...] tuples of plain values; structs on output. */
function topRows(kind: PrimitiveKind, argTypes: SqlType[], others: number, k: number): Aggregator<unknown[][]> {
  const compare = compareFor({ kind });
  const value = sortValue(kind);
  const codecs = argTypes.slice(1, 1 + others).map(codecFor);
  const sortOf = (e: unknown[]): unknown => e[0];
  return {
    initial: () => [],
    add: (acc, args) => {
      const v = value(args[0]);
      if (v === null) return acc;
      if (acc.length === k && compare(v, acc[k - 1][0]) <= 0) return acc;
      const entry: unknown[] = [v];
      for (let i = 0; i < others; i++) entry.push(codecs[i].toPlain(args[i + 1] ?? null));
      offerTop(acc, entry, v, k, sortOf, compare);
      return acc;
    },
    merge: (a, b) => mergeTop(a, b, k, sortOf, compare),
    result: (acc) =>
      acc.map((e) => {
        const row: Record<string, unknown> = { [SORT_FIELD]: e[0] };
        for (let i = 0; i < others; i++) row[otherField(i)] = codecs[i].fromPlain(e[i + 1]);
        return row;
      }),
  };
}

function overload(kind: PrimitiveKind, others: number): AggregateOverload {
  const params: Param[] = [{ name: 'col', type: { kind } }];
  for (let i = 0; i < others; i++) params.push({ name: `other${i}`, type: { kind: 'GENERIC', name: `T${i}` } });
  return {
    params,
    literalParams: [{ name: 'k', type: { kind: 'INTEGER' }, description: 'how many values to keep' }],
    returns: (argTypes) => returnType(kind, argTypes, others),
    create: (argTypes, literals) => {
      const k = checkK(literals[0]);
      return others === 0 ? topValues(kind, k) : topRows(kind, argTypes, others, k);
    },
    description:
      others === 0
        ? `The top k values of a ${kind} column.`
        : `The top k values of a ${kind} column with ${others} other column(s) of those rows.`,
  };
}

const overloads: AggregateOverload[] = [];
for (let others = 0; others <= TOPK_MAX_OTHER_COLUMNS; others++) {
  for (const kind of SORT_KINDS) overloads.push(overload(kind, others));
}

export const topk: AggregateFunction = {
  kind: 'aggregate',
  name: 'TOPK',
  category: 'AGGREGATE',
  description:
    'Returns the top k values for a column, per key; with other columns, STRUCTs of the sort value (sort_col) ' +
    'and those columns (col0, col1, ...) from the same rows.',
  overloads,
  examples: [
    { call: 'TOPK(col, 2) over [3, 1, null, 5, 3]', result: [5, 3] },
    {
      call: 'TOPK(score, name, 2) over [[3, "a"], [5, "b"], [3, "c"]]',
      result: [{ sort_col: 5, col0: 'b' }, { sort_col: 3, col0: 'a' }],
    },
  ],
};
