// A run of the Kafka Streams peer (peer-process.ts) on the same input as Eddy's, judged by the
// same rules: (b) done when the sink holds every row that passes the filter; (c) when the app's
// consumer group (its application id) has committed the input's end offsets.
import type { Admin } from 'kafkajs';
import { committedToEnd, endOffsets, sum } from './kafka-client.js';
import type { Dataset } from './load.js';
import type { PeerProcess } from './peer-process.js';
import type { Work } from './timed-run.js';

/** Kafka Streams names its stream threads `<client.id>-StreamThread-<n>`; the peer's client id is "ks". */
const STREAM_THREAD = 'ks-StreamThread';

export interface PeerSettings { threads: number; cacheBytes: number }

export function peerWork(peer: PeerProcess, admin: Admin, data: Dataset, query: 'filter' | 'aggregate', tag: string, s: PeerSettings): Work {
  const appId = `ks_bench_${tag}`;
  const sink = `${query === 'filter' ? 'ks_hot' : 'ks_counts'}_${tag}`;
  let inputEnds: number[] = [];
  const sinkCount = async (): Promise<number> => sum(await endOffsets(admin, sink).catch(() => [0]));
  return {
    pid: peer.pid,
    threadPrefix: STREAM_THREAD,
    prepare: async () => { inputEnds = await endOffsets(admin, data.topic); },
    start: () => peer.run(query, appId, data.topic, sink, s.threads, s.cacheBytes),
    done: async () => {
      peer.checkHealthy();
      return query === 'filter'
        ? (await sinkCount()) >= data.expectedHot
        : committedToEnd(admin, appId, data.topic, inputEnds);
    },
    progress: async () => `${await sinkCount()} records in ${sink}`,
    outcome: async () => ({ outputRecords: await sinkCount() }),
    stop: () => peer.stop(),
  };
}
