// Fetch (API 1, v11, non-flexible; Kafka 2.3 and later), without fetch sessions: every request
// names its partitions and offsets. Records come back undecoded (see record-batch-reader.ts).
import type { BrokerConnection } from './broker-connection.js';
import type { AbortedTransaction } from './record-batch-reader.js';
import { kafkaError } from './wire-errors.js';

export const FETCH = 1;
const VERSIONS = [11];
export const READ_UNCOMMITTED = 0;
export const READ_COMMITTED = 1;

export interface FetchPartition { partition: number; offset: number; maxBytes: number }
export interface FetchTopic { topic: string; partitions: FetchPartition[] }

export interface FetchedPartitionData {
  topic: string;
  partition: number;
  errorCode: number;
  highWatermark: number;
  lastStableOffset: number;
  logStartOffset: number;
  aborted: AbortedTransaction[] | null;
  records: Buffer | null;
}

export async function fetchRecords(c: BrokerConnection, topics: FetchTopic[], opts: {
  maxWaitMs: number; minBytes: number; maxBytes: number; isolation: number;
}): Promise<FetchedPartitionData[]> {
  await c.connect();
  const v = c.pickVersion(FETCH, VERSIONS);
  const r = await c.request(FETCH, v, (w) => {
    w.int32(-1).int32(opts.maxWaitMs).int32(opts.minBytes).int32(opts.maxBytes).int8(opts.isolation);
    w.int32(0).int32(-1); // no fetch session
    w.int32(topics.length);
    for (const t of topics) {
      w.string(t.topic).int32(t.partitions.length);
      for (const p of t.partitions) w.int32(p.partition).int32(-1).int64(p.offset).int64(-1).int32(p.maxBytes);
    }
    w.int32(0); // forgotten topics
    w.string(''); // rack
  }, opts.maxWaitMs);
  r.int32(); // throttle
  const error = r.int16();
  if (error !== 0) throw kafkaError(error, `fetch from ${c.address}`);
  r.int32(); // session id
  const out: FetchedPartitionData[] = [];
  const nt = r.int32();
  for (let t = 0; t < nt; t++) {
    const topic = r.string();
    const np = r.int32();
    for (let i = 0; i < np; i++) {
      const partition = r.int32();
      const errorCode = r.int16();
      const highWatermark = r.int64();
      const lastStableOffset = r.int64();
      const logStartOffset = r.int64();
      const na = r.int32();
      let aborted: AbortedTransaction[] | null = null;
      if (na > 0) {
        aborted = [];
        for (let a = 0; a < na; a++) aborted.push({ producerId: r.int64(), firstOffset: r.int64() });
      }
      r.int32(); // preferred read replica
      const records = r.nullableBytes();
      out.push({ topic, partition, errorCode, highWatermark, lastStableOffset, logStartOffset, aborted, records });
    }
  }
  return out;
}
