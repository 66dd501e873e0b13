// CREATE MODEL ... TRAIN ONLINE and the model functions, as a SQL user sees them: a model learns
// from its query's rows, PREDICT and friends use it from push queries and CSAS, DESCRIBE MODEL
// reports honest (prequential) metrics, bad statements fail with a clear message and change
// nothing, and a durable service's model survives a restart from its checkpoint.
import { describe, it, expect } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { MemoryLog } from '../../src/log/memory-log.js';
import { queryGroupId } from '../../src/engine/persistent-query.js';
import { rowsOf } from './engine-helpers.js';

const props = { 'auto.offset.reset': 'earliest' };

/** Rows of a 2-feature stream where BUSY is X + Y > 10, KIND 'a' or 'b'. */
function points(n: number, from = 0): string {
  const out: string[] = [];
  for (let i = from; i < from + n; i++) {
    const x = (i * 37) % 100 / 10;
    const y = (i * 53) % 100 / 10;
    out.push(`INSERT INTO pts (x, y, kind, busy) VALUES (${x}, ${y}, '${i % 3 === 0 ? 'a' : 'b'}', ${x + y > 10});`);
  }
  return out.join('\n');
}
const PTS = "CREATE STREAM pts (x DOUBLE, y DOUBLE, kind STRING, busy BOOLEAN) WITH (KAFKA_TOPIC='pts', VALUE_FORMAT='JSON', PARTITIONS=1);";

async function rows(e: Engine, sql: string): Promise<unknown[][]> {
  const res = await e.executeScript(sql);
  const r = res[res.length - 1];
  return rowsOf(r);
}


/** A durable service ('svc' on `log`) whose model M learned `n` rows of pts. */
async function serviceThatLearned(log: MemoryLog, n: number): Promise<Engine> {
  const e = await Engine.create({ log, durable: true, serviceId: 'svc', properties: props });
  await e.executeScript(`${PTS}
    CREATE MODEL m WITH (TYPE='logistic_regression', LABEL='busy') AS SELECT x, y, kind, busy FROM pts TRAIN ONLINE;
    ${points(n)}`);
  await e.settle();
  return e;
}

const described = async (e: Engine, name: string): Promise<Record<string, string>> =>
  Object.fromEntries((await rows(e, `DESCRIBE MODEL ${name};`)) as [string, string][]);

