// The streaming-statistics aggregates through the engine, in SQL: per key and per TUMBLING
// window, merged SESSION windows, table aggregations (retractions), and a restarted durable
// service that continues them from its changelog.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { MemoryLog } from '../../src/log/memory-log.js';
import { Adwin } from '../../src/ml/drift/adwin.js';
import { Rng } from '../../src/ml/rng.js';
import { TDigest } from '../../src/ml/stats/t-digest.js';
import { engine, errorOf, rows, run, utf8 } from '../engine/engine-helpers.js';

// ---- reference computations -------------------------------------------------------------

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

function moments(xs: number[]): { variance: number | null; skew: number | null; kurt: number | null } {
  const n = xs.length;
  const mu = mean(xs);
  let m2 = 0, m3 = 0, m4 = 0;
  for (const x of xs) { const d = x - mu; m2 += d * d; m3 += d ** 3; m4 += d ** 4; }
  const g1 = (m3 / n) / Math.pow(m2 / n, 1.5);
  const g2 = (m4 / n) / (m2 / n) ** 2 - 3;
  return {
    variance: n < 2 ? null : m2 / (n - 1),
    skew: n < 3 ? null : (g1 * Math.sqrt(n * (n - 1))) / (n - 2),
    kurt: n < 4 ? null : (((n + 1) * g2 + 6) * (n - 1)) / ((n - 2) * (n - 3)),
  };
}

function zscoreOfLast(xs: number[]): number | null {
  const before = xs.slice(0, -1);
  if (before.length < 2) return null;
  const mu = mean(before);
  const sd = Math.sqrt(before.reduce((a, x) => a + (x - mu) ** 2, 0) / (before.length - 1));
  return (xs[xs.length - 1] - mu) / sd;
}

function ewmaOf(xs: number[], alpha: number): number {
  return xs.slice(1).reduce((e, x) => alpha * x + (1 - alpha) * e, xs[0]);
}

/** The t-digest's estimate (src/ml TDigest, compression 100). */
function digestQuantile(xs: number[], q: number): number {
  const d = new TDigest(100);
  xs.forEach((x) => d.add(x));
  return d.quantile(q);
}

/** Hazen's quantile (rank q·n between mid-ranks): what the t-digest gives on small groups. */
function quantileOf(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const pos = q * s.length - 0.5;
  if (pos <= 0) return s[0];
  if (pos >= s.length - 1) return s[s.length - 1];
  const i = Math.floor(pos);
  return s[i] + (s[i + 1] - s[i]) * (pos - i);
}

function cusumOf(xs: number[], k: number, h: number, warmup: number): { SCORE: number; ALARM: boolean; ALARMS: number } {
  let sp = 0, sm = 0, alarms = 0, score = 0, alarm = false;
  xs.forEach((x, i) => {
    score = 0;
    alarm = false;
    if (i < warmup) return;
    const before = xs.slice(0, i);
    const mu = mean(before);
    const sd = Math.sqrt(before.reduce((a, y) => a + (y - mu) ** 2, 0) / (before.length - 1));
    const z = sd > 0 ? (x - mu) / sd : 0;
    sp = Math.max(0, sp + z - k);
    sm = Math.max(0, sm - z - k);
    score = Math.max(sp, sm);
    if (score > h) { alarm = true; alarms++; sp = 0; sm = 0; }
  });
  return { SCORE: score, ALARM: alarm, ALARMS: alarms };
}

function adwinDrifts(xs: number[]): number {
  const a = new Adwin();
  xs.forEach((x) => a.update(x));
  return a.detections;
}

/** Expects `got` to hold numbers close to `want` (nulls equal). */
function expectClose(got: unknown[], want: (number | null | boolean | object)[], digits = 9): void {
  expect(got.length).toBe(want.length);
  want.forEach((w, i) => {
    if (typeof w === 'number' && Number.isFinite(w)) expect(got[i] as number, `column ${i}`).toBeCloseTo(w, digits);
    else if (w !== null && typeof w === 'object') {
      const g = got[i] as Record<string, unknown>;
      for (const [k, v] of Object.entries(w)) {
        if (typeof v === 'number') expect(g[k] as number, `column ${i}.${k}`).toBeCloseTo(v, digits);
        else expect(g[k], `column ${i}.${k}`).toEqual(v);
      }
    } else expect(got[i], `column ${i}`).toEqual(w);
  });
}

const STREAM = `CREATE STREAM s (k STRING KEY, v DOUBLE) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS=1);`;

/** Produces (time, key, value) records to topic s directly (faster than one INSERT each). */
async function produce(records: [number, string, number | null][]): Promise<void> {
  const e = await engine();
  await e.log.produce('s', records.map(([ts, k, v]) => ({ key: utf8(k), value: utf8(JSON.stringify({ V: v })), timestamp: ts })));
}

