// MemoryLog stores records produced as rows by column (log/row-chunk.ts). Whatever the layout,
// a reader must see exactly what it would see had the same records been produced as bytes: same
// offsets, keys, timestamps, headers and value bytes, and the row back as it was given (nulls,
// booleans, integers, strings however many distinct; a row with -0.0 goes as bytes), across chunk boundaries, between
// records produced as bytes, with two codecs interleaved, and after compaction and deletion.
import { describe, expect, it } from 'vitest';
import { MemoryLog } from '../../src/log/memory-log.js';
import { RowRecord } from '../../src/log/row-record.js';
import type { LogRecord, ProducerRecord } from '../../src/log/log.js';
import { createRowSerde } from '../../src/format/index.js';
import { BIGINT, BOOLEAN, DOUBLE, INTEGER, STRING } from '../../src/types/sql-type.js';
import type { Column } from '../../src/types/schema.js';

const col = (name: string, type: Column['type']): Column => ({ name, type, namespace: 'VALUE' });
const wide = createRowSerde({ format: 'JSON' }, [col('S', STRING), col('B', BOOLEAN), col('I', INTEGER), col('L', BIGINT), col('D', DOUBLE)], { isKey: false });
const narrow = createRowSerde({ format: 'JSON' }, [col('NAME', STRING), col('V', DOUBLE)], { isKey: false });
const text = (b: Uint8Array | null): string | null => (b === null ? null : Buffer.from(b).toString('utf8'));

/** Row i of the wide codec: every kind, with nulls; the strings of S are all distinct past 5,000. */
function wideRow(i: number): unknown[] {
  return [
    i % 11 === 0 ? null : i < 5000 ? `s-${i % 40}` : `unique-${i}`,
    i % 7 === 0 ? null : i % 2 === 0,
    i % 13 === 0 ? null : (i * 7919) % 100_000 - 50_000,
    i % 17 === 0 ? null : 1_700_000_000_000 + i,
    i % 19 === 0 ? null : i % 23 === 0 ? -0 : i / 7 - 300,
  ];
}

interface Input { key: string | null; row: unknown[] | null; narrow: boolean; headers?: boolean }

/** 10,000 records: mostly wide rows, some narrow, some produced as bytes only (a tombstone, headers). */
function inputs(keys: number): Input[] {
  return Array.from({ length: 10_000 }, (_, i): Input => ({
    key: keys > 0 ? `k${i % keys}` : i % 5 === 0 ? `k${i}` : null,
    row: keys > 0 && i % 97 === 0 ? null : i % 3 === 0 ? [`n${i % 9}`, i] : wideRow(i),
    narrow: i % 3 === 0,
    headers: i % 31 === 0,
  }));
}

function asRows(input: Input[]): ProducerRecord[] {
  return input.map((x, i) => {
    const key = x.key === null ? null : Buffer.from(x.key);
    const headers = x.headers ? [{ key: 'h', value: Buffer.from(`v${i}`) }] : undefined;
    const serde = x.narrow ? narrow : wide;
    const kept = x.row === null ? undefined : serde.rowToKeep!(x.row);
    // A null value, or a row not kept (-0.0 is written as such, so it goes as bytes).
    if (kept === undefined) return { key, value: x.row === null ? null : serde.serialize(x.row, 't'), timestamp: i, headers };
    return new RowRecord(key, kept, serde.rowEncoder!, i, headers);
  });
}

function asBytes(input: Input[]): ProducerRecord[] {
  return input.map((x, i) => ({
    key: x.key === null ? null : Buffer.from(x.key),
    value: x.row === null ? null : (x.narrow ? narrow : wide).serialize(x.row, 't'),
    timestamp: i,
    headers: x.headers ? [{ key: 'h', value: Buffer.from(`v${i}`) }] : undefined,
  }));
}

const seen = (r: LogRecord): string => JSON.stringify([r.offset, text(r.key), r.timestamp, r.headers.map((h) => [h.key, text(h.value)]), text(r.value)]);

async function readAll(log: MemoryLog): Promise<LogRecord[]> {
  const [end] = await log.endOffsets('t');
  return log.read('t', 0, 0, end);
}

async function loaded(records: ProducerRecord[], config: Record<string, string> = {}, cleanEveryRecords?: number): Promise<MemoryLog> {
  const log = new MemoryLog(cleanEveryRecords ? { cleanEveryRecords } : {});
  await log.createTopic('t', { partitions: 1, config });
  for (let i = 0; i < records.length; i += 1000) await log.produce('t', records.slice(i, i + 1000));
  return log;
}

/** What a topic of `config` holds once `input` is written to it as rows, and as bytes. */
async function readBothWays(input: Input[], config: Record<string, string>, cleanEveryRecords: number): Promise<{ rows: LogRecord[]; bytes: LogRecord[] }> {
  const rows = await readAll(await loaded(asRows(input), config, cleanEveryRecords));
  const bytes = await readAll(await loaded(asBytes(input), config, cleanEveryRecords));
  return { rows, bytes };
}

describe('rows stored by column on MemoryLog', () => {
  it('read back as the same records produced as bytes, each row as it was given', async () => {
    const input = inputs(0);
    const rows = await readAll(await loaded(asRows(input)));
    const bytes = await readAll(await loaded(asBytes(input)));
    expect(rows.map(seen)).toEqual(bytes.map(seen));
    const kept = rows.filter((r) => r.valueRow !== undefined);
    expect(kept.length).toBe(input.filter((x) => !x.row!.some((v) => Object.is(v, -0))).length);
    expect(kept.map((r) => r.valueRow)).toEqual(kept.map((r) => input[r.offset].row));
    expect(kept.every((r) => r.valueCodec === (input[r.offset].narrow ? narrow : wide).codec)).toBe(true);
    // A consumer in a group reads the same.
    const log = await loaded(asRows(input));
    const c = log.consumer({ groupId: 'g', topics: ['t'] });
    const polled: LogRecord[] = [];
    for (let got = await c.poll({ maxRecords: 3000 }); got.length > 0; got = await c.poll({ maxRecords: 3000 })) polled.push(...got);
    await c.close();
    expect(polled.map(seen)).toEqual(bytes.map(seen));
  });

  it('keep the bytes encoded for one reader for the next', async () => {
    const input = inputs(0).slice(0, 10);
    const log = await loaded(asRows(input));
    const first = await readAll(log);
    const again = await readAll(log);
    expect(first[1]).not.toBe(again[1]); // a new view per read
    expect(first[1].value).toBe(again[1].value); // of the same bytes, once read
  });

  it('are compacted as the same records produced as bytes', async () => {
    const input = inputs(50);
    const { rows, bytes } = await readBothWays(input, { 'cleanup.policy': 'compact' }, 700);
    expect(rows.length).toBeLessThan(input.length / 2);
    expect(rows.map(seen)).toEqual(bytes.map(seen));
    const kept = rows.filter((r) => r.valueRow !== undefined);
    expect(kept.length).toBeGreaterThan(100);
    expect(kept.map((r) => r.valueRow)).toEqual(kept.map((r) => input[r.offset].row));
  });

  it('are deleted by retention.ms as the same records produced as bytes', async () => {
    const input = inputs(0);
    const { rows, bytes } = await readBothWays(input, { 'retention.ms': '2500' }, 500);
    expect(rows.length).toBeLessThan(input.length / 2);
    expect(rows[0].offset).toBeGreaterThan(0);
    expect(rows.map(seen)).toEqual(bytes.map(seen));
  });
});
