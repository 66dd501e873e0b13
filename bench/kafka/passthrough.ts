// (a) The ceiling for kafkajs on this machine, run in the passthrough worker
// (passthrough-worker.ts): a consumer group reading the input from the earliest offset and
// producing every record unchanged to an output topic. It does what a tuned kafkajs application
// would: whole fetched batches per send, the four partitions processed concurrently, each record
// kept in its partition (no re-partitioning), acks=all as Eddy's producer. Timed by the benchmark
// from connecting until the output holds every record (passthrough-work.ts).
import type { Consumer, Kafka, Producer } from 'kafkajs';
import kafkajs from 'kafkajs';
import { benchKafka } from './kafka-client.js';
import { PARTITIONS } from './load.js';
import { reportFailure } from './worker-ipc.js';

const { Partitioners } = kafkajs;
/**
 * A fetched batch can hold up to 1 MB per partition (kafkajs's maxBytesPerPartition); produced
 * as one record batch it would exceed the broker's message.max.bytes (1 MB), which kafkajs
 * treats as fatal: the consumer crashes and the copy stalls. So it is sent in parts of at most
 * this size (what Eddy's producer does too).
 */
const MAX_SEND_BYTES = 512 * 1024;

export interface PassthroughPrepare { brokers: string[]; topic: string; output: string }

let kafka: Kafka | undefined; // one client for the worker's life, as a long-running app has
let current: { topic: string; output: string; consumer: Consumer; producer: Producer } | undefined;

export async function prepare(a: PassthroughPrepare): Promise<void> {
  if (current) throw new Error('a run is in progress');
  kafka ??= benchKafka(a.brokers, 'eddy-bench-passthrough');
  const consumer = kafka.consumer({ groupId: `${a.output}_group`, sessionTimeout: 10_000, heartbeatInterval: 1000 });
  const producer = kafka.producer({ allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
  // A crash kafkajs does not restart from would otherwise only show as a timeout.
  consumer.on(consumer.events.CRASH, (e) => { if (!e.payload.restart) reportFailure(`the passthrough consumer crashed: ${e.payload.error.message}`); });
  current = { topic: a.topic, output: a.output, consumer, producer };
}

export async function start(): Promise<void> {
  if (!current) throw new Error('no run prepared');
  const { topic, output, consumer, producer } = current;
  await Promise.all([consumer.connect(), producer.connect()]);
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await consumer.run({
    partitionsConsumedConcurrently: PARTITIONS,
    eachBatch: async ({ batch }) => {
      const messages = batch.messages.map((m) => ({ key: m.key, value: m.value, timestamp: m.timestamp, headers: m.headers, partition: batch.partition }));
      for (const chunk of chunks(messages)) await producer.send({ topic: output, acks: -1, messages: chunk });
    },
  });
}

export async function stop(): Promise<void> {
  const c = current;
  current = undefined;
  if (!c) return;
  try {
    await c.consumer.disconnect();
  } finally {
    await c.producer.disconnect();
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
