// Foreign-key table-table join (Kafka Streams' KTable-KTable FK join) in one task: each left row
// looks up the right row whose key is its foreign-key expression; the result is keyed by the left
// row's key. Embedded queries (one task sees every partition) and plans older than version 4 run
// it; a durable query of a newer plan joins across tasks (fk-join-tasks.ts).
// A right change re-joins every left row pointing at it (in key order). As in Kafka, deleting a
// left row always emits a tombstone; an INNER join emits a tombstone when a row that existed
// stops matching, but nothing for a new row without a match.
import type { JoinStep } from '../../plan/physical-plan.js';
import type { JoinKey, JoinRows } from './join-rows.js';
import type { JoinOperator } from './join-operator.js';
import { type Emit, type Row, DELETE, UPSERT } from '../emit.js';
import { keySignature } from '../key-signature.js';
import { compareKeyValues } from './join-key-order.js';

interface LeftEntry { keys: unknown[]; row: Row; ts: number; fk: JoinKey | null; out: Row | null }

export interface FkJoinState {
  left: Map<unknown, LeftEntry>;
  right: Map<unknown, { row: Row; ts: number }>;
  /** Left rows (by key signature) per foreign-key signature. */
  subscribers: Map<unknown, Set<unknown>>;
}

export function fkJoin(step: JoinStep, rows: JoinRows, next: Emit, state: FkJoinState): JoinOperator {
  const leftJoin = step.joinType === 'LEFT';
  const k = step.schema.key.length;

  const emit = (e: LeftEntry, right: Row | null, ts: number): void => {
    const out = rows.buildKeyed(e.keys, e.row, right, ts);
    next(out, ts, UPSERT, e.out);
    e.out = out;
  };
  const tombstone = (keys: unknown[], old: Row | null, ts: number): void => {
    next(rows.deletedKeyed(keys, ts), ts, DELETE, old);
  };
  const subscribe = (fk: JoinKey | null, sig: unknown, on: boolean): void => {
    if (fk === null) return;
    const set = state.subscribers.get(fk.sig) ?? new Set<unknown>();
    if (on) set.add(sig); else set.delete(sig);
    if (set.size > 0) state.subscribers.set(fk.sig, set); else state.subscribers.delete(fk.sig);
  };

  const left: Emit = (row, ts, op) => {
    const keys = row.slice(0, k);
    const sig = keySignature(row, 0, k);
    const prev = state.left.get(sig);
    if (op === DELETE) {
      if (!prev) return;
      subscribe(prev.fk, sig, false);
      state.left.delete(sig);
      tombstone(keys, prev.out, ts);
      return;
    }
    const fk = rows.leftKey(row);
    if (prev && prev.fk?.sig !== fk?.sig) subscribe(prev.fk, sig, false);
    const e: LeftEntry = { keys, row, ts, fk, out: prev?.out ?? null };
    state.left.set(sig, e);
    subscribe(fk, sig, true);
    const r = fk === null ? undefined : state.right.get(fk.sig);
    if (r) emit(e, r.row, Math.max(ts, r.ts));
    else if (leftJoin) emit(e, null, ts);
    else if (prev) { tombstone(keys, e.out, ts); e.out = null; }
  };

  const right: Emit = (row, ts, op, old) => {
    const key = rows.rightKey(op === DELETE && old !== null ? old : row);
    if (key === null) return;
    if (op === DELETE) state.right.delete(key.sig);
    else state.right.set(key.sig, { row, ts });
    const subs = [...(state.subscribers.get(key.sig) ?? [])].map((s) => state.left.get(s)!);
    subs.sort((a, b) => compareKeyValues(a.keys[0], b.keys[0]));
    for (const e of subs) {
      const outTs = Math.max(ts, e.ts);
      if (op !== DELETE) emit(e, row, outTs);
      else if (leftJoin) emit(e, null, outTs);
      else { tombstone(e.keys, e.out, outTs); e.out = null; }
      state.left.set(keySignature(e.keys, 0, k), e); // the changelog records the new output
    }
  };
  return { left, right };
}
