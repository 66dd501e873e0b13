// A command that fails on replay (it no longer plans, its record is not even a command) must not
// stop a service from starting, nor stop an instance that follows the command topic: it is logged
// to the processing log and skipped, and the commands after it apply.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { MemoryLog } from '../../src/log/memory-log.js';

const COMMANDS = '_eddy_svc_commands';
const cmd = (o: unknown) => ({ key: null, value: Buffer.from(typeof o === 'string' ? o : JSON.stringify(o)), partition: 0 });

async function queryIds(e: Engine): Promise<string[]> {
  const [r] = await e.executeScript('SHOW QUERIES;');
  if (r.kind !== 'rows') throw new Error('expected rows');
  return r.rows.map((row) => String(row[0]));
}

describe('command topic replay', () => {
  it('a bad command in the command topic is logged and skipped; the service still starts with the commands after it', async () => {
    const log = new MemoryLog();
    const a = await Engine.create({ log, durable: true, serviceId: 'svc', properties: { 'auto.offset.reset': 'earliest' }, followIntervalMs: 20 });
    const seen: string[] = [];
    let b: Engine | undefined;
    try {
      await a.executeScript(`CREATE STREAM s (id INT KEY, v INT) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS=1);`);
      await log.produce(COMMANDS, [
        cmd('this is not a command'),
        cmd({ id: 'x1', sql: 'CREATE STREAM bad AS SELECT nope FROM missing_source;', properties: {} }),
        cmd({ id: 'x2', properties: {} }),
        cmd({ id: 'x3', sql: 'CREATE STREAM good AS SELECT id, v FROM s;', properties: { 'auto.offset.reset': 'earliest' } }),
      ]);
      b = await Engine.create({ log, durable: true, serviceId: 'svc', onProcessingLog: (e) => { if (e.type === 'COMMAND') seen.push(e.message); } });
      expect(await queryIds(b)).toEqual(['CSAS_GOOD_4']);
      expect([...b.failedCommands.keys()]).toEqual([1, 2, 3]);
      expect(seen).toHaveLength(3);
      expect(seen[0]).toMatch(/command 1 /);
      expect(seen[1]).toMatch(/command 2 .*MISSING_SOURCE/i);
      // The instance that was running follows the same commands and goes on too.
      await new Promise((r) => setTimeout(r, 200));
      expect(await queryIds(a)).toEqual(['CSAS_GOOD_4']);
      await a.executeScript("INSERT INTO s (id, v) VALUES (1, 10);");
      await a.settle();
      const [end] = await log.endOffsets('GOOD');
      expect(end).toBeGreaterThan(0);
    } finally {
      await b?.close();
      await a.close();
    }
  });
});
