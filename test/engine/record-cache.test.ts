// The record cache of a durable table query (ksql.streams.cache.max.bytes.buffering, on by
// default): per flush it writes each key's latest update, in the order of those last updates,
// where the cache off writes every update. Checked on one input read in one poll (500 records):
// the cache on writes exactly latestPerKey of what the cache off writes, for a windowed, a plain
// and a table-fed aggregate, and a HAVING still sees every update.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { MemoryLog } from '../../src/log/memory-log.js';
import type { Log } from '../../src/log/log.js';

interface Out { key: string; value: string | null; timestamp: number }

async function output(log: Log, topic: string): Promise<Out[]> {
  const out: Out[] = [];
  for (const r of await log.read(topic, 0, 0, (await log.endOffsets(topic))[0])) {
    out.push({ key: Buffer.from(r.key!).toString('hex'), value: r.value && Buffer.from(r.value).toString(), timestamp: r.timestamp });
  }
  return out;
}

/** Each key's last record, in the order of those last records. */
function latestPerKey(recs: Out[]): Out[] {
  const last = new Map<string, Out>();
  for (const r of recs) { last.delete(r.key); last.set(r.key, r); }
  return [...last.values()];
}

const QUERIES = `
  CREATE TABLE per_window AS SELECT sensor, COUNT(*) AS n, SUM(v) AS total, MAX(v) AS hi
    FROM readings WINDOW TUMBLING (SIZE 10 SECONDS) GROUP BY sensor EMIT CHANGES;
  CREATE TABLE per_sensor AS SELECT sensor, COUNT(*) AS n, AVG(v) AS mean FROM readings GROUP BY sensor EMIT CHANGES;
  CREATE TABLE latest AS SELECT sensor, LATEST_BY_OFFSET(v) AS v FROM readings GROUP BY sensor EMIT CHANGES;
  CREATE TABLE per_level AS SELECT v % 3 AS level, COUNT(*) AS n FROM latest GROUP BY v % 3 EMIT CHANGES;
  CREATE TABLE busy AS SELECT sensor, COUNT(*) AS n FROM readings GROUP BY sensor HAVING COUNT(*) % 2 = 1 EMIT CHANGES;`;
const SINKS = ['PER_WINDOW', 'PER_SENSOR', 'PER_LEVEL', 'BUSY'];

async function run(cache: boolean): Promise<Record<string, Out[]>> {
  const log = new MemoryLog();
  const e = await Engine.create({
    log, durable: true, serviceId: `svc`,
    properties: { 'auto.offset.reset': 'earliest', ...(cache ? {} : { 'ksql.streams.cache.max.bytes.buffering': '0' }) },
  });
  try {
    await e.executeScript(`CREATE STREAM readings (sensor STRING KEY, v INT) WITH (KAFKA_TOPIC='readings', VALUE_FORMAT='JSON', PARTITIONS=1);`);
    // 500 records (one poll), 7 sensors, 4 windows of 10 s (1.0 s to 30.9 s); some values null.
    await log.produce('readings', Array.from({ length: 500 }, (_, i) => ({
      key: Buffer.from(`s${(i * 5) % 7}`),
      value: Buffer.from(JSON.stringify({ V: i % 11 === 0 ? null : (i * 37) % 101 })),
      timestamp: 1_000 + i * 60,
    })));
    await e.executeScript(QUERIES);
    await e.settle();
    const out: Record<string, Out[]> = {};
    for (const s of SINKS) out[s] = await output(log, s);
    return out;
  } finally {
    await e.close();
  }
}

describe('record cache of durable table queries', () => {
  it('writes each key\'s latest update per flush, in the order of the last updates', async () => {
    const every = await run(false);
    const cached = await run(true);
    for (const s of ['PER_WINDOW', 'PER_SENSOR']) {
      expect(every[s].length).toBeGreaterThan(cached[s].length); // updates were coalesced
      expect(cached[s]).toEqual(latestPerKey(every[s]));
    }
    expect(cached.PER_WINDOW.length).toBe(7 * 4); // a record per sensor and window
    expect(cached.PER_SENSOR.map((r) => JSON.parse(r.value!) as { N: number }).reduce((a, r) => a + r.N, 0)).toBe(500);
    // The table-fed aggregate and the HAVING end in the same state either way (PER_LEVEL's
    // record times differ: its input, the table LATEST, was itself coalesced).
    const finalState = (recs: Out[]): Record<string, string | null> => Object.fromEntries(latestPerKey(recs).map((r) => [r.key, r.value]));
    for (const s of ['PER_LEVEL', 'BUSY']) expect(finalState(cached[s])).toEqual(finalState(every[s]));
    // HAVING: a sensor whose count ended even was retracted (a tombstone is its last record).
    const busy = latestPerKey(cached.BUSY);
    expect(busy.some((r) => r.value === null)).toBe(true);
    expect(busy.some((r) => r.value !== null)).toBe(true);
  });
});
