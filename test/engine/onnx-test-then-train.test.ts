// A persistent query that scores with an ONNX model (a poll's rows held for one run of it) and
// with a model learning online on the same rows still gets test-then-train: each row scored by
// the online model as it was just before it learned that row — the same scores as a query that
// calls the online model alone. (Before, the held rows were reported processed on arrival and
// the trainer learned them before they were scored: the scores depended on poll boundaries.)
import { describe, it, expect } from 'vitest';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { engine, run, rows } from './engine-helpers.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'onnx');

describe('ONNX scoring beside a model learning online', () => {
  it('keeps test-then-train: the online scores equal those of a query without the ONNX call', async () => {
    await engine({ baseDir: FIXTURES });
    // 600 rows loaded at once by COPY: polls of many rows, the trainer running beside the scorers.
    let seed = 1;
    const rnd = (): number => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const lines = Array.from({ length: 600 }, (_, i) => JSON.stringify({ ID: i, F0: rnd(), F1: rnd(), F2: rnd() * 2, F3: i % 50 === 0 ? 9 : rnd() }));
    const file = join(mkdtempSync(join(tmpdir(), 'eddy-ttt-')), 'pts.jsonl');
    writeFileSync(file, `${lines.join('\n')}\n`);
    await run(`CREATE STREAM pts (id INT, f0 DOUBLE, f1 DOUBLE, f2 DOUBLE, f3 DOUBLE) WITH (KAFKA_TOPIC='pts', VALUE_FORMAT='JSON', PARTITIONS=1);
      CREATE MODEL online WITH (TYPE='zscore') AS SELECT f0, f1, f2, f3 FROM pts TRAIN ONLINE;
      CREATE MODEL batch WITH (TYPE='onnx', PATH='autoencoder.onnx');
      CREATE STREAM alone AS SELECT id, ANOMALY_SCORE(online, f0, f1, f2, f3) AS s FROM pts;
      CREATE STREAM both_models AS SELECT id, ANOMALY_SCORE(online, f0, f1, f2, f3) AS s, ANOMALY_SCORE(batch, f0, f1, f2, f3) AS t FROM pts;
      COPY pts FROM '${file}' WITH (FORMAT='JSON');`);
    const alone = await rows('SELECT id, s FROM alone EMIT CHANGES LIMIT 600;');
    const both = await rows('SELECT id, s, t FROM both_models EMIT CHANGES LIMIT 600;');
    expect(both.map((r) => [r[0], r[1]])).toEqual(alone);
    expect(both.every((r) => typeof r[2] === 'number')).toBe(true);
    // Not vacuous: the model changes as it learns (the first row has no score, outliers score high).
    expect(alone[0][1]).toBeNull();
    expect(Math.max(...alone.slice(1).map((r) => r[1] as number))).toBeGreaterThan(3);
  });
});
