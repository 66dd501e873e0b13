// The other half of per-task learning (models/model-parts.ts): every FOLLOW_MS this reads the
// model's parts changelog, every partition (one per task) from where it last stopped, keeps the
// newest checkpoint of each task, and when one of a task learning elsewhere changed, merges the
// served model again. A part from another instance is thus at most its flush interval plus
// FOLLOW_MS (and a read) behind; the instances converge on one merged model when input stops.
import type { Log } from '../../log/log.js';
import type { QueryRunner } from '../../runtime/query-runner.js';
import type { ModelParts } from './model-parts.js';

export const FOLLOW_MS = 500;
const READ_BATCH = 500;

export function followParts(log: Log, topic: string, trainer: QueryRunner, parts: ModelParts): void {
  const next: number[] = [];
  let busy = false;
  const timer = setInterval(() => {
    if (trainer.isStopped) { clearInterval(timer); return; }
    if (busy) return;
    busy = true;
    void (async () => {
      const ends = await log.endOffsets(topic);
      let changed = false;
      const local = parts.localTasks;
      for (let p = 0; p < ends.length; p++) {
        let newest: Uint8Array | undefined;
        while ((next[p] ?? 0) < ends[p]) {
          const recs = await log.read(topic, p, next[p] ?? 0, READ_BATCH);
          if (recs.length === 0) break; // transaction markers or compacted away
          for (const r of recs) if (r.value) newest = r.value;
          next[p] = recs[recs.length - 1].offset + 1;
        }
        if (newest && parts.setRemote(p, newest) && !local.has(p)) changed = true;
      }
      if (changed && !trainer.isStopped) parts.merge();
    })().catch(() => undefined).finally(() => { busy = false; });
  }, FOLLOW_MS);
  timer.unref();
}
