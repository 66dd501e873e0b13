// EARLIEST_BY_OFFSET / LATEST_BY_OFFSET take their literal second argument by its kind, as
// ksqlDB does: a number is how many values to return (an array), a boolean whether to ignore NULLs.
import { describe, it, expect } from 'vitest';
import { run, topicRecords, jsonValue } from './engine-helpers.js';

const SOURCE = `CREATE STREAM s (id INT KEY, v INT) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS=1);`;
const INSERTS = [12, null, 21, 31].map((v) => `INSERT INTO s (id, v) VALUES (0, ${v});`).join('\n');

async function results(select: string): Promise<unknown[]> {
  await run(`${SOURCE}\nCREATE TABLE t AS SELECT id, ${select} AS r FROM s GROUP BY id;\n${INSERTS}`);
  return (await topicRecords('T')).map((r) => (jsonValue(r) as { R: unknown }).R);
}

describe('EARLIEST_BY_OFFSET and LATEST_BY_OFFSET forms', () => {
  it('(col, n) gives an array of the first n non-NULL values', async () => {
    expect(await results('EARLIEST_BY_OFFSET(v, 2)')).toEqual([[12], [12], [12, 21], [12, 21]]);
  });

  it('(col, n, false) keeps NULLs among the last n values', async () => {
    expect(await results('LATEST_BY_OFFSET(v, 2, false)')).toEqual([[12], [12, null], [null, 21], [21, 31]]);
  });

  it('(col, false) is the single earliest value, NULL included', async () => {
    expect(await results('EARLIEST_BY_OFFSET(v, false)')).toEqual([12, 12, 12, 12]);
  });
});
