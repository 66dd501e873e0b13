// The co-partitioning assignment on its own (no broker): partition p of every topic goes to the
// member that owns task p. test/log/kafka-consumer.test.ts shows it in a real group.

import { describe, expect, it } from 'vitest';
import kafkajs from 'kafkajs';
import { copartitionAssign, copartitionAssigner } from '../../src/log/kafka-copartition-assigner.js';

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
const plain = (m: Map<string, Record<string, number[]>>): Record<string, Record<string, number[]>> => Object.fromEntries(m);

describe('copartitionAssign', () => {
  it('gives partition p of every topic to one member, in contiguous ranges over sorted member ids', () => {
    const counts: Record<string, number> = { a: 4, b: 4 };
    const plan = copartitionAssign([{ id: 'm2', topics: ['a', 'b'] }, { id: 'm1', topics: ['a', 'b'] }], ['b', 'a'], (t) => range(counts[t]));
    expect(plain(plan)).toEqual({ m1: { a: [0, 1], b: [0, 1] }, m2: { a: [2, 3], b: [2, 3] } });
  });

  it('spreads max(partitions) tasks, the first members taking one extra; a smaller topic follows its numbers', () => {
    const counts: Record<string, number> = { big: 5, small: 2 };
    const plan = copartitionAssign(['x', 'y', 'z'].map((id) => ({ id, topics: ['big', 'small'] })), ['big', 'small'], (t) => range(counts[t]));
    expect(plain(plan)).toEqual({ x: { big: [0, 1], small: [0, 1] }, y: { big: [2, 3] }, z: { big: [4] } });
  });

  it('leaves members beyond the number of tasks without partitions', () => {
    const plan = copartitionAssign(['a', 'b', 'c'].map((id) => ({ id, topics: ['t'] })), ['t'], () => range(2));
    expect(plain(plan)).toEqual({ a: { t: [0] }, b: { t: [1] }, c: {} });
  });

  it('gives a topic a member does not read to a member that does', () => {
    const plan = copartitionAssign([{ id: 'a', topics: ['t', 'u'] }, { id: 'b', topics: ['t'] }], ['t', 'u'], () => range(2));
    expect(plain(plan)).toEqual({ a: { t: [0], u: [0, 1] }, b: { t: [1] } });
  });

  it('encodes assignments kafkajs decodes, for every member', async () => {
    const { MemberMetadata, MemberAssignment } = kafkajs.AssignerProtocol;
    const cluster = { findTopicPartitionMetadata: () => range(3).map((partitionId) => ({ partitionId })) };
    const assigner = copartitionAssigner({ cluster, groupId: 'g', logger: undefined } as unknown as Parameters<typeof copartitionAssigner>[0]);
    const { metadata } = assigner.protocol({ topics: ['t', 'u'] });
    expect(MemberMetadata.decode(metadata)?.topics).toEqual(['t', 'u']);
    const out = await assigner.assign({ members: [{ memberId: 'b', memberMetadata: metadata }, { memberId: 'a', memberMetadata: metadata }], topics: ['t', 'u'] });
    expect(out.map((o) => [o.memberId, MemberAssignment.decode(o.memberAssignment)?.assignment])).toEqual([
      ['a', { t: [0, 1], u: [0, 1] }],
      ['b', { t: [2], u: [2] }],
    ]);
  });
});
