// Keys land on the partition Kafka's default partitioner picks: murmur2 of the serialized key,
// made positive, modulo the partition count. The murmur2 here is written independently of
// Eddy's and checked against the Java client's own test vectors.
import { describe, it, expect } from 'vitest';
import { engine, run, topicRecords } from './engine-helpers.js';

/** Kafka's Utils.murmur2 (seed 0x9747b28c), as a signed 32-bit int. */
function murmur2(data: Uint8Array): number {
  const m = 0x5bd1e995;
  const length = data.length;
  let h = (0x9747b28c ^ length) | 0;
  const words = length >> 2;
  for (let i = 0; i < words; i++) {
    const o = i * 4;
    let k = (data[o] & 0xff) | ((data[o + 1] & 0xff) << 8) | ((data[o + 2] & 0xff) << 16) | ((data[o + 3] & 0xff) << 24);
    k = Math.imul(k, m);
    k ^= k >>> 24;
    k = Math.imul(k, m);
    h = Math.imul(h, m);
    h ^= k;
  }
  const tail = words * 4;
  const rest = length % 4;
  if (rest === 3) h ^= (data[tail + 2] & 0xff) << 16;
  if (rest >= 2) h ^= (data[tail + 1] & 0xff) << 8;
  if (rest >= 1) { h ^= data[tail] & 0xff; h = Math.imul(h, m); }
  h ^= h >>> 13;
  h = Math.imul(h, m);
  h ^= h >>> 15;
  return h | 0;
}

const partitionOf = (key: Uint8Array, partitions: number): number => (murmur2(key) & 0x7fffffff) % partitions;

const intKey = (n: number): Uint8Array => { const b = Buffer.alloc(4); b.writeInt32BE(n); return b; };
const bigintKey = (n: bigint): Uint8Array => { const b = Buffer.alloc(8); b.writeBigInt64BE(n); return b; };

/** Which partition each record of a topic is in, by the record's key bytes (hex). */
async function partitionsByKey(topic: string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const r of await topicRecords(topic)) out.set(Buffer.from(r.key!).toString('hex'), r.partition);
  return out;
}

describe('key partitioning', () => {
  it('this murmur2 matches the Java client test vectors', () => {
    const vectors: [string, number][] = [
      ['21', -973932308],
      ['foobar', -790332482],
      ['a-little-bit-long-string', -985981536],
      ['a-little-bit-longer-string', -1486304829],
      ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971],
      ['abc', 479470107],
    ];
    for (const [s, h] of vectors) expect(murmur2(Buffer.from(s))).toBe(h);
  });

  it('STRING keys inserted with INSERT VALUES land on murmur2(key) % 4', async () => {
    await run(`CREATE STREAM s (k STRING KEY, v INT) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS=4);`);
    const keys = Array.from({ length: 40 }, (_, i) => `key-${i}`);
    for (const k of keys) await run(`INSERT INTO s (k, v) VALUES ('${k}', 1);`);
    const actual = await partitionsByKey('s');
    for (const k of keys) expect(actual.get(Buffer.from(k).toString('hex')), k).toBe(partitionOf(Buffer.from(k), 4));
    expect(new Set(actual.values()).size).toBe(4); // 40 keys use every partition
  });

  it('INT and BIGINT keys are hashed as their 4- and 8-byte big-endian encodings', async () => {
    await run(`
      CREATE STREAM i (k INT KEY, v INT) WITH (KAFKA_TOPIC='i', VALUE_FORMAT='JSON', PARTITIONS=4);
      CREATE STREAM b (k BIGINT KEY, v INT) WITH (KAFKA_TOPIC='b', VALUE_FORMAT='JSON', PARTITIONS=4);`);
    for (let n = -5; n < 20; n++) await run(`INSERT INTO i (k, v) VALUES (${n}, 1); INSERT INTO b (k, v) VALUES (${n}, 1);`);
    const ints = await partitionsByKey('i');
    const bigs = await partitionsByKey('b');
    for (let n = -5; n < 20; n++) {
      expect(ints.get(Buffer.from(intKey(n)).toString('hex')), `INT ${n}`).toBe(partitionOf(intKey(n), 4));
      expect(bigs.get(Buffer.from(bigintKey(BigInt(n))).toString('hex')), `BIGINT ${n}`).toBe(partitionOf(bigintKey(BigInt(n)), 4));
    }
  });

  it('a persistent query writes re-keyed output to the partition of its new key', async () => {
    await run(`
      CREATE STREAM s (id INT KEY, user_name STRING) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS=1);
      CREATE STREAM by_user WITH (PARTITIONS=4) AS SELECT * FROM s PARTITION BY user_name EMIT CHANGES;`);
    const names = Array.from({ length: 20 }, (_, i) => `user${i}`);
    for (const [i, n] of names.entries()) await run(`INSERT INTO s (id, user_name) VALUES (${i}, '${n}');`);
    const actual = await partitionsByKey('BY_USER');
    expect((await (await engine()).log.describeTopic('BY_USER'))?.partitions).toBe(4);
    for (const n of names) expect(actual.get(Buffer.from(n).toString('hex')), n).toBe(partitionOf(Buffer.from(n), 4));
  });

  it('a GROUP BY table writes each group to the partition of its key', async () => {
    await run(`
      CREATE STREAM s (id INT KEY, city STRING) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS=4);
      CREATE TABLE per_city AS SELECT city, COUNT(*) AS n FROM s GROUP BY city EMIT CHANGES;`);
    const cities = ['Paris', 'Lagos', 'Lima', 'Oslo', 'Pune', 'Quito', 'Rome', 'Seoul', 'Tokyo', 'Ulm'];
    for (const [i, c] of cities.entries()) await run(`INSERT INTO s (id, city) VALUES (${i}, '${c}');`);
    const actual = await partitionsByKey('PER_CITY');
    for (const c of cities) expect(actual.get(Buffer.from(c).toString('hex')), c).toBe(partitionOf(Buffer.from(c), 4));
  });
});
