// Foreign-key table-table join across tasks, as Kafka Streams does it (KIP-213): a left row and
// the right row its foreign key names sit in different partitions, so possibly on different
// instances. Three places meet through two internal topics:
// - the left task (the left key K's partition) keeps each left row with a version (its record's
//   offset) and sends a subscription {K, version} keyed by the foreign key, partitioned as the
//   right table's topic keys it; leaving a foreign key sends an unsubscription to it;
// - the right task (the foreign key's partition) keeps the right rows and each foreign key's
//   subscribers; it answers a subscription, and every subscriber of a right row that changes,
//   with a response {K, version, right row} keyed by K, partitioned as the left table's topic;
// - back in the left task a response joins the left row if the version is still the row's:
//   an older one is dropped (the row changed since, and its own response follows).
// What is emitted is what the one-task join (fk-join-operator.ts) emits, as Kafka Streams'
// instructions decide: a new left row of an INNER join is answered only if its right row exists;
// a changed one is answered either way, so a row that stops matching emits a tombstone.
import type { JoinStep } from '../../plan/physical-plan.js';
import type { JoinKey, JoinRows } from './join-rows.js';
import { type Emit, type Row, DELETE, UPSERT } from '../emit.js';
import { keySignature } from '../key-signature.js';
import { compareKeyValues } from './join-key-order.js';

interface LeftEntry { keys: unknown[]; row: Row; ts: number; fk: JoinKey | null; out: Row | null; v: number }

/** To the right task: K subscribes to (or leaves) foreign key `f`; `n`: answer even without a right row. */
export interface FkSubscription { f: unknown; k: unknown[]; v: number; on: boolean; n: boolean }
/** To the left task: the right row (null: none) for K's subscription of version `v`, and its time. */
export interface FkResponse { k: unknown[]; v: number; r: Row | null; t: number | null }

export interface FkTaskState {
  left: Map<unknown, LeftEntry>;
  right: Map<unknown, { row: Row; ts: number }>;
  /** Per foreign-key signature: the subscribed left keys (by signature) and their versions. */
  subscribers: Map<unknown, Map<unknown, { k: unknown[]; v: number }>>;
}

export interface FkTopics {
  /** Writes to the subscription topic, keyed by the foreign key. */
  subscribe(m: FkSubscription, ts: number): void;
  /** Writes to the response topic, keyed by the left key. */
  respond(m: FkResponse, ts: number): void;
}

export interface FkTaskJoin {
  /** Left table changes (left task). */
  left: Emit;
  /** Right table changes (right task). */
  right: Emit;
  /** A subscription read from its topic (right task). */
  subscription(m: FkSubscription, ts: number): void;
  /** A response read from its topic (left task). */
  response(m: FkResponse, ts: number): void;
}

/** `version()`: the current left record's version (its offset: increasing per left key). */
export function fkJoinAcrossTasks(step: JoinStep, rows: JoinRows, next: Emit, state: FkTaskState, topics: FkTopics,
  version: () => number): FkTaskJoin {
  const leftJoin = step.joinType === 'LEFT';
  const k = step.schema.key.length;

  const emit = (sig: unknown, e: LeftEntry, right: Row | null, ts: number): void => {
    const out = rows.buildKeyed(e.keys, e.row, right, ts);
    next(out, ts, UPSERT, e.out);
    e.out = out;
    state.left.set(sig, e); // the changelog records the output the next change retracts
  };
  const tombstone = (keys: unknown[], old: Row | null, ts: number): void => {
    next(rows.deletedKeyed(keys, ts), ts, DELETE, old);
  };

  const left: Emit = (row, ts, op) => {
    const keys = row.slice(0, k);
    const sig = keySignature(row, 0, k);
    const prev = state.left.get(sig);
    if (op === DELETE) {
      if (!prev) return;
      if (prev.fk !== null) topics.subscribe({ f: prev.fk.value, k: keys, v: prev.v, on: false, n: false }, ts);
      state.left.delete(sig);
      tombstone(keys, prev.out, ts);
      return;
    }
    const fk = rows.leftKey(row);
    if (prev?.fk && prev.fk.sig !== fk?.sig) topics.subscribe({ f: prev.fk.value, k: keys, v: prev.v, on: false, n: false }, ts);
    const e: LeftEntry = { keys, row, ts, fk, out: prev?.out ?? null, v: version() };
    state.left.set(sig, e);
    if (fk !== null) {
      topics.subscribe({ f: fk.value, k: keys, v: e.v, on: true, n: leftJoin || prev !== undefined }, ts);
      return;
    }
    // No foreign key: nothing to ask the right side.
    if (leftJoin) emit(sig, e, null, ts);
    else if (prev) { tombstone(keys, e.out, ts); e.out = null; state.left.set(sig, e); }
  };

  const subscription = (m: FkSubscription, ts: number): void => {
    const fkSig = keySignature([m.f], 0, 1);
    const kSig = keySignature(m.k, 0, m.k.length);
    const subs = state.subscribers.get(fkSig) ?? new Map<unknown, { k: unknown[]; v: number }>();
    if (m.on) subs.set(kSig, { k: m.k, v: m.v }); else subs.delete(kSig);
    if (subs.size > 0) state.subscribers.set(fkSig, subs); else state.subscribers.delete(fkSig);
    if (!m.on) return;
    const r = state.right.get(fkSig);
    if (r) topics.respond({ k: m.k, v: m.v, r: r.row, t: r.ts }, ts);
    else if (m.n) topics.respond({ k: m.k, v: m.v, r: null, t: null }, ts);
  };

  const right: Emit = (row, ts, op, old) => {
    const key = rows.rightKey(op === DELETE && old !== null ? old : row);
    if (key === null) return;
    if (op === DELETE) state.right.delete(key.sig);
    else state.right.set(key.sig, { row, ts });
    const subs = state.subscribers.get(key.sig);
    if (!subs) return;
    // Answered in key order, as Kafka Streams' prefix scan of its subscription store.
    const sorted = [...subs.values()].sort((a, b) => compareKeyValues(a.k[0], b.k[0]));
    for (const s of sorted) topics.respond({ k: s.k, v: s.v, r: op === DELETE ? null : row, t: ts }, ts);
  };

  const response = (m: FkResponse): void => {
    const sig = keySignature(m.k, 0, k);
    const e = state.left.get(sig);
    if (!e || e.v !== m.v) return; // the left row changed or went since it subscribed
    const ts = m.t === null ? e.ts : Math.max(e.ts, m.t);
    if (m.r !== null || leftJoin) emit(sig, e, m.r, ts);
    else { tombstone(e.keys, e.out, ts); e.out = null; state.left.set(sig, e); }
  };

  return { left, right, subscription, response };
}
