// PARTITION BY over a join: the partitioning expression and the SELECT after it name the join's
// columns as in any join query (L.B, or B when only one source has it), the key takes the
// join's name for the column (L_B), and the join key is not written twice.
import { describe, it, expect } from 'vitest';
import { run, topicRecords, jsonValue, utf8, engine } from './engine-helpers.js';

const SOURCES = `CREATE STREAM l (k STRING KEY, a STRING, b STRING) WITH (KAFKA_TOPIC='l', FORMAT='JSON', PARTITIONS=1);
CREATE STREAM r (k STRING KEY, c STRING, d STRING) WITH (KAFKA_TOPIC='r', FORMAT='JSON', PARTITIONS=1);`;

async function joinOutput(query: string): Promise<{ key: unknown; value: unknown }[]> {
  await run(`${SOURCES}\n${query}`);
  const log = (await engine()).log;
  await log.produce('l', [{ key: utf8('"a"'), value: utf8('{"A": "x", "B": "join"}'), timestamp: 1 }]);
  await log.produce('r', [{ key: utf8('"c"'), value: utf8('{"C": "y", "D": "join"}'), timestamp: 2 }]);
  return (await topicRecords('OUTPUT')).map((rec) => ({ key: JSON.parse(Buffer.from(rec.key!).toString()), value: jsonValue(rec) }));
}

describe('PARTITION BY over a join', () => {
  it('re-keys by a qualified column of one side, the SELECT naming the others by qualifier', async () => {
    expect(await joinOutput('CREATE STREAM output AS SELECT L.B, L.K, R.K FROM l JOIN r WITHIN 10 SECONDS ON L.B = R.D PARTITION BY L.B;'))
      .toEqual([{ key: 'join', value: { L_K: 'a', R_K: 'c' } }]);
  });

  it('re-keys by an unqualified column only one side has, in expressions too', async () => {
    expect(await joinOutput('CREATE STREAM output AS SELECT A, CONCAT(C, \'!\') AS CC FROM l JOIN r WITHIN 10 SECONDS ON L.B = R.D PARTITION BY A;'))
      .toEqual([{ key: 'x', value: { CC: 'y!' } }]);
  });

  it('SELECT * gives every join column once, the new key as L_B', async () => {
    await joinOutput('CREATE STREAM output AS SELECT * FROM l JOIN r WITHIN 10 SECONDS ON L.K = R.K PARTITION BY L.B;');
    const def = (await engine()).state.catalog.get('OUTPUT')!;
    expect(def.schema.key.map((c) => c.name)).toEqual(['L_B']);
    const values = def.schema.value.map((c) => c.name);
    expect(values).toContain('L_K');
    expect(new Set(values).size).toBe(values.length);
    expect(values).not.toContain('L_B');
  });
});
