// INSERT INTO ... SELECT casts values whose types widen into the target's (INTEGER into DECIMAL,
// DECIMAL(2,1) into DECIMAL(5,2), INTEGER into BIGINT or DOUBLE), as ksqlDB does; a narrowing or
// a different kind is still "Incompatible schema", and a restarted service runs the same plan.
import { describe, it, expect } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { MemoryLog } from '../../src/log/memory-log.js';

const props = { 'auto.offset.reset': 'earliest' };

async function values(e: Engine, topic: string): Promise<string[]> {
  await e.settle();
  return (await e.log.read(topic, 0, 0, 100)).map((r) => Buffer.from(r.value!).toString());
}

describe('INSERT INTO ... SELECT with widening types', () => {
  it('casts into the target types; refuses narrowing; the cast survives a restart', async () => {
    const log = new MemoryLog();
    const first = await Engine.create({ log, durable: true, serviceId: 'svc', properties: props });
    await first.executeScript(`
      CREATE STREAM src (k STRING KEY, i INT, d DECIMAL(2,1), n INT) WITH (kafka_topic='src', value_format='JSON', partitions=1);
      CREATE STREAM target (k STRING KEY, i DECIMAL(5,2), d DECIMAL(5,2), n DOUBLE) WITH (kafka_topic='target', value_format='JSON', partitions=1);
      INSERT INTO target SELECT k, i, d, n FROM src;
      INSERT INTO src (k, i, d, n) VALUES ('a', 1, 2.5, 3);`);
    expect(await values(first, 'target')).toEqual(['{"I":1.00,"D":2.50,"N":3.0}']);
    await expect(first.executeScript(`CREATE STREAM narrow (k STRING KEY, i DECIMAL(5,2), d DECIMAL(2,1), n INT) WITH (kafka_topic='narrow', value_format='JSON', partitions=1);
      INSERT INTO narrow SELECT k, i, d * 10 AS d, n FROM target;`)).rejects.toThrow('Incompatible schema between results and sink.');
    await first.close();

    const second = await Engine.create({ log, durable: true, serviceId: 'svc', properties: props });
    try {
      await second.executeScript("INSERT INTO src (k, i, d, n) VALUES ('b', 4, 0.5, 6);");
      expect(await values(second, 'target')).toEqual(['{"I":1.00,"D":2.50,"N":3.0}', '{"I":4.00,"D":0.50,"N":6.0}']);
    } finally {
      await second.close();
    }
  });
});
