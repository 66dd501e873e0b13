// Aggregate functions whose last column parameter or last literal parameter repeats (ksqlDB's
// VariadicArgs in a UDAF): a call splits into column arguments and trailing literals by the
// overload's shape, each repeated argument reaches the aggregator as its own value, an ANY
// parameter takes any type, and a call that fits no shape names every argument's type.
import { describe, it, expect } from 'vitest';
import { engine, run, topicRecords, jsonValue } from './engine-helpers.js';
import { FunctionRegistry } from '../../udfs/registry.js';
import { builtinFunctions } from '../../udfs/index.js';
import type { AggregateFunction, Aggregator } from '../../udfs/types.js';

/** Sums of the lengths of every string argument, plus the literals' sum at the end. */
const lengths = (extra: number): Aggregator<number> => ({
  initial: () => 0,
  add: (acc, args) => args.reduce<number>((s, a) => s + (typeof a === 'string' ? a.length : 0), acc),
  result: (acc) => acc + extra,
});

const totalLength: AggregateFunction = {
  kind: 'aggregate', name: 'TOTAL_LENGTH', category: 'TEST', description: 'String lengths.', examples: [],
  overloads: [{
    params: [{ name: 's', type: { kind: 'STRING' } }], variadic: 'params',
    literalParams: [{ name: 'bonus', type: { kind: 'INTEGER' } }],
    returns: { kind: 'BIGINT' }, create: (_t, [bonus]) => lengths(bonus as number),
  }],
};

const withBonuses: AggregateFunction = {
  kind: 'aggregate', name: 'WITH_BONUSES', category: 'TEST', description: 'String lengths plus literals.', examples: [],
  overloads: [{
    params: [{ name: 's', type: { kind: 'STRING' } }],
    literalParams: [{ name: 'bonus', type: { kind: 'INTEGER' } }], variadic: 'literals',
    returns: { kind: 'BIGINT' }, create: (_t, ls) => lengths(ls.reduce<number>((a, b) => a + (b as number), 0)),
  }],
};

const countPresent: AggregateFunction = {
  kind: 'aggregate', name: 'COUNT_PRESENT', category: 'TEST', description: 'Rows whose arguments are all non-NULL.', examples: [],
  overloads: [{
    params: [{ name: 'v', type: { kind: 'ANY' } }], variadic: 'params', returns: { kind: 'BIGINT' },
    create: () => ({ initial: () => 0, add: (acc: number, args) => (args.every((a) => a !== null) ? acc + 1 : acc), result: (acc: number) => acc }),
  }],
};

const SOURCE = `CREATE STREAM s (id INT KEY, a STRING, b STRING, n INT, m MAP<STRING, INT>) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS=1);`;
const INSERTS = `INSERT INTO s (id, a, b, n, m) VALUES (0, 'ab', 'cde', 1, MAP('k' := 1));
INSERT INTO s (id, a, b, n, m) VALUES (0, 'f', NULL, NULL, MAP('k' := 2));`;

let tables = 0;

/** The results a CTAS over two rows of one key writes (the source is made once per test's engine). */
async function results(select: string): Promise<unknown[]> {
  const e = await engine({ registry: new FunctionRegistry([...builtinFunctions, totalLength, withBonuses, countPresent]) });
  const fresh = !e.state.catalog.get('S');
  const t = `T${++tables}`;
  await run(`${fresh ? SOURCE : ''}\nCREATE TABLE ${t} AS SELECT id, ${select} AS r FROM s GROUP BY id;\n${fresh ? INSERTS : ''}`);
  return (await topicRecords(t)).map((r) => (jsonValue(r) as { R: unknown }).R);
}

describe('variadic aggregate functions', () => {
  it('take any number of repeated column arguments before their literals', async () => {
    expect(await results('TOTAL_LENGTH(a, b, \'xyz\', 100)')).toEqual([108, 112]);
    expect(await results('TOTAL_LENGTH(100)')).toEqual([100, 100]);
  });

  it('take any number of repeated trailing literals', async () => {
    expect(await results('WITH_BONUSES(a, 1, 2, 3)')).toEqual([8, 9]);
    expect(await results('WITH_BONUSES(a)')).toEqual([2, 3]);
  });

  it('pass arguments of any types to an ANY parameter', async () => {
    expect(await results('COUNT_PRESENT(a, n, m)')).toEqual([1, 1]);
  });

  it('name every argument\'s type when no shape fits', async () => {
    await expect(results('TOTAL_LENGTH(a, n, 100)')).rejects.toThrow("Function 'TOTAL_LENGTH' does not accept parameters (STRING, INTEGER, INTEGER).");
    await expect(results('TOTAL_LENGTH(a, b)')).rejects.toThrow("Function 'TOTAL_LENGTH' does not accept parameters (STRING, STRING).");
  });
});
