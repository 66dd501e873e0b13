// ONNX models over time: CREATE OR REPLACE swaps the model under a running push query (its later
// rows score with the new one; a replacement of another shape is refused while queries use it),
// a durable service stores the model's bytes in its command so a second instance scores without
// the file, and a monitoring query (LABEL + AS SELECT) feeds DESCRIBE MODEL's and
// EDDY_MODEL_METRICS' prequential metrics.
import { describe, it, expect } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { Engine } from '../../src/engine/engine.js';
import { MemoryLog } from '../../src/log/memory-log.js';
import { engine, run, last, rows, rowsOf } from './engine-helpers.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'onnx');
const { logreg } = JSON.parse(readFileSync(join(FIXTURES, 'expected.json'), 'utf8')) as {
  logreg: { x: number[][]; label: number[]; p1: number[]; p1_flipped: number[] };
};
const PTS = "CREATE STREAM pts (id INT, f0 DOUBLE, f1 DOUBLE, f2 DOUBLE, y INT) WITH (KAFKA_TOPIC='pts', VALUE_FORMAT='JSON', PARTITIONS=1);";
const insert = (from: number, to: number, label = (i: number) => logreg.label[i]): string => logreg.x.slice(from, to)
  .map((x, j) => `INSERT INTO pts (id, f0, f1, f2, y) VALUES (${from + j}, ${x.join(', ')}, ${label(from + j)});`).join('\n');

describe('CREATE OR REPLACE of an ONNX model', () => {
  it('swaps the model under a running push query; a model of another input is refused while it runs', async () => {
    await engine({ baseDir: FIXTURES });
    await run(`${PTS}
      CREATE MODEL m WITH (TYPE='onnx', PATH='logreg.onnx');
      ${insert(0, 20)}`);
    const r = await last('SELECT id, PREDICT_PROBA(m, f0, f1, f2) FROM pts EMIT CHANGES LIMIT 40;');
    if (r.kind !== 'stream') throw new Error('not a push query');
    const it = r.rows[Symbol.asyncIterator]();
    for (let i = 0; i < 20; i++) {
      const { value } = await it.next();
      expect(value![1]).toBeCloseTo(logreg.p1[i], 5);
    }
    await expect(run(`CREATE OR REPLACE MODEL m WITH (TYPE='onnx', PATH='gbr.onnx');`))
      .rejects.toThrow(/Cannot replace model M while queries use it: the new model takes 4 features, the old one 3[\s\S]*transient_PTS_/);
    await expect(run(`CREATE OR REPLACE MODEL m WITH (TYPE='onnx', PATH='logreg.onnx', OUTPUT='probabilities');`))
      .rejects.toThrow(/PREDICT would give ARRAY<DOUBLE> instead of BIGINT/);
    expect((await rows('DESCRIBE MODEL m;')).find((x) => x[0] === 'File')![1]).toMatch(/^logreg\.onnx, 389 bytes/);
    await run(`CREATE OR REPLACE MODEL m WITH (TYPE='onnx', PATH='logreg-flipped.onnx');
      ${insert(20, 40)}`);
    for (let i = 20; i < 40; i++) {
      const { value } = await it.next();
      expect(value![0]).toBe(i);
      expect(value![1]).toBeCloseTo(logreg.p1_flipped[i], 5);
    }
    const d = Object.fromEntries(await rows('DESCRIBE MODEL m;') as [string, string][]);
    expect(d.File).toMatch(/^logreg-flipped\.onnx, 389 bytes, replaced 1 time/);
    // The new session scored exactly the rows after the replace (each INSERT came in a poll of its own).
    expect(d['Rows scored']).toMatch(/^20 in \d+ run\(s\) of the model$/);
  });

  it('replaces a model no query uses with any other, and an online model by an ONNX one', async () => {
    await engine({ baseDir: FIXTURES });
    await run(`${PTS}
      CREATE MODEL m WITH (TYPE='onnx', PATH='logreg.onnx');
      CREATE OR REPLACE MODEL m WITH (TYPE='onnx', PATH='gbr.onnx');
      CREATE MODEL o WITH (TYPE='linear_regression', LABEL='y') AS SELECT f0, f1, y FROM pts TRAIN ONLINE;
      CREATE OR REPLACE MODEL o WITH (TYPE='onnx', PATH='autoencoder.onnx');`);
    expect((await rows('SHOW MODELS;')).map((r) => r.slice(0, 3))).toEqual([['M', 'onnx', 'regression'], ['O', 'onnx', 'anomaly']]);
    expect((await rows('SHOW QUERIES;')).filter((r) => String(r[0]).startsWith('TRAIN_'))).toEqual([]);
  });
});

