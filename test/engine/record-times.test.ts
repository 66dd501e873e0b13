// Record times at the edges: Kafka allows any int64 of epoch ms, a JavaScript Date ends at
// 8.64e15. A time Eddy cannot hold is refused where it comes in, and never crashes a window.
import { describe, expect, it } from 'vitest';
import { engine, errorOf, rows, run, utf8 } from './engine-helpers.js';
import { MAX_TIMESTAMP_MS } from '../../src/types/timestamp-range.js';
import type { ProcessingLogEntry } from '../../src/runtime/processing-log.js';

const SETUP = `CREATE STREAM readings (sensor STRING KEY, temp DOUBLE) WITH (KAFKA_TOPIC='readings', VALUE_FORMAT='JSON', PARTITIONS=1);`;

describe('record times', () => {
  it('INSERT VALUES with a ROWTIME no date can hold fails at the value and inserts nothing', async () => {
    await run(SETUP);
    const err = await errorOf(run(`INSERT INTO readings (ROWTIME, sensor, temp) VALUES (1e308, 's1', 21.0);`));
    expect(err.message).toMatch(/ROWTIME: invalid timestamp .*later than/);
    expect(await (await engine()).log.endOffsets('readings')).toEqual([0]);
  });

  it('a record whose time is past the year 275760 goes to the processing log; EMIT FINAL windows go on', async () => {
    const logged: ProcessingLogEntry[] = [];
    await engine({ onProcessingLog: (e) => logged.push(e) });
    await run(`${SETUP}
      CREATE TABLE per_minute AS SELECT sensor, COUNT(*) AS n FROM readings
        WINDOW TUMBLING (SIZE 1 MINUTE, GRACE PERIOD 0 SECONDS) GROUP BY sensor EMIT FINAL;`);
    const rec = (ts: number) => ({ key: utf8('s1'), value: utf8('{"TEMP": 20}'), timestamp: ts });
    // Stream time moves on in steps (a jump past a window's retention would drop it unwritten, as ksqlDB does).
    await (await engine()).log.produce('readings', [rec(1000), rec(9.2e18), rec(61_000), rec(125_000), rec(MAX_TIMESTAMP_MS)]);
    expect(await rows('SELECT sensor, n, WINDOWSTART FROM per_minute;')).toEqual([['s1', 1, 0], ['s1', 1, 60_000]]);
    expect(logged).toEqual([expect.objectContaining({ topic: 'readings', offset: 1, message: expect.stringMatching(/later than/) })]);
  });

  it('PRINT shows a record time no date can hold as its number', async () => {
    await run(SETUP);
    await (await engine()).log.produce('readings', [{ key: utf8('s1'), value: utf8('{"TEMP": 20}'), timestamp: 9.2e18 }]);
    const [[line]] = await rows(`PRINT 'readings' FROM BEGINNING LIMIT 1;`);
    expect(line).toMatch(/^rowtime: 9200000000000000000, key: s1/);
  });
});
