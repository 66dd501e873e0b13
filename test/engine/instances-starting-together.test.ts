// Instances of a service started at the same moment all find its topics missing and all create
// them: whichever creates one first, the others use it.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { MemoryLog } from '../../src/log/memory-log.js';

describe('instances of a service starting together (MemoryLog)', () => {
  it('three instances started at the same moment all start and share the catalog', async () => {
    const log = new MemoryLog();
    const started = await Promise.allSettled([1, 2, 3].map(() => Engine.create({ log, durable: true, serviceId: 'svc', followIntervalMs: 20 })));
    const engines = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    try {
      expect(started.map((s) => (s.status === 'rejected' ? String(s.reason) : 'started'))).toEqual(['started', 'started', 'started']);
      await engines[0].executeScript(`
        CREATE STREAM s (id INT KEY, v INT) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS=1);
        CREATE STREAM t AS SELECT id, v FROM s;`);
      await new Promise((r) => setTimeout(r, 200));
      for (const e of engines) expect([...e.state.queries.keys()]).toEqual(['CSAS_T_1']);
    } finally {
      for (const e of engines) await e.close();
    }
  });
});
