// kafkajs's broker pool returns null when no broker answers a metadata request (a timeout, a
// dropped connection) and its admin then fails with a TypeError reading it. KafkaDirect takes that
// for the transient failure it is and asks again. (A stand-in for kafkajs's admin: the failure
// needs a broker that stops answering mid-request, which a test cannot arrange on demand.)
import { describe, expect, it } from 'vitest';
import type { Kafka } from 'kafkajs';
import { KafkaDirect } from '../../src/log/kafka-direct.js';

function kafkaWhoseFirstMetadataGoesUnanswered(): { kafka: Kafka; calls: () => number } {
  let calls = 0;
  const admin = {
    connect: async () => {},
    disconnect: async () => {},
    fetchTopicMetadata: async () => {
      calls++;
      if (calls === 1) return (null as unknown as { topicMetadata: unknown[] }).topicMetadata; // what kafkajs does
      return { topics: [{ name: 'sensors', partitions: [{ partitionId: 1, leader: 0, replicas: [0] }, { partitionId: 0, leader: 0, replicas: [0] }] }] };
    },
  };
  return { kafka: { admin: () => admin } as unknown as Kafka, calls: () => calls };
}

describe('KafkaDirect through kafkajs when no broker answers', () => {
  it('asks again instead of failing with a TypeError', async () => {
    const { kafka, calls } = kafkaWhoseFirstMetadataGoesUnanswered();
    const t = await new KafkaDirect(kafka).topic('sensors');
    expect(t?.partitions.map((p) => p.partitionId)).toEqual([0, 1]);
    expect(calls()).toBe(2);
  });
});
