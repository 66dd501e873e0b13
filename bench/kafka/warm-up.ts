// A fresh broker creates its internal topics on first use: __consumer_offsets with the first
// consumer group, the producer-id state with the first idempotent producer, and answers
// "coordinator is loading" (retried after a pause) meanwhile. Doing that once before the
// timed phases keeps the first run of each from paying for it.
import type { Admin } from 'kafkajs';
import kafkajs from 'kafkajs';
import { benchKafka, withDeadline } from './kafka-client.js';
import { createTopic } from './load.js';

const { Partitioners } = kafkajs;

export async function warmUp(brokers: string[], admin: Admin, topic: string): Promise<void> {
  await createTopic(admin, topic);
  const kafka = benchKafka(brokers, 'eddy-bench-warm-up', true);
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
  try {
    await producer.connect();
    await producer.send({ topic, acks: -1, messages: [{ key: 'warm-up', value: '{}' }] });
  } finally {
    await producer.disconnect();
  }
  const consumer = kafka.consumer({ groupId: `${topic}_group` });
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    let seen!: () => void;
    const consumed = new Promise<void>((r) => { seen = r; });
    await consumer.run({ eachMessage: async () => seen() });
    await withDeadline(consumed, 60_000, 'warming up the group coordinator');
  } finally {
    await consumer.disconnect();
  }
}
