// KafkaDirect's requests on Eddy's wire client: metadata from any broker (asked afresh each
// time: existence checks must see topics other processes create and delete), offsets from each
// partition's leader, committed offsets from the group's coordinator, and reads decoded straight
// from the fetched batches (read_committed).
import type { LogRecord } from '../log.js';
import type { DirectClient, KafkaDirect, TopicMetadata } from '../kafka-direct.js';
import { kafkaErrorType } from '../kafka-errors.js';
import { retrying } from '../kafka-retrying.js';
import type { WireCluster } from './wire-cluster.js';
import { checkTopic, fetchMetadata } from './metadata-api.js';
import { EARLIEST_TIMESTAMP, LATEST_TIMESTAMP, listOffsets } from './list-offsets-api.js';
import { findGroupCoordinator } from './find-coordinator-api.js';
import { fetchCommittedOffsets } from './offset-fetch-api.js';
import { fetchRecords, READ_COMMITTED } from './fetch-api.js';
import { readRecordBatches } from './record-batch-reader.js';
import { kafkaError } from './wire-errors.js';

const FETCH_MAX_BYTES = 4 * 1024 * 1024;

export class WireDirectClient implements DirectClient {
  /** Each group's coordinator, until a request to it fails. */
  private readonly coordinators = new Map<string, number>();

  constructor(private readonly cluster: WireCluster, private readonly direct: KafkaDirect) {}

  async metadata(topics: string[] | null): Promise<TopicMetadata[]> {
    const md = await fetchMetadata(await this.cluster.any(), topics);
    return md.topics.map((t) => {
      checkTopic(t);
      return {
        name: t.name,
        internal: t.internal,
        partitions: t.partitions.map((p) => ({ partitionId: p.partition, leader: p.leader, replicas: p.replicas })),
      };
    });
  }

  async offsets(t: TopicMetadata, which: 'earliest' | 'latest'): Promise<number[]> {
    const byLeader = new Map<number, number[]>();
    for (const p of t.partitions) {
      let list = byLeader.get(p.leader);
      if (!list) byLeader.set(p.leader, (list = []));
      list.push(p.partitionId);
    }
    const out = new Array<number>(t.partitions.length).fill(0);
    const timestamp = which === 'earliest' ? EARLIEST_TIMESTAMP : LATEST_TIMESTAMP;
    await Promise.all([...byLeader].map(async ([nodeId, partitions]) => {
      const listed = await listOffsets(await this.cluster.broker(nodeId), t.name, partitions, timestamp, READ_COMMITTED);
      for (const p of listed) {
        if (p.errorCode !== 0) throw kafkaError(p.errorCode, `listing offsets of ${t.name}/${p.partition}`);
        out[p.partition] = p.offset;
      }
    }));
    return out;
  }

  async committed(groupId: string, topic: string, partitions: number[]): Promise<Map<number, number>> {
    let nodeId = this.coordinators.get(groupId);
    try {
      if (nodeId === undefined) {
        nodeId = await findGroupCoordinator(await this.cluster.any(), groupId);
        this.coordinators.set(groupId, nodeId);
      }
      return await fetchCommittedOffsets(await this.cluster.broker(nodeId), groupId, topic, partitions);
    } catch (e) {
      this.coordinators.delete(groupId); // moved, or its broker is gone: ask again next time
      throw e;
    }
  }

  async read(known: TopicMetadata, partition: number, from: number, max: number): Promise<LogRecord[]> {
    const topic = known.name;
    const out: LogRecord[] = [];
    let offset = from;
    while (out.length < max) {
      let data;
      try {
        data = await retrying(async (attempt) => {
          const t = attempt === 0 ? known : await this.direct.requireTopic(topic);
          const [p] = await fetchRecords(await this.cluster.broker(t.partitions[partition].leader),
            [{ topic, partitions: [{ partition, offset, maxBytes: FETCH_MAX_BYTES }] }],
            { maxWaitMs: 0, minBytes: 1, maxBytes: FETCH_MAX_BYTES, isolation: READ_COMMITTED });
          if (p && p.errorCode !== 0) throw kafkaError(p.errorCode, `fetching ${topic}/${partition}`);
          return p;
        });
      } catch (e) {
        if (kafkaErrorType(e) !== 'OFFSET_OUT_OF_RANGE') throw e;
        const start = (await this.direct.offsets(topic, 'earliest'))[partition];
        if (offset >= start) return out; // past the end
        offset = start;
        continue;
      }
      if (!data?.records) return out;
      const range = readRecordBatches(topic, partition, data.records, offset, data.aborted, out);
      if (out.length > max) out.length = max;
      // Read committed ends at the last stable offset: an open transaction's records wait.
      const end = data.lastStableOffset >= 0 ? data.lastStableOffset : data.highWatermark;
      // Markers and aborted records take offsets too: go on past all the batches read. (No
      // progress, e.g. a batch larger than the fetch, ends the read rather than looping.)
      if (range.last + 1 <= offset || range.last + 1 >= end) return out;
      offset = range.last + 1;
    }
    return out;
  }

  async close(): Promise<void> {
    // The WireCluster belongs to whoever passed it in.
  }
}

