// The benchmark's phases: who does the work and which Kafka Streams phase an Eddy phase is
// compared with. Issue 12's goals P1 and P2: Eddy at least as many records per CPU-second as Kafka
// Streams with one stream thread, with the record cache on in both, and with it off in both.
import type { Admin } from 'kafkajs';
import { eddyWork } from './eddy-work.js';
import type { Dataset } from './load.js';
import type { NodeWorker } from './node-worker.js';
import { passthroughWork } from './passthrough-work.js';
import type { PeerProcess } from './peer-process.js';
import { peerWork } from './peer-work.js';
import type { Work } from './timed-run.js';

/** Kafka Streams' default statestore.cache.max.bytes (and ksqlDB's). */
const CACHE_BYTES = 10 * 1024 * 1024;
const THREADS = 1;

export type Engine = 'kafkajs' | 'Eddy' | 'Kafka Streams';

/** The running contenders (each a process of its own, started only when a selected phase needs it). */
export interface Contenders {
  brokers: string[];
  admin: Admin;
  passthrough?: NodeWorker;
  eddy?: NodeWorker;
  peer?: PeerProcess;
}

export interface Phase {
  id: string;
  what: string;
  engine: Engine;
  /** For an Eddy phase: the Kafka Streams phase doing the same work, and the least ratio to it per CPU-second. */
  peer?: { id: string; target: number };
  work(c: Contenders, data: Dataset, tag: string): Work;
}

const need = <T>(x: T | undefined, what: string): T => {
  if (x === undefined) throw new Error(`${what} is not running`);
  return x;
};

export const PHASES: Phase[] = [
  {
    id: 'a', what: 'kafkajs passthrough (consume + produce)', engine: 'kafkajs',
    work: (c, d, tag) => passthroughWork(need(c.passthrough, 'the passthrough worker'), c.brokers, c.admin, d, tag),
  },
  {
    id: 'b', what: 'Eddy CSAS filter + projection', engine: 'Eddy', peer: { id: 'b-ks', target: 1 },
    work: (c, d, tag) => eddyWork(need(c.eddy, 'the Eddy worker'), c.brokers, c.admin, d, 'filter', tag, false),
  },
  {
    id: 'b-ks', what: `Kafka Streams filter + projection (${THREADS} thread)`, engine: 'Kafka Streams',
    work: (c, d, tag) => peerWork(need(c.peer, 'the Kafka Streams peer'), c.admin, d, 'filter', tag, { threads: THREADS, cacheBytes: CACHE_BYTES }),
  },
  {
    id: 'c', what: 'Eddy CTAS tumbling COUNT/SUM, record cache on', engine: 'Eddy', peer: { id: 'c-ks', target: 1 },
    work: (c, d, tag) => eddyWork(need(c.eddy, 'the Eddy worker'), c.brokers, c.admin, d, 'aggregate', tag, false),
  },
  {
    id: 'c-ks', what: `Kafka Streams tumbling COUNT/SUM, cache ${CACHE_BYTES / 1024 / 1024} MiB`, engine: 'Kafka Streams',
    work: (c, d, tag) => peerWork(need(c.peer, 'the Kafka Streams peer'), c.admin, d, 'aggregate', tag, { threads: THREADS, cacheBytes: CACHE_BYTES }),
  },
  {
    id: 'c-nocache', what: 'Eddy CTAS tumbling COUNT/SUM, cache off (buffering 0)', engine: 'Eddy', peer: { id: 'c-nocache-ks', target: 1 },
    work: (c, d, tag) => eddyWork(need(c.eddy, 'the Eddy worker'), c.brokers, c.admin, d, 'aggregate', tag, true),
  },
  {
    id: 'c-nocache-ks', what: 'Kafka Streams tumbling COUNT/SUM, cache 0', engine: 'Kafka Streams',
    work: (c, d, tag) => peerWork(need(c.peer, 'the Kafka Streams peer'), c.admin, d, 'aggregate', tag, { threads: THREADS, cacheBytes: 0 }),
  },
  {
    // Kafka Streams has no online learning to compare with: a figure to follow, not a ratio.
    id: 'm', what: 'Eddy model (zscore, learns per task) + CSAS scoring every record', engine: 'Eddy',
    work: (c, d, tag) => eddyWork(need(c.eddy, 'the Eddy worker'), c.brokers, c.admin, d, 'model', tag, false),
  },
];
