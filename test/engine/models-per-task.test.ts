// Models whose state merges exactly learn per task on a service: each instance learns the rows of
// its own partitions, and every instance serves the merge of all tasks' parts, which is the model
// one learner of all the rows would have (to rounding). Other models keep the one-task funnel.
import { describe, it, expect } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { MemoryLog } from '../../src/log/memory-log.js';
import { queryGroupId } from '../../src/engine/persistent-query.js';
import { createModel } from '../../src/ml/registry.js';
import type { ProducerRecord } from '../../src/log/log.js';
import { rowsOf } from './engine-helpers.js';

const props = { 'auto.offset.reset': 'earliest' };
const N = 2000;
const PARTS = 4;

interface Point { x: number; y: number; z: number; label: string }

/** Rows spread over the partitions; each partition meets the labels in its own order. */
function points(n: number, from = 0): Point[] {
  const labels = ['calm', 'busy', 'odd'];
  return Array.from({ length: n }, (_v, k) => {
    const i = k + from;
    const x = ((i * 37) % 101) / 10, y = ((i * 53) % 97) / 10;
    const z = 2 * x - 0.5 * y + 3 + ((i * 7) % 11) / 100;
    const label = labels[(x + y > 10 ? 1 : x > 7 ? 2 : 0)];
    return { x, y, z, label };
  });
}

function records(ps: Point[], from = 0): ProducerRecord[] {
  return ps.map((p, k) => ({
    key: null, partition: ((k + from) * 7) % PARTS,
    value: Buffer.from(JSON.stringify({ X: p.x, Y: p.y, Z: p.z, LABEL: p.label })),
  }));
}

const STREAM = `CREATE STREAM pts (x DOUBLE, y DOUBLE, z DOUBLE, label STRING) WITH (KAFKA_TOPIC='pts', VALUE_FORMAT='JSON', PARTITIONS=${PARTS});`;

