import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/ml/rng.js';
import { Moments } from '../../src/ml/stats/moments.js';
import { StandardScaler } from '../../src/ml/stats/standard-scaler.js';
import { EWMean, EWVar } from '../../src/ml/stats/ewma.js';
import { StreamingZScore } from '../../src/ml/stats/zscore.js';
import { KeyedCusum } from '../../src/ml/stats/cusum.js';
import { TDigest } from '../../src/ml/stats/t-digest.js';
import { RunningCovariance } from '../../src/ml/stats/covariance.js';
import { normalQuantile } from '../../src/ml/stats/normal-quantile.js';

function sample(n: number, seed: number): number[] {
  const rng = new Rng(seed);
  // Skewed: exponential-ish, so skewness and kurtosis are far from 0.
  return Array.from({ length: n }, () => -Math.log(1 - rng.next()) * 3 + 10);
}

/** Two-pass reference values (scipy's bias=False formulas). */
function reference(xs: number[]) {
  const n = xs.length;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  let m2 = 0, m3 = 0, m4 = 0;
  for (const x of xs) { const d = x - mean; m2 += d * d; m3 += d ** 3; m4 += d ** 4; }
  const g1 = (m3 / n) / Math.pow(m2 / n, 1.5);
  const g2 = (m4 / n) / (m2 / n) ** 2 - 3;
  return {
    mean,
    variance: m2 / (n - 1),
    skew: g1 * Math.sqrt(n * (n - 1)) / (n - 2),
    kurt: ((n + 1) * g2 + 6) * (n - 1) / ((n - 2) * (n - 3)),
  };
}

describe('Moments', () => {
  it('matches two-pass mean, variance, skewness and excess kurtosis', () => {
    const xs = sample(5000, 1);
    const m = new Moments();
    xs.forEach((x) => m.update(x));
    const r = reference(xs);
    expect(m.mean).toBeCloseTo(r.mean, 10);
    expect(m.variance()).toBeCloseTo(r.variance, 9);
    expect(m.skewness()).toBeCloseTo(r.skew, 9);
    expect(m.kurtosis()).toBeCloseTo(r.kurt, 9);
  });

  it('merges partitions exactly', () => {
    const xs = sample(3000, 2);
    const whole = new Moments(), a = new Moments(), b = new Moments();
    xs.forEach((x, i) => { whole.update(x); (i < 1234 ? a : b).update(x); });
    a.merge(b);
    for (let i = 0; i < 5; i++) expect(a.state[i]).toBeCloseTo(whole.state[i], 6);
    expect(a.kurtosis()).toBeCloseTo(whole.kurtosis(), 10);
  });

  it('ignores NaN and reports NaN until defined', () => {
    const m = new Moments();
    expect(m.variance()).toBeNaN();
    m.update(NaN);
    m.update(1);
    expect(m.n).toBe(1);
    expect(m.skewness()).toBeNaN();
  });
});

describe('StandardScaler', () => {
  it('standardizes, imputes NaN as 0 and merges', () => {
    const rng = new Rng(3);
    const rows = Array.from({ length: 1000 }, () => Float64Array.of(rng.gauss(5, 2), rng.gauss(-1, 0.5)));
    const s = new StandardScaler(2), a = new StandardScaler(2), b = new StandardScaler(2);
    rows.forEach((r, i) => { s.update(r); (i % 3 ? a : b).update(r); });
    a.merge(b);
    for (let i = 0; i < 2; i++) { expect(a.mean[i]).toBeCloseTo(s.mean[i], 10); expect(a.m2[i]).toBeCloseTo(s.m2[i], 7); }
    const out = new Float64Array(2);
    s.transform(Float64Array.of(s.mean[0] + Math.sqrt(s.variance(0)), NaN), out);
    expect(out[0]).toBeCloseTo(1, 12);
    expect(out[1]).toBe(0);
  });
});

describe('EWMA', () => {
  it('follows River: first value initialises, then alpha weights the new value', () => {
    const m = new EWMean(0.5);
    [1, 3, 5].forEach((x) => m.update(x));
    expect(m.get()).toBe(3.5); // 1 -> 2 -> 3.5
    const v = new EWVar(0.5);
    [1, 3].forEach((x) => v.update(x));
    expect(v.get()).toBeCloseTo(1, 12); // mean 2, E[x²] 5 - 4
  });
});

describe('StreamingZScore', () => {
  it('scores each value against the values before it', () => {
    const z = new StreamingZScore();
    expect(z.update(1)).toBe(0);
    expect(z.update(3)).toBe(0);
    // history {1, 3}: mean 2, sd sqrt(2)
    expect(z.update(2 + 3 * Math.SQRT2)).toBeCloseTo(3, 12);
  });
});

describe('KeyedCusum', () => {
  it('alarms on a sustained shift for one key only', () => {
    const rng = new Rng(4);
    const c = new KeyedCusum();
    let alarmsA = 0, alarmsB = 0, firstShiftAlarm = -1;
    for (let i = 0; i < 400; i++) {
      const shift = i >= 200 ? 2 : 0;
      if (c.update('a', rng.gauss(10 + shift, 1)).alarm) { alarmsA++; if (i >= 200 && firstShiftAlarm < 0) firstShiftAlarm = i; }
      if (c.update('b', rng.gauss(10, 1)).alarm) alarmsB++;
    }
    expect(c.keys).toBe(2);
    expect(firstShiftAlarm).toBeGreaterThanOrEqual(200);
    expect(firstShiftAlarm).toBeLessThan(215);
    expect(alarmsB).toBeLessThanOrEqual(1);
  });
});

