// Stream-stream join within a time window, as ksqlDB runs it on Kafka Streams' KStream-KStream
// join. A record joins the other side's records of its key from `before` ms earlier to `after` ms
// later (mirrored for the right side) and each result has the later of the two times.
// Without GRACE PERIOD (ksqlDB's legacy JoinWindows.of) an outer side emits a NULL-joined result
// as soon as a record finds no match, and records are kept for 24 hours. With GRACE PERIOD an
// unmatched record waits until its window closes (stream time past its time + window + grace),
// unless it arrives after that already. A RIGHT join is the LEFT join of right with left.
import type { JoinStep } from '../../plan/physical-plan.js';
import type { JoinKey, JoinRows } from './join-rows.js';
import type { JoinOperator } from './join-operator.js';
import { type Emit, type Row, DELETE, UPSERT } from '../emit.js';
import { JoinWindowBuffer } from './join-window-buffer.js';
import { JoinOuterBuffer } from './join-outer-buffer.js';
import type { StateStores } from '../state/state-stores.js';

/** Kafka Streams' old default retention for JoinWindows.of(): grace = 24h - 2 * before. */
const LEGACY_RETENTION_MS = 24 * 60 * 60 * 1000;

export interface StreamJoinState {
  /** Buffers of Kafka's left and right side (for RIGHT joins, our right input is Kafka's left). */
  left: JoinWindowBuffer;
  right: JoinWindowBuffer;
  outer?: JoinOuterBuffer;
  time: { stream: number; min: number };
}

export function streamJoinState(step: JoinStep, stores: StateStores, name: string): StreamJoinState {
  const w = step.within!;
  const grace = w.graceMs ?? Math.max(LEGACY_RETENTION_MS - 2 * w.beforeMs, 0);
  const retention = w.beforeMs + w.afterMs + grace;
  const outer = w.graceMs !== undefined && step.joinType !== 'INNER';
  const state: StreamJoinState = {
    left: new JoinWindowBuffer(retention, stores.map(`${name}-left`)),
    right: new JoinWindowBuffer(retention, stores.map(`${name}-right`)),
    outer: outer ? new JoinOuterBuffer(stores.map(`${name}-outer`), stores.task) : undefined,
    time: { stream: -Infinity, min: Infinity },
  };
  stores.onRestored(() => {
    state.left.restored();
    state.right.restored();
    state.time.stream = Math.max(state.time.stream, state.left.observedTime, state.right.observedTime);
    if (state.outer) {
      state.outer.restored();
      state.time.min = state.outer.minTime;
    }
  });
  return state;
}

export function streamStreamJoin(step: JoinStep, rows: JoinRows, next: Emit, state: StreamJoinState): JoinOperator {
  const w = step.within!;
  const grace = w.graceMs ?? Math.max(LEGACY_RETENTION_MS - 2 * w.beforeMs, 0);
  const swapped = step.joinType === 'RIGHT';
  const time = state.time;
  const outerStore = state.outer;

  /** One of Kafka's two join processors; `kLeft` tells which. */
  const processor = (kLeft: boolean, keyOf: (r: Row) => JoinKey | null): Emit => {
    const outer = kLeft ? step.joinType !== 'INNER' : step.joinType === 'FULL';
    const before = kLeft ? w.beforeMs : w.afterMs;
    const after = kLeft ? w.afterMs : w.beforeMs;
    const mine = kLeft ? state.left : state.right;
    const other = kLeft ? state.right : state.left;
    // Output rows are built from our left and right inputs, whichever is Kafka's left.
    const ourLeft = kLeft !== swapped;
    const emit = (key: JoinKey | null, r: Row | null, o: Row | null, ts: number): void => {
      next(ourLeft ? rows.build(key, r, o, ts) : rows.build(key, o, r, ts), ts, UPSERT, null);
    };

    return (row, ts, op) => {
      if (ts > time.stream) time.stream = ts;
      if (op === DELETE) return; // no value: nothing to join
      const key = keyOf(row);
      if (key === null) {
        if (outer) emit(null, row, null, ts);
        return;
      }
      if (outerStore && ts === time.stream) emitClosed(after);
      const from = Math.max(0, ts - before);
      const to = Math.max(0, ts + after);
      const matches = other.fetch(key.sig, from, to);
      for (const m of matches) {
        outerStore?.remove(!kLeft, m.ts, key.sig);
        emit(key, row, m.row, Math.max(ts, m.ts));
      }
      if (outer && matches.length === 0) {
        if (!outerStore || to < time.stream) emit(key, row, null, ts);
        else {
          time.min = Math.min(time.min, ts);
          outerStore.put({ ts, leftSide: kLeft, key, row });
        }
      }
      mine.put(key.sig, ts, row);
    };
  };

  /** Emits the unmatched records whose window has closed (Kafka's emitNonJoinedOuterRecords). */
  const emitClosed = (after: number): void => {
    const store = outerStore!;
    if (time.min + after + grace >= time.stream) return;
    time.min = Infinity;
    let leftOpen = false;
    let rightOpen = false;
    const emitted = new Set<object>();
    let scanned = 0;
    for (const e of store.entries) {
      time.min = e.ts;
      if (leftOpen && rightOpen) break;
      scanned++;
      const lookBack = e.leftSide ? w.afterMs : w.beforeMs;
      if (time.min + lookBack + grace >= time.stream) {
        if (e.leftSide) leftOpen = true; else rightOpen = true;
        continue;
      }
      emitted.add(e);
      const ourLeft = e.leftSide !== swapped;
      next(ourLeft ? rows.build(e.key, e.row, null, e.ts) : rows.build(e.key, null, e.row, e.ts), e.ts, UPSERT, null);
    }
    // Emitted entries lie among the scanned ones: only that prefix is rewritten.
    if (emitted.size > 0) store.dropEmitted(scanned, (e) => emitted.has(e));
  };

  const kLeft = processor(true, swapped ? rows.rightKey : rows.leftKey);
  const kRight = processor(false, swapped ? rows.leftKey : rows.rightKey);
  return swapped ? { left: kRight, right: kLeft } : { left: kLeft, right: kRight };
}
