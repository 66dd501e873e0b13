// The aggregate functions of ksqlDB's test jar that QTT cases call: TEST_UDAF (overloads, table
// undo, struct and literal parameters) and the multi-argument and variadic ones (VAR_ARG,
// MID_VAR_ARG, MULTI_ARG, FOUR_ARG, FIVE_ARG, OBJ_COL_ARG, GENERIC_VAR_ARG). Our own
// implementations of what ksqlDB's io.confluent.ksql.function.udaf test classes compute.
import type { AggregateFunction, AggregateOverload, AggregateParam, Aggregator, Param, TypePattern } from '../../../udfs/types.js';
import { codecFor } from '../../../udfs/aggregate/plain-value.js';

const BIGINT: TypePattern = { kind: 'BIGINT' };
const STRING: TypePattern = { kind: 'STRING' };
const INTEGER: TypePattern = { kind: 'INTEGER' };
const STRUCT_AB: TypePattern = { kind: 'STRUCT', fields: [{ name: 'A', type: { kind: 'INTEGER' } }, { name: 'B', type: { kind: 'INTEGER' } }] };

const p = (name: string, type: AggregateParam['type']): AggregateParam => ({ name, type });
const lit = (name: string, type: TypePattern): Param => ({ name, type });
const fn = (name: string, description: string, overloads: AggregateOverload[]): AggregateFunction =>
  ({ kind: 'aggregate', name, category: 'TEST', description, overloads, examples: [] });

/** A sum over numbers with undo (TestUdaf's TableUdaf overloads). */
const numberSum = (toNumber: (v: unknown) => number): Aggregator<number> => ({
  initial: () => 0,
  add: (acc, [v]) => acc + toNumber(v),
  remove: (acc, [v]) => acc - toNumber(v),
  merge: (a, b) => a + b,
  result: (acc) => acc,
});

const num = (v: unknown): number => v as number;
const len = (v: unknown): number => (v === null ? 0 : (v as string).length);

type AB = { A: number; B: number };

export const testUdaf = fn('TEST_UDAF', 'ksqlDB\'s TestUdaf.', [
  { params: [p('v', BIGINT)], returns: BIGINT, create: () => numberSum(num) },
  { params: [p('v', INTEGER)], returns: BIGINT, create: () => numberSum(num) },
  {
    params: [p('v', { kind: 'DOUBLE' })], returns: { kind: 'DOUBLE' },
    create: () => ({ ...numberSum(num), remove: undefined }),
  },
  {
    params: [p('s', STRING)], literalParams: [lit('initial', STRING)], returns: BIGINT,
    create: (_t, [initial]) => ({ ...numberSum(len), initial: () => len(initial), remove: undefined }),
  },
  {
    params: [p('v', STRUCT_AB)], returns: STRUCT_AB,
    create: (): Aggregator<AB> => ({
      initial: () => ({ A: 0, B: 0 }),
      add: (acc, [v]) => ({ A: acc.A + (v as AB).A, B: acc.B + (v as AB).B }),
      merge: (a, b) => ({ A: a.A + b.A, B: a.B + b.B }),
      result: (acc) => ({ ...acc }),
    }),
  },
]);

/** A BIGINT column (NULL as 0) plus the lengths of string arguments (NULLs skipped), from `init`. */
function lengthSum(init: number, offset = 0): Aggregator<number> {
  return {
    initial: () => init,
    add: (acc, args) => {
      let s = acc + (args[0] === null ? 0 : (args[0] as number));
      for (let i = 1; i < args.length; i++) s += len(args[i]);
      return s;
    },
    merge: (a, b) => a + b,
    result: (acc) => acc + offset,
  };
}

/** FOUR_ARG's initial value: the int literal plus the lengths of the string literals. */
const initOf = (literals: unknown[]): number => (literals[0] as number) + literals.slice(1).reduce<number>((s, l) => s + len(l), 0);

export const varArg = fn('VAR_ARG', 'Sums a BIGINT and the lengths of any number of strings.', [
  { params: [p('n', BIGINT), p('s', STRING)], variadic: 'params', returns: BIGINT, create: () => lengthSum(0) },
]);

export const midVarArg = fn('MID_VAR_ARG', 'VAR_ARG plus two INTEGER literals added to the result.', [
  {
    params: [p('n', BIGINT), p('s', STRING)], variadic: 'params', literalParams: [lit('first', INTEGER), lit('second', INTEGER)],
    returns: BIGINT, create: (_t, [a, b]) => lengthSum(0, (a as number) + (b as number)),
  },
]);

const initialized = (params: AggregateParam[]): AggregateOverload => ({
  params, literalParams: [lit('initInt', INTEGER), lit('initStrings', STRING)], variadic: 'literals',
  returns: BIGINT, create: (_t, literals) => lengthSum(initOf(literals)),
});

export const multiArg = fn('MULTI_ARG', 'Sums a BIGINT and a string\'s length, from literal initial values.', [
  initialized([p('n', BIGINT), p('s', STRING)]),
]);

export const fourArg = fn('FOUR_ARG', 'Sums a BIGINT and three strings\' lengths, from literal initial values.', [
  initialized([p('n', BIGINT), p('s1', STRING), p('s2', STRING), p('s3', STRING)]),
]);

export const fiveArg = fn('FIVE_ARG', 'FOUR_ARG with an INTEGER column added too.', [{
  ...initialized([p('n', BIGINT), p('s1', STRING), p('s2', STRING), p('s3', STRING), p('i', INTEGER)]),
  create: (_t, literals) => {
    const base = lengthSum(initOf(literals));
    // The INTEGER is added as a number, not a length.
    return { ...base, add: (acc, args) => base.add(acc, args.slice(0, 4)) + (args[4] === null ? 0 : (args[4] as number)) };
  },
}]);

/** The first argument of each row whose arguments are all non-NULL, as a list. */
function firstWhenAllPresent(first: Parameters<typeof codecFor>[0]): Aggregator<unknown[]> {
  const codec = codecFor(first);
  return {
    initial: () => [],
    add: (acc, args) => {
      if (args.every((a) => a !== null)) acc.push(codec.toPlain(args[0]));
      return acc;
    },
    merge: (a, b) => [...a, ...b],
    result: (acc) => acc.map(codec.fromPlain),
  };
}

export const objColArg = fn('OBJ_COL_ARG', 'The INTEGER of each row whose other arguments (any types) are all non-NULL.', [
  {
    params: [p('first', INTEGER), p('rest', { kind: 'ANY' })], variadic: 'params',
    returns: { kind: 'ARRAY', item: INTEGER }, create: (types) => firstWhenAllPresent(types[0]),
  },
]);

export const genericVarArg = fn('GENERIC_VAR_ARG', 'The first argument of each row whose arguments are all non-NULL.', [
  {
    params: [p('a', { kind: 'GENERIC', name: 'A' }), p('b', { kind: 'GENERIC', name: 'B' }), p('c', { kind: 'GENERIC', name: 'C' })],
    variadic: 'params', returns: { kind: 'ARRAY', item: { kind: 'GENERIC', name: 'A' } },
    create: (types) => firstWhenAllPresent(types[0]),
  },
]);