describe('TDigest', () => {
  it('estimates quantiles of a normal sample within 0.5% of rank', () => {
    const rng = new Rng(5);
    const t = new TDigest(100);
    const xs: number[] = [];
    for (let i = 0; i < 100_000; i++) { const x = rng.gauss(); xs.push(x); t.add(x); }
    xs.sort((a, b) => a - b);
    for (const q of [0.001, 0.01, 0.1, 0.5, 0.9, 0.99, 0.999]) {
      const est = t.quantile(q);
      const rank = xs.findIndex((v) => v >= est) / xs.length;
      expect(Math.abs(rank - q), `q=${q}`).toBeLessThan(q < 0.01 || q > 0.99 ? 0.0005 : 0.005);
      expect(t.cdf(xs[Math.floor(q * xs.length)])).toBeCloseTo(q, 2);
    }
    expect(t.min).toBe(xs[0]);
    expect(t.max).toBe(xs[xs.length - 1]);
  });

  it('gives mid-ranks for repeated values and merges', () => {
    const a = new TDigest(), b = new TDigest();
    for (let i = 0; i < 1000; i++) a.add(i % 2); // half 0, half 1
    // The centroid straddling 0 and 1 blurs the boundary a little.
    expect(Math.abs(a.cdf(0) - 0.25)).toBeLessThan(0.02);
    expect(Math.abs(a.cdf(1) - 0.75)).toBeLessThan(0.02);
    for (let i = 0; i < 1000; i++) b.add(2);
    a.merge(b);
    expect(a.count).toBe(2000);
    expect(a.quantile(0.9)).toBe(2);
    const c = new TDigest();
    c.fromArray(a.toArray());
    expect(c.quantile(0.3)).toBe(a.quantile(0.3));
  });

  it('reads without changing its state, grows with its data, and round-trips its plain form', () => {
    const rng = new Rng(6);
    const small = new TDigest(100);
    [3, 1, 2].forEach((x) => small.add(x));
    expect(small.stateBytes()).toBeLessThan(200); // a digest per SQL group: small groups stay small
    const d = new TDigest(100);
    for (let i = 0; i < 150; i++) d.add(rng.gauss());
    const before = JSON.stringify(d);
    const q = d.quantile(0.95);
    expect(JSON.stringify(d)).toBe(before);
    expect(JSON.parse(before).buffer.length).toBeGreaterThan(0); // the buffer is stored as it is
    const back = TDigest.fromJSON(JSON.parse(before), 100);
    expect(back.quantile(0.95)).toBe(q);
    for (let i = 0; i < 1000; i++) { const x = rng.gauss(); d.add(x); back.add(x); }
    expect(JSON.stringify(back)).toBe(JSON.stringify(d));
    expect(d.stateBytes()).toBeLessThan(8 * 5 * 308); // what the up-front allocation took
  });
  it('snapshots for models without changing the digest, and a restored one goes on exactly as it', () => {
    const rng = new Rng(7);
    const d = new TDigest(100), twin = new TDigest(100);
    for (let i = 0; i < 150; i++) { const x = rng.gauss(); d.add(x); twin.add(x); }
    const snap = d.toArray(); // a model's checkpoint, taken whenever its service flushes
    expect(JSON.stringify(d)).toBe(JSON.stringify(twin));
    const back = new TDigest(100);
    back.fromArray(snap);
    expect(JSON.stringify(back)).toBe(JSON.stringify(d));
    for (let i = 0; i < 1000; i++) { const x = rng.gauss(); d.add(x); twin.add(x); back.add(x); }
    expect(d.cdf(1.5)).toBe(twin.cdf(1.5));
    expect(JSON.stringify(back)).toBe(JSON.stringify(d));
    // The older form (compressed, no buffer part) still restores.
    d.compress();
    const j = d.toJSON();
    const older = Float64Array.of(j.n, j.lo, j.hi, j.means.length, ...j.means, ...j.weights);
    const fromOlder = new TDigest(100);
    fromOlder.fromArray(older);
    expect(fromOlder.quantile(0.9)).toBe(d.quantile(0.9));
  });
});

describe('RunningCovariance', () => {
  it('matches the two-pass covariance and merges', () => {
    const rng = new Rng(6);
    const rows = Array.from({ length: 500 }, () => { const u = rng.gauss(); return Float64Array.of(u, 2 * u + rng.gauss(), rng.gauss(3)); });
    const all = new RunningCovariance(3), a = new RunningCovariance(3), b = new RunningCovariance(3);
    rows.forEach((r, i) => { all.update(r); (i < 100 ? a : b).update(r); });
    const mean = [0, 1, 2].map((j) => rows.reduce((s, r) => s + r[j], 0) / rows.length);
    const cov01 = rows.reduce((s, r) => s + (r[0] - mean[0]) * (r[1] - mean[1]), 0) / (rows.length - 1);
    expect(all.covariance(0, 1)).toBeCloseTo(cov01, 10);
    a.merge(b);
    for (let i = 0; i < 9; i++) expect(a.comoment[i]).toBeCloseTo(all.comoment[i], 8);
  });
});

describe('normalQuantile', () => {
  it('matches scipy.stats.norm.ppf', () => {
    const cases: [number, number][] = [[1e-10, -6.361340902404056], [0.001, -3.090232306167813], [0.02, -2.053748910631823],
      [0.3, -0.5244005127080409], [0.5, 0], [0.975, 1.959963984540054], [0.999999, 4.753424308817087]];
    for (const [p, z] of cases) expect(normalQuantile(p)).toBeCloseTo(z, 12);
    expect(normalQuantile(0)).toBe(-Infinity);
  });
});
