// The streaming-statistics aggregates (udfs/aggregate/stats/): values against straightforward
// reference computations and the src/ml classes they hold, session merges, table retractions,
// accumulators that survive the state codec, and state stored by the previous version (plain data).
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/ml/rng.js';
import { Moments } from '../../src/ml/stats/moments.js';
import { EWMean } from '../../src/ml/stats/ewma.js';
import { StreamingZScore } from '../../src/ml/stats/zscore.js';
import { KeyedCusum } from '../../src/ml/stats/cusum.js';
import { TDigest } from '../../src/ml/stats/t-digest.js';
import { Adwin, type AdwinJSON } from '../../src/ml/drift/adwin.js';
import { decodeState, encodeState } from '../../src/runtime/state/state-codec.js';
import type { AggregateFunction, Aggregator } from '../../udfs/types.js';
import { variance, skewness, kurtosis } from '../../udfs/aggregate/stats/moments-functions.js';
import { zscore } from '../../udfs/aggregate/stats/zscore.js';
import { ewma } from '../../udfs/aggregate/stats/ewma.js';
import { cusum } from '../../udfs/aggregate/stats/cusum.js';
import { driftAdwin } from '../../udfs/aggregate/stats/drift-adwin.js';
import { median, quantile } from '../../udfs/aggregate/stats/quantile.js';
import { addMoments4, emptyMoments4 } from '../../udfs/aggregate/stats/moments-state.js';
import { Decimal } from '../../src/types/decimal.js';
import { emitted, fold, prepare, rows, stored, t } from './aggregate-harness.js';

// ---- reference computations -------------------------------------------------------------

/** Two-pass sample variance, skewness G1 and excess kurtosis G2 (pandas' var/skew/kurt). */
function twoPass(xs: number[]): { variance: number; skew: number; kurt: number } {
  const n = xs.length;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  let m2 = 0, m3 = 0, m4 = 0;
  for (const x of xs) { const d = x - mean; m2 += d * d; m3 += d ** 3; m4 += d ** 4; }
  const g1 = (m3 / n) / Math.pow(m2 / n, 1.5);
  const g2 = (m4 / n) / (m2 / n) ** 2 - 3;
  return {
    variance: m2 / (n - 1),
    skew: (g1 * Math.sqrt(n * (n - 1))) / (n - 2),
    kurt: (((n + 1) * g2 + 6) * (n - 1)) / ((n - 2) * (n - 3)),
  };
}

function meanSd(xs: number[]): { mean: number; sd: number } {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return { mean, sd: Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1)) };
}

/** Exact quantile at rank q·n between sorted values at their mid-ranks (Hazen). */
function hazen(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const pos = q * s.length - 0.5;
  if (pos <= 0) return s[0];
  if (pos >= s.length - 1) return s[s.length - 1];
  const i = Math.floor(pos);
  return s[i] + (s[i + 1] - s[i]) * (pos - i);
}

/** Naive tabular CUSUM with two-pass baselines. */
function naiveCusum(xs: number[], k: number, h: number, warmup: number): { score: number; alarm: boolean; alarms: number }[] {
  let sp = 0, sm = 0, alarms = 0;
  return xs.map((x, i) => {
    let score = 0, alarm = false;
    if (i >= warmup) {
      const { mean, sd } = meanSd(xs.slice(0, i));
      const z = sd > 0 ? (x - mean) / sd : 0;
      sp = Math.max(0, sp + z - k);
      sm = Math.max(0, sm - z - k);
      score = Math.max(sp, sm);
      if (score > h) { alarm = true; alarms++; sp = 0; sm = 0; }
    }
    return { score, alarm, alarms };
  });
}

function gaussians(n: number, seed: number, mu = 0, sigma = 1): number[] {
  const rng = new Rng(seed);
  return Array.from({ length: n }, () => rng.gauss(mu, sigma));
}

/** Folds `xs` through the state codec after every `every` values; the result must not change. */
function restoredResult(agg: Aggregator, xs: unknown[][], every: number): unknown {
  let acc = agg.initial();
  xs.forEach((row, i) => {
    acc = agg.add(acc, row);
    if ((i + 1) % every === 0) acc = decodeState(encodeState(acc));
  });
  return agg.result(acc);
}

