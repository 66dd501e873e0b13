// ListOffsets (API 2, v2..v5, non-flexible): a partition's earliest or latest offset, asked of
// its leader. With read_committed the latest offset is the last stable one, as a transactional
// consumer sees the end (records of an open transaction are not counted yet).
import type { BrokerConnection } from './broker-connection.js';

export const LIST_OFFSETS = 2;
const VERSIONS = [2, 3, 4, 5];
export const EARLIEST_TIMESTAMP = -2;
export const LATEST_TIMESTAMP = -1;

export interface ListedOffset { partition: number; errorCode: number; offset: number }

/** The offset at `timestamp` (EARLIEST_TIMESTAMP or LATEST_TIMESTAMP) of each partition; errors per partition. */
export async function listOffsets(c: BrokerConnection, topic: string, partitions: number[], timestamp: number,
  isolation: number): Promise<ListedOffset[]> {
  await c.connect();
  const v = c.pickVersion(LIST_OFFSETS, VERSIONS);
  const r = await c.request(LIST_OFFSETS, v, (w) => {
    w.int32(-1).int8(isolation); // replica id: a consumer
    w.int32(1).string(topic).int32(partitions.length);
    for (const p of partitions) {
      w.int32(p);
      if (v >= 4) w.int32(-1); // current leader epoch: unknown
      w.int64(timestamp);
    }
  });
  r.int32(); // throttle
  const out: ListedOffset[] = [];
  r.array((t) => {
    t.string();
    t.array((p) => {
      const partition = p.int32();
      const errorCode = p.int16();
      p.int64(); // timestamp
      const offset = p.int64();
      if (v >= 4) p.int32(); // leader epoch
      out.push({ partition, errorCode, offset });
    });
  });
  return out;
}
