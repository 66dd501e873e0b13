// Queries reading the same topic one after the other decode each record once: in process they
// get the same bytes object; from a broker each consumer gets its own copy of the record, which
// is the same record when partition, offset and bytes agree.
import { describe, it, expect } from 'vitest';
import { sharedValueDecoder } from '../../src/runtime/operators/shared-decode.js';
import type { SourceStep } from '../../src/plan/physical-plan.js';
import { createRowSerde, type RowSerde } from '../../src/format/index.js';
import type { LogRecord } from '../../src/log/log.js';
import { DOUBLE } from '../../src/types/sql-type.js';

let topicNo = 0;

/** A JSON source of DOUBLE columns (X by default) on a topic of its own (slots are per topic). */
function source(names = ['X']): SourceStep {
  return {
    kind: 'source', sourceName: 'S', alias: 'S', topic: `shared-decode-${++topicNo}`, output: 'STREAM',
    keyFormat: { format: 'KAFKA' }, valueFormat: { format: 'JSON' },
    schema: { key: [], value: names.map((name) => ({ name, type: DOUBLE, namespace: 'VALUE' })) },
  } as unknown as SourceStep;
}

/** A serde that counts its decodes. */
function countingSerde(): RowSerde & { decodes: number } {
  const s = {
    decodes: 0,
    serialize: () => null,
    deserialize(bytes: Uint8Array | null): unknown[] | null {
      s.decodes++;
      return bytes === null ? null : [(JSON.parse(Buffer.from(bytes).toString()) as { X: number }).X];
    },
  };
  return s;
}

const rec = (partition: number, offset: number, value: Uint8Array): LogRecord =>
  ({ topic: 't', partition, offset, key: null, value, timestamp: 0, headers: [] }) as unknown as LogRecord;

describe('shared decode', () => {
  it('decodes a record once for two queries, when each got its own copy of the bytes (a broker)', () => {
    const step = source();
    const serde = countingSerde();
    const scorer = sharedValueDecoder(step, serde);
    const trainer = sharedValueDecoder(step, serde);
    for (let o = 0; o < 100; o++) {
      const bytes = Buffer.from(JSON.stringify({ X: o / 3 }));
      expect(scorer(rec(0, o, Buffer.from(bytes)))).toEqual([o / 3]);
      expect(trainer(rec(0, o, Buffer.from(bytes)))).toEqual([o / 3]);
    }
    expect(serde.decodes).toBe(100);
  });

  it('decodes again where partition, offset or bytes differ (another record; a topic made again reuses offsets)', () => {
    const step = source();
    const serde = countingSerde();
    const a = sharedValueDecoder(step, serde);
    const b = sharedValueDecoder(step, serde);
    expect(a(rec(0, 5, Buffer.from('{"X":1}')))).toEqual([1]);
    expect(b(rec(1, 5, Buffer.from('{"X":1}')))).toEqual([1]); // another partition
    expect(a(rec(1, 6, Buffer.from('{"X":1}')))).toEqual([1]); // another offset
    expect(b(rec(1, 6, Buffer.from('{"X":2}')))).toEqual([2]); // same place, other bytes
    expect(a(rec(1, 6, Buffer.from('{"X":2.0}')))).toEqual([2]); // same place, other length
    expect(serde.decodes).toBe(5);
  });

  it('decodes a record once where the two queries go in step per partition, not across partitions', () => {
    // The scoring query takes a record of each partition before the trainer takes them: each
    // partition's last record is kept (one kept record for the topic missed on all of them).
    const step = source();
    const serde = countingSerde();
    const scorer = sharedValueDecoder(step, serde);
    const trainer = sharedValueDecoder(step, serde);
    const value = (p: number, o: number): Buffer => Buffer.from(JSON.stringify({ X: p * 1000 + o }));
    for (let o = 0; o < 50; o++) {
      for (let p = 0; p < 4; p++) expect(scorer(rec(p, o, value(p, o)))).toEqual([p * 1000 + o]);
      for (let p = 0; p < 4; p++) expect(trainer(rec(p, o, value(p, o)))).toEqual([p * 1000 + o]);
    }
    expect(serde.decodes).toBe(200);
  });

  it('a record that fails to decode partway leaves no part of itself in the row kept for the record before', () => {
    const step = source(['X', 'Y']);
    const serde = createRowSerde({ format: 'JSON' }, step.schema.value, { isKey: false });
    const a = sharedValueDecoder(step, serde);
    const b = sharedValueDecoder(step, serde);
    const good = Buffer.from('{"X":1,"Y":2}');
    expect(a(rec(0, 0, good))).toEqual([1, 2]);
    // X is read into the partition's array before Y fails.
    expect(() => a(rec(0, 1, Buffer.from('{"X":7,"Y":"seven"}')))).toThrow(/Y/);
    expect(b(rec(0, 0, Buffer.from(good)))).toEqual([1, 2]);
  });

  it('queries that do not go in step decode only their own columns: whole rows would be made for nothing', () => {
    // A model learning per task reads a poll's records after the scoring query took them all: no
    // kept record is the one asked for. After a window of lookups without hits, each decodes
    // its columns (the partial serde), trying whole rows again for one window in sixteen.
    const step = source(['X', 'Y']);
    const whole = countingSerde();
    const partial = countingSerde();
    const read = [true, false];
    const a = sharedValueDecoder(step, whole, partial, read);
    const b = sharedValueDecoder(step, whole, partial, read);
    const value = (o: number): Buffer => Buffer.from(JSON.stringify({ X: o }));
    const polls = 200;
    let wrong = 0;
    for (let poll = 0; poll < polls; poll++) {
      for (let o = poll * 500; o < (poll + 1) * 500; o++) if (a(rec(0, o, value(o)))![0] !== o) wrong++;
      for (let o = poll * 500; o < (poll + 1) * 500; o++) if (b(rec(0, o, value(o)))![0] !== o) wrong++;
    }
    expect(wrong).toBe(0);
    const lookups = 2 * polls * 500;
    expect(whole.decodes + partial.decodes).toBe(lookups); // no hits: each decodes every record
    expect(whole.decodes).toBeLessThan(lookups / 8);

    // In step (a trainer and its scoring query), they share whole rows: one decode a record.
    const step2 = source(['X', 'Y']);
    const whole2 = countingSerde();
    const partial2 = countingSerde();
    const c = sharedValueDecoder(step2, whole2, partial2, read);
    const d = sharedValueDecoder(step2, whole2, partial2, [false, true]);
    for (let o = 0; o < 100_000; o++) {
      c(rec(0, o, value(o)));
      d(rec(0, o, value(o)));
    }
    expect(whole2.decodes + partial2.decodes).toBe(100_000);
  });
});