const make = (fn: AggregateFunction, literals: unknown[] = [], type = t.double): Aggregator =>
  prepare(fn, [type], literals).agg;

// ---- VARIANCE, SKEWNESS, KURTOSIS -----------------------------------------------------------

describe('VARIANCE, SKEWNESS, KURTOSIS', () => {
  const xs = gaussians(2000, 1).map((x) => Math.exp(x)); // log-normal: skewed, heavy-tailed
  const r = twoPass(xs);

  it('match the two-pass sample formulas', () => {
    expect(make(variance).result(fold(make(variance), rows(...xs)))).toBeCloseTo(r.variance, 9);
    expect(make(skewness).result(fold(make(skewness), rows(...xs)))).toBeCloseTo(r.skew, 9);
    expect(make(kurtosis).result(fold(make(kurtosis), rows(...xs)))).toBeCloseTo(r.kurt, 8);
  });

  it('keep the exact state of src/ml Moments', () => {
    const m = new Moments();
    const s = emptyMoments4();
    for (const x of xs) { m.update(x); addMoments4(s, x); }
    expect(s).toEqual([...m.state]);
    expect(make(skewness).result(s)).toBe(m.skewness());
    expect(make(kurtosis).result(s)).toBe(m.kurtosis());
  });

  it('are NULL until defined and skip NULL and NaN', () => {
    expect(emitted(make(variance), rows(null, 3, NaN, 5))).toEqual([null, null, null, 2]);
    const skews = emitted(make(skewness), rows(1, 2, null, 4)) as (number | null)[];
    expect(skews.slice(0, 3)).toEqual([null, null, null]);
    expect(skews[3]).toBeCloseTo(twoPass([1, 2, 4]).skew, 14);
    expect(emitted(make(kurtosis), rows(1, 2, 3, 10)).slice(0, 3)).toEqual([null, null, null]);
    // No spread: skewness and kurtosis are undefined, the variance is 0.
    expect(make(skewness).result(fold(make(skewness), rows(4, 4, 4, 4)))).toBeNull();
    expect(make(kurtosis).result(fold(make(kurtosis), rows(4, 4, 4, 4)))).toBeNull();
    expect(make(variance).result(fold(make(variance), rows(4, 4, 4, 4)))).toBe(0);
  });

  it('take INTEGER, BIGINT and DECIMAL columns', () => {
    expect(make(variance, [], t.int).result(fold(make(variance, [], t.int), rows(2, 4, 4, 4, 5, 5, 7, 9)))).toBeCloseTo(32 / 7, 14);
    const decimals = make(variance, [], t.decimal(4, 1));
    expect(decimals.result(fold(decimals, rows(new Decimal(15n, 1), new Decimal(25n, 1))))).toBeCloseTo(0.5, 14);
  });

  it('merge sessions exactly', () => {
    for (const fn of [variance, skewness, kurtosis]) {
      const agg = make(fn);
      const a = fold(agg, rows(...xs.slice(0, 700)));
      const b = fold(agg, rows(...xs.slice(700)));
      const merged = agg.merge!(stored(a), stored(b));
      expect(agg.result(merged) as number).toBeCloseTo(agg.result(fold(agg, rows(...xs))) as number, 9);
      expect(agg.result(agg.merge!(agg.initial(), a))).toBe(agg.result(a));
      expect(agg.result(agg.merge!(a, agg.initial()))).toBe(agg.result(a));
      // merge leaves its inputs alone
      expect(agg.result(a)).toBe(agg.result(fold(agg, rows(...xs.slice(0, 700)))));
    }
  });

  it('retract rows exactly (table aggregations)', () => {
    for (const fn of [variance, skewness, kurtosis]) {
      const agg = make(fn);
      let acc = fold(agg, rows(...xs.slice(0, 500)));
      for (const x of xs.slice(0, 200)) acc = agg.remove!(acc, [x]);
      acc = agg.remove!(acc, [null]);
      expect(agg.result(acc) as number).toBeCloseTo(agg.result(fold(agg, rows(...xs.slice(200, 500)))) as number, 8);
    }
    const agg = make(variance);
    let acc = fold(agg, rows(3, 8));
    acc = agg.remove!(acc, [8]);
    expect(agg.result(acc)).toBeNull();
    acc = agg.remove!(acc, [3]);
    expect(acc).toEqual(agg.initial());
    acc = fold(agg, rows(10, 14), acc);
    expect(agg.result(acc)).toBe(8);
  });

  it('survive the state codec', () => {
    for (const fn of [variance, skewness, kurtosis]) {
      const agg = make(fn);
      expect(restoredResult(agg, rows(...xs), 37)).toBe(agg.result(fold(agg, rows(...xs))));
    }
  });
});