const SELECT_ALL = `VARIANCE(v) AS var, SKEWNESS(v) AS sk, KURTOSIS(v) AS ku, ZSCORE(v) AS z, EWMA(v, 0.3) AS e,
  QUANTILE(v, 0.9) AS q90, MEDIAN(v) AS med`;

describe('streaming statistics in SQL', () => {
  it('per key and per TUMBLING window', async () => {
    const rng = new Rng(1);
    const data: [number, string, number | null][] = [];
    // Key a: 128 values in the first window with a shift in the middle, 7 in the second.
    for (let i = 0; i < 128; i++) data.push([i * 10, 'a', +(rng.gauss(i < 64 ? 0 : 4, 1)).toFixed(3)]);
    for (let i = 0; i < 7; i++) data.push([10000 + i * 100, 'a', +(rng.gauss(100, 10)).toFixed(3)]);
    // Key b: 12 values in the first window, one of them NULL; 3 in the second.
    for (let i = 0; i < 12; i++) data.push([5000 + i, 'b', i === 4 ? null : +(rng.gauss(-5, 3)).toFixed(3)]);
    for (let i = 0; i < 3; i++) data.push([15000 + i, 'b', i + 1]);
    data.sort((x, y) => x[0] - y[0]);
    await run(`${STREAM}
      CREATE TABLE stats AS SELECT k, ${SELECT_ALL}, CUSUM(v, 0.5, 3, 5) AS c, CUSUM(v, 0.5, 3, 5)->ALARMS AS alarms,
        DRIFT_ADWIN(v) AS d, DRIFT_ADWIN(v, 0.5) AS d_loose, COUNT(v) AS n
      FROM s WINDOW TUMBLING (SIZE 10 SECONDS) GROUP BY k EMIT CHANGES;`);
    await produce(data);

    const got = await rows(`SELECT k, WINDOWSTART, var, sk, ku, z, e, q90, med, c, alarms, d, n FROM stats;`);
    expect(got.length).toBe(4);
    for (const row of got) {
      const [k, ws] = row as [string, number];
      const xs = data.filter(([ts, key, v]) => key === k && Math.floor(ts / 10000) * 10000 === ws && v !== null).map((r) => r[2] as number);
      const m = moments(xs);
      const c = cusumOf(xs, 0.5, 3, 5);
      expectClose(row, [
        k, ws, m.variance, m.skew, m.kurt, zscoreOfLast(xs), ewmaOf(xs, 0.3), digestQuantile(xs, 0.9), digestQuantile(xs, 0.5),
        c, c.ALARMS, adwinDrifts(xs), xs.length,
      ], 8);
    }
    // The shift in key a's first window is a drift.
    const a0 = got.find((r) => r[0] === 'a' && r[1] === 0)!;
    expect(a0[11]).toBeGreaterThanOrEqual(1);
    // The stream emitted a change per record; a looser delta finds at least as many drifts.
    const loose = await rows(`SELECT d, d_loose FROM stats WHERE k = 'a' AND WINDOWSTART = 0;`);
    expect(loose[0][1]).toBeGreaterThanOrEqual(loose[0][0] as number);
  });

  it('SESSION windows merge (the bridging record is the latest)', async () => {
    await run(`${STREAM}
      CREATE TABLE sess AS SELECT k, ${SELECT_ALL}, COUNT(*) AS n FROM s WINDOW SESSION (30 SECONDS) GROUP BY k EMIT CHANGES;`);
    const first = [3, 7, 4, 10, 2];
    const second = [20, 11, 15, 9];
    const bridge = 6;
    await produce([
      ...first.map((v, i): [number, string, number] => [i * 1000, 'u', v]),
      ...second.map((v, i): [number, string, number] => [60000 + i * 1000, 'u', v]),
    ]);
    expect((await rows(`SELECT n FROM sess;`)).map((r) => r[0]).sort()).toEqual([4, 5]);
    await produce([[30000, 'u', bridge]]);
    const got = await rows(`SELECT k, WINDOWSTART, WINDOWEND, var, sk, ku, z, e, q90, med, n FROM sess;`);
    const xs = [...first, ...second, bridge]; // merged oldest session first, then the new record
    const m = moments(xs);
    expect(got.length).toBe(1);
    expectClose(got[0], [
      'u', 0, 63000, m.variance, m.skew, m.kurt, zscoreOfLast(xs), ewmaOf(xs, 0.3), quantileOf(xs, 0.9),
      quantileOf(xs, 0.5), 10,
    ], 10);
  });

  it('table aggregations retract updated and deleted rows', async () => {
    await run(`CREATE TABLE readings (id STRING PRIMARY KEY, grp STRING, v DOUBLE)
        WITH (KAFKA_TOPIC='readings', VALUE_FORMAT='JSON', PARTITIONS=1);
      CREATE TABLE by_grp AS SELECT grp, VARIANCE(v) AS var, SKEWNESS(v) AS sk, KURTOSIS(v) AS ku, COUNT(*) AS n
        FROM readings GROUP BY grp;`);
    const current = new Map<string, [string, number | null]>();
    const rng = new Rng(2);
    const statements: string[] = [];
    const put = (id: string, grp: string, v: number | null): void => {
      current.set(id, [grp, v]);
      statements.push(`INSERT INTO readings (id, grp, v) VALUES ('${id}', '${grp}', ${v === null ? 'NULL' : v});`);
    };
    for (let i = 0; i < 20; i++) put(`r${i}`, i % 2 === 0 ? 'x' : 'y', +(rng.gauss(10, 4)).toFixed(2));
    put('r3', 'x', 42.5); // moves from y to x with a new value
    put('r4', 'x', 1.25); // a new value in the same group
    put('r5', 'y', null); // NULL values do not count
    put('r6', 'y', -3); // moves from x to y
    await run(statements.join('\n'));
    await (await engine()).log.produce('readings', [{ key: utf8('r8'), value: null }]); // deletes r8 (x)
    current.delete('r8');

    const got = await rows(`SELECT grp, var, sk, ku FROM by_grp;`);
    expect(got.map((r) => r[0]).sort()).toEqual(['x', 'y']);
    for (const row of got) {
      const xs = [...current.values()].filter(([g, v]) => g === row[0] && v !== null).map(([, v]) => v as number);
      const m = moments(xs);
      expectClose(row, [row[0], m.variance, m.skew, m.kurt], 9);
    }
  });

  it('the order-dependent ones are for streams only', async () => {
    await run(`CREATE TABLE readings (id STRING PRIMARY KEY, v DOUBLE) WITH (KAFKA_TOPIC='readings', VALUE_FORMAT='JSON', PARTITIONS=1);`);
    for (const call of ['ZSCORE(v)', 'EWMA(v, 0.5)', 'CUSUM(v, 0.5, 5)', 'DRIFT_ADWIN(v)', 'QUANTILE(v, 0.5)', 'MEDIAN(v)']) {
      const name = call.slice(0, call.indexOf('('));
      expect((await errorOf(run(`CREATE TABLE bad AS SELECT id, ${call} AS x FROM readings GROUP BY id;`))).message)
        .toContain(`The aggregation function ${name} cannot be applied to a table source`);
    }
  });

  it('literal parameters must be literals in range', async () => {
    await run(STREAM);
    expect((await errorOf(run(`CREATE TABLE bad AS SELECT k, QUANTILE(v, v) AS x FROM s GROUP BY k;`))).message)
      .toMatch(/must be a literal/);
    expect((await errorOf(run(`SELECT k, EWMA(v, 2) AS x FROM s GROUP BY k EMIT CHANGES;`))).message)
      .toMatch(/EWMA's alpha must be a number in \(0, 1\]/);
    expect((await errorOf(run(`CREATE TABLE bad AS SELECT k, QUANTILE(v, 1.5) AS x FROM s GROUP BY k;`))).message)
      .toMatch(/QUANTILE's q must be a number in \[0, 1\]/);
  });

  it('a restarted durable service continues them from its changelog', async () => {
    const props = { 'auto.offset.reset': 'earliest' };
    const log = new MemoryLog();
    const ddl = `${STREAM}
      CREATE TABLE st AS SELECT k, ${SELECT_ALL}, CUSUM(v, 0.5, 3, 5) AS c, DRIFT_ADWIN(v) AS d FROM s GROUP BY k;`;
    const rng = new Rng(3);
    const xs = Array.from({ length: 250 }, (_, i) => +(rng.gauss(i < 120 ? 0 : 3, 1)).toFixed(3));
    const inserts = (part: number[]): string => part.map((v) => `INSERT INTO s (k, v) VALUES ('a', ${v});`).join('\n');
    const once = await Engine.create({ log: new MemoryLog(), properties: props });
    let expected: unknown[][];
    try {
      await once.executeScript(ddl + inserts(xs));
      expected = await (async () => {
        const r = (await once.executeScript('SELECT * FROM st;'))[0];
        return r.kind === 'rows' ? r.rows : [];
      })();
    } finally {
      await once.close();
    }

    const first = await Engine.create({ log, durable: true, serviceId: 'svc', properties: props });
    await first.executeScript(ddl + inserts(xs.slice(0, 170)));
    await first.settle();
    await first.close();
    const second = await Engine.create({ log, durable: true, serviceId: 'svc', properties: props });
    try {
      await second.executeScript(inserts(xs.slice(170)));
      await second.settle();
      const r = (await second.executeScript('SELECT * FROM st;'))[0];
      expect(r.kind === 'rows' ? r.rows : []).toEqual(expected);
      expect(expected.length).toBe(1);
    } finally {
      await second.close();
    }
  });
});
