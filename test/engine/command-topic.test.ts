// Durable engines share their catalog through the command topic: a second instance of the
// service (or a restart) replays it and resumes queries from their committed offsets.
import { describe, it, expect } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { MemoryLog } from '../../src/log/memory-log.js';

async function rows(engine: Engine, sql: string): Promise<unknown[][]> {
  const [r] = await engine.executeScript(sql);
  if (r.kind !== 'rows') throw new Error('expected rows');
  return r.rows;
}

async function sinkValues(log: MemoryLog, topic: string): Promise<string[]> {
  const [end] = await log.endOffsets(topic);
  return (await log.read(topic, 0, 0, end)).map((r) => Buffer.from(r.value!).toString());
}

describe('command topic', () => {
  it('a second instance replays DDL and persistent queries with the same ids', async () => {
    const log = new MemoryLog();
    const props = { 'auto.offset.reset': 'earliest' };
    const a = await Engine.create({ log, durable: true, serviceId: 'svc', properties: props });
    await a.executeScript(`
      CREATE STREAM s (id INT KEY, v INT) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS=1);
      CREATE STREAM doubled AS SELECT id, v * 2 AS v2 FROM s;`);
    const b = await Engine.create({ log, durable: true, serviceId: 'svc', properties: props });
    try {
      expect((await rows(b, 'SHOW STREAMS;')).map((r) => r[0])).toContain('DOUBLED');
      expect((await rows(b, 'SHOW QUERIES;')).map((r) => r[0])).toEqual(['CSAS_DOUBLED_1']);
      expect((await rows(a, 'SHOW QUERIES;')).map((r) => r[0])).toEqual(['CSAS_DOUBLED_1']);
    } finally {
      await b.close();
      await a.close();
    }
  });

  it('a restarted instance resumes from committed offsets: no output twice, none lost', async () => {
    const log = new MemoryLog();
    const props = { 'auto.offset.reset': 'earliest' };
    const first = await Engine.create({ log, durable: true, serviceId: 'svc', properties: props });
    await first.executeScript(`
      CREATE STREAM s (id INT KEY, v INT) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS=1);
      CREATE STREAM doubled AS SELECT id, v * 2 AS v2 FROM s;
      INSERT INTO s (id, v) VALUES (1, 10);
      INSERT INTO s (id, v) VALUES (2, 20);`);
    await first.settle();
    await first.close();
    // While no instance runs, more input arrives.
    await log.produce('s', [{ key: Buffer.from([0, 0, 0, 3]), value: Buffer.from('{"V":30}') }]);
    const second = await Engine.create({ log, durable: true, serviceId: 'svc', properties: props });
    try {
      await second.settle();
      expect(await sinkValues(log, 'DOUBLED')).toEqual(['{"V2":20}', '{"V2":40}', '{"V2":60}']);
    } finally {
      await second.close();
    }
  });

  it('a statement another instance appends while this one runs is picked up', async () => {
    const log = new MemoryLog();
    const a = await Engine.create({ log, durable: true, serviceId: 'svc', followIntervalMs: 20 });
    const b = await Engine.create({ log, durable: true, serviceId: 'svc', followIntervalMs: 20 });
    try {
      await a.executeScript(`CREATE STREAM late (id INT KEY, v INT) WITH (KAFKA_TOPIC='late', VALUE_FORMAT='JSON', PARTITIONS=1);`);
      for (let i = 0; i < 100 && !b.state.catalog.get('LATE'); i++) await new Promise((r) => setTimeout(r, 20));
      expect(b.state.catalog.get('LATE')?.topic).toBe('late');
    } finally {
      await a.close();
      await b.close();
    }
  });
});
