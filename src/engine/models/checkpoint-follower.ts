// On an instance that does not run a model's training task, PREDICT uses the newest checkpoint
// the training instance wrote: this follower reads the model's changelog and swaps the model in
// whenever a newer checkpoint arrives.
import type { Log } from '../../log/log.js';
import type { QueryRunner } from '../../runtime/query-runner.js';
import { decodeState } from '../../runtime/state/state-codec.js';
import type { LiveModel, ModelCheckpoint } from './live-model.js';

const FOLLOW_MS = 500;

export function followCheckpoints(log: Log, topic: string, trainer: QueryRunner, live: LiveModel): void {
  let next = 0;
  let busy = false;
  const timer = setInterval(() => {
    if (trainer.isStopped) { clearInterval(timer); return; }
    if (busy || trainer.assignedTasks().includes(0)) return; // the model learns here
    busy = true;
    void (async () => {
      let newest: Uint8Array | null = null;
      const [end] = await log.endOffsets(topic);
      while (next < (end ?? 0)) {
        const recs = await log.read(topic, 0, next, 100);
        if (recs.length === 0) break;
        for (const r of recs) if (r.value) newest = r.value;
        next = recs[recs.length - 1].offset + 1;
      }
      if (newest) {
        const c = decodeState(newest) as ModelCheckpoint;
        // Another checkpoint than the one in use (several may share a millisecond).
        if (c.at !== live.checkpointAt || c.rows !== live.rows || c.skipped !== live.skipped) live.restore(c);
      }
    })().catch(() => undefined).finally(() => { busy = false; });
  }, FOLLOW_MS);
  timer.unref();
}