// ---- ZSCORE ---------------------------------------------------------------------------

describe('ZSCORE', () => {
  it('scores the latest value against the values before it', () => {
    const xs = [10, 12, 11, 9, 10, 30, 10];
    const out = emitted(make(zscore), rows(...xs)) as (number | null)[];
    expect(out.slice(0, 2)).toEqual([null, null]);
    for (let i = 2; i < xs.length; i++) {
      const { mean, sd } = meanSd(xs.slice(0, i));
      expect(out[i]).toBeCloseTo((xs[i] - mean) / sd, 12);
    }
    expect(out[5]).toBeGreaterThan(10); // the outlier
  });

  it('agrees with src/ml StreamingZScore and skips NULL and NaN', () => {
    const xs = gaussians(500, 3, 5, 2);
    const z = new StreamingZScore();
    const agg = make(zscore);
    let acc = agg.initial();
    xs.forEach((x, i) => {
      const expected = z.update(x);
      acc = agg.add(acc, [x]);
      if (i % 50 === 0) acc = agg.add(acc, [i % 100 === 0 ? null : NaN]);
      if (i >= 2) expect(agg.result(acc)).toBeCloseTo(expected, 12);
    });
  });

  it('is 0 on a matched constant history and infinite when it is left', () => {
    expect(make(zscore).result(fold(make(zscore), rows(5, 5, 5)))).toBe(0);
    expect(make(zscore).result(fold(make(zscore), rows(5, 5, 7)))).toBe(Infinity);
    expect(make(zscore).result(fold(make(zscore), rows(5, 5, 4)))).toBe(-Infinity);
  });

  it('merges sessions in time order exactly', () => {
    const xs = gaussians(60, 4);
    const agg = make(zscore);
    const whole = agg.result(fold(agg, rows(...xs))) as number;
    for (const cut of [1, 2, 30, 59]) {
      const merged = agg.merge!(stored(fold(agg, rows(...xs.slice(0, cut)))), fold(agg, rows(...xs.slice(cut))));
      expect(agg.result(merged)).toBeCloseTo(whole, 12);
    }
    const a = fold(agg, rows(1, 2, 3));
    expect(agg.result(agg.merge!(a, agg.initial()))).toBe(agg.result(a));
    expect(agg.result(agg.merge!(agg.initial(), a))).toBe(agg.result(a));
  });

  it('survives the state codec', () => {
    const xs = gaussians(100, 5);
    expect(restoredResult(make(zscore), rows(...xs), 7)).toBe(make(zscore).result(fold(make(zscore), rows(...xs))));
    expect(make(zscore).result(stored(fold(make(zscore), rows(1))))).toBeNull();
  });
});

// ---- EWMA ---------------------------------------------------------------------------------

