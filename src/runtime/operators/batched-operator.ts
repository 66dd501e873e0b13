// An operator whose expressions call a model scored a batch at a time (ONNX). During a poll it
// only buffers its input; at the end of the poll (OperatorGraph.batchEnds, awaited by every
// driver of the graph before its flush) it evaluates the calls' features for all buffered rows,
// runs each call's batch once, then passes every row through the operator as usual, in order:
// rows after the buffered ones cannot overtake them, since they reach the operator only
// through the same buffer. Each row is processed with its own record as the current one (and
// its task and headers), so processing-log entries, state stores and sinks see the record the row
// came from.
import type { Header } from '../../log/log.js';
import type { Emit, Op, Row } from '../emit.js';
import type { OperatorContext } from '../operator-context.js';
import type { TaskContext } from '../state/state-map.js';
import type { BatchCollector } from '../expr/batched-calls.js';

/** What buildOperators gives operators that may batch. */
export interface BatchSupport {
  /** Adds an end-of-poll step; steps run upstream first. */
  register(drain: () => Promise<void>): void;
  /** A durable query's task context (restored per row with the record). */
  task?: TaskContext;
}

/** Operators that buffer their input rows until the poll ends (the rows must not be reused). */
const holding = new WeakSet<Emit>();

/** Whether `op` keeps the rows it is given past its return (a batching operator). */
export function holdsRows(op: Emit): boolean { return holding.has(op); }

export function batchedEmit(inner: Emit, c: BatchCollector, ctx: OperatorContext, support: BatchSupport): Emit {
  if (c.calls.length === 0) return inner;
  // The buffered rows, as parallel arrays (cleared, not reallocated, after each poll).
  const rows: Row[] = [], olds: (Row | null)[] = [], tss: number[] = [], ops: Op[] = [];
  const topics: string[] = [], partitions: number[] = [], offsets: number[] = [], tasks: number[] = [];
  const headers: (Header[] | undefined)[] = [];
  const slots: number[] = [];
  const task = support.task;
  const restore = (i: number): void => {
    const cur = ctx.current;
    cur.topic = topics[i]; cur.partition = partitions[i]; cur.offset = offsets[i]; cur.headers = headers[i];
    if (task) task.partition = tasks[i];
  };
  const gather = (row: Row, slot: number): void => {
    for (const call of c.calls) {
      const args = call.args;
      for (let j = 0; j < args.length; j++) {
        let v: unknown;
        try { v = args[j](row); } catch (e) { (call.failed ??= [])[slot] = e; v = null; }
        call.batch.set(slot, j, v);
      }
    }
  };

  support.register(async () => {
    const n = rows.length;
    if (n === 0) return;
    // A slot per row to score: the row, and a table's previous row when there is one.
    let total = 0;
    for (let i = 0; i < n; i++) { slots[2 * i] = total++; slots[2 * i + 1] = olds[i] !== null ? total++ : -1; }
    for (const call of c.calls) { call.batch.reset(total); call.failed = undefined; }
    for (let i = 0; i < n; i++) {
      restore(i);
      gather(rows[i], slots[2 * i]);
      const old = olds[i];
      if (old !== null) gather(old, slots[2 * i + 1]);
    }
    await Promise.all(c.calls.map((call) => call.batch.run()));
    try {
      for (let i = 0; i < n; i++) {
        restore(i);
        c.evaluating(rows[i], slots[2 * i], olds[i], slots[2 * i + 1]);
        // A bug in an operator downstream fails this row only, as the runner does per record.
        try { inner(rows[i], tss[i], ops[i], olds[i]); } catch (e) {
          ctx.logger.log({ queryId: ctx.queryId, type: 'QUERY', message: e instanceof Error ? e.message : String(e), topic: topics[i], partition: partitions[i], offset: offsets[i] });
        }
      }
    } finally {
      c.evaluating(undefined, -1, undefined, -1);
      rows.length = 0; olds.length = 0; tss.length = 0; ops.length = 0;
      topics.length = 0; partitions.length = 0; offsets.length = 0; tasks.length = 0; headers.length = 0;
    }
  });

  const buffer: Emit = (row, ts, op, old) => {
    rows.push(row); olds.push(old); tss.push(ts); ops.push(op);
    const cur = ctx.current;
    topics.push(cur.topic); partitions.push(cur.partition); offsets.push(cur.offset); tasks.push(task?.partition ?? 0); headers.push(cur.headers);
  };
  holding.add(buffer);
  return buffer;
}
