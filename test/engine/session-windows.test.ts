// SESSION windows: records of a key within the inactivity gap share a session; a record that
// bridges two sessions merges them, and the merged session replaces both (tombstones for the old
// ones on the changelog).
import { describe, it, expect } from 'vitest';
import { run, rows, topicRecords, jsonValue } from './engine-helpers.js';
import { Engine } from '../../src/engine/engine.js';
import { MemoryLog } from '../../src/log/memory-log.js';

const SOURCE = `CREATE STREAM s (k STRING KEY, v STRING) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS=1);`;

async function insert(...rowsToInsert: [number, string, string][]): Promise<void> {
  for (const [ts, k, v] of rowsToInsert) await run(`INSERT INTO s (ROWTIME, k, v) VALUES (${ts}, '${k}', '${v}');`);
}

describe('session windows', () => {
  it('a bridging record merges two sessions; the old ones are deleted', async () => {
    await run(`${SOURCE}
      CREATE TABLE t AS SELECT k, COUNT(*) AS n FROM s WINDOW SESSION (20 SECONDS) GROUP BY k EMIT CHANGES;`);
    await insert([0, 'a', 'x'], [30000, 'a', 'y'], [15000, 'a', 'z']);
    const changelog = (await topicRecords('T')).map(jsonValue);
    // [0,0] n=1; [30000,30000] n=1; tombstones for both; [0,30000] n=3.
    expect(changelog).toEqual([{ N: 1 }, { N: 1 }, null, null, { N: 3 }]);
    expect(await rows(`SELECT k, WINDOWSTART, WINDOWEND, n FROM t;`)).toEqual([['a', 0, 30000, 3]]);
  });

  it('the tombstone of a merged-away session carries that session\'s time, not the bridging record\'s', async () => {
    await run(`${SOURCE}
      CREATE TABLE t AS SELECT k, COUNT(*) AS n FROM s WINDOW SESSION (20 SECONDS) GROUP BY k EMIT CHANGES;`);
    await insert([0, 'a', 'x'], [30000, 'a', 'y'], [15000, 'a', 'z']);
    const changelog = (await topicRecords('T')).map((r) => [r.timestamp, jsonValue(r)]);
    expect(changelog).toEqual([[0, { N: 1 }], [30000, { N: 1 }], [0, null], [30000, null], [30000, { N: 3 }]]);
  });

  it('records further apart than the gap make separate sessions', async () => {
    await run(`${SOURCE}
      CREATE TABLE t AS SELECT k, COUNT(*) AS n FROM s WINDOW SESSION (10 SECONDS) GROUP BY k EMIT CHANGES;`);
    await insert([0, 'a', 'x'], [5000, 'a', 'y'], [20000, 'a', 'z'], [1000, 'b', 'w']);
    const got = await rows(`SELECT k, WINDOWSTART, WINDOWEND, n FROM t;`);
    expect([...got].sort((x, y) => String(x[0]).localeCompare(String(y[0])) || Number(x[1]) - Number(y[1])))
      .toEqual([['a', 0, 5000, 2], ['a', 20000, 20000, 1], ['b', 1000, 1000, 1]]);
  });

  // BUG: the merged COLLECT_LIST is ['laptop', 'phone', 'phone', 'watch']: the session operator
  // merges each older session *after* the accumulated one (set.merge(s.accs, merged.accs)).
  // Kafka Streams merges in store order, oldest session first (merger(key, agg, next)), and adds
  // the new record last, so ksqlDB gives ['phone', 'phone', 'laptop', 'watch'].
  it('merged sessions keep COLLECT_LIST in session order', async () => {
    await run(`${SOURCE}
      CREATE TABLE t AS SELECT k, COLLECT_LIST(v) AS vs FROM s WINDOW SESSION (1 MINUTE) GROUP BY k EMIT CHANGES;`);
    await insert([0, 'u1', 'phone'], [30000, 'u1', 'phone'], [150000, 'u1', 'laptop'], [90000, 'u1', 'watch']);
    expect(await rows(`SELECT vs FROM t;`)).toEqual([[['phone', 'phone', 'laptop', 'watch']]]);
  });

  it('a late record is one whose session would end before stream time minus grace and gap; expired sessions take no more records', async () => {
    await run(`${SOURCE}
      CREATE TABLE t AS SELECT k, COUNT(*) AS n FROM s WINDOW SESSION (30 SECONDS, GRACE PERIOD 60 SECONDS) GROUP BY k EMIT CHANGES;`);
    // Stream time 100,010 closes sessions ending before 10,010 (100,010 - 60,000 - 30,000).
    await insert([0, 'a', 'x'], [100010, 'a', 'y'], [10009, 'a', 'late'], [10010, 'a', 'in time']);
    const changelog = (await topicRecords('T')).map((r) => [r.timestamp, jsonValue(r)]);
    // 10,010 is within the gap of [0, 0], but that session expired: it starts its own.
    expect(changelog).toEqual([[0, { N: 1 }], [100010, { N: 1 }], [10010, { N: 1 }]]);
    const table = (await rows(`SELECT k, WINDOWSTART, WINDOWEND, n FROM t;`)).sort((x, y) => (x[1] as number) - (y[1] as number));
    expect(table).toEqual([['a', 0, 0, 1], ['a', 10010, 10010, 1], ['a', 100010, 100010, 1]]);
  });

  it('expired sessions leave the store (its changelog records their removal), without output', async () => {
    const log = new MemoryLog();
    const e = await Engine.create({ log, durable: true, serviceId: 'sess', properties: { 'auto.offset.reset': 'earliest' } });
    try {
      await e.executeScript(`${SOURCE}
        CREATE TABLE t AS SELECT k, COUNT(*) AS n FROM s WINDOW SESSION (30 SECONDS, GRACE PERIOD 60 SECONDS) GROUP BY k EMIT CHANGES;
        INSERT INTO s (ROWTIME, k, v) VALUES (0, 'a', 'x');
        INSERT INTO s (ROWTIME, k, v) VALUES (1000, 'b', 'x');
        INSERT INTO s (ROWTIME, k, v) VALUES (200000, 'c', 'x');`);
      await e.settle();
      const changelog = (await log.listTopics()).map((t) => t.name).find((t) => t.includes('aggregate') && t.endsWith('-changelog'))!;
      const [end] = await log.endOffsets(changelog);
      const latest = new Map<string, boolean>();
      for (const r of await log.read(changelog, 0, 0, end)) latest.set(Buffer.from(r.key!).toString(), r.value !== null);
      // Stream time 200,000 expired a's and b's sessions (ended before 200,000 - 60,000 - 30,000).
      expect([...latest.values()].filter((live) => live)).toHaveLength(1);
      expect(latest.size).toBe(3);
      // Their results stay as they were: expiry writes nothing to the output.
      expect((await topicRecordsOf(log, 'T')).map((r) => r.value === null)).toEqual([false, false, false]);
    } finally {
      await e.close();
    }
  });
});

async function topicRecordsOf(log: MemoryLog, topic: string) {
  const [end] = await log.endOffsets(topic);
  return log.read(topic, 0, 0, end);
}
