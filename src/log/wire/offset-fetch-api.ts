// OffsetFetch (API 9, v1..v5, non-flexible): a group's committed offsets, asked of the group's
// coordinator (find-coordinator-api.ts). -1 where the group committed none.
import type { BrokerConnection } from './broker-connection.js';
import { kafkaError } from './wire-errors.js';

export const OFFSET_FETCH = 9;
const VERSIONS = [1, 2, 3, 4, 5];

/** The committed offset of each of `partitions` by partition; throws the group's or a partition's error. */
export async function fetchCommittedOffsets(c: BrokerConnection, groupId: string, topic: string,
  partitions: number[]): Promise<Map<number, number>> {
  await c.connect();
  const v = c.pickVersion(OFFSET_FETCH, VERSIONS);
  const r = await c.request(OFFSET_FETCH, v, (w) => {
    w.string(groupId).int32(1).string(topic).int32(partitions.length);
    for (const p of partitions) w.int32(p);
  });
  if (v >= 3) r.int32(); // throttle
  const out = new Map<number, number>();
  let partitionError = 0;
  r.array((t) => {
    t.string();
    t.array((p) => {
      const partition = p.int32();
      const offset = p.int64();
      if (v >= 5) p.int32(); // committed leader epoch
      p.nullableString(); // metadata
      const errorCode = p.int16();
      if (errorCode !== 0) partitionError ||= errorCode;
      out.set(partition, offset);
    });
  });
  const error = v >= 2 ? r.int16() : 0;
  const where = `committed offsets of group '${groupId}' on ${c.address}`;
  if (error !== 0) throw kafkaError(error, where);
  if (partitionError !== 0) throw kafkaError(partitionError, where);
  return out;
}
