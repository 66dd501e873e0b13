// GROUP BY over TUMBLING or HOPPING windows. A record joins every window it falls in unless that
// window has closed (window end + grace <= stream time). EMIT CHANGES emits each update; EMIT
// FINAL emits each window once, when stream time closes it.
import type { AggregateStep } from '../../plan/physical-plan.js';
import { type Emit, UPSERT, DELETE } from '../emit.js';
import type { OperatorContext } from '../operator-context.js';
import { aggregatorSet } from './aggregator-set.js';
import { groupKeyFn } from './group-key.js';
import { keySignature } from '../key-signature.js';
import { rowLayout } from '../row-layout.js';
import { timeWindowStarts, DEFAULT_GRACE_MS } from './window-assign.js';
import type { StateMap } from '../state/state-map.js';
import type { StreamTime } from '../state/stream-time.js';

export interface WindowState { key: unknown[]; start: number; end: number; accs: unknown[]; ts: number }

export interface WindowedStore {
  windows: StateMap<WindowState>;
  streamTime: StreamTime;
  /** Stream time at which the oldest window may close or expire (-Infinity: look now). */
  nextScan: number;
}

export function windowedAggregateOperator(step: AggregateStep, ctx: OperatorContext, next: Emit, store: WindowedStore, emitFinal: boolean): Emit {
  const spec = step.windowSpec!;
  if (spec.kind === 'SESSION') throw new Error('session windows use sessionAggregateOperator');
  const size = spec.sizeMs;
  const advance = spec.kind === 'HOPPING' ? spec.advanceMs : spec.sizeMs;
  const grace = spec.graceMs ?? DEFAULT_GRACE_MS;
  const retention = Math.max(spec.retentionMs ?? 0, size + grace);
  const set = aggregatorSet(step, ctx);
  const groupKey = groupKeyFn(step, ctx);
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
    next(out, w.ts, UPSERT, null);
  };

  // How long after its end a window is kept: until it closes (EMIT FINAL) or expires.
  const keep = emitFinal ? grace : retention;

  const closeWindows = (): void => {
    // EMIT FINAL: emit windows whose end + grace has passed, in window order; drop expired state.
    // Scans only once stream time reaches the oldest window's deadline, not on every record.
    const now = store.streamTime.value;
    if (now < store.nextScan) return;
    const closed: WindowState[] = [];
    let next = Infinity;
    for (const [sig, w] of store.windows) {
      if (w.end + keep <= now) {
        store.windows.delete(sig);
        if (emitFinal) closed.push(w);
      } else if (w.end + keep < next) next = w.end + keep;
    }
    store.nextScan = next;
    closed.sort((a, b) => a.start - b.start);
    for (const w of closed) emitWindow(w);
  };

  return (row, ts, op) => {
    if (op === DELETE) return; // a stream record without a value does not aggregate
    store.streamTime.advance(ts);
    const key = groupKey(row);
    if (key !== null) {
      const ksig = keySignature(key, 0, key.length);
      for (const start of timeWindowStarts(ts, size, advance)) {
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
        if (!emitFinal) emitWindow(w);
      }
    }
    closeWindows();
  };
}
