// (a) The ceiling for kafkajs on this machine: a consumer group reading the input from the
// earliest offset and producing every record unchanged to an output topic. It does what a
// tuned kafkajs application would: whole fetched batches per send, the four partitions
// processed concurrently, each record kept in its partition (no re-partitioning), acks=all as
// Eddy's producer. Timed from connecting until the output holds every record.
import type { Admin, Kafka } from 'kafkajs';
import kafkajs from 'kafkajs';
import { endOffsets, sum, waitUntil } from './kafka-client.js';
import { createTopic, PARTITIONS, type Dataset } from './load.js';

const { Partitioners } = kafkajs;
/**
 * A fetched batch can hold up to 1 MB per partition (kafkajs's maxBytesPerPartition); produced
 * as one record batch it would exceed the broker's message.max.bytes (1 MB), which kafkajs
 * treats as fatal: the consumer crashes and the copy stalls. So it is sent in parts of at most
 * this size (what Eddy's producer does too).
 */
const MAX_SEND_BYTES = 512 * 1024;

export async function passthrough(kafka: Kafka, admin: Admin, data: Dataset, tag: string, timeoutMs: number): Promise<number> {
  const output = `${data.topic}_copy_${tag}`;
  await createTopic(admin, output);
  const consumer = kafka.consumer({ groupId: `${output}_group`, sessionTimeout: 10_000, heartbeatInterval: 1000 });
  const producer = kafka.producer({ allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
  // A crash kafkajs does not restart from would otherwise only show as a timeout.
  let crash: Error | undefined;
  consumer.on(consumer.events.CRASH, (e) => { if (!e.payload.restart) crash = e.payload.error; });
  const t0 = performance.now();
  try {
    await Promise.all([consumer.connect(), producer.connect()]);
    await consumer.subscribe({ topics: [data.topic], fromBeginning: true });
    await consumer.run({
      partitionsConsumedConcurrently: PARTITIONS,
      eachBatch: async ({ batch }) => {
        const messages = batch.messages.map((m) => ({ key: m.key, value: m.value, timestamp: m.timestamp, headers: m.headers, partition: batch.partition }));
        for (const chunk of chunks(messages)) await producer.send({ topic: output, acks: -1, messages: chunk });
      },
    });
    return await waitUntil(`passthrough ${tag}`, t0, timeoutMs,
      async () => {
        if (crash) throw new Error(`the passthrough consumer crashed: ${crash.message}`);
        return sum(await endOffsets(admin, output)) >= data.records;
      },
      async () => `${sum(await endOffsets(admin, output))} of ${data.records} copied`);
  } finally {
    await consumer.disconnect();
    await producer.disconnect();
  }
}

function chunks<T extends { key: Buffer | null; value: Buffer | null }>(messages: T[]): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const m of messages) {
    const size = (m.key?.length ?? 0) + (m.value?.length ?? 0) + 64; // + per-record overhead, roughly
    if (current.length > 0 && bytes + size > MAX_SEND_BYTES) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(m);
    bytes += size;
  }
  if (current.length > 0) out.push(current);
  return out;
}
