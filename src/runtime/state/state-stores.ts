// The state stores of one running query, by name. A durable query backs each with a compacted
// changelog topic named after the query and the store; stores are named by their place in the
// plan, so a query rebuilt from the same statement (a restart, another instance) finds them.
import { StateMap, type TaskContext } from './state-map.js';

export class StateStores {
  readonly maps: StateMap<unknown>[] = [];
  private readonly restoredHooks: (() => void)[] = [];
  private readonly flushHooks: (() => void)[] = [];

  /** Without a task context the stores are plain Maps (nothing is changelogged). */
  constructor(readonly task?: TaskContext) {}

  get durable(): boolean { return this.task !== undefined; }

  map<V>(name: string): StateMap<V> {
    if (this.maps.some((m) => m.storeName === name)) throw new Error(`duplicate state store '${name}'`);
    const m = new StateMap<V>(name, this.task);
    this.maps.push(m as StateMap<unknown>);
    return m;
  }

  /** Runs after a restore, for values derived from restored entries (e.g. stream time). */
  onRestored(f: () => void): void { this.restoredHooks.push(f); }

  restored(): void { for (const f of this.restoredHooks) f(); }

  /** Runs before changes are collected, for state kept outside the maps (a model's snapshot). */
  beforeFlush(f: () => void): void { this.flushHooks.push(f); }

  flushing(): void { for (const f of this.flushHooks) f(); }
}
