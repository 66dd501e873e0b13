// GROUP BY over TUMBLING or HOPPING windows. A record joins every window it falls in unless that
// window has closed (window end + grace <= stream time). EMIT CHANGES emits each update; EMIT
// FINAL emits closed windows as Kafka Streams' emit-on-window-close does (which ksqlDB uses):
// when the close time (stream time - grace) moves on, the windows whose start lies in
// [previous close - size + 1, close - size] and is still within the store's retention of the
// newest window start are emitted, in start order; a closed window outside that range never is.
// Without a GRACE PERIOD, EMIT FINAL closes a window at its end (grace 0), as ksqlDB does.
import type { AggregateStep } from '../../plan/physical-plan.js';
import { type Emit, UPSERT, DELETE } from '../emit.js';
import type { OperatorContext } from '../operator-context.js';
import { aggregatorSet } from './aggregator-set.js';
import { groupKeyFn, type GroupKeyFn } from './group-key.js';
import { keySignature } from '../key-signature.js';
import { rowLayout } from '../../plan/row-layout.js';
import { timeWindowStarts, DEFAULT_GRACE_MS } from './window-assign.js';
import type { StateMap } from '../state/state-map.js';
import type { StreamTime } from '../state/stream-time.js';
import { EmitCache } from './emit-cache.js';

export interface WindowState {
  key: unknown[]; start: number; end: number; accs: unknown[]; ts: number;
  /** The window's last output row, kept only when a HAVING downstream must know what it saw. */
  last?: unknown[] | null;
}

export interface WindowedStore {
  windows: StateMap<WindowState>;
  streamTime: StreamTime;
  /** EMIT FINAL: the close time of the last range emitted (Kafka's lastEmitWindowCloseTime). */
  lastEmitClose: StreamTime;
  /** Stream time at which the oldest window may close or expire (-Infinity: look now). */
  nextScan: number;
}

/**
 * `caches`: given when the query caches its output (EMIT CHANGES only): updates wait there for the
 * flush. `sendOld`: each update carries the window's previous output row (a HAVING over the
 * windows retracts a row it passed before, as an unwindowed aggregate's does).
 */
export function windowedAggregateOperator(step: AggregateStep, ctx: OperatorContext, next: Emit, store: WindowedStore, emitFinal: boolean,
  groupKey: GroupKeyFn = groupKeyFn(step, ctx), caches?: EmitCache<unknown>[], sendOld = false): Emit {
  const spec = step.windowSpec!;
  if (spec.kind === 'SESSION') throw new Error('session windows use sessionAggregateOperator');
  const size = spec.sizeMs;
  const advance = spec.kind === 'HOPPING' ? spec.advanceMs : spec.sizeMs;
  const grace = spec.graceMs ?? (emitFinal ? 0 : DEFAULT_GRACE_MS);
  const retention = Math.max(spec.retentionMs ?? 0, size + grace);
  const set = aggregatorSet(step, ctx);
  const lay = rowLayout(step.schema);
  const k = step.schema.key.length;

  const emitWindow = (w: WindowState): void => {
    const out = new Array(lay.width);
    for (let i = 0; i < k; i++) out[i] = w.key[i];
    set.results(w.accs, out, k);
    out[lay.rowtime] = w.ts;
    out[lay.rowpartition] = null;
    out[lay.rowoffset] = null;
    out[lay.windowstart] = w.start;
    out[lay.windowend] = w.end;
    let prev: unknown[] | null = null;
    if (sendOld && !emitFinal) { prev = w.last ?? null; w.last = out; }
    next(out, w.ts, UPSERT, prev);
  };

  const cache = caches && !emitFinal ? new EmitCache<WindowState>(emitWindow, ctx.current) : undefined;
  if (cache) caches!.push(cache as EmitCache<unknown>);

  // How long after its end a window is kept: until it closes (EMIT FINAL) or expires.
  const keep = emitFinal ? grace : retention;

  /** EMIT FINAL: the window starts to emit now ([from, to]), or undefined when none may be. */
  const emitRange = (now: number): [number, number] | undefined => {
    const close = now - grace;
    const last = store.lastEmitClose.value;
    const to = close - size;
    if ((last !== -Infinity && last >= close) || to < 0) return undefined;
    const from = last === -Infinity ? 0 : Math.max(0, last - size) + 1;
    // No window starts in the new part of the range: Kafka skips the fetch (and keeps its close).
    if (last !== -Infinity && sameStarts(timeWindowStarts(to, size, advance), timeWindowStarts(from - 1, size, advance))) return undefined;
    store.lastEmitClose.advance(close);
    // The store keeps windows down to its newest window start minus the retention.
    return [Math.max(from, Math.floor(now / advance) * advance - retention), to];
  };

  const closeWindows = (): void => {
    // Scans only once stream time reaches the oldest window's deadline, not on every record.
    const now = store.streamTime.value;
    if (now < store.nextScan) return;
    const range = emitFinal ? emitRange(now) : undefined;
    const closed: WindowState[] = [];
    let next = Infinity;
    for (const [sig, w] of store.windows) {
      if (w.end + keep <= now) {
        store.windows.delete(sig);
        if (range && w.start >= range[0] && w.start <= range[1]) closed.push(w);
      } else if (w.end + keep < next) next = w.end + keep;
    }
    store.nextScan = next;
    closed.sort((a, b) => a.start - b.start);
    for (const w of closed) emitWindow(w);
  };

  return (row, ts, op) => {
    if (op === DELETE) return; // a stream record without a value does not aggregate
    const key = groupKey(row);
    // A row without a key is dropped before it reaches the windows: stream time stays (Kafka).
    if (key !== null) {
      store.streamTime.advance(ts);
      const ksig = keySignature(key, 0, key.length);
      // The windows ts falls in (as timeWindowStarts, without the array).
      for (let start = Math.floor(Math.max(0, ts - size + advance) / advance) * advance; start <= ts; start += advance) {
        const end = start + size;
        if (end + grace <= store.streamTime.value) continue; // late: the window has closed
        const sig = `${start}|${typeof ksig === 'string' ? ksig : String(ksig)}|${typeof ksig}`;
        let w = store.windows.get(sig);
        if (!w) {
          w = { key, start, end, accs: set.initial(), ts };
          store.windows.set(sig, w);
          if (end + keep < store.nextScan) store.nextScan = end + keep;
        }
        set.apply(w.accs, row, 1);
        if (ts > w.ts) w.ts = ts;
        store.windows.touch(sig);
        if (cache) cache.mark(w);
        else if (!emitFinal) emitWindow(w);
      }
    }
    closeWindows();
  };
}

const sameStarts = (a: number[], b: number[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);
