// Records held as rows on MemoryLog (log/row-record.ts): a sink or COPY hands the log the row, and
// the bytes are encoded only when something reads them. Nothing a reader sees may differ from a
// record produced as bytes: the bytes are serialize's, size limits are the bytes' limits, and
// deletion by size and transactions treat them the same.
import { describe, expect, it } from 'vitest';
import { MemoryLog } from '../../src/log/memory-log.js';
import { RowRecord } from '../../src/log/row-record.js';
import { recordBatchBytes, RecordsRefused } from '../../src/log/produce-errors.js';
import type { LogRecord, ProducerRecord, RowEncoder, RowSizes } from '../../src/log/log.js';
import { createRowSerde } from '../../src/format/index.js';
import { BIGINT, DOUBLE, STRING } from '../../src/types/sql-type.js';
import type { Column } from '../../src/types/schema.js';

const col = (name: string, type: Column['type']): Column => ({ name, type, namespace: 'VALUE' });
const serde = createRowSerde({ format: 'JSON' }, [col('S', STRING), col('D', DOUBLE), col('L', BIGINT)], { isKey: false });
const text = (b: Uint8Array | null): string | null => (b === null ? null : Buffer.from(b).toString('utf8'));

/** The serde's encoder, counting the rows it encodes. */
function countingEncoder(): RowEncoder & { encoded: number } {
  const inner = serde.rowEncoder!;
  const e = {
    encoded: 0,
    codec: inner.codec,
    kinds: inner.kinds,
    encode: (row: readonly unknown[]) => { e.encoded++; return inner.encode(row); },
    measure: (row: readonly unknown[], into: RowSizes) => inner.measure(row, into),
  };
  return e;
}

const rowRecord = (enc: RowEncoder, row: unknown[], timestamp?: number): RowRecord => new RowRecord(null, serde.rowToKeep!(row)!, enc, timestamp);

async function readAll(log: MemoryLog, topic: string): Promise<LogRecord[]> {
  const [end] = await log.endOffsets(topic);
  return log.read(topic, 0, 0, end);
}

describe('records held as rows on MemoryLog', () => {
  it('are encoded only when their bytes are read, to the bytes serialize gives, once', async () => {
    const log = new MemoryLog();
    await log.createTopic('t', { partitions: 1 });
    const enc = countingEncoder();
    const rows = [['a"b', 1.5, 1_700_000_000_000], [null, -0.25, -1], ['😀', 1e300, 0]];
    await log.produce('t', rows.map((r) => rowRecord(enc, r)));
    const recs = await readAll(log, 't');
    expect(enc.encoded).toBe(0);
    expect(recs.map((r) => r.valueRow)).toEqual(rows);
    expect(recs.map((r) => r.valueCodec)).toEqual([serde.codec, serde.codec, serde.codec]);
    expect(recs.map((r) => text(r.value))).toEqual(rows.map((r) => text(serde.serialize(r, 't'))));
    expect(enc.encoded).toBe(3);
    expect(recs.map((r) => text(r.value))).toEqual(rows.map((r) => text(serde.serialize(r, 't'))));
    expect(enc.encoded).toBe(3);
    // A consumer sees the same.
    const c = log.consumer({ groupId: 'g', topics: ['t'] });
    expect((await c.poll({ maxRecords: 10 })).map((r) => text(r.value))).toEqual(recs.map((r) => text(r.value)));
    await c.close();
  });

  it("are refused over the topic's max.message.bytes as their bytes would be, and encoded only when they may be too large", async () => {
    const log = new MemoryLog();
    await log.createTopic('t', { partitions: 1, config: { 'max.message.bytes': '1000' } });
    const enc = countingEncoder();
    const small = rowRecord(enc, ['x', 1, 1]);
    const large = rowRecord(enc, ['y'.repeat(2000), 1, 1]);
    const borderline = rowRecord(enc, ['z'.repeat(200), 1, 1]); // its bound is over 1000, its bytes are not
    const err = await log.produce('t', [small, large, borderline]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RecordsRefused);
    expect((err as RecordsRefused).refused.map((r) => r.index)).toEqual([1]);
    const size = recordBatchBytes({ key: null, value: serde.serialize(['y'.repeat(2000), 1, 1], 't') });
    expect((err as RecordsRefused).refused[0].reason).toBe(`a record of ${size} bytes is larger than the topic's max.message.bytes (1000)`);
    const recs = await readAll(log, 't');
    expect(recs.map((r) => (r.valueRow![0] as string).length)).toEqual([1, 200]);
    expect(enc.encoded).toBe(2); // the large and the borderline one, not the small one
  });

  it('are deleted by retention.bytes exactly as the same records produced as bytes', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => [`sensor-${i % 7}`, i / 3, i * 1000]);
    const kept = async (records: ProducerRecord[]): Promise<number[]> => {
      const log = new MemoryLog({ cleanEveryRecords: 5 });
      await log.createTopic('t', { partitions: 1, config: { 'retention.bytes': '600' } });
      await log.produce('t', records);
      return (await readAll(log, 't')).map((r) => r.offset);
    };
    const asRows = await kept(rows.map((r, i) => rowRecord(serde.rowEncoder!, r, i)));
    const asBytes = await kept(rows.map((r, i) => ({ key: null, value: serde.serialize(r, 't'), timestamp: i })));
    expect(asRows.length).toBeLessThan(50);
    expect(asRows).toEqual(asBytes);
  });

  it('are written by a transaction on commit, and not at all on abort', async () => {
    const log = new MemoryLog();
    await log.createTopic('t', { partitions: 1 });
    const tx = log.transactionalProducer('tx');
    await tx.begin();
    await tx.produce('t', [rowRecord(serde.rowEncoder!, ['gone', 1, 1])]);
    await tx.abort();
    await tx.begin();
    await tx.produce('t', [rowRecord(serde.rowEncoder!, ['kept', 2, 2])]);
    await tx.commit();
    const recs = await readAll(log, 't');
    expect(recs.map((r) => text(r.value))).toEqual(['{"S":"kept","D":2.0,"L":2}']);
    expect(recs.map((r) => r.valueRow)).toEqual([['kept', 2, 2]]);
  });

  it('are compacted as the same records produced as bytes (a row is never a tombstone)', async () => {
    const key = (k: string): Uint8Array => Buffer.from(k);
    const input: [string, unknown[] | null][] = [['a', ['a1', 1, 1]], ['b', ['b1', 1, 1]], ['a', ['a2', 2, 2]], ['b', null], ['c', ['c1', 1, 1]], ['c', ['c2', 1, 1]], ['d', ['d1', 1, 1]]];
    const compacted = async (records: ProducerRecord[]): Promise<(string | null)[]> => {
      const log = new MemoryLog({ cleanEveryRecords: 2 });
      await log.createTopic('t', { partitions: 1, config: { 'cleanup.policy': 'compact' } });
      await log.produce('t', records);
      return (await readAll(log, 't')).map((r) => `${r.offset}:${text(r.value)}`);
    };
    const asRows = await compacted(input.map(([k, row]) => (row ? new RowRecord(key(k), row, serde.rowEncoder!) : { key: key(k), value: null })));
    const asBytes = await compacted(input.map(([k, row]) => ({ key: key(k), value: row ? serde.serialize(row, 't') : null })));
    expect(asRows.length).toBeLessThan(input.length);
    expect(asRows).toEqual(asBytes);
  });
});
