// A stream-stream join keeps each side's records for its retention (WITHIN before + after +
// grace) behind that side's latest time, and no longer: however many distinct keys went through,
// its buffers hold only the records still inside that span.
import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import type { Buffered } from '../../src/runtime/operators/join-window-buffer.js';

const enc = new TextEncoder();
let engine: Engine | undefined;
afterEach(async () => { await engine?.close(); engine = undefined; });

/** Records per join side (store names end in -left / -right) and the number of keys holding them. */
function buffered(e: Engine): Record<'left' | 'right', { records: number; keys: number }> {
  const out = { left: { records: 0, keys: 0 }, right: { records: 0, keys: 0 } };
  for (const q of e.state.queries.values()) {
    for (const m of q.graph.stores.maps) {
      const side = m.storeName.endsWith('-left') ? 'left' : m.storeName.endsWith('-right') ? 'right' : undefined;
      if (!side) continue;
      for (const list of m.values() as IterableIterator<Buffered[]>) {
        out[side].records += list.length;
        out[side].keys++;
      }
    }
  }
  return out;
}

describe('stream-stream join expiry', () => {
  it('a stream-stream join over 100k keys expires old buffers: each side keeps only the records within its retention', async () => {
    engine = await Engine.create({ properties: { 'auto.offset.reset': 'earliest' } });
    await engine.executeScript(`
      CREATE STREAM l (k STRING KEY, v INT) WITH (KAFKA_TOPIC='l', KEY_FORMAT='KAFKA', VALUE_FORMAT='JSON', PARTITIONS=1);
      CREATE STREAM r (k STRING KEY, w INT) WITH (KAFKA_TOPIC='r', KEY_FORMAT='KAFKA', VALUE_FORMAT='JSON', PARTITIONS=1);
      CREATE STREAM o AS SELECT l.k, v, w FROM l JOIN r WITHIN 1 SECOND GRACE PERIOD 1 SECOND ON l.k = r.k;`);
    // A new key every 10 ms, alternating sides; 100,500 keys (not a round number of records).
    const n = 100_500;
    const step = 10;
    const retention = 1000 + 1000 + 1000;
    for (let b = 0; b < n; b += 10_000) {
      const l = [];
      const r = [];
      for (let i = b; i < Math.min(n, b + 10_000); i++) {
        const rec = { key: enc.encode(`k${i}`), value: enc.encode(`{"V":${i},"W":${i}}`), timestamp: i * step };
        (i % 2 === 0 ? l : r).push(rec);
      }
      await engine.log.produce('l', l);
      await engine.log.produce('r', r);
    }
    await engine.settle();
    // A side keeps its records no older than its latest time minus the retention (plus 1 ms).
    const within = (parity: number): number => {
      const times = Array.from({ length: n }, (_, i) => i).filter((i) => i % 2 === parity).map((i) => i * step);
      const low = times[times.length - 1] - retention + 1;
      return times.filter((t) => t >= low).length;
    };
    expect(within(0)).toBe(150);
    expect(buffered(engine)).toEqual({
      left: { records: within(0), keys: within(0) },
      right: { records: within(1), keys: within(1) },
    });
  });
});
