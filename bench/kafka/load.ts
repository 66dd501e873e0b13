// The load phase: N JSON sensor readings of about 256 bytes, keyed by sensor id, with event
// times spread evenly over some minutes, into a fresh 4-partition topic — plus the expected
// answers the phases check against (how many pass the filter).
//
// Loading is defensive because an earlier attempt hung here (5,000-record sends, right after
// createTopics) in a way we could not reproduce. So: every partition must show a leader before
// the first send; batches are moderate (~270 KB, far under the broker's 1 MB message.max.bytes,
// whatever the key spread); a few are in flight, on a plain (non-idempotent) producer; and each
// send has a deadline, since kafkajs's own retries of a stuck request take minutes to give up.
import type { Admin, Kafka, Message } from 'kafkajs';
import kafkajs from 'kafkajs';
import { withDeadline } from './kafka-client.js';
import { Rng } from '../../src/ml/rng.js';

const { Partitioners } = kafkajs;

export const PARTITIONS = 4;
const SENSORS = 1000;
const SITES = ['plant-north', 'plant-south', 'depot-east', 'depot-west'];
const VALUE_BYTES = 256;
/** Event times cover this span, so the 1-minute tumbling windows of (c) are realistic (10 per key). */
const SPAN_MS = 10 * 60_000;
/** (b) keeps readings hotter than this: about half of temps uniform in [50, 90). */
export const THRESHOLD = 70;
const BATCH = 1000;
const IN_FLIGHT = 4;
const SEND_DEADLINE_MS = 60_000;

export interface Dataset {
  topic: string;
  records: number;
  /** Records with temp > THRESHOLD: the row count (b) must produce. */
  expectedHot: number;
  avgValueBytes: number;
  loadSeconds: number;
}

export async function loadReadings(kafka: Kafka, admin: Admin, topic: string, records: number): Promise<Dataset> {
  const { messages, expectedHot, bytes } = generate(records);
  await createTopic(admin, topic);
  const producer = kafka.producer({ allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  const t0 = performance.now();
  try {
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < records) {
        const start = next;
        next += BATCH;
        await withDeadline(producer.send({ topic, acks: -1, messages: messages.slice(start, start + BATCH) }), SEND_DEADLINE_MS,
          `producing records ${start}..${start + BATCH} to ${topic}`);
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  } finally {
    await producer.disconnect();
  }
  return { topic, records, expectedHot, avgValueBytes: bytes / records, loadSeconds: (performance.now() - t0) / 1000 };
}

/** Creates a topic and returns once every partition has a leader (producing earlier can stall). */
export async function createTopic(admin: Admin, topic: string): Promise<void> {
  await admin.createTopics({ topics: [{ topic, numPartitions: PARTITIONS, replicationFactor: 1 }], waitForLeaders: true, timeout: 30_000 });
  const deadline = Date.now() + 30_000;
  for (;;) {
    const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
    const parts = topics[0]?.partitions ?? [];
    if (parts.length === PARTITIONS && parts.every((p) => p.leader >= 0)) return;
    if (Date.now() > deadline) throw new Error(`topic ${topic}: partitions still without a leader after 30 s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function generate(n: number): { messages: Message[]; expectedHot: number; bytes: number } {
  const rng = new Rng(42); // the same data every run
  const rand = (): number => rng.next();
  const end = Math.floor(Date.now() / 60_000) * 60_000 - 60_000; // in the past: brokers reject far-future times
  const start = end - SPAN_MS;
  const padding = 'lorem ipsum dolor sit amet '.repeat(12);
  const messages: Message[] = new Array(n);
  let expectedHot = 0;
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const sensor = `s-${Math.floor(rand() * SENSORS)}`;
    const temp = Math.round((50 + rand() * 40) * 10) / 10;
    if (temp > THRESHOLD) expectedHot++;
    const reading = {
      sensor, site: SITES[Math.floor(rand() * SITES.length)], temp,
      vibration: Math.round(rand() * 100) / 1000, status: rand() < 0.95 ? 'OK' : 'WARN', note: '',
    };
    reading.note = padding.slice(0, Math.max(0, VALUE_BYTES - JSON.stringify(reading).length));
    const value = Buffer.from(JSON.stringify(reading));
    bytes += value.length;
    messages[i] = { key: sensor, value, timestamp: String(start + Math.floor((i * SPAN_MS) / n)) };
  }
  return { messages, expectedHot, bytes };
}
