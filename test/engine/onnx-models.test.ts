// ONNX models (issue 14) as a SQL user sees them: CREATE MODEL ... TYPE='onnx' from a file next
// to the script, PREDICT / PREDICT_PROBA / ANOMALY_SCORE giving what scikit-learn gave on the
// same rows (test/fixtures/onnx/expected.json, made by scripts/onnx-fixtures/make_fixtures.py),
// a poll's rows scored in one run of the model, clear errors for models and calls Eddy cannot
// feed, and SHOW / DESCRIBE / DROP MODEL.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { engine, run, rows, message } from './engine-helpers.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'onnx');
const expected = JSON.parse(readFileSync(join(FIXTURES, 'expected.json'), 'utf8')) as {
  logreg: { x: number[][]; label: number[]; p1: number[] };
  forest: { x: number[][]; label: string[]; classes: string[]; proba: number[][] };
  gbr: { x: number[][]; value: number[] };
  autoencoder: { x: number[][]; score: number[] };
};

/** A stream of k DOUBLE features F0..F(k-1) and an ID, with the rows inserted. */
function stream(name: string, xs: number[][]): string {
  const k = xs[0].length;
  const cols = Array.from({ length: k }, (_, j) => `f${j}`);
  return `CREATE STREAM ${name} (id INT, ${cols.map((c) => `${c} DOUBLE`).join(', ')}) WITH (KAFKA_TOPIC='${name}', VALUE_FORMAT='JSON', PARTITIONS=1);\n`
    + xs.map((x, i) => `INSERT INTO ${name} (id, ${cols.join(', ')}) VALUES (${i}, ${x.map((v) => String(v)).join(', ')});`).join('\n');
}
const feats = (k: number): string => Array.from({ length: k }, (_, j) => `f${j}`).join(', ');

const described = async (name: string): Promise<Record<string, string>> =>
  Object.fromEntries((await rows(`DESCRIBE MODEL ${name};`)) as [string, string][]);

const onnxEngine = () => engine({ baseDir: FIXTURES });

