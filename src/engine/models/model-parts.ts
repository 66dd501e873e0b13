// A mergeable model learning per task: each task of the training query (partition p of its
// source) learns its rows into a part of its own, checkpointed in that task's changelog entry,
// so a restart or a task moving to another instance restores exactly its part. The model that
// PREDICT and the metrics use is the merge of every task's part: the parts learned here, and the
// newest checkpoint of each task learning elsewhere (read by models/parts-follower.ts). Between
// merges it learns the local rows too, so it stays the merge of the parts as they are here.
//
// Classes are numbered in order of first appearance, which differs between instances: each part
// is checkpointed with the label list it numbered by, and mapped onto this instance's on merge.
import type { OnlineModel } from '../../ml/online-model.js';
import type { RecordContext } from '../../runtime/processing-log.js';
import type { StateMap } from '../../runtime/state/state-map.js';
import { decodeState } from '../../runtime/state/state-codec.js';
import { DEFAULT_MAX_CLASSES, type LiveModel, type ModelCheckpoint, type TaskLearner } from './live-model.js';

interface Part {
  model: OnlineModel;
  rows: number;
  skipped: number;
  skips: Map<string, number>;
  /** The checkpoint last written or restored for it; rows + skipped then. */
  saved: ModelCheckpoint | undefined;
  savedCount: number;
  /** The input position of the rows it holds: its topic, and the offset after the last row. */
  topic: string;
  next: number;
  /** Rows of the task below this offset are in the part already (restored ahead of the committed offsets). */
  holdsBelow: number;
}

interface RemotePart { bytes: Uint8Array; decoded?: ModelCheckpoint }

export class ModelParts implements TaskLearner {
  /** Parts of the tasks this instance runs, by task. */
  private readonly local = new Map<number, Part>();
  /** The newest checkpoint of every task, as the follower last read it (local ones unused). */
  private readonly remote = new Map<number, RemotePart>();
  private readonly classified: boolean;

  /** `current` is the training query's record context: its partition is the row's task. */
  constructor(private readonly live: LiveModel, private readonly current: RecordContext) {
    this.classified = live.def.task === 'classification';
    live.parts = this;
  }

  /** Tasks with a part learned here. */
  get localTasks(): ReadonlySet<number> { return new Set(this.local.keys()); }

  /** Rows the parts learned here hold (DESCRIBE MODEL; the rest came from other instances). */
  get localRows(): number {
    let n = 0;
    for (const part of this.local.values()) n += part.rows;
    return n;
  }

  learned(x: Float64Array, y: number): void {
    const part = this.part();
    part.model.learn(x, y);
    part.rows++;
  }

  skipped(reason?: string): void {
    const part = this.part();
    if (reason === undefined) part.skipped++;
    else part.skips.set(reason, (part.skips.get(reason) ?? 0) + 1);
  }

  /**
   * Whether the current row is in its task's part already: the part was restored from a
   * checkpoint written after the row (its old owner flushed, then lost the task before it
   * committed), and the row came again. The trainer does not learn it twice.
   */
  holdsCurrent(): boolean {
    const c = this.current;
    const part = this.local.get(c.partition);
    return part !== undefined && c.offset < part.holdsBelow && c.topic === part.topic;
  }

  /** The current row's task's part, which the row's position is recorded in. */
  private part(): Part {
    const c = this.current;
    let part = this.local.get(c.partition);
    if (!part) {
      part = { model: this.live.fresh(), rows: 0, skipped: 0, skips: new Map(), saved: undefined, savedCount: 0, topic: c.topic, next: -1, holdsBelow: -1 };
      this.local.set(c.partition, part);
    }
    part.topic = c.topic;
    part.next = c.offset + 1;
    return part;
  }