describe('EWMA', () => {
  it('is alpha · x + (1 - alpha) · previous, the first value starting it', () => {
    const out = emitted(make(ewma, [0.3]), rows(null, 10, 20, NaN, 5));
    expect(out).toEqual([null, 10, 0.3 * 20 + 0.7 * 10, 0.3 * 20 + 0.7 * 10, 0.3 * 5 + 0.7 * (0.3 * 20 + 0.7 * 10)]);
  });

  it('agrees with src/ml EWMean', () => {
    const xs = gaussians(300, 6);
    const e = new EWMean(0.05);
    xs.forEach((x) => e.update(x));
    expect(make(ewma, [0.05]).result(fold(make(ewma, [0.05]), rows(...xs)))).toBe(e.get());
  });

  it('merges sessions in time order exactly', () => {
    const xs = gaussians(40, 7);
    for (const alpha of [0.1, 0.5, 1]) {
      const agg = make(ewma, [alpha]);
      const whole = agg.result(fold(agg, rows(...xs))) as number;
      for (const cut of [1, 13, 39]) {
        const merged = agg.merge!(fold(agg, rows(...xs.slice(0, cut))), stored(fold(agg, rows(...xs.slice(cut)))));
        expect(agg.result(merged)).toBeCloseTo(whole, 12);
      }
      // Three sessions: merging is associative.
      const [p, q, r] = [xs.slice(0, 10), xs.slice(10, 25), xs.slice(25)].map((part) => fold(agg, rows(...part)));
      expect(agg.result(agg.merge!(agg.merge!(p, q), r))).toBeCloseTo(whole, 12);
      expect(agg.result(agg.merge!(p, agg.merge!(q, r)))).toBeCloseTo(whole, 12);
    }
  });

  it('checks alpha and survives the state codec', () => {
    expect(() => make(ewma, [0])).toThrow(/alpha must be a number in \(0, 1\]/);
    expect(() => make(ewma, [1.5])).toThrow(/alpha/);
    expect(() => make(ewma, ['x'])).toThrow(/alpha/);
    const xs = gaussians(100, 8);
    expect(restoredResult(make(ewma, [0.2]), rows(...xs), 9)).toBe(make(ewma, [0.2]).result(fold(make(ewma, [0.2]), rows(...xs))));
  });
});

// ---- CUSUM --------------------------------------------------------------------------------

describe('CUSUM', () => {
  // In control, then the mean shifts by 3 standard deviations at 80.
  const xs = [...gaussians(80, 9, 50, 2), ...gaussians(40, 10, 56, 2)];

  it('matches a naive tabular CUSUM with two-pass baselines', () => {
    const agg = make(cusum, [0.5, 4, 10]);
    const out = emitted(agg, rows(...xs)) as { SCORE: number; ALARM: boolean; ALARMS: number }[];
    const ref = naiveCusum(xs, 0.5, 4, 10);
    out.forEach((o, i) => {
      expect(o.SCORE).toBeCloseTo(ref[i].score, 8);
      expect(o.ALARM).toBe(ref[i].alarm);
      expect(o.ALARMS).toBe(ref[i].alarms);
    });
    expect(out.slice(80).some((o) => o.ALARM)).toBe(true);
  });

  it('agrees with src/ml KeyedCusum (default warmup 30)', () => {
    const keyed = new KeyedCusum({ k: 0.5, h: 5 });
    const agg = make(cusum, [0.5, 5]);
    let acc = agg.initial();
    for (const x of xs) {
      const r = keyed.update('k', x);
      acc = agg.add(acc, [x]);
      const got = agg.result(acc) as { SCORE: number; ALARM: boolean };
      expect(got.SCORE).toBe(r.score);
      expect(got.ALARM).toBe(r.alarm);
    }
  });

  it('is NULL before the first value, skips NULL and NaN, and checks its literals', () => {
    const agg = make(cusum, [0.5, 4, 2]);
    expect(emitted(agg, rows(null, 1, NaN))).toEqual([null, { SCORE: 0, ALARM: false, ALARMS: 0 }, { SCORE: 0, ALARM: false, ALARMS: 0 }]);
    expect(() => make(cusum, [-1, 4])).toThrow(/k must be/);
    expect(() => make(cusum, [0.5, 0])).toThrow(/h must be/);
    expect(() => make(cusum, [0.5, 4, 1])).toThrow(/warmup must be/);
    expect(() => make(cusum, [0.5, 4, 2.5])).toThrow(/warmup must be a whole number/);
  });

  it('merges sessions: exact baselines, the later sums, alarms added', () => {
    const agg = make(cusum, [0.5, 4, 10]);
    const a = fold(agg, rows(...xs.slice(0, 100)));
    const b = fold(agg, rows(...xs.slice(100)));
    const merged = agg.merge!(stored(a), b);
    const { baseline } = stored(merged) as { baseline: number[] };
    const { mean, sd } = meanSd(xs);
    expect(baseline[0]).toBe(xs.length);
    expect(baseline[1]).toBeCloseTo(mean, 10);
    expect(Math.sqrt(baseline[2] / (xs.length - 1))).toBeCloseTo(sd, 10);
    const ra = agg.result(a) as { ALARMS: number }, rb = agg.result(b) as { SCORE: number; ALARMS: number };
    expect(agg.result(merged)).toEqual({ ...rb, ALARMS: ra.ALARMS + rb.ALARMS });
    expect(agg.result(agg.merge!(agg.initial(), a))).toEqual(agg.result(a));
    expect(agg.result(agg.merge!(a, agg.initial()))).toEqual(agg.result(a));
  });

  it('survives the state codec', () => {
    const agg = make(cusum, [0.5, 4, 10]);
    expect(restoredResult(agg, rows(...xs), 11)).toEqual(agg.result(fold(agg, rows(...xs))));
  });
});

