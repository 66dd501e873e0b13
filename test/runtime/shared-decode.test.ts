// Queries reading the same topic one after the other decode each record once: in process they
// get the same bytes object; from a broker each consumer gets its own copy of the record, which
// is the same record when partition, offset and bytes agree.
import { describe, it, expect } from 'vitest';
import { sharedValueDecoder } from '../../src/runtime/operators/shared-decode.js';
import type { SourceStep } from '../../src/plan/physical-plan.js';
import type { RowSerde } from '../../src/format/index.js';
import type { LogRecord } from '../../src/log/log.js';
import { DOUBLE } from '../../src/types/sql-type.js';

let topicNo = 0;

/** A JSON source of one DOUBLE column X on a topic of its own (slots are per topic). */
function source(): SourceStep {
  return {
    kind: 'source', sourceName: 'S', alias: 'S', topic: `shared-decode-${++topicNo}`, output: 'STREAM',
    keyFormat: { format: 'KAFKA' }, valueFormat: { format: 'JSON' },
    schema: { key: [], value: [{ name: 'X', type: DOUBLE, namespace: 'VALUE' }] },
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
});