async function until(what: string, ok: () => boolean, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function pulled(e: Engine, sql: string): Promise<unknown[][]> {
  const res = await e.executeScript(sql);
  return rowsOf(res[res.length - 1]);
}

function expectClose(got: number, want: number): void {
  expect(Math.abs(got - want), `${got} vs ${want}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(want)));
}

const localTasks = (e: Engine, model: string): number => {
  const tasks = e.state.queries.get(e.state.models.get(model)!.def.queryId)!.runner.assignedTasks();
  return tasks.length;
};

describe('mergeable models learn per task on every instance', () => {
  it('two instances split the tasks of a ridge and a naive_bayes model and serve the model one learner gets', async () => {
    const log = new MemoryLog();
    const a = await Engine.create({ log, durable: true, serviceId: 'svc', properties: props });
    const b = await Engine.create({ log, durable: true, serviceId: 'svc', properties: props });
    try {
      await a.executeScript(`${STREAM}
        CREATE MODEL r WITH (TYPE='ridge', LABEL='z') AS SELECT x, y, z FROM pts TRAIN ONLINE;
        CREATE MODEL nb WITH (TYPE='naive_bayes', LABEL='label') AS SELECT x, y, label FROM pts TRAIN ONLINE;`);
      await b.settle();
      const trainers = [a, b].flatMap((e) => ['R', 'NB'].map((m) => e.state.queries.get(e.state.models.get(m)!.def.queryId)!.runner));
      await until('the tasks to be split', () => trainers.every((r) => r.assignedTasks().length === PARTS / 2));
      const input = points(N);
      await log.produce('pts', records(input));
      await a.settle();
      await b.settle();
      // No funnel: every task learns where it runs.
      expect((await log.listTopics()).some((t) => t.name.includes('funnel'))).toBe(false);
      expect([a, b].map((e) => localTasks(e, 'R'))).toEqual([2, 2]);
      // Both instances converge on the merge of all four parts (a part from the other instance
      // arrives within the follower's interval).
      await until('both instances to merge all rows', () => [a, b].every((e) => e.state.models.get('R')!.rows === N && e.state.models.get('NB')!.rows === N));

      const ridge = createModel('ridge', { features: 2, params: {}, seed: 42 });
      for (const p of input) ridge.learn(Float64Array.of(p.x, p.y), p.z);
      const probe = 'SELECT PREDICT(r, 4.5, 6.25) AS z, PREDICT_PROBA(nb, 8.0, 1.0) AS p, PREDICT(nb, 8.0, 1.0) AS c FROM pts LIMIT 1;';
      const [[za, pa, ca]] = await pulled(a, probe);
      const [[zb, pb, cb]] = await pulled(b, probe);
      expectClose(za as number, ridge.predict(Float64Array.of(4.5, 6.25)));
      expectClose(zb as number, za as number);

      // Naive Bayes: one learner numbering the classes in order of appearance over all rows.
      const classes: string[] = [];
      const nb = createModel('naive_bayes', { features: 2, params: {}, seed: 42 });
      for (const p of input) {
        if (!classes.includes(p.label)) classes.push(p.label);
        nb.learn(Float64Array.of(p.x, p.y), classes.indexOf(p.label));
      }
      const proba = new Float64Array(3);
      nb.predictProba!(Float64Array.of(8.0, 1.0), proba);
      for (const got of [pa, pb] as Map<string, number>[]) {
        expect([...got.keys()].sort()).toEqual([...classes].sort());
        for (const [label, p] of got) expectClose(p, proba[classes.indexOf(label)]);
      }
      expect(ca).toBe(classes[nb.predict(Float64Array.of(8.0, 1.0))]);
      expect(cb).toBe(ca);
    } finally {
      await b.close();
      await a.close();
    }
  });

  it('does not learn a task\'s rows twice when its part\'s checkpoint is ahead of the offsets committed', async () => {
    // The old owner of a task flushed the part's checkpoint, then lost the task before it
    // committed (a rebalance, a crash): the next owner gets those rows again. Here the committed
    // offsets are set back by hand to make that state.
    const log = new MemoryLog();
    const a = await Engine.create({ log, durable: true, serviceId: 'svc', properties: props });
    await a.executeScript(`${STREAM}
      CREATE MODEL r WITH (TYPE='ridge', LABEL='z') AS SELECT x, y, z FROM pts TRAIN ONLINE;`);
    const input = points(N);
    await log.produce('pts', records(input));
    await a.settle();
    expect(a.state.models.get('R')!.rows).toBe(N);
    const group = queryGroupId(a.state, a.state.models.get('R')!.def.queryId);
    await a.close();
    const rewind = log.consumer({ groupId: group, topics: ['pts'] });
    await rewind.commit(Array.from({ length: PARTS }, (_v, partition) => ({ topic: 'pts', partition, offset: 0 })));
    await rewind.close();
    const b = await Engine.create({ log, durable: true, serviceId: 'svc', properties: props });
    try {
      await b.settle();
      await until('b to run every task', () => localTasks(b, 'R') === PARTS);
      expect(b.state.models.get('R')!.rows).toBe(N);
      const ridge = createModel('ridge', { features: 2, params: {}, seed: 42 });
      for (const p of input) ridge.learn(Float64Array.of(p.x, p.y), p.z);
      const [[z]] = await pulled(b, 'SELECT PREDICT(r, 4.5, 6.25) AS z FROM pts LIMIT 1;');
      expectClose(z as number, ridge.predict(Float64Array.of(4.5, 6.25)));
    } finally {
      await b.close();
    }
  });

  it('a task moving to another instance takes exactly its part along (restart, rebalance)', async () => {
    const log = new MemoryLog();
    // Offsets committed at every flush: a task handed over in a rebalance is not processed twice
    // (at-least-once would allow it, and the part would count those rows twice).
    const eager = { ...props, 'ksql.streams.commit.interval.ms': '0' };
    const a = await Engine.create({ log, durable: true, serviceId: 'svc', properties: eager });
    const b = await Engine.create({ log, durable: true, serviceId: 'svc', properties: eager });
    await a.executeScript(`${STREAM}
      CREATE MODEL r WITH (TYPE='ridge', LABEL='z') AS SELECT x, y, z FROM pts TRAIN ONLINE;`);
    const input = points(N);
    let c: Engine | undefined;
    try {
      await b.settle();
      await until('the tasks to be split', () => [a, b].every((e) => localTasks(e, 'R') === PARTS / 2));
      await log.produce('pts', records(input.slice(0, N / 2)));
      await a.settle();
      await b.settle();
      await a.close(); // its two tasks move to b, restored from their changelog entries
      await log.produce('pts', records(input.slice(N / 2), N / 2));
      await b.settle();
      await until('b to run every task', () => localTasks(b, 'R') === PARTS);
      await until('b to learn every row once', () => b.state.models.get('R')!.rows === N);
      c = await Engine.create({ log, durable: true, serviceId: 'svc', properties: eager });
      await c.settle();
      // A new instance takes two tasks over from b, and both serve the merge of all four parts.
      await until('the tasks to be split again', () => localTasks(b, 'R') === PARTS / 2 && localTasks(c!, 'R') === PARTS / 2);
      await until('both to merge every part', () => [b, c!].every((e) => e.state.models.get('R')!.rows === N));
      const ridge = createModel('ridge', { features: 2, params: {}, seed: 42 });
      for (const p of input) ridge.learn(Float64Array.of(p.x, p.y), p.z);
      const want = ridge.predict(Float64Array.of(1, 9));
      for (const e of [b, c]) {
        const [[z]] = await pulled(e, 'SELECT PREDICT(r, 1.0, 9.0) FROM pts LIMIT 1;');
        expectClose(z as number, want);
      }
    } finally {
      await c?.close();
      await b.close();
    }
  });

  it('models that do not merge exactly, or with a categorical feature, keep the funnel', async () => {
    const log = new MemoryLog();
    const e = await Engine.create({ log, durable: true, serviceId: 'svc', properties: props });
    try {
      await e.executeScript(`${STREAM}
        CREATE MODEL sgd WITH (TYPE='linear_regression', LABEL='z') AS SELECT x, y, z FROM pts TRAIN ONLINE;
        CREATE MODEL cat WITH (TYPE='ridge', LABEL='z') AS SELECT x, label, z FROM pts TRAIN ONLINE;
        CREATE MODEL ols WITH (TYPE='linear_regression', LABEL='z', SOLVER='normal') AS SELECT x, y, z FROM pts TRAIN ONLINE;`);
      await e.settle();
      await log.produce('pts', records(points(400)));
      await e.settle();
      const funnels = (await log.listTopics()).map((t) => t.name).filter((n) => n.endsWith('funnel-repartition'));
      expect(funnels.map((n) => n.replace(/^.*_query_(TRAIN_[A-Z]+)_\d+-.*$/, '$1')).sort()).toEqual(['TRAIN_CAT', 'TRAIN_SGD']);
      await until('every model to learn every row', () => ['SGD', 'CAT', 'OLS'].every((m) => e.state.models.get(m)!.rows === 400));
    } finally {
      await e.close();
    }
  });
});