describe('models in SQL', () => {
  it('learns online, predicts in push queries and CSAS, and reports prequential metrics', async () => {
    const e = await Engine.create({ properties: props });
    try {
      await e.executeScript(`${PTS}
        CREATE MODEL busy_model WITH (TYPE='logistic_regression', LABEL='busy', LEARNING_RATE=0.1)
          AS SELECT x, y, kind, busy FROM pts TRAIN ONLINE;
        ${points(1500)}`);
      await e.settle();
      const d = await described(e, 'busy_model');
      expect(d['Rows learned']).toBe('1500');
      expect(d.Features).toBe('X DOUBLE, Y DOUBLE, KIND STRING (one-hot)');
      expect(d.Label).toBe('BUSY BOOLEAN');
      expect(d.Classes).toBe('false, true');
      const [all, recent] = d['Prequential accuracy (all / last 1000)'].split(' / ').map(Number);
      expect(all).toBeGreaterThan(0.9);
      expect(recent).toBeGreaterThan(0.95);

      const predicted = await rows(e, `SELECT PREDICT(busy_model, 9.0, 8.0, 'a') AS hi, PREDICT(busy_model, 1.0, 2.0, 'b') AS lo,
        PREDICT_PROBA(busy_model, 9.0, 8.0, 'a') AS p FROM pts EMIT CHANGES LIMIT 1;`);
      expect(predicted[0][0]).toBe(true);
      expect(predicted[0][1]).toBe(false);
      expect(predicted[0][2]).toBeGreaterThan(0.9);

      await e.executeScript(`CREATE STREAM scored AS SELECT x, y, busy, PREDICT(busy_model, x, y, kind) AS guess FROM pts;`);
      await e.settle();
      const scored = await rows(e, 'SELECT busy, guess FROM scored EMIT CHANGES LIMIT 1500;');
      const right = scored.filter(([b, g]) => b === g).length;
      expect(right / scored.length).toBeGreaterThan(0.95);
      expect((await rows(e, 'SHOW MODELS;'))[0].slice(0, 4)).toEqual(['BUSY_MODEL', 'logistic_regression', 'classification', 1500]);
    } finally {
      await e.close();
    }
  });

  it('scores anomalies, and with a LABEL reports the ROC AUC', async () => {
    const e = await Engine.create({ properties: props });
    try {
      const ins: string[] = [];
      for (let i = 0; i < 3000; i++) {
        const outlier = i % 50 === 49;
        const v = outlier ? 40 + (i % 7) : 10 + ((i * 13) % 10) / 5;
        ins.push(`INSERT INTO readings (v, w, bad) VALUES (${v}, ${outlier ? -30 : (i * 7) % 5}, ${outlier ? 1 : 0});`);
      }
      await e.executeScript(`CREATE STREAM readings (v DOUBLE, w DOUBLE, bad INT) WITH (KAFKA_TOPIC='r', VALUE_FORMAT='JSON', PARTITIONS=1);
        CREATE MODEL odd WITH (TYPE='zscore', LABEL='bad') AS SELECT v, w, bad FROM readings TRAIN ONLINE;
        ${ins.join('\n')}`);
      await e.settle();
      const d = await described(e, 'odd');
      expect(Number(d['Prequential roc_auc (all / last 1000)'].split(' / ')[0])).toBeGreaterThan(0.95);
      const [[normal, odd]] = await rows(e, 'SELECT ANOMALY_SCORE(odd, 11.0, 2.0), ANOMALY_SCORE(odd, 45.0, -30.0) FROM readings EMIT CHANGES LIMIT 1;');
      expect(odd as number).toBeGreaterThan(normal as number);
    } finally {
      await e.close();
    }
  });

  it('skips rows with a NULL label and treats NULL features as missing', async () => {
    const e = await Engine.create({ properties: props });
    try {
      await e.executeScript(`${PTS}
        CREATE MODEL m WITH (TYPE='logistic_regression', LABEL='busy') AS SELECT x, y, kind, busy FROM pts TRAIN ONLINE;
        ${points(20)}
        INSERT INTO pts (x, y, kind, busy) VALUES (NULL, 1.0, NULL, true);
        INSERT INTO pts (x, y, kind) VALUES (1.0, 1.0, 'a');`);
      await e.settle();
      const d = await described(e, 'm');
      expect(d['Rows learned']).toBe('21');
      expect(d['Rows skipped (NULL label)']).toBe('1');
      const [[p]] = await rows(e, 'SELECT PREDICT(m, CAST(NULL AS DOUBLE), 2.0, CAST(NULL AS STRING)) FROM pts EMIT CHANGES LIMIT 1;');
      expect(typeof p).toBe('boolean');
    } finally {
      await e.close();
    }
  });

  it('rejects bad statements with a clear message, and changes nothing', async () => {
    const e = await Engine.create({ properties: props });
    try {
      await e.executeScript(`${PTS}
        CREATE MODEL m WITH (TYPE='logistic_regression', LABEL='busy') AS SELECT x, y, kind, busy FROM pts TRAIN ONLINE;`);
      const fails = async (sql: string): Promise<string> => {
        try { await e.executeScript(sql); } catch (err) { return (err as Error).message; }
        throw new Error(`no error for: ${sql}`);
      };
      expect(await fails("CREATE MODEL a WITH (TYPE='deep_net') AS SELECT x FROM pts TRAIN ONLINE;")).toMatch(/Unknown model TYPE 'deep_net'.*logistic_regression/);
      expect(await fails("CREATE MODEL a WITH (TYPE='perceptron') AS SELECT x, busy FROM pts TRAIN ONLINE;")).toMatch(/LABEL='column'/);
      expect(await fails("CREATE MODEL a WITH (TYPE='perceptron', LABEL='nope') AS SELECT x, busy FROM pts TRAIN ONLINE;")).toMatch(/LABEL 'NOPE' is not a column.*X, BUSY/);
      expect(await fails("CREATE MODEL a WITH (TYPE='logistic_regression', LABEL='busy', LEARNING_RTE=1) AS SELECT x, busy FROM pts TRAIN ONLINE;")).toMatch(/unknown parameter 'learning_rte'/);
      expect(await fails('SELECT PREDICT(m, x, y) FROM pts EMIT CHANGES;')).toMatch(/takes the model's 3 features \(X, Y, KIND\), not 2/);
      expect(await fails('SELECT PREDICT(nobody, x) FROM pts EMIT CHANGES;')).toMatch(/Model NOBODY does not exist/);
      expect(await fails('SELECT ANOMALY_SCORE(m, x, y, kind) FROM pts EMIT CHANGES;')).toMatch(/ANOMALY_SCORE needs an anomaly model/);
      expect(await fails("SELECT PREDICT(m, kind, y, kind) FROM pts EMIT CHANGES;")).toMatch(/Feature X of model M is numeric/);
      expect((await rows(e, 'SHOW MODELS;')).map((r) => r[0])).toEqual(['M']);
      await e.executeScript('DROP MODEL m;');
      expect(await rows(e, 'SHOW MODELS;')).toEqual([]);
      expect([...e.state.queries.keys()]).toEqual([]);
      expect(await fails('SELECT PREDICT(m, x, y, kind) FROM pts EMIT CHANGES;')).toMatch(/Model M does not exist/);
    } finally {
      await e.close();
    }
  });

  it('a durable service resumes a model from its checkpoint: nothing relearned, nothing lost', async () => {
    const log = new MemoryLog();
    const first = await serviceThatLearned(log, 300);
    const before = await described(first, 'm');
    await first.close();
    const second = await Engine.create({ log, durable: true, serviceId: 'svc', properties: props });
    try {
      await second.settle();
      const after = await described(second, 'm');
      expect(after['Rows learned']).toBe('300');
      expect(after['Last checkpoint']).not.toBe('none');
      expect(before['Rows learned']).toBe('300');
      await second.executeScript(points(50, 300));
      await second.settle();
      expect((await described(second, 'm'))['Rows learned']).toBe('350');
    } finally {
      await second.close();
    }
  });

  it('does not learn a row twice when its checkpoint is ahead of the offsets committed', async () => {
    // An instance flushes its checkpoint, then loses the task in a rebalance (or crashes) before
    // its commit interval is up: the next owner restores the checkpoint and gets the rows after
    // the committed offsets again. Here the committed offset is set back by hand to make that state.
    const log = new MemoryLog();
    const first = await serviceThatLearned(log, 300);
    const group = queryGroupId(first.state, first.state.models.get('M')!.def.queryId);
    await first.close();
    const rewind = log.consumer({ groupId: group, topics: ['pts'] });
    await rewind.commit([{ topic: 'pts', partition: 0, offset: 100 }]);
    await rewind.close();
    expect((await log.committedOffsets(group, 'pts')).get(0)).toBe(100);
    const second = await Engine.create({ log, durable: true, serviceId: 'svc', properties: props });
    try {
      await second.settle();
      expect((await described(second, 'm'))['Rows learned']).toBe('300');
      await second.executeScript(points(10, 300));
      await second.settle();
      expect((await described(second, 'm'))['Rows learned']).toBe('310');
    } finally {
      await second.close();
    }
  });

  it('reports every model on the EDDY_MODEL_METRICS system stream', async () => {
    const e = await Engine.create({ properties: { ...props, 'eddy.model.metrics.interval.ms': '100' } });
    try {
      await e.executeScript(`${PTS}
        CREATE MODEL m WITH (TYPE='logistic_regression', LABEL='busy') AS SELECT x, y, kind, busy FROM pts TRAIN ONLINE;
        ${points(200)}`);
      await e.settle();
      const [[model, n, accuracy, drifts]] = await rows(e,
        "SELECT model, rows, metrics['accuracy'], drifts FROM EDDY_MODEL_METRICS WHERE rows = 200 EMIT CHANGES LIMIT 1;");
      expect([model, n, drifts]).toEqual(['M', 200, 0]);
      expect(accuracy as number).toBeGreaterThan(0.5);
      // The features' statistics over the rows learned, as the rows inserted give them.
      const xs = Array.from({ length: 200 }, (_v, i) => (i * 37) % 100 / 10);
      const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
      const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1));
      const [[x, kind]] = await rows(e,
        "SELECT feature_stats['X'], feature_stats['KIND'] FROM EDDY_MODEL_METRICS WHERE rows = 200 EMIT CHANGES LIMIT 1;");
      const xStats = x as Record<string, number>;
      expect(xStats.COUNT).toBe(200);
      expect(xStats.MEAN).toBeCloseTo(mean, 9);
      expect(xStats.STDDEV).toBeCloseTo(sd, 9);
      expect([xStats.MIN, xStats.MAX]).toEqual([Math.min(...xs), Math.max(...xs)]);
      expect(kind).toEqual({ COUNT: 200, MEAN: null, STDDEV: null, MIN: null, MAX: null }); // categorical: counted only
    } finally {
      await e.close();
    }
  });

  it('on a service, one instance learns and the others follow its checkpoints', async () => {
    const log = new MemoryLog();
    const a = await Engine.create({ log, durable: true, serviceId: 'svc', properties: props });
    await a.executeScript(`CREATE STREAM pts (x DOUBLE, y DOUBLE, kind STRING, busy BOOLEAN) WITH (KAFKA_TOPIC='pts', VALUE_FORMAT='JSON', PARTITIONS=4);
      CREATE MODEL m WITH (TYPE='logistic_regression', LABEL='busy') AS SELECT x, y, kind, busy FROM pts TRAIN ONLINE;`);
    const b = await Engine.create({ log, durable: true, serviceId: 'svc', properties: props });
    try {
      const rowsIn = Array.from({ length: 400 }, (_v, i) => ({
        key: null, value: Buffer.from(JSON.stringify({ X: (i * 37) % 100 / 10, Y: (i * 53) % 100 / 10, KIND: i % 3 ? 'b' : 'a', BUSY: i % 2 === 0 })),
      }));
      await log.produce('pts', rowsIn);
      await a.settle();
      await b.settle();
      const owners = [a, b].filter((e) => e.state.queries.get('TRAIN_M_1')!.runner.assignedTasks().includes(0));
      expect(owners).toHaveLength(1); // the task all rows funnel into
      // The other instance swaps in the newest checkpoint (it follows every 500 ms).
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline && [a, b].some((e) => e.state.models.get('M')!.rows !== 400)) await new Promise((r) => setTimeout(r, 100));
      expect([a, b].map((e) => e.state.models.get('M')!.rows)).toEqual([400, 400]);
      const guess = "SELECT PREDICT_PROBA(m, 9.0, 8.0, 'a') FROM pts EMIT CHANGES LIMIT 1;";
      expect(await rows(a, guess)).toEqual(await rows(b, guess));
    } finally {
      await b.close();
      await a.close();
    }
  });

  it('puts rows in clusters with CLUSTER', async () => {
    const e = await Engine.create({ properties: props });
    try {
      const ins: string[] = [];
      for (let i = 0; i < 600; i++) {
        const [cx, cy] = i % 2 === 0 ? [0, 0] : [50, 50];
        ins.push(`INSERT INTO spots (x, y) VALUES (${cx + (i % 7) / 10}, ${cy + (i % 5) / 10});`);
      }
      await e.executeScript(`CREATE STREAM spots (x DOUBLE, y DOUBLE) WITH (KAFKA_TOPIC='spots', VALUE_FORMAT='JSON', PARTITIONS=1);
        CREATE MODEL groups WITH (TYPE='kmeans', N_CLUSTERS=2, SEED=3) AS SELECT x, y FROM spots TRAIN ONLINE;
        ${ins.join('\n')}`);
      await e.settle();
      const [[a1, a2, b1, b2]] = await rows(e, `SELECT CLUSTER(groups, 0.1, 0.2), CLUSTER(groups, 0.3, 0.1),
        CLUSTER(groups, 50.2, 50.1), CLUSTER(groups, 49.9, 50.3) FROM spots EMIT CHANGES LIMIT 1;`);
      expect(a1).toBe(a2);
      expect(b1).toBe(b2);
      expect(a1).not.toBe(b1);
    } finally {
      await e.close();
    }
  });
});
