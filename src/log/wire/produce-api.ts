// Produce (API 0, v3..v8, non-flexible): one request per leader, each partition's records as one
// batch written in place; the answer gives each partition's base offset or error.
import type { ProducerRecord } from '../log.js';
import type { BrokerConnection } from './broker-connection.js';
import { writeRecordBatch, type BatchProducer } from './record-batch-writer.js';

export const PRODUCE = 0;
const VERSIONS = [3, 4, 5, 6, 7, 8];

export interface PartitionBatch {
  partition: number;
  records: readonly ProducerRecord[];
  producer?: BatchProducer;
}

export interface PartitionProduced { partition: number; errorCode: number; baseOffset: number; errorMessage: string | null }

export async function produceBatches(c: BrokerConnection, topic: string, batches: PartitionBatch[], opts: {
  acks: number; timeoutMs: number; codec: number; transactionalId?: string | null; sizeHint: number;
}): Promise<PartitionProduced[]> {
  await c.connect();
  const v = c.pickVersion(PRODUCE, VERSIONS);
  const now = Date.now();
  const r = await c.request(PRODUCE, v, (w) => {
    w.nullableString(opts.transactionalId ?? null);
    w.int16(opts.acks).int32(opts.timeoutMs);
    w.int32(1).string(topic);
    w.int32(batches.length);
    for (const b of batches) {
      w.int32(b.partition);
      const sizeAt = w.reserve32();
      writeRecordBatch(w, b.records, now, opts.codec, b.producer);
      w.buf.writeInt32BE(w.pos - sizeAt - 4, sizeAt);
    }
  }, 0, opts.sizeHint);
  const out: PartitionProduced[] = [];
  const topics = r.int32();
  for (let t = 0; t < topics; t++) {
    r.string();
    const n = r.int32();
    for (let i = 0; i < n; i++) {
      const partition = r.int32();
      const errorCode = r.int16();
      const baseOffset = r.int64();
      r.int64(); // log append time
      if (v >= 5) r.int64(); // log start offset
      let errorMessage: string | null = null;
      if (v >= 8) {
        r.array((x) => { x.int32(); return x.nullableString(); }); // record errors
        errorMessage = r.nullableString();
      }
      out.push({ partition, errorCode, baseOffset, errorMessage });
    }
  }
  return out;
}
