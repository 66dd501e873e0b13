// GROUP BY over SESSION windows: a record extends or merges the sessions of its key within the
// inactivity gap. Merged-away sessions are deleted downstream (tombstones), as Kafka Streams does.
import type { AggregateStep } from '../../plan/physical-plan.js';
import { type Emit, UPSERT, DELETE } from '../emit.js';
import type { OperatorContext } from '../operator-context.js';
import { aggregatorSet } from './aggregator-set.js';
import { groupKeyFn, type GroupKeyFn } from './group-key.js';
import { keySignature } from '../key-signature.js';
import { rowLayout } from '../../plan/row-layout.js';
import { DEFAULT_GRACE_MS } from './window-assign.js';
import type { StateMap } from '../state/state-map.js';
import type { StreamTime } from '../state/stream-time.js';

export interface Session { key: unknown[]; start: number; end: number; accs: unknown[]; ts: number }

export interface SessionStore {
  sessions: StateMap<Session[]>;
  streamTime: StreamTime;
  /** Stream time past which a session ends (see expire; -Infinity: look now). */
  nextScan: number;
}

export function sessionAggregateOperator(step: AggregateStep, ctx: OperatorContext, next: Emit, store: SessionStore, emitFinal: boolean,
  groupKey: GroupKeyFn = groupKeyFn(step, ctx)): Emit {
  const spec = step.windowSpec!;
  if (spec.kind !== 'SESSION') throw new Error('not a session window');
  const gap = spec.gapMs;
  const grace = spec.graceMs ?? DEFAULT_GRACE_MS;
  const set = aggregatorSet(step, ctx);
  const lay = rowLayout(step.schema);
  const k = step.schema.key.length;

  const rowOf = (s: Session, values: boolean, ts: number): unknown[] => {
    const row = new Array(lay.width);
    for (let i = 0; i < k; i++) row[i] = s.key[i];
    if (values) set.results(s.accs, row, k);
    else for (let i = k; i < lay.rowtime; i++) row[i] = null;
    row[lay.rowtime] = ts;
    row[lay.rowpartition] = null;
    row[lay.rowoffset] = null;
    row[lay.windowstart] = s.start;
    row[lay.windowend] = s.end;
    return row;
  };
  // A merged-away session's tombstone carries the row it last emitted (its aggregate as it is),
  // so a HAVING downstream retracts it only if it let that row through.
  const out = (s: Session, op: typeof UPSERT | typeof DELETE, ts: number): void => {
    next(rowOf(s, op === UPSERT, ts), ts, op, op === DELETE ? rowOf(s, true, s.ts) : null);
  };

  /** When stream time passing it ends a session: EMIT FINAL emits it, otherwise it expires. */
  const deadline = (s: Session): number => s.end + grace + (emitFinal ? 0 : gap);
  const closed: Session[] = [];
  return (row, ts, op) => {
    if (op === DELETE) return; // a stream record without a value does not aggregate
    store.streamTime.advance(ts);
    const key = groupKey(row);
    // Kafka Streams' close time: a session ending before it has expired (nothing merges into it
    // any more), and a record whose session would end before it is late and dropped.
    const closeTime = store.streamTime.value - grace - gap;
    if (key !== null) {
      const sig = keySignature(key, 0, key.length);
      const all = store.sessions.get(sig) ?? [];
      const list = emitFinal ? all : all.filter((s) => s.end >= closeTime);
      // Oldest first: Kafka Streams folds merged sessions into the aggregate in that order.
      const overlapping = list.filter((s) => s.end >= ts - gap && s.start <= ts + gap).sort((a, b) => a.start - b.start);
      let end = ts;
      for (const s of overlapping) end = Math.max(end, s.end);
      if (end < closeTime) {
        if (list.length !== all.length) { if (list.length > 0) store.sessions.set(sig, list); else store.sessions.delete(sig); }
        return expire();
      }
      let merged: Session = { key, start: ts, end: ts, accs: set.initial(), ts };
      for (const s of overlapping) {
        merged = {
          key, start: Math.min(merged.start, s.start), end: Math.max(merged.end, s.end),
          accs: set.merge(merged.accs, s.accs), ts: Math.max(merged.ts, s.ts),
        };
        // The merged-away session's tombstone carries that session's time, as Kafka Streams writes it.
        if (!emitFinal) out(s, DELETE, s.ts);
      }
      set.apply(merged.accs, row, 1);
      const rest = list.filter((s) => !overlapping.includes(s));
      rest.push(merged);
      store.sessions.set(sig, rest);
      if (!emitFinal) out(merged, UPSERT, merged.ts);
      if (deadline(merged) < store.nextScan) store.nextScan = deadline(merged);
    }
    expire();
  };

  /**
   * Drops the sessions stream time has passed: with EMIT FINAL, those whose end plus grace it has
   * passed, emitted oldest end first; otherwise those expired (end plus grace plus gap), which
   * nothing can change any more, silently, so that the store holds only live sessions. Scans only
   * once stream time passes the earliest such deadline, not on every record.
   */
  function expire(): void {
    const now = store.streamTime.value;
    if (now <= store.nextScan) return;
    let next = Infinity;
    for (const [sig, list] of store.sessions) {
      const keep = list.filter((s) => {
        const d = deadline(s);
        if (d < now) { if (emitFinal) closed.push(s); return false; }
        if (d < next) next = d;
        return true;
      });
      if (keep.length === list.length) continue;
      if (keep.length) store.sessions.set(sig, keep); else store.sessions.delete(sig);
    }
    store.nextScan = next;
    closed.sort((a, b) => a.end - b.end);
    for (const s of closed.splice(0)) out(s, UPSERT, s.ts);
  }
}