// ---- DRIFT_ADWIN --------------------------------------------------------------------------

describe('DRIFT_ADWIN', () => {
  // Three regimes: the mean moves twice.
  const xs = [...gaussians(600, 11, 0, 1), ...gaussians(600, 12, 3, 1), ...gaussians(600, 13, -1, 1)];

  it('counts the drifts src/ml Adwin detects, value for value', () => {
    for (const delta of [0.002, 0.1]) {
      const adwin = new Adwin({ delta });
      const agg = make(driftAdwin, delta === 0.002 ? [] : [delta]);
      let acc = agg.initial();
      xs.forEach((x) => {
        adwin.update(x);
        acc = agg.add(acc, [x]);
        expect(agg.result(acc)).toBe(adwin.detections);
      });
      expect(adwin.detections).toBeGreaterThanOrEqual(2);
    }
  });

  it('keeps its window (width and mean) through the state codec', () => {
    const acc = fold(make(driftAdwin), rows(...xs)) as Adwin;
    expect(acc.width).toBeLessThan(900); // it dropped the data before the last change
    const back = Adwin.fromJSON(decodeState(encodeState(acc)) as AdwinJSON);
    expect(back.width).toBe(acc.width);
    expect(back.estimation).toBe(acc.estimation);
  });

  it('finds nothing in a stationary stream; skips NULL and NaN', () => {
    expect(make(driftAdwin).result(fold(make(driftAdwin), rows(...gaussians(2000, 14), null, NaN)))).toBe(0);
    expect(() => make(driftAdwin, [0])).toThrow(/delta must be/);
    expect(() => make(driftAdwin, [1])).toThrow(/delta must be/);
  });

  it('merges sessions approximately: the later window, detections added', () => {
    const agg = make(driftAdwin);
    const a = fold(agg, rows(...xs.slice(0, 1200)));
    const b = fold(agg, rows(...xs.slice(1200)));
    const merged = agg.merge!(a, stored(b));
    expect(agg.result(merged)).toBe((agg.result(a) as number) + (agg.result(b) as number));
    expect(agg.result(agg.merge!(agg.initial(), a))).toBe(agg.result(a));
    // The merged window carries on as b's: a later drift is still seen.
    const before = agg.result(merged) as number;
    expect(agg.result(fold(agg, rows(...gaussians(600, 15, 5, 1)), merged))).toBeGreaterThan(before);
  });

  it('survives the state codec', () => {
    const agg = make(driftAdwin);
    expect(restoredResult(agg, rows(...xs), 97)).toBe(agg.result(fold(agg, rows(...xs))));
  });
});

// ---- QUANTILE, MEDIAN -----------------------------------------------------------------------

