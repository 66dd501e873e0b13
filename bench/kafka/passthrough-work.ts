// The benchmark's side of (a) (the copy itself runs in the passthrough worker, passthrough.ts):
// the output topic made untimed, done when it holds every input record.
import type { Admin } from 'kafkajs';
import { endOffsets, sum } from './kafka-client.js';
import { createTopic, type Dataset } from './load.js';
import type { NodeWorker } from './node-worker.js';
import type { PassthroughPrepare } from './passthrough.js';
import type { Work } from './timed-run.js';

export function passthroughWork(worker: NodeWorker, brokers: string[], admin: Admin, data: Dataset, tag: string): Work {
  const output = `${data.topic}_copy_${tag}`;
  const copied = async (): Promise<number> => sum(await endOffsets(admin, output));
  return {
    pid: worker.pid,
    prepare: async () => {
      await createTopic(admin, output);
      await worker.call('prepare', { brokers, topic: data.topic, output } satisfies PassthroughPrepare);
    },
    start: () => worker.call('start'),
    done: async () => {
      worker.checkHealthy();
      return (await copied()) >= data.records;
    },
    progress: async () => `${await copied()} of ${data.records} copied`,
    outcome: async () => ({ outputRecords: await copied() }),
    stop: () => worker.call('stop'),
  };
}
