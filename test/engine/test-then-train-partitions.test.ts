// Test-then-train over several partitions when the two queries' consumers hand out partitions in
// different orders, as a broker's consumers do (KafkaConsumer hands out a partition's buffered
// records in a run, each consumer starting at another partition). Lockstep is per partition, so
// the trainer waiting at partition 3 for the scorer, and the scorer at partition 0 for the
// trainer, must each take records of other partitions first: before, each such wait lasted the
// gate's 5-second limit, and a model with a scoring query started together on a topic of four
// partitions (`eddy run --brokers`) never caught up.
import { describe, it, expect } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { MemoryLog } from '../../src/log/memory-log.js';
import type { Consumer, ConsumerOptions, Log, LogRecord } from '../../src/log/log.js';
import type { LiveModel } from '../../src/engine/models/live-model.js';

const PARTITIONS = 4;

/**
 * A fault injector, not a mock of Kafka: a MemoryLog whose consumers hand out each poll's records
 * partition by partition (order within a partition kept), the training query's from the last
 * partition down, the others' from the first up. Its consumers cannot seek, so the trainer does
 * not ride on the scorer (riding needs a log in this process) and the gates hold them in step.
 */
function partitionRuns(inner: MemoryLog): Log {
  return new Proxy(inner, {
    get(target, prop, receiver) {
      if (prop === 'consumer') {
        return (opts: ConsumerOptions): Consumer => {
          const c = target.consumer(opts);
          const down = opts.groupId.includes('TRAIN');
          return {
            poll: async (o) => {
              const recs = await c.poll(o);
              const byPartition = (r: LogRecord): number => (down ? PARTITIONS - 1 - r.partition : r.partition);
              return recs.map((r, i) => ({ r, i })).sort((a, b) => byPartition(a.r) - byPartition(b.r) || a.i - b.i).map((x) => x.r);
            },
            commit: (offsets) => c.commit(offsets),
            positions: () => c.positions(),
            assignment: () => c.assignment(),
            assignmentGeneration: () => c.assignmentGeneration(),
            flushed: c.flushed && (() => c.flushed!()),
            rebalancing: c.rebalancing && (() => c.rebalancing!()),
            close: () => c.close(),
          } as Consumer;
        };
      }
      const v = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}

describe('test-then-train over partitions handed out in different orders', () => {
  it.each([
    ['one scoring query', false],
    ['two scoring queries, one of them filtering', true],
  ])('%s: scores every row before the model learns it, and after it learned the rows before it in its partition, without waiting out the gate', async (_name, two) => {
    const log = new MemoryLog();
    const e = await Engine.create({ log: partitionRuns(log), properties: { 'auto.offset.reset': 'earliest' } });
    try {
      await e.executeScript(`
        CREATE STREAM pts (seq INT, x DOUBLE, y DOUBLE, busy BOOLEAN) WITH (KAFKA_TOPIC='pts', VALUE_FORMAT='JSON', PARTITIONS=${PARTITIONS});
        CREATE MODEL m WITH (TYPE='logistic_regression', LABEL='busy') AS SELECT seq, x, y, busy FROM pts TRAIN ONLINE;
        CREATE STREAM scored AS SELECT seq, PREDICT_PROBA(m, seq, x, y) AS p FROM pts;
        ${two ? 'CREATE STREAM flagged AS SELECT seq, PREDICT(m, seq, x, y) AS p FROM pts WHERE seq % 3 = 0;' : ''}`);
      // What the model did, in the order it did it, by SEQ: rows learned (L), rows scored by the
      // first query (P, PREDICT_PROBA) and by the second (Q, PREDICT).
      const live = e.state.models.get('M') as LiveModel;
      const events: string[] = [];
      const learn = live.learn.bind(live);
      live.learn = (values, from) => { events.push(`L${values[from] as number}`); learn(values, from); };
      const hooks = live as unknown as {
        probabilityOf: (x: Float64Array, v: unknown) => unknown;
        predictShared: (x: Float64Array, args: readonly unknown[], bad: number) => number;
      };
      const proba = hooks.probabilityOf.bind(live);
      hooks.probabilityOf = (x, v) => { events.push(`P${x[0]}`); return proba(x, v); };
      const predict = hooks.predictShared.bind(live);
      hooks.predictShared = (x, args, bad) => { events.push(`Q${x[0]}`); return predict(x, args, bad); };

      const n = 4000;
      const input = Array.from({ length: n }, (_v, i) => {
        const x = ((i * 37) % 100) / 10;
        const y = ((i * 53) % 100) / 10;
        return { key: null, partition: i % PARTITIONS, value: Buffer.from(JSON.stringify({ SEQ: i, X: x, Y: y, BUSY: x + y > 10 })) };
      });
      const t0 = Date.now();
      await log.produce('pts', input);
      await e.settle(30_000);
      // Each conflict of order waited out the gate's 5 s before; now none does.
      expect(Date.now() - t0).toBeLessThan(4000);
      expect(live.rows).toBe(n);
      expect((await log.endOffsets('SCORED')).reduce((a, b) => a + b, 0)).toBe(n);

      // Row i is scored once by each query that scores it, after the model learned row i - 4
      // (the row before it in its partition) and before it learned row i. (PREDICT of a model
      // that has learned nothing is NULL without asking it: a first row may have no Q.)
      const at = new Map<string, number>();
      events.forEach((ev, k) => at.set(ev, k));
      expect(at.size).toBe(events.length);
      const second = events.filter((ev) => ev.startsWith('Q')).length;
      expect(second).toBeLessThanOrEqual(two ? Math.ceil(n / 3) : 0);
      expect(second).toBeGreaterThanOrEqual(two ? Math.ceil(n / 3) - PARTITIONS : 0);
      for (let i = 0; i < n; i++) {
        for (const q of two && i % 3 === 0 ? ['P', 'Q'] : ['P']) {
          const scored = at.get(`${q}${i}`);
          if (scored === undefined && q === 'Q' && i < PARTITIONS) continue;
          expect(scored).toBeLessThan(at.get(`L${i}`)!);
          if (i >= PARTITIONS) expect(scored).toBeGreaterThan(at.get(`L${i - PARTITIONS}`)!);
        }
      }
    } finally {
      await e.close();
    }
  });
});
