// auto.offset.reset=latest on a persistent query means the end of its input when the statement
// was accepted — not when some consumer later joins its group. Records produced after CREATE
// returned are all processed, by this instance or by one that picks the query up later.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { MemoryLog } from '../../src/log/memory-log.js';
import type { Log } from '../../src/log/log.js';

const LATEST = { 'auto.offset.reset': 'latest' };

const rec = (i: number) => ({ key: Buffer.from(`k${i}`), value: Buffer.from(JSON.stringify({ V: i })) });

async function sinkValues(log: Log, topic: string): Promise<number[]> {
  const out: number[] = [];
  const ends = await log.endOffsets(topic);
  for (let p = 0; p < ends.length; p++) {
    for (const r of await log.read(topic, p, 0, ends[p])) out.push((JSON.parse(Buffer.from(r.value!).toString()) as { V: number }).V);
  }
  return out.sort((a, b) => a - b);
}

describe('latest means when the statement was accepted (durable, MemoryLog)', () => {
  it('a query created with latest processes every record produced right after CREATE returned', async () => {
    const log = new MemoryLog();
    const e = await Engine.create({ log, durable: true, serviceId: 'svc', properties: LATEST });
    try {
      await e.executeScript(`CREATE STREAM s (id STRING KEY, v INT) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS=2);`);
      await log.produce('s', [rec(-1)]); // before the query: not for it
      await e.executeScript('CREATE STREAM out AS SELECT id, v FROM s;');
      await log.produce('s', [0, 1, 2, 3].map(rec));
      await e.settle();
      expect(await sinkValues(log, 'OUT')).toEqual([0, 1, 2, 3]);
    } finally {
      await e.close();
    }
  });

  it('a query accepted by an instance that stopped at once starts, on the next instance, where it was accepted', async () => {
    const log = new MemoryLog();
    const a = await Engine.create({ log, durable: true, serviceId: 'svc', properties: LATEST });
    await a.executeScript(`
      CREATE STREAM s (id STRING KEY, v INT) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS=2);
      INSERT INTO s (id, v) VALUES ('early', -1);
      CREATE STREAM out AS SELECT id, v FROM s;`);
    await a.close();
    // No instance runs the query while these arrive.
    await log.produce('s', [0, 1, 2].map(rec));
    const b = await Engine.create({ log, durable: true, serviceId: 'svc', properties: LATEST });
    try {
      await log.produce('s', [rec(3)]);
      await b.settle();
      expect(await sinkValues(log, 'OUT')).toEqual([0, 1, 2, 3]);
    } finally {
      await b.close();
    }
  });
});
