// A record the operators fail on outside any expression (a bug) is that record's failure alone:
// the runner logs it with its topic, partition and offset and goes on with the next record of
// the batch, instead of skipping the rest of the batch.
import { describe, it, expect } from 'vitest';
import { MemoryLog } from '../../src/log/memory-log.js';
import type { LogRecord } from '../../src/log/log.js';
import { QueryRunner } from '../../src/runtime/query-runner.js';
import { StateStores } from '../../src/runtime/state/state-stores.js';

describe('query runner record loop', () => {
  it('an operator failing on one record skips only that record, logged with where it came from', async () => {
    const log = new MemoryLog();
    await log.createTopic('in', { partitions: 1 });
    await log.produce('in', [1, 2, 3, 4].map((n) => ({ key: null, value: Buffer.from(String(n)) })));
    const seen: number[] = [];
    const recordErrors: { message: string; topic: string; partition: number; offset: number }[] = [];
    const queryErrors: unknown[] = [];
    const runner = new QueryRunner({
      queryId: 'Q', log, groupId: 'g', topics: ['in'], autoOffsetReset: 'earliest', outBuffer: [],
      graph: {
        handlers: new Map([['in', [(rec: LogRecord) => {
          if (rec.offset === 1) throw new Error('operator bug');
          seen.push(rec.offset);
        }]]]),
        stores: new StateStores(), repartitionTopics: [], onePartition: new Set(), emitCaches: [],
      },
      onError: (e) => queryErrors.push(e),
      logger: { log: (e) => recordErrors.push({ message: e.message, topic: e.topic!, partition: e.partition!, offset: e.offset! }) },
    });
    runner.start();
    for (let i = 0; i < 100 && !(await runner.caughtUp()); i++) await new Promise((r) => setTimeout(r, 20));
    await runner.stop();
    await log.close();
    expect(seen).toEqual([0, 2, 3]);
    expect(recordErrors).toEqual([{ message: 'operator bug', topic: 'in', partition: 0, offset: 1 }]);
    expect(queryErrors).toEqual([]);
  });
});