describe('ONNX models on a durable service', () => {
  it('stores the model in the command: another instance scores without the file', async () => {
    const log = new MemoryLog();
    const props = { 'auto.offset.reset': 'earliest' };
    const dirA = mkdtempSync(join(tmpdir(), 'eddy-onnx-a-'));
    const dirB = mkdtempSync(join(tmpdir(), 'eddy-onnx-b-'));
    copyFileSync(join(FIXTURES, 'logreg.onnx'), join(dirA, 'model.onnx'));
    const a = await Engine.create({ log, durable: true, serviceId: 'svc', properties: props, baseDir: dirA });
    let b: Engine | undefined;
    try {
      await a.executeScript(`${PTS}
        CREATE MODEL m WITH (TYPE='onnx', PATH='model.onnx');
        ${insert(0, 10)}
        CREATE STREAM scored AS SELECT id, PREDICT(m, f0, f1, f2) AS g FROM pts;`);
      await a.settle();
      await a.close();
      rmSync(join(dirA, 'model.onnx'));
      // The file is gone and B looks elsewhere: the model comes from the command topic.
      b = await Engine.create({ log, durable: true, serviceId: 'svc', properties: props, baseDir: dirB });
      const d = Object.fromEntries((await rowsOf((await b.executeScript('DESCRIBE MODEL m;'))[0])) as [string, string][]);
      expect(d.File).toMatch(/^model\.onnx, 389 bytes/);
      const pulled = await rowsOf((await b.executeScript('SELECT id, PREDICT(m, f0, f1, f2) FROM pts;'))[0]);
      expect(pulled.map((r) => r[1])).toEqual(logreg.label.slice(0, 10));
      await b.executeScript(insert(10, 20));
      const scored = await rowsOf((await b.executeScript('SELECT id, g FROM scored EMIT CHANGES LIMIT 20;'))[0]);
      expect(scored.map((r) => r[1])).toEqual(logreg.label.slice(0, 20));
    } finally {
      await b?.close();
      rmSync(dirA, { recursive: true, force: true });
      rmSync(dirB, { recursive: true, force: true });
    }
  });

  it('scores an aggregate\'s results as its record cache releases them', async () => {
    const log = new MemoryLog();
    const e = await Engine.create({ log, durable: true, serviceId: 'agg', baseDir: FIXTURES, properties: { 'auto.offset.reset': 'earliest' } });
    try {
      await e.executeScript(`${PTS}
        CREATE MODEL m WITH (TYPE='onnx', PATH='logreg.onnx');
        -- (the model named as a string: the GROUP BY check takes a bare name for a column)
        CREATE TABLE per_label AS SELECT y, COUNT(*) AS n, PREDICT_PROBA('m', y * 3, y * 3, y) AS p FROM pts GROUP BY y;
        ${insert(0, 40)}`);
      await e.settle();
      const got = (await rowsOf((await e.executeScript('SELECT y, n, p FROM per_label;'))[0])).sort() as [number, number, number][];
      const ones = logreg.label.filter((l) => l === 1).length;
      expect(got.map((r) => r.slice(0, 2))).toEqual([[0, 40 - ones], [1, ones]]);
      // Scored, not left in the operator's buffer: (0, 0, 0) is near the boundary, (3, 3, 1) far on the 1 side.
      expect(got[0][2]).toBeGreaterThan(0.2);
      expect(got[0][2]).toBeLessThan(0.8);
      expect(got[1][2]).toBeGreaterThan(0.95);
    } finally {
      await e.close();
    }
  });

  it('refuses a model too large for a record of the command topic, saying what to raise', async () => {
    const log = new MemoryLog();
    await log.createTopic('_eddy_small_commands', { partitions: 1, config: { 'max.message.bytes': '20000', 'retention.ms': '-1' } });
    const e = await Engine.create({ log, durable: true, serviceId: 'small', baseDir: FIXTURES });
    try {
      await expect(e.executeScript(`CREATE MODEL big WITH (TYPE='onnx', PATH='forest.onnx');`))
        .rejects.toThrow(/The ONNX model is 8678 bytes: stored in the command topic .* over the 20000 bytes a record of _eddy_small_commands may have \(its max\.message\.bytes\)/);
      await e.executeScript(`CREATE MODEL small WITH (TYPE='onnx', PATH='logreg.onnx');`);
      expect((await rowsOf((await e.executeScript('SHOW MODELS;'))[0])).map((r) => r[0])).toEqual(['SMALL']);
    } finally {
      await e.close();
    }
  });
});

