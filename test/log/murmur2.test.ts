// murmur2 and the default partitioner against vectors computed by Kafka's Java client.

import { describe, expect, it } from 'vitest';
import { murmur2, toPositive } from '../../src/log/murmur2.js';
import { DefaultPartitioner, partitionForKey } from '../../src/log/default-partitioner.js';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('murmur2', () => {
  // org.apache.kafka.common.utils.UtilsTest#testMurmur2
  it.each([
    ['21', -973932308],
    ['foobar', -790332482],
    ['a-little-bit-long-string', -985981536],
    ['a-little-bit-longer-string', -1486304829],
    ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971],
    ['abc', 479470107],
  ])('murmur2(%j) = %i', (s, h) => {
    expect(murmur2(bytes(s))).toBe(h);
  });

  it('toPositive clears the sign bit', () => {
    expect(toPositive(-1)).toBe(0x7fffffff);
    expect(toPositive(-2147483648)).toBe(0);
    expect(toPositive(5)).toBe(5);
  });
});

describe('default partitioner', () => {
  // The Java client's partitions for 1000 partitions (kafka-python's java-compatibility vectors).
  it.each([
    [[], 681],
    [[0x61], 524],
    [[0x61, 0x62], 434],
    [[0x61, 0x62, 0x63], 107],
    [[...bytes('123456789')], 566],
    [[0x00, 0x20], 742],
  ])('key %j → partition %i of 1000', (key, p) => {
    expect(partitionForKey(Uint8Array.from(key), 1000)).toBe(p);
  });

  it('round-robins null keys per topic', () => {
    const dp = new DefaultPartitioner();
    expect([0, 1, 2, 3].map(() => dp.partition('t', null, 3))).toEqual([0, 1, 2, 0]);
    expect(dp.partition('u', null, 3)).toBe(0);
  });
});