describe('ONNX models', () => {
  it('a logistic regression: PREDICT gives scikit-learn\'s labels, PREDICT_PROBA its P(1), one run per poll', async () => {
    await onnxEngine();
    const { x, label, p1 } = expected.logreg;
    await run(`${stream('pts', x)}
      CREATE MODEL lr WITH (TYPE='onnx', PATH='logreg.onnx');
      CREATE STREAM scored AS SELECT id, PREDICT(lr, ${feats(3)}) AS guess, PREDICT_PROBA(lr, ${feats(3)}) AS p FROM pts;`);
    const got = await rows(`SELECT id, guess, p FROM scored EMIT CHANGES LIMIT ${x.length};`);
    expect(got.map((r) => r[0])).toEqual(x.map((_, i) => i)); // in order
    for (const [i, guess, p] of got as [number, number, number][]) {
      expect(guess).toBe(label[i]);
      expect(p).toBeCloseTo(p1[i], 5);
    }
    const d = await described('lr');
    // PREDICT and PREDICT_PROBA of the same features share one run for the poll's 40 rows.
    expect(d['Rows scored']).toBe(`${x.length} in 1 run(s) of the model`);
    expect(d.Input).toBe('x float32 [N, 3] (a batch per poll)');
    expect(d.Outputs).toBe('label int64 [N], probabilities float32 [N, 2]');
    expect(d.Features).toBe('X_0 DOUBLE, X_1 DOUBLE, X_2 DOUBLE');
    expect(d.PREDICT).toBe('BIGINT from label');
    expect(d.PREDICT_PROBA).toBe('DOUBLE from probabilities (classes 0, 1)');
    expect((await rows('SHOW MODELS;'))[0]).toEqual(['LR', 'onnx', 'classification', 0, '-', 'READY']);
  });

  it('rows scored a poll at a time keep their own record\'s headers on the way out', async () => {
    const e = await onnxEngine();
    const { x } = expected.logreg;
    await run(`CREATE STREAM pts (id INT, f0 DOUBLE, f1 DOUBLE, f2 DOUBLE) WITH (KAFKA_TOPIC='pts', VALUE_FORMAT='JSON', PARTITIONS=1);
      CREATE MODEL lr WITH (TYPE='onnx', PATH='logreg.onnx');
      CREATE STREAM scored AS SELECT id, PREDICT(lr, ${feats(3)}) AS guess FROM pts;`);
    await e.log.produce('pts', x.slice(0, 5).map((f, i) => ({
      key: null, value: Buffer.from(JSON.stringify({ ID: i, F0: f[0], F1: f[1], F2: f[2] })),
      headers: [{ key: 'row', value: new Uint8Array(Buffer.from(String(i))) }],
    })));
    await e.settle();
    const out = await e.log.read('SCORED', 0, 0, 10);
    expect(out.map((r) => [JSON.parse(Buffer.from(r.value!).toString()).ID, r.headers.map((h) => Buffer.from(h.value!).toString())]))
      .toEqual([[0, ['0']], [1, ['1']], [2, ['2']], [3, ['3']], [4, ['4']]]);
    expect((await described('lr'))['Rows scored']).toBe('5 in 1 run(s) of the model');
  });

  it('calls of one model on other features, or on computed ones, each have their own run', async () => {
    await onnxEngine();
    const { x, label, p1 } = expected.logreg;
    await run(`${stream('pts', x)}
      CREATE MODEL lr WITH (TYPE='onnx', PATH='logreg.onnx');
      CREATE STREAM scored AS SELECT id, PREDICT(lr, ${feats(3)}) AS guess, PREDICT_PROBA(lr, f0 * 1, f1, f2) AS p,
        PREDICT_PROBA(lr, f0, f1, f2) AS p_again, PREDICT(lr, f2, f1, f0) AS flipped FROM pts;`);
    const got = await rows(`SELECT id, guess, p, p_again, flipped FROM scored EMIT CHANGES LIMIT ${x.length};`);
    for (const [i, guess, p, again] of got as [number, number, number, number][]) {
      expect(guess).toBe(label[i]);
      expect(p).toBeCloseTo(p1[i], 5);
      expect(again).toBe(p);
    }
    // PREDICT and the second PREDICT_PROBA share a run; the computed and the flipped features run alone.
    expect((await described('lr'))['Rows scored']).toBe(`${3 * x.length} in 3 run(s) of the model`);
  });

  it('a random forest with string classes: PREDICT_PROBA is a map from class to probability', async () => {
    await onnxEngine();
    const { x, label, classes, proba } = expected.forest;
    await run(`${stream('pts', x)}
      CREATE MODEL rf WITH (TYPE='onnx', PATH='forest.onnx');`);
    const got = await rows(`SELECT id, PREDICT(rf, ${feats(4)}), PREDICT_PROBA(rf, ${feats(4)}) FROM pts EMIT CHANGES LIMIT ${x.length};`);
    for (const [i, guess, p] of got as [number, string, Record<string, number>][]) {
      expect(guess).toBe(label[i]);
      const m = p instanceof Map ? Object.fromEntries(p) : p;
      expect(Object.keys(m).sort()).toEqual([...classes].sort());
      classes.forEach((c, j) => expect(m[c]).toBeCloseTo(proba[i][j], 5));
    }
  });

  it('a gradient-boosting regressor: PREDICT is a DOUBLE; a pull query scores too', async () => {
    await onnxEngine();
    const { x, value } = expected.gbr;
    await run(`${stream('pts', x)}
      CREATE MODEL gb WITH (TYPE='onnx', PATH='gbr.onnx');`);
    const got = await rows(`SELECT id, PREDICT(gb, ${feats(4)}) FROM pts;`);
    expect(got).toHaveLength(x.length);
    for (const [i, v] of got as [number, number][]) expect(v).toBeCloseTo(value[i], 4);
  });

  it('an autoencoder: ANOMALY_SCORE is the mean squared reconstruction error, also in WHERE', async () => {
    await onnxEngine();
    const { x, score } = expected.autoencoder;
    await run(`${stream('pts', x)}
      CREATE MODEL ae WITH (TYPE='onnx', PATH='autoencoder.onnx');`);
    const got = await rows(`SELECT id, ANOMALY_SCORE(ae, ${feats(4)}) FROM pts EMIT CHANGES LIMIT ${x.length};`);
    for (const [i, s] of got as [number, number][]) expect(s).toBeCloseTo(score[i], 4);
    const outliers = score.map((s, i) => [s, i]).filter(([s]) => s > 1).map(([, i]) => i);
    expect(outliers.length).toBeGreaterThan(0);
    const flagged = await rows(`SELECT id FROM pts WHERE ANOMALY_SCORE(ae, ${feats(4)}) > 1 EMIT CHANGES LIMIT ${outliers.length};`);
    expect(flagged.map((r) => r[0])).toEqual(outliers);
    expect((await described('ae')).Type).toBe('onnx (anomaly)');
  });

  it('a model with a batch dimension fixed at 1 scores row by row, with the same results', async () => {
    await onnxEngine();
    const { x, p1 } = expected.logreg;
    await run(`${stream('pts', x)}
      CREATE MODEL one WITH (TYPE='onnx', PATH='logreg-batch1.onnx');`);
    const got = await rows(`SELECT id, PREDICT_PROBA(one, ${feats(3)}) FROM pts EMIT CHANGES LIMIT ${x.length};`);
    for (const [i, p] of got as [number, number][]) expect(p).toBeCloseTo(p1[i], 5);
    const d = await described('one');
    expect(d.Input).toBe('x float32 [1, 3] (one row per run)');
    expect(d['Rows scored']).toBe(`${x.length} in ${x.length} run(s) of the model`);
  });
});

