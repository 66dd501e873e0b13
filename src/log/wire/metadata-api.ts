// Metadata (API 3, v5..v8, non-flexible): brokers and each topic's partition leaders.
import type { BrokerConnection } from './broker-connection.js';
import { kafkaError } from './wire-errors.js';

export const METADATA = 3;
const VERSIONS = [5, 6, 7, 8];

export interface BrokerAddress { nodeId: number; host: string; port: number }
export interface PartitionLeader { partition: number; leader: number; replicas: number[]; errorCode: number }
export interface TopicLeaders { name: string; errorCode: number; internal: boolean; partitions: PartitionLeader[] }
export interface ClusterMetadata { brokers: BrokerAddress[]; topics: TopicLeaders[] }

/** Metadata of `topics` (all topics when null); never creates a topic. */
export async function fetchMetadata(c: BrokerConnection, topics: string[] | null): Promise<ClusterMetadata> {
  await c.connect();
  const v = c.pickVersion(METADATA, VERSIONS);
  const r = await c.request(METADATA, v, (w) => {
    if (topics === null) w.int32(-1);
    else { w.int32(topics.length); for (const t of topics) w.string(t); }
    w.int8(0); // allow_auto_topic_creation
    if (v >= 8) { w.int8(0); w.int8(0); } // include cluster/topic authorized operations
  });
  r.int32(); // throttle
  const brokers = r.array((x) => {
    const b = { nodeId: x.int32(), host: x.string(), port: x.int32() };
    x.nullableString(); // rack
    return b;
  });
  r.nullableString(); // cluster id
  r.int32(); // controller
  const out = r.array((x): TopicLeaders => {
    const errorCode = x.int16();
    const name = x.string();
    const internal = x.bool();
    const partitions = x.array((p): PartitionLeader => {
      const pe = p.int16();
      const partition = p.int32();
      const leader = p.int32();
      if (v >= 7) p.int32(); // leader epoch
      const replicas = p.array((q) => q.int32());
      p.array((q) => q.int32()); // isr
      p.array((q) => q.int32()); // offline
      return { partition, leader, replicas, errorCode: pe };
    });
    if (v >= 8) x.int32(); // topic authorized operations
    partitions.sort((a, b) => a.partition - b.partition);
    return { name, errorCode, internal, partitions };
  });
  if (v >= 8) r.int32(); // cluster authorized operations
  return { brokers, topics: out };
}

/** Throws the topic's error, if the metadata carries one. */
export function checkTopic(t: TopicLeaders): void {
  if (t.errorCode !== 0) throw kafkaError(t.errorCode, `metadata of topic '${t.name}'`);
}
