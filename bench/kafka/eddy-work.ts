// The benchmark's side of an Eddy run (the query itself runs in the Eddy worker, eddy-queries.ts):
//   (b) done when the sink holds every row that passes the filter;
//   (c) done when the query's consumer group has committed the input's end offsets (the runner
//       commits only after producing a batch's output);
//   (m) done when the sink holds a score for every reading (the scoring query waits for the
//       model's trainer row by row, so it is done then too, but for its last row).
import type { Admin } from 'kafkajs';
import type { EddyPrepare, EddyQuery, EddyStarted, EddyStopped } from './eddy-queries.js';
import { committedToEnd, endOffsets, sum } from './kafka-client.js';
import type { Dataset } from './load.js';
import type { NodeWorker } from './node-worker.js';
import type { Work } from './timed-run.js';

export function eddyWork(worker: NodeWorker, brokers: string[], admin: Admin, data: Dataset, query: EddyQuery, tag: string, cacheOff: boolean): Work {
  let started: EddyStarted | undefined;
  let stopped: EddyStopped | undefined;
  let inputEnds: number[] = [];
  const sinkCount = async (): Promise<number> => (started ? sum(await endOffsets(admin, started.sinkTopic)) : 0);
  return {
    pid: worker.pid,
    prepare: async () => {
      inputEnds = await endOffsets(admin, data.topic);
      await worker.call('prepare', { brokers, topic: data.topic, query, tag, cacheOff } satisfies EddyPrepare);
    },
    start: async () => { started = await worker.call<EddyStarted>('start'); },
    done: async () => {
      worker.checkHealthy();
      if (query === 'filter') return (await sinkCount()) >= data.expectedHot;
      if (query === 'model') return (await sinkCount()) >= data.records;
      return committedToEnd(admin, started!.groupId, data.topic, inputEnds);
    },
    progress: async () => `${await sinkCount()} records in ${started?.sinkTopic}; ${await worker.call<string>('progress').catch((e: Error) => e.message)}`,
    outcome: async () => ({ outputRecords: await sinkCount(), processingLogEntries: stopped?.processingLogEntries ?? 0 }),
    stop: async () => {
      stopped = await worker.call<EddyStopped>('stop');
      if (stopped.processingLogEntries > 0) {
        console.log(`    Eddy ${tag}: ${stopped.processingLogEntries} processing-log entries, the first: ${stopped.firstProblem}`);
      }
    },
  };
}
