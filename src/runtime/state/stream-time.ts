// Stream time (the highest record time seen) of a windowed operator. Durable queries also keep
// it per task in a state store, so a restored task resumes with the stream time it had: windows
// that had closed stay closed and late records stay late. (Within one instance stream time is
// shared by its tasks, as the embedded engine has one task.)
import type { StateStores } from './state-stores.js';
import type { StateMap, TaskContext } from './state-map.js';

export class StreamTime {
  value = -Infinity;
  private readonly perTask: StateMap<number> | undefined;
  private readonly task: TaskContext | undefined;

  constructor(stores: StateStores, name: string) {
    if (!stores.task) return;
    this.task = stores.task;
    const m = (this.perTask = stores.map<number>(name));
    stores.onRestored(() => {
      this.value = -Infinity;
      for (const t of m.values()) if (t > this.value) this.value = t;
    });
  }

  /** Moves stream time forward to `ts` (never back). */
  advance(ts: number): void {
    if (ts <= this.value) return;
    this.value = ts;
    const m = this.perTask;
    if (m) {
      const p = this.task!.partition;
      if ((m.get(p) ?? -Infinity) < ts) m.set(p, ts);
    }
  }
}