describe('ONNX models: errors', () => {
  it('refuses models Eddy cannot feed, and calls with the wrong features', async () => {
    await onnxEngine();
    await expect(run(`CREATE MODEL two WITH (TYPE='onnx', PATH='two-inputs.onnx');`)).rejects.toThrow(/has 2 inputs \(a, b\)/);
    await expect(run(`CREATE MODEL ints WITH (TYPE='onnx', PATH='int-input.onnx');`)).rejects.toThrow(/input n is int64 \[N, 2\]; Eddy feeds float32 features/);
    await expect(run(`CREATE MODEL none WITH (TYPE='onnx', PATH='missing.onnx');`)).rejects.toThrow(/Cannot read the ONNX model '.*missing\.onnx'/);
    await expect(run(`CREATE MODEL none WITH (TYPE='onnx');`)).rejects.toThrow(/needs PATH='file.onnx'/);
    await expect(run(`CREATE MODEL bad WITH (TYPE='onnx', PATH='expected.json');`)).rejects.toThrow(/Cannot load the ONNX model 'expected.json'/);
    await expect(run(`CREATE MODEL lr WITH (TYPE='onnx', PATH='logreg.onnx', OUTPUT='nope');`)).rejects.toThrow(/OUTPUT 'nope' is not an output of the model; its outputs are label, probabilities/);
    await expect(run(`CREATE MODEL lr WITH (TYPE='onnx', PATH='logreg.onnx', LEARNING_RATE=0.1);`)).rejects.toThrow(/not LEARNING_RATE/);
    expect(await rows('SHOW MODELS;')).toEqual([]);

    await run(`CREATE STREAM pts (a DOUBLE, b DOUBLE, c DOUBLE, s STRING) WITH (KAFKA_TOPIC='pts', VALUE_FORMAT='JSON', PARTITIONS=1);
      CREATE MODEL lr WITH (TYPE='onnx', PATH='logreg.onnx');
      CREATE MODEL ae WITH (TYPE='onnx', PATH='autoencoder.onnx');`);
    await expect(run('SELECT PREDICT(lr, a, b) FROM pts EMIT CHANGES;')).rejects.toThrow(/takes the model's 3 features \(X_0, X_1, X_2\), not 2/);
    await expect(run('SELECT PREDICT(lr, a, b, s) FROM pts EMIT CHANGES;')).rejects.toThrow(/Feature X_2 of model LR is numeric/);
    await expect(run('SELECT ANOMALY_SCORE(lr, a, b, c) FROM pts EMIT CHANGES;')).rejects.toThrow(/ANOMALY_SCORE needs an output of the input's width/);
    await expect(run('SELECT PREDICT_PROBA(ae, a, b, c, a) FROM pts EMIT CHANGES;')).rejects.toThrow(/PREDICT_PROBA needs a classifier/);
    await expect(run('SELECT CLUSTER(lr, a, b, c) FROM pts EMIT CHANGES;')).rejects.toThrow(/CLUSTER needs a clustering model/);
    await expect(run('SELECT s, COUNT(*) FROM pts GROUP BY s HAVING MAX(PREDICT(lr, a, b, c)) > 0 EMIT CHANGES;')).rejects.toThrow(/scored a batch of rows at a time/);
    await expect(run('SELECT PREDICT(lr, a, b, PREDICT(lr, a, b, c)) FROM pts EMIT CHANGES;')).rejects.toThrow(/features of another such call/);
    await expect(run('SELECT TRANSFORM(ARRAY[a], v => PREDICT(lr, v, b, c)) FROM pts EMIT CHANGES;')).rejects.toThrow(/inside a lambda/);
  });

  it('a failing run gives NULL and a processing-log entry per row, not a failed query', async () => {
    // fails-on-batches.onnx runs on one row (the check at CREATE) but fails on several.
    await onnxEngine();
    await run(`CREATE STREAM pts (id INT, a DOUBLE, b DOUBLE, c DOUBLE) WITH (KAFKA_TOPIC='pts', VALUE_FORMAT='JSON', PARTITIONS=1);
      CREATE MODEL flaky WITH (TYPE='onnx', PATH='fails-on-batches.onnx');
      INSERT INTO pts (id, a, b, c) VALUES (1, 1, 2, 3);
      INSERT INTO pts (id, a, b, c) VALUES (2, 1, 2, 3);
      INSERT INTO pts (id, a, b, c) VALUES (3, 1, 2, 3);
      CREATE STREAM scored AS SELECT id, ANOMALY_SCORE(flaky, a, b, c) AS s FROM pts;`);
    expect(await rows('SELECT id, s FROM scored EMIT CHANGES LIMIT 3;')).toEqual([[1, null], [2, null], [3, null]]);
    const logged = await rows('SELECT QUERY_ID, TYPE, MESSAGE, OFFSET FROM EDDY_PROCESSING_LOG EMIT CHANGES LIMIT 3;');
    expect(logged.map((r) => r[3])).toEqual([0, 1, 2]);
    for (const [q, type, msg] of logged) {
      expect(String(q)).toMatch(/^CSAS_SCORED_/);
      expect(type).toBe('EVALUATION');
      expect(String(msg)).toMatch(/the ONNX model failed on a batch of 3 rows/);
    }
    // The query goes on: a row alone scores.
    await run('INSERT INTO pts (id, a, b, c) VALUES (4, 1, 2, 5);');
    const later = await rows('SELECT id, s FROM scored EMIT CHANGES LIMIT 4;');
    expect(later[3][0]).toBe(4);
    expect(later[3][1]).toBe(0); // the model returns its input: no reconstruction error
    expect((await rows('SHOW QUERIES;')).find((r) => String(r[0]).startsWith('CSAS_SCORED'))).toContain('RUNNING:1');
  });
});

describe('ONNX models in tables and aggregates', () => {
  it('a table\'s updates score the new and the old row (a filter retracts correctly)', async () => {
    await onnxEngine();
    const { x, label } = expected.logreg;
    const one = x.findIndex((_, i) => label[i] === 1), zero = x.findIndex((_, i) => label[i] === 0);
    await run(`CREATE TABLE t (id INT PRIMARY KEY, f0 DOUBLE, f1 DOUBLE, f2 DOUBLE) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON', PARTITIONS=1);
      CREATE MODEL lr WITH (TYPE='onnx', PATH='logreg.onnx');
      CREATE TABLE ones AS SELECT id, PREDICT(lr, f0, f1, f2) AS g FROM t WHERE PREDICT(lr, f0, f1, f2) = 1;
      INSERT INTO t (id, f0, f1, f2) VALUES (1, ${x[one].join(', ')});
      INSERT INTO t (id, f0, f1, f2) VALUES (2, ${x[one].join(', ')});
      INSERT INTO t (id, f0, f1, f2) VALUES (1, ${x[zero].join(', ')});`);
    expect(await rows('SELECT id, g FROM ones;')).toEqual([[2, 1]]);
  });

  it('INSERT ... VALUES cannot call a model scored in batches', async () => {
    await onnxEngine();
    await run(`CREATE STREAM pts (a DOUBLE) WITH (KAFKA_TOPIC='pts', VALUE_FORMAT='JSON', PARTITIONS=1);
      CREATE MODEL lr WITH (TYPE='onnx', PATH='logreg.onnx');`);
    await expect(run('INSERT INTO pts (a) VALUES (PREDICT_PROBA(lr, 1, 2, 3));')).rejects.toThrow(/scored a batch of rows at a time/);
  });
});

describe('ONNX models: SHOW, DESCRIBE, DROP', () => {
  it('DROP MODEL is refused while a query uses it, then works', async () => {
    await onnxEngine();
    await run(`CREATE STREAM pts (a DOUBLE, b DOUBLE, c DOUBLE) WITH (KAFKA_TOPIC='pts', VALUE_FORMAT='JSON', PARTITIONS=1);
      CREATE MODEL lr WITH (TYPE='onnx', PATH='logreg.onnx');
      CREATE STREAM s1 AS SELECT PREDICT(lr, a, b, c) AS g FROM pts;`);
    await expect(run('DROP MODEL lr;')).rejects.toThrow(/Cannot drop model LR[\s\S]*CSAS_S1_/);
    const q = (await rows('SHOW QUERIES;')).find((r) => String(r[0]).startsWith('CSAS_S1'))![0];
    expect(await message(`TERMINATE ${String(q)}; DROP MODEL lr;`)).toBe('Model LR was dropped.');
    expect(await rows('SHOW MODELS;')).toEqual([]);
  });
});