  /** Writes the checkpoint of every part that changed since its last one into `cell` (before a flush). */
  checkpoint(cell: StateMap<ModelCheckpoint>): void {
    const live = this.live;
    for (const [p, part] of this.local) {
      const count = part.rows + part.skipped + countOf(part.skips);
      if (part.saved && count === part.savedCount) continue;
      const c: ModelCheckpoint = {
        model: part.model.snapshot(), encoder: live.encoder.snapshot(), labels: live.labels.snapshot(),
        rows: part.rows, skipped: part.skipped, at: Date.now(), skips: Object.fromEntries(part.skips),
      };
      if (part.next >= 0) c.position = { topic: part.topic, partition: p, offset: part.next };
      cell.setInTask(p, c, p);
      part.saved = c;
      part.savedCount = count;
      live.checkpointAt = c.at;
    }
  }

  /**
   * After the runner restored tasks (or dropped those that moved away): the parts follow the
   * store — a task whose entry is not the one its part last wrote is loaded from it, and a part
   * whose task has no entry any more is dropped (its rows are not committed; they come again).
   */
  restored(cell: StateMap<ModelCheckpoint>): void {
    const present = new Set<number>();
    for (const [k, c] of cell) {
      const p = k as number;
      present.add(p);
      const part = this.local.get(p);
      if (part?.saved === c) continue;
      const model = this.load(c);
      const skips = new Map(Object.entries(c.skips ?? {}));
      const at = c.position;
      this.local.set(p, {
        model, rows: c.rows, skipped: c.skipped, skips, saved: c, savedCount: c.rows + c.skipped + countOf(skips),
        topic: at?.topic ?? '', next: at?.offset ?? -1, holdsBelow: at?.offset ?? -1,
      });
    }
    for (const p of [...this.local.keys()]) if (!present.has(p)) this.local.delete(p);
    this.merge();
  }

  /** The follower read task p's newest checkpoint; true when it is new. */
  setRemote(p: number, bytes: Uint8Array): boolean {
    if (this.remote.get(p)?.bytes === bytes) return false;
    this.remote.set(p, { bytes });
    return true;
  }

  /** Serves the merge of the local parts and the newest checkpoint of every other task. */
  merge(): void {
    const live = this.live;
    const merged = live.fresh();
    let rows = 0, skipped = 0, at = 0;
    const skips = new Map<string, number>();
    const add = (model: OnlineModel, r: number, s: number, sk: Iterable<[string, number]>, classMap?: ArrayLike<number>): void => {
      merged.merge!(model, classMap);
      rows += r;
      skipped += s;
      for (const [k, v] of sk) skips.set(k, (skips.get(k) ?? 0) + v);
    };
    for (const part of this.local.values()) add(part.model, part.rows, part.skipped, part.skips);
    for (const [p, r] of this.remote) {
      if (this.local.has(p)) continue;
      const c = (r.decoded ??= decodeState(r.bytes) as ModelCheckpoint);
      const model = live.fresh();
      model.restore(c.model);
      add(model, c.rows, c.skipped, Object.entries(c.skips ?? {}), this.classMap(c.labels));
      at = Math.max(at, c.at);
    }
    live.adopt(merged, rows, skipped, skips, at);
  }

  /** A part restored from a checkpoint, its classes numbered as this instance numbers them. */
  private load(c: ModelCheckpoint): OnlineModel {
    const saved = this.live.fresh();
    saved.restore(c.model);
    const classMap = this.classMap(c.labels);
    if (classMap === undefined) return saved;
    const model = this.live.fresh();
    model.merge!(saved, classMap);
    return model;
  }

  /** Where a checkpoint's classes go here (classifiers only; new labels are added). */
  private classMap(labels: unknown[]): Int32Array | undefined {
    if (!this.classified) return undefined;
    const max = this.live.def.maxClasses ?? DEFAULT_MAX_CLASSES;
    return Int32Array.from(labels, (v) => this.live.labels.classOf(v, true, max));
  }
}

function countOf(skips: ReadonlyMap<string, number>): number {
  let n = 0;
  for (const v of skips.values()) n += v;
  return n;
}
