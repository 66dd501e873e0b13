// Random operations on two MemoryLogs, one given records as rows (stored by column, see
// log/row-chunk.ts) and one given the same records as bytes: every read, at any offset and in
// any batch size, and every consumer poll must see the same records, whatever the topic's
// cleanup (compaction, retention by time), transactions and interleaving of the two kinds.
import { describe, expect, it } from 'vitest';
import { MemoryLog } from '../../src/log/memory-log.js';
import { RowRecord } from '../../src/log/row-record.js';
import type { Consumer, LogRecord, ProducerRecord } from '../../src/log/log.js';
import { createRowSerde } from '../../src/format/index.js';
import { BIGINT, BOOLEAN, DOUBLE, STRING } from '../../src/types/sql-type.js';
import type { Column } from '../../src/types/schema.js';
import { Rng } from '../../src/ml/rng.js';

const col = (name: string, type: Column['type']): Column => ({ name, type, namespace: 'VALUE' });
const serde = createRowSerde({ format: 'JSON' }, [col('S', STRING), col('B', BOOLEAN), col('L', BIGINT), col('D', DOUBLE)], { isKey: false });
const text = (b: Uint8Array | null): string | null => (b === null ? null : Buffer.from(b).toString('utf8'));
const seen = (r: LogRecord): string =>
  JSON.stringify([r.partition, r.offset, text(r.key), r.timestamp, r.headers.map((h) => [h.key, text(h.value)]), text(r.value)]);

/** One random record, as a row (when it is one) and as bytes. */
function randomRecord(rng: Rng, i: number, keys: number): { row: ProducerRecord; bytes: ProducerRecord } {
  const key = rng.next() < 0.2 ? null : Buffer.from(`k${Math.floor(rng.next() * keys)}`);
  const timestamp = 1_000 + i * 10;
  const headers = rng.next() < 0.1 ? [{ key: 'h', value: Buffer.from(`v${i}`) }] : undefined;
  if (key !== null && rng.next() < 0.05) return { row: { key, value: null, timestamp, headers }, bytes: { key, value: null, timestamp, headers } };
  const values = [
    rng.next() < 0.1 ? null : `s${Math.floor(rng.next() * 30)}`,
    rng.next() < 0.1 ? null : rng.next() < 0.5,
    rng.next() < 0.1 ? null : Math.floor(rng.next() * 2 ** 40) - 2 ** 39,
    rng.next() < 0.1 ? null : (rng.next() - 0.5) * 1e6,
  ];
  const bytes = { key, value: serde.serialize(values, 't'), timestamp, headers };
  // Some records are produced as bytes in the row log too, interleaved with rows.
  const kept = rng.next() < 0.8 ? serde.rowToKeep!(values) : undefined;
  return { row: kept ? new RowRecord(key, kept, serde.rowEncoder!, timestamp, headers) : { ...bytes }, bytes };
}

async function drain(c: Consumer, max: number): Promise<LogRecord[]> {
  const out: LogRecord[] = [];
  for (let got = await c.poll({ maxRecords: max }); got.length > 0; got = await c.poll({ maxRecords: max })) out.push(...got);
  return out;
}

const configs: Record<string, string>[] = [{}, { 'cleanup.policy': 'compact' }, { 'retention.ms': '3000' }, { 'cleanup.policy': 'compact,delete', 'retention.ms': '5000' }];

describe('rows stored by column, under random operations', () => {
  for (const [n, config] of configs.entries()) {
    it(`read as the same records produced as bytes (${JSON.stringify(config)})`, async () => {
      const rng = new Rng(100 + n);
      const logs = [new MemoryLog({ cleanEveryRecords: 97 }), new MemoryLog({ cleanEveryRecords: 97 })];
      for (const log of logs) await log.createTopic('t', { partitions: 3, config });
      const consumers = logs.map((log) => log.consumer({ groupId: 'g', topics: ['t'] }));
      const polled: string[][] = [[], []];
      let i = 0;
      for (let step = 0; step < 60; step++) {
        const batch = Array.from({ length: 1 + Math.floor(rng.next() * 200) }, () => randomRecord(rng, i++, 40));
        if (rng.next() < 0.2) {
          // In a transaction, committed or aborted alike on both logs.
          const commit = rng.next() < 0.7;
          for (const [side, log] of logs.entries()) {
            const tx = log.transactionalProducer(`tx${side}`);
            await tx.begin();
            await tx.produce('t', batch.map((b) => (side === 0 ? b.row : b.bytes)));
            await (commit ? tx.commit() : tx.abort());
            await tx.close();
          }
        } else {
          await logs[0].produce('t', batch.map((b) => b.row));
          await logs[1].produce('t', batch.map((b) => b.bytes));
        }
        if (rng.next() < 0.3) {
          const max = 1 + Math.floor(rng.next() * 300);
          for (const side of [0, 1]) polled[side].push(...(await consumers[side].poll({ maxRecords: max })).map(seen));
        }
        if (rng.next() < 0.3) {
          const p = Math.floor(rng.next() * 3);
          const end = (await logs[1].endOffsets('t'))[p];
          const from = Math.floor(rng.next() * (end + 1));
          const max = Math.floor(rng.next() * 500);
          const [a, b] = await Promise.all(logs.map((log) => log.read('t', p, from, max)));
          expect(a.map(seen)).toEqual(b.map(seen));
        }
      }
      for (const side of [0, 1]) polled[side].push(...(await drain(consumers[side], 250)).map(seen));
      expect(polled[0].length).toBeGreaterThan(0);
      expect(polled[0]).toEqual(polled[1]);
      for (let p = 0; p < 3; p++) {
        const [a, b] = await Promise.all(logs.map(async (log) => log.read('t', p, 0, (await log.endOffsets('t'))[p])));
        expect(a.map(seen)).toEqual(b.map(seen));
        // The rows read back decode from their bytes to themselves.
        for (const r of a) if (r.valueRow !== undefined) expect(serde.deserialize(r.value, 't')).toEqual(r.valueRow);
      }
      for (const c of consumers) await c.close();
    });
  }
});
