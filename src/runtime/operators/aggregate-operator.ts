// GROUP BY without a window. Streams fold each row in; tables retract the old row from its group
// and add the new one (each change is emitted, as ksqlDB with caching off).
import type { AggregateStep } from '../../plan/physical-plan.js';
import { type Emit, type Row, UPSERT, DELETE } from '../emit.js';
import type { OperatorContext } from '../operator-context.js';
import { aggregatorSet } from './aggregator-set.js';
import { groupKeyFn } from './group-key.js';
import { keySignature } from '../key-signature.js';
import { rowLayout } from '../row-layout.js';

export interface GroupState { key: unknown[]; accs: unknown[]; ts: number }

export function aggregateOperator(step: AggregateStep, ctx: OperatorContext, next: Emit, state: Map<unknown, GroupState>): Emit {
  const set = aggregatorSet(step, ctx);
  const groupKey = groupKeyFn(step, ctx);
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
    next(out, g.ts, UPSERT, null);
  };

  const fold = (row: Row, ts: number, sign: 1 | -1): void => {
    const key = groupKey(row);
    if (key === null) return;
    const sig = keySignature(key, 0, key.length);
    let g = state.get(sig);
    if (!g) {
      if (sign === -1) return;
      g = { key, accs: set.initial(), ts };
      state.set(sig, g);
    }
    set.apply(g.accs, row, sign);
    if (ts > g.ts) g.ts = ts;
    emitGroup(g);
  };

  if (step.input.output === 'STREAM') {
    return (row, ts) => fold(row, ts, 1);
  }
  return (row, ts, op, old) => {
    if (old !== null) fold(old, ts, -1);
    if (op !== DELETE) fold(row, ts, 1);
  };
}
