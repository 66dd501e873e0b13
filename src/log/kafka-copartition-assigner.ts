// A kafkajs partition assigner that keeps co-partitioned topics together. A persistent query
// keeps its state per partition NUMBER (task p reads partition p of every topic the query reads:
// sources, repartition topics), so partition p of all subscribed topics must go to one member.
// kafkajs's default assigner deals out all topic-partitions round-robin, which splits tasks.
// Here task numbers 0..max(partitions)-1 are split into contiguous ranges over the members sorted
// by id (the first tasks % members take one extra, as Kafka's RangeAssignor), and a member gets
// partition p of every topic it subscribes to that has one.

import kafkajs from 'kafkajs';
import type { Assigner, PartitionAssigner } from 'kafkajs';

const { AssignerProtocol } = kafkajs;

export interface CopartitionMember { id: string; topics: readonly string[] }

/** Each member's partitions by topic; `partitions(topic)` lists a topic's partition numbers. */
export function copartitionAssign(
  members: readonly CopartitionMember[],
  topics: readonly string[],
  partitions: (topic: string) => readonly number[],
): Map<string, Record<string, number[]>> {
  const sorted = [...members].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const out = new Map(sorted.map((m) => [m.id, {} as Record<string, number[]>]));
  if (sorted.length === 0) return out;
  const byTopic = new Map([...new Set(topics)].sort().map((t) => [t, partitions(t)] as const));
  const tasks = Math.max(0, ...[...byTopic.values()].flatMap((ps) => ps.map((p) => p + 1)));
  const per = Math.floor(tasks / sorted.length);
  const extra = tasks % sorted.length;
  // Member i owns tasks [start(i), start(i + 1)).
  const start = (i: number): number => i * per + Math.min(i, extra);
  const ownerOf = (task: number): number => {
    let i = 0;
    while (start(i + 1) <= task) i++;
    return i;
  };
  for (const [topic, ps] of byTopic) {
    for (const p of ps) {
      let owner = sorted[ownerOf(p)];
      // Members of one Eddy group run one query, so they subscribe to the same topics. Should one
      // not read this topic (e.g. while instances of different versions meet), its partition still
      // goes to a member that does (the first), rather than to nobody.
      if (!owner.topics.includes(topic)) {
        const reader = sorted.find((m) => m.topics.includes(topic));
        if (!reader) continue;
        owner = reader;
      }
      (out.get(owner.id)![topic] ??= []).push(p);
    }
  }
  return out;
}

export const COPARTITION_ASSIGNER_NAME = 'EddyCopartitionAssigner';

export const copartitionAssigner: PartitionAssigner = ({ cluster }) => {
  const version = 0;
  const assigner: Assigner = {
    name: COPARTITION_ASSIGNER_NAME,
    version,
    async assign({ members, topics }) {
      // `topics` is the leader's subscription; kafkajs refreshed their metadata just before.
      const plan = copartitionAssign(
        members.map((m) => ({
          id: m.memberId,
          topics: AssignerProtocol.MemberMetadata.decode(m.memberMetadata)?.topics ?? topics,
        })),
        topics,
        (t) => cluster.findTopicPartitionMetadata(t).map((pm) => pm.partitionId).sort((a, b) => a - b),
      );
      return [...plan].map(([memberId, assignment]) => ({
        memberId,
        memberAssignment: AssignerProtocol.MemberAssignment.encode({ version, assignment, userData: Buffer.alloc(0) }),
      }));
    },
    protocol({ topics }) {
      return {
        name: COPARTITION_ASSIGNER_NAME,
        metadata: AssignerProtocol.MemberMetadata.encode({ version, topics, userData: Buffer.alloc(0) }),
      };
    },
  };
  return assigner;
};