describe('QUANTILE and MEDIAN', () => {
  it('are exact on small groups (rank q·n between mid-ranks)', () => {
    const xs = gaussians(63, 16);
    for (const q of [0, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 1]) {
      expect(make(quantile, [q]).result(fold(make(quantile, [q]), rows(...xs)))).toBeCloseTo(hazen(xs, q), 12);
    }
    expect(make(median).result(fold(make(median), rows(...xs)))).toBeCloseTo(hazen(xs, 0.5), 12);
    expect(emitted(make(median), rows(null, 4, 1, NaN, 10))).toEqual([null, 4, 2.5, 2.5, 4]);
  });

  it('give TDigest\'s estimates, of ranks close to q on a large group', () => {
    const xs = gaussians(20000, 17).map((x) => Math.exp(x));
    const digest = new TDigest(100);
    xs.forEach((x) => digest.add(x));
    for (const q of [0.001, 0.01, 0.5, 0.9, 0.99, 0.999]) {
      const agg = make(quantile, [q]);
      const got = agg.result(fold(agg, rows(...xs))) as number;
      expect(got).toBe(digest.quantile(q));
      // Accuracy as t-digest measures it: the estimate's rank is close to q.
      const rank = xs.filter((x) => x < got).length / xs.length;
      expect(Math.abs(rank - q)).toBeLessThan(q < 0.01 || q > 0.99 ? 0.0005 : 0.005);
    }
  });

  it('merge sessions', () => {
    const xs = gaussians(5000, 18);
    const agg = make(quantile, [0.9]);
    const merged = agg.merge!(stored(fold(agg, rows(...xs.slice(0, 1234)))), fold(agg, rows(...xs.slice(1234))));
    expect(agg.result(merged) as number).toBeCloseTo(hazen(xs, 0.9), 1);
    const small = fold(agg, rows(3, 1, 2));
    expect(agg.result(agg.merge!(small, fold(agg, rows(5, 4))))).toBe(hazen([1, 2, 3, 4, 5], 0.9));
    expect(agg.result(agg.merge!(agg.initial(), small))).toBe(agg.result(small));
    expect(agg.result(agg.merge!(small, agg.initial()))).toBe(agg.result(small));
  });

  it('do not change the state when read, and survive the state codec', () => {
    const xs = gaussians(3000, 19);
    const agg = make(quantile, [0.95]);
    const acc = fold(agg, rows(...xs.slice(0, 150)));
    const before = JSON.stringify(acc);
    agg.result(acc);
    expect(JSON.stringify(acc)).toBe(before);
    expect(restoredResult(agg, rows(...xs), 41)).toBe(agg.result(fold(agg, rows(...xs))));
  });

  it('check q', () => {
    expect(() => make(quantile, [1.5])).toThrow(/q must be a number in \[0, 1\]/);
    expect(() => make(quantile, [-0.1])).toThrow(/q must be/);
  });
});

describe('accumulators', () => {
  const xs = gaussians(300, 20);
  const cases: [AggregateFunction, unknown[]][] = [
    [variance, []], [skewness, []], [kurtosis, []], [zscore, []], [ewma, [0.5]], [cusum, [0.5, 4]],
    [driftAdwin, []], [quantile, [0.5]], [median, []],
  ];

  it('are stored as plain data and continue from it', () => {
    const isPlain = (v: unknown): boolean =>
      v === null || ['number', 'string', 'boolean'].includes(typeof v) ||
      (Array.isArray(v) && v.every(isPlain)) ||
      (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype && Object.values(v as object).every(isPlain));
    for (const [fn, literals] of cases) {
      const agg = make(fn, literals);
      const acc = fold(agg, rows(...xs.slice(0, 200)));
      const back = decodeState(encodeState(acc));
      expect(isPlain(back), fn.name).toBe(true);
      expect(agg.result(back), fn.name).toEqual(agg.result(acc));
      const more = rows(...xs.slice(200));
      expect(agg.result(fold(agg, more, back)), fn.name).toEqual(agg.result(fold(agg, more, acc)));
    }
  });

  // The plain forms the changelog stored before the accumulators became src/ml objects: a group
  // restored from one continues as if it had seen the same values.
  it('restore state stored by the previous version', () => {
    const more = rows(...gaussians(100, 21, 2, 1));
    const continued = (fn: AggregateFunction, literals: unknown[], seen: number[], stored: unknown): void => {
      const agg = make(fn, literals);
      expect(agg.result(fold(agg, more, stored)), fn.name).toEqual(agg.result(fold(agg, [...rows(...seen), ...more])));
    };
    continued(quantile, [0.9], [3, 1, 2], { n: 3, lo: 1, hi: 3, means: [], weights: [], buffer: [1, 2, 3] });
    continued(median, [], [], { n: 0, lo: 0, hi: 0, means: [], weights: [], buffer: [] });
    continued(driftAdwin, [], [1, 2, 4], {
      totals: [[1, 2, 4]], variances: [[0, 0, 0]], total: 7, variance: 0.5 + 12.5 / 3, width: 3, tick: 3, detections: 0,
    });
    continued(cusum, [0.5, 4, 2], [1, 3], { baseline: [2, 2, 2], sPlus: 0, sMinus: 0, score: 0, alarm: false, alarms: 0 });
  });
});
