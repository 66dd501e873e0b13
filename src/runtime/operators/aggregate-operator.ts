// GROUP BY without a window. Streams fold each row in; tables retract the old row and add the
// new one — one update when both land in the same group, else one per group touched. Each
// update carries the group's previous output row, so a HAVING filter downstream knows whether
// to retract it.
import type { AggregateStep } from '../../plan/physical-plan.js';
import { type Emit, type Row, UPSERT, DELETE } from '../emit.js';
import type { OperatorContext } from '../operator-context.js';
import { aggregatorSet } from './aggregator-set.js';
import { groupKeyFn, type GroupKeyFn } from './group-key.js';
import { keySignature } from '../key-signature.js';
import { rowLayout } from '../../plan/row-layout.js';
import type { StateMap } from '../state/state-map.js';
import { EmitCache } from './emit-cache.js';

export interface GroupState { sig: unknown; key: unknown[]; accs: unknown[]; ts: number; last: Row | null }

/** `caches`: given when the query caches its output: updates wait there for the flush. */
export function aggregateOperator(step: AggregateStep, ctx: OperatorContext, next: Emit, state: StateMap<GroupState>,
  groupKey: GroupKeyFn = groupKeyFn(step, ctx), caches?: EmitCache<unknown>[]): Emit {
  const set = aggregatorSet(step, ctx);
  const lay = rowLayout(step.schema);
  const k = step.schema.key.length;

  const emitGroup = (g: GroupState): void => {
    const out = new Array(lay.width);
    for (let i = 0; i < k; i++) out[i] = g.key[i];
    set.results(g.accs, out, k);
    out[lay.rowtime] = g.ts;
    out[lay.rowpartition] = null;
    out[lay.rowoffset] = null;
    out[lay.windowstart] = null;
    out[lay.windowend] = null;
    const prev = g.last;
    g.last = out;
    state.touch(g.sig);
    next(out, g.ts, UPSERT, prev);
  };
  const cache = caches ? new EmitCache<GroupState>(emitGroup, ctx.current) : undefined;
  if (cache) caches!.push(cache as EmitCache<unknown>);
  const updated = (g: GroupState): void => {
    if (cache) { state.touch(g.sig); cache.mark(g); } else emitGroup(g);
  };

  const group = (key: unknown[], ts: number, create: boolean): GroupState | undefined => {
    const sig = keySignature(key, 0, key.length);
    let g = state.get(sig);
    if (!g && create) {
      g = { sig, key, accs: set.initial(), ts, last: null };
      state.set(sig, g);
    }
    return g;
  };

  if (step.input.output === 'STREAM') {
    return (row, ts, op) => {
      if (op !== UPSERT) return;
      const key = groupKey(row);
      if (key === null) return;
      const g = group(key, ts, true)!;
      set.apply(g.accs, row, 1);
      if (ts > g.ts) g.ts = ts;
      updated(g);
    };
  }
  return (row, ts, op, old) => {
    const oldKey = old === null ? null : groupKey(old);
    const newKey = op === DELETE ? null : groupKey(row);
    const oldGroup = oldKey && group(oldKey, ts, false);
    const newGroup = newKey && group(newKey, ts, true);
    if (oldGroup) {
      set.apply(oldGroup.accs, old!, -1);
      if (ts > oldGroup.ts) oldGroup.ts = ts;
      if (oldGroup !== newGroup) updated(oldGroup);
    }
    if (newGroup) {
      set.apply(newGroup.accs, row, 1);
      if (ts > newGroup.ts) newGroup.ts = ts;
      updated(newGroup);
    }
  };
}
