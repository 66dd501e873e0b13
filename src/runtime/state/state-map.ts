// A Map that is an operator's state store. When the query is durable it remembers which task
// (partition number) each key belongs to and which keys changed since the last flush, so that
// the runner can write those changes to the store's changelog topic, restore a task's keys after
// a restart or rebalance, and drop the keys of tasks moved to another instance.
//
// Operators call set/delete as with any Map, and touch(k) after changing a value in place.
// Without a TaskContext (an embedded engine: nothing to restore from) it is a plain Map.

/** The task the runner is processing a record of: set before each record is handed over. */
export interface TaskContext { partition: number }

export class StateMap<V> extends Map<unknown, V> {
  /** Keys changed since the last flush, with their task. */
  readonly dirty = new Map<unknown, number>();
  private readonly taskOf: Map<unknown, number> | undefined;

  constructor(readonly storeName: string, private readonly task?: TaskContext) {
    super();
    if (task) this.taskOf = new Map();
  }

  override set(k: unknown, v: V): this {
    super.set(k, v);
    const t = this.taskOf;
    if (t) {
      let p = t.get(k);
      if (p === undefined) t.set(k, (p = this.task!.partition));
      this.dirty.set(k, p);
    }
    return this;
  }

  override delete(k: unknown): boolean {
    const had = super.delete(k);
    const t = this.taskOf;
    if (had && t) {
      this.dirty.set(k, t.get(k) ?? this.task!.partition);
      t.delete(k);
    }
    return had;
  }

  /** Sets a key that belongs to a given task, whatever record is being processed. */
  setInTask(k: unknown, v: V, task: number): this {
    this.taskOf?.set(k, task);
    return this.set(k, v);
  }

  /** Marks a key changed after its value was mutated in place. */
  touch(k: unknown): void {
    const t = this.taskOf;
    if (t) this.dirty.set(k, t.get(k) ?? this.task!.partition);
  }

  /** Puts a restored entry (undefined: deleted) without marking it changed. */
  restore(k: unknown, v: V | undefined, partition: number): void {
    if (v === undefined) { super.delete(k); this.taskOf?.delete(k); return; }
    super.set(k, v);
    this.taskOf?.set(k, partition);
  }

  /** Forgets the keys of tasks not in `keep` (they now run elsewhere), without changelog writes. */
  retainTasks(keep: ReadonlySet<number>): void {
    const t = this.taskOf;
    if (!t) return;
    for (const [k, p] of t) {
      if (keep.has(p)) continue;
      super.delete(k);
      t.delete(k);
      this.dirty.delete(k);
    }
  }

  /** Forgets everything, changes included (a runner starting over from the changelogs). */
  override clear(): void {
    super.clear();
    this.taskOf?.clear();
    this.dirty.clear();
  }
}
