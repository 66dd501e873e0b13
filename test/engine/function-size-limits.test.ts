// A function asked to build a huge value from a size in its arguments (GENERATE_SERIES(1, n),
// LPAD(s, n, p)) refuses past eddy.functions.max.generated.size: that row gets NULL and a
// processing-log entry saying what was too large; the query goes on. ROUND and TRUNC with a huge
// number of places answer at once instead of computing 10^places.
import { describe, it, expect } from 'vitest';
import { engine, run, topicRecords, jsonValue } from './engine-helpers.js';
import type { ProcessingLogEntry } from '../../src/runtime/processing-log.js';

async function logged(): Promise<ProcessingLogEntry[]> {
  const entries: ProcessingLogEntry[] = [];
  await engine({ onProcessingLog: (e) => entries.push(e) });
  return entries;
}

const STREAM = `CREATE STREAM s (id INT KEY, n INT, x DOUBLE, d DECIMAL(4, 2)) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS=1);`;

describe('size limits of generating functions', () => {
  it('GENERATE_SERIES of 100,000,000 elements is NULL for that row, logged as too large; the other rows go on', async () => {
    const log = await logged();
    await run(`${STREAM}
      CREATE STREAM out_s AS SELECT id, ARRAY_LENGTH(GENERATE_SERIES(1, n)) AS len FROM s;
      INSERT INTO s (id, n) VALUES (1, 5);
      INSERT INTO s (id, n) VALUES (2, 100000000);
      INSERT INTO s (id, n) VALUES (3, 1000000);`);
    expect((await topicRecords('OUT_S')).map(jsonValue)).toEqual([{ LEN: 5 }, { LEN: null }, { LEN: 1000000 }]);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ type: 'EVALUATION', topic: 's', partition: 0, offset: 1 });
    expect(log[0].message).toMatch(/GENERATE_SERIES would produce 100000000 elements, more than eddy\.functions\.max\.generated\.size \(1000000\)/);
  });

  it('eddy.functions.max.generated.size sets the limit for GENERATE_SERIES', async () => {
    const log = await logged();
    await run(`${STREAM}
      SET 'eddy.functions.max.generated.size'='10';
      CREATE STREAM out_s AS SELECT id, GENERATE_SERIES(1, n) AS xs FROM s;
      INSERT INTO s (id, n) VALUES (1, 10);
      INSERT INTO s (id, n) VALUES (2, 11);`);
    expect((await topicRecords('OUT_S')).map(jsonValue)).toEqual([{ XS: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] }, { XS: null }]);
    expect(log.map((e) => e.message)).toEqual([expect.stringMatching(/11 elements, more than eddy\.functions\.max\.generated\.size \(10\)/)]);
  });

  it('LPAD and RPAD to a length past the limit are NULL and logged; shorter ones pad as usual', async () => {
    const log = await logged();
    await run(`${STREAM}
      SET 'eddy.functions.max.generated.size'='1000';
      CREATE STREAM out_s AS SELECT id, LPAD('ab', n, '-') AS l, RPAD(TO_BYTES('ab', 'utf8'), n, TO_BYTES('-', 'utf8')) AS r FROM s;
      INSERT INTO s (id, n) VALUES (1, 4);
      INSERT INTO s (id, n) VALUES (2, 500000000);`);
    expect((await topicRecords('OUT_S')).map(jsonValue)).toEqual([{ L: '--ab', R: Buffer.from('ab--').toString('base64') }, { L: null, R: null }]);
    expect(log.map((e) => e.message)).toEqual([
      expect.stringMatching(/LPAD would produce 500000000 characters, more than eddy\.functions\.max\.generated\.size \(1000\)/),
      expect.stringMatching(/RPAD would produce 500000000 bytes/),
    ]);
  });

  it('ROUND and TRUNC to a huge number of places answer at once', async () => {
    await run(`${STREAM}
      CREATE STREAM out_s AS SELECT id, ROUND(x, n) AS rx, TRUNC(x, n) AS tx, ROUND(d, n) AS rd, TRUNC(d, n) AS td FROM s;
      INSERT INTO s (id, n, x, d) VALUES (1, 100000000, 1.25, 1.25);
      INSERT INTO s (id, n, x, d) VALUES (2, -100000000, 1.25, 1.25);
      INSERT INTO s (id, n, x, d) VALUES (3, 1, 1.25, 1.25);`);
    expect((await topicRecords('OUT_S')).map(jsonValue)).toEqual([
      { RX: 1.25, TX: 1.25, RD: 1.25, TD: 1.25 },
      { RX: 0, TX: 0, RD: 0, TD: 0 },
      { RX: 1.3, TX: 1.2, RD: 1.3, TD: 1.2 },
    ]);
  });
});
