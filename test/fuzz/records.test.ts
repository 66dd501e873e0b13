// Property: every record of a source topic — well-formed, wrong-typed, truncated, random bytes,
// null — reaches the sink or the processing log (with its topic, partition and offset), none is
// lost, order is kept, and an aggregate counts each decodable record exactly once, whatever
// its values make the expressions do. For each value format.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Engine } from '../../src/engine/engine.js';
import type { ProcessingLogEntry } from '../../src/runtime/processing-log.js';
import { drain, within } from './bounded.js';
import { fuzzParams, fuzzTimeout } from './fuzz-runs.js';

/** A value that decodes to no row at all (a tombstone; JSON's `null` too, as in ksqlDB). */
const isNullRow = (format: string, v: Uint8Array | null): boolean => v === null || (format === 'JSON' && Buffer.from(v).toString('utf8').trim() === 'null');

const enc = (s: string): Uint8Array => Buffer.from(s, 'utf8');
const MS = 20_000;

/** Values a field may hold: right types, wrong types, extremes, nesting. */
const anyValue = fc.oneof(
  fc.integer(), fc.double(), fc.string(), fc.boolean(), fc.constant(null),
  fc.constantFrom(0, -1, 2147483648, -2147483649, 1e308, -1e308, 9007199254740993, 1.5, '0', 'x', '1e3', '', 'NaN'),
  fc.array(fc.integer(), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 3 }), fc.integer(), { maxKeys: 2 }),
);

const COLUMNS = ['I', 'B', 'D', 'S', 'F', 'DEC'];

/** A value's bytes for a format: mostly near-valid, some garbage, some null. */
function valueArb(format: 'JSON' | 'DELIMITED'): fc.Arbitrary<Uint8Array | null> {
  const fields = fc.tuple(...COLUMNS.map(() => anyValue));
  const wellShaped = format === 'JSON'
    ? fields.map((vs) => enc(JSON.stringify(Object.fromEntries(COLUMNS.map((c, i) => [c, vs[i]])))))
    : fields.map((vs) => enc(vs.map((v) => (v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v))).join(',')));
  return fc.oneof(
    { weight: 6, arbitrary: wellShaped },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 40 }) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }).map((j) => enc(JSON.stringify(j))) },
    { weight: 1, arbitrary: wellShaped.map((b) => b.subarray(0, Math.floor(b.length / 2))) },
    { weight: 1, arbitrary: fc.constant(null) },
  );
}

const keyArb = fc.oneof({ weight: 4, arbitrary: fc.constantFrom('a', 'b', 'c').map(enc) }, { weight: 1, arbitrary: fc.uint8Array({ maxLength: 8 }) }, { weight: 1, arbitrary: fc.constant(null) });

/** Record times: mostly the append time; some at or past the edges Kafka allows and a Date holds. */
const timeArb = fc.oneof({ weight: 8, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom(0, 1, 8.64e15, 9.2e18) });

async function check(format: 'JSON' | 'DELIMITED', records: { key: Uint8Array | null; value: Uint8Array | null; timestamp?: number }[]): Promise<void> {
  const logged: ProcessingLogEntry[] = [];
  const e = await Engine.create({ properties: { 'auto.offset.reset': 'earliest' }, onProcessingLog: (x) => logged.push(x) });
  try {
    await e.executeScript(`
      CREATE STREAM src (k STRING KEY, i INT, b BIGINT, d DOUBLE, s STRING, f BOOLEAN, dec DECIMAL(6, 2))
        WITH (KAFKA_TOPIC='src', VALUE_FORMAT='${format}', PARTITIONS=1);
      CREATE STREAM out WITH (VALUE_FORMAT='JSON') AS SELECT k, ROWOFFSET AS src_offset, 10 / i AS q, CAST(s AS INT) AS si, b * 2 AS b2, d, dec FROM src;
      CREATE TABLE agg WITH (VALUE_FORMAT='JSON') AS SELECT k, COUNT(*) AS n, SUM(10 / i) AS q, COLLECT_LIST(CAST(s AS INT)) AS l, MAX(b) AS mb FROM src GROUP BY k;`);
    await e.log.produce('src', records);
    await within(e.settle(MS), MS + 1000, 'settle');

    const ends = await e.log.endOffsets('OUT');
    const sink = await e.log.read('OUT', 0, 0, ends[0]);
    const offsets = sink.filter((r) => r.value !== null).map((r) => (JSON.parse(Buffer.from(r.value!).toString()) as { SRC_OFFSET: number }).SRC_OFFSET);
    // Order kept: the sink's records come in their source order.
    expect(offsets).toEqual([...offsets].sort((x, y) => x - y));
    const reached = new Set(offsets);
    const srcLogged = new Map<number, ProcessingLogEntry>();
    for (const l of logged) if (l.topic === 'src') { expect(l.partition).toBe(0); srcLogged.set(l.offset!, l); }
    records.forEach((r, offset) => {
      if (isNullRow(format, r.value)) return; // a null value flows as a delete (key only)
      expect(reached.has(offset) || srcLogged.has(offset), `record ${offset} (${Buffer.from(r.value).toString('latin1')}) reached neither the sink nor the processing log`).toBe(true);
    });
    // Every record that decoded is counted once by its key's COUNT(*), whatever its expressions did.
    const undecodable = new Set(logged.filter((l) => l.topic === 'src' && l.type === 'DESERIALIZATION').map((l) => l.offset));
    const expected = new Map<string, number>();
    records.forEach((r, offset) => {
      if (isNullRow(format, r.value) || r.key === null || undecodable.has(offset)) return;
      const k = Buffer.from(r.key).toString('utf8');
      expected.set(k, (expected.get(k) ?? 0) + 1);
    });
    const [pull] = await e.executeScript('SELECT k, n FROM agg;');
    const counted = new Map((await drain(pull)).map((row) => [row[0] as string, row[1] as number]));
    expect(counted).toEqual(expected);
  } finally {
    await within(e.close(), MS, 'close');
  }
}

describe('record fuzzing', () => {
  for (const format of ['JSON', 'DELIMITED'] as const) {
    it(`every ${format} record reaches the sink or the processing log, in order, and is counted once`, async () => {
      await fc.assert(fc.asyncProperty(
        fc.array(fc.record({ key: keyArb, value: valueArb(format), timestamp: timeArb }, { requiredKeys: ['key', 'value'] }), { minLength: 1, maxLength: 30 }),
        (records) => check(format, records)), fuzzParams(15));
    }, fuzzTimeout(15, 3000));
  }
});
