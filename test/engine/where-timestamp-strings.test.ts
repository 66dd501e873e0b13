// A WHERE clause may compare ROWTIME, WINDOWSTART or WINDOWEND with a date-time string, as in
// ksqlDB: the string (full, partial like '2018', or with an offset) stands for its epoch millis.
import { describe, it, expect } from 'vitest';
import { run, topicRecords, jsonValue } from './engine-helpers.js';

const SOURCE = `CREATE STREAM s (k STRING KEY, n INT) WITH (KAFKA_TOPIC='s', FORMAT='JSON', PARTITIONS=1);`;
const ROWS = [[1514764799999, 1], [1514764800001, 2], [1546300800000, 3], [1600000000000, 4]]
  .map(([ts, n]) => `INSERT INTO s (ROWTIME, k, n) VALUES (${ts}, 'a', ${n});`).join('\n');

async function kept(where: string): Promise<unknown[]> {
  await run(`${SOURCE}\nCREATE STREAM out AS SELECT k, n FROM s WHERE ${where};\n${ROWS}`);
  return (await topicRecords('OUT')).map((r) => (jsonValue(r) as { N: number }).N);
}

describe('WHERE on record times with date-time strings', () => {
  it('compares ROWTIME with a full date-time in UTC', async () => {
    expect(await kept("ROWTIME > '2018-01-01T00:00:00.000'")).toEqual([2, 3, 4]);
  });

  it('takes a partial date, also on the left side', async () => {
    expect(await kept("'2019' <= ROWTIME")).toEqual([3, 4]);
  });

  it('takes an offset, in BETWEEN too', async () => {
    expect(await kept("ROWTIME BETWEEN '2018-01-01T00:00:00.001' AND '2019-01-01T04:45:00+0445'")).toEqual([2, 3]);
  });

  it('refuses a string that is no date-time, saying what it expects', async () => {
    await expect(kept("ROWTIME > 'yesterday'")).rejects.toThrow(/yesterday/);
  });
});