describe('monitoring an ONNX model', () => {
  it('a LABEL and AS SELECT feed prequential metrics: DESCRIBE MODEL and EDDY_MODEL_METRICS', async () => {
    await engine({ baseDir: FIXTURES, properties: { 'eddy.model.metrics.interval.ms': '100' } });
    await expect(run(`${PTS}
      CREATE MODEL m WITH (TYPE='onnx', PATH='logreg.onnx') AS SELECT f0, f1, f2, y FROM pts TRAIN ONLINE;`)).rejects.toThrow(/cannot learn[\s\S]*LABEL/);
    await expect(run(`CREATE MODEL m WITH (TYPE='onnx', PATH='logreg.onnx', LABEL='y') AS SELECT f0, f1, y FROM pts TRAIN ONLINE;`))
      .rejects.toThrow(/takes 3 features .* the SELECT gives 2 besides the label/);
    // 30 rows labelled as the model predicts them, 10 the other way: accuracy 0.75.
    await run(`CREATE MODEL m WITH (TYPE='onnx', PATH='logreg.onnx', LABEL='y') AS SELECT f0, f1, f2, y FROM pts TRAIN ONLINE;
      ${insert(0, 40, (i) => (i < 30 ? logreg.label[i] : 1 - logreg.label[i]))}`);
    const d = Object.fromEntries(await rows('DESCRIBE MODEL m;') as [string, string][]);
    expect(d['Rows monitored']).toBe('40');
    expect(d['Prequential accuracy (all / last 1000)']).toBe('0.75 / 0.75');
    expect(d['Monitoring query']).toMatch(/^MONITOR_M_\d+ \(RUNNING\), from EARLIEST/);
    const [[model, n, accuracy]] = await rows("SELECT model, rows, metrics['accuracy'] FROM EDDY_MODEL_METRICS WHERE rows = 40 EMIT CHANGES LIMIT 1;");
    expect([model, n, accuracy]).toEqual(['M', 40, 0.75]);
    // Replaced under a running query (the same shapes), with its own monitor from the start: the
    // flipped model is right exactly where the first one was wrong.
    const push = await last('SELECT id, PREDICT(m, f0, f1, f2) FROM pts EMIT CHANGES;');
    if (push.kind !== 'stream') throw new Error('not a push query');
    await run(`CREATE OR REPLACE MODEL m WITH (TYPE='onnx', PATH='logreg-flipped.onnx', LABEL='y') AS SELECT f0, f1, f2, y FROM pts TRAIN ONLINE FROM EARLIEST;`);
    const after = Object.fromEntries(await rows('DESCRIBE MODEL m;') as [string, string][]);
    expect(after['Rows monitored']).toBe('40');
    expect(after['Prequential accuracy (all / last 1000)']).toBe('0.25 / 0.25');
    expect(after['Monitoring query']).not.toBe(d['Monitoring query']);
    expect((await rows('SHOW QUERIES;')).filter((r) => String(r[0]).startsWith('MONITOR_'))).toHaveLength(1);
    await push.rows.cancel();
    // The monitor does not hold the model: it may be dropped (and the monitor stops with it).
    await run('DROP MODEL m;');
    expect((await rows('SHOW QUERIES;')).filter((r) => String(r[0]).startsWith('MONITOR_'))).toEqual([]);
  });

  it('an autoencoder is monitored without a label: its mean score', async () => {
    await engine({ baseDir: FIXTURES });
    await run(`CREATE STREAM r (a DOUBLE, b DOUBLE, c DOUBLE, d DOUBLE) WITH (KAFKA_TOPIC='r', VALUE_FORMAT='JSON', PARTITIONS=1);
      CREATE MODEL ae WITH (TYPE='onnx', PATH='autoencoder.onnx') AS SELECT a, b, c, d FROM r TRAIN ONLINE;
      INSERT INTO r (a, b, c, d) VALUES (0, 0, 0, 0);
      INSERT INTO r (a, b, c, d) VALUES (5, -5, 5, 5);`);
    const d = Object.fromEntries(await rows('DESCRIBE MODEL ae;') as [string, string][]);
    expect(d['Rows monitored']).toBe('2');
    expect(Number(d['Prequential mean_score (all / last 1000)'].split(' / ')[0])).toBeGreaterThan(1);
  });
});
