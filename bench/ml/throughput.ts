// Learn+predict throughput on 10 numeric features, timed against a baseline "model" in the same
// process (one pass over the features to predict, one to learn: the floor any model pays), so a
// loaded machine shows in both numbers and the ratio stays meaningful. Time is this process's CPU
// time (user + system), which other processes on a busy machine disturb far less than wall time.
// Each model runs several repetitions sized to ~0.2 s; we report the median.
import type { ModelFactory, OnlineModel } from '../../src/ml/online-model.js';
import { Rng } from '../../src/ml/rng.js';

export const FEATURES = 10;

export interface Throughput {
  rowsPerSec: number;
  /** Baseline rows/s over model rows/s: how many times slower than touching each feature twice. */
  vsBaseline: number;
}

/** A stand-in model: predict is a dot product, learn a running sum. */
class Baseline {
  private readonly w = new Float64Array(FEATURES).fill(0.1);
  private readonly sum = new Float64Array(FEATURES);
  learn(x: Float64Array): void {
    for (let i = 0; i < FEATURES; i++) this.sum[i] += x[i];
  }
  predict(x: Float64Array): number {
    let s = 0;
    for (let i = 0; i < FEATURES; i++) s += this.w[i] * x[i];
    return s;
  }
}

export function syntheticRows(n: number, task: ModelFactory['task'], seed = 1): { x: Float64Array[]; y: Float64Array } {
  const rng = new Rng(seed);
  const x: Float64Array[] = [];
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const row = new Float64Array(FEATURES);
    for (let j = 0; j < FEATURES; j++) row[j] = rng.gauss(j, 1 + j / 2);
    x.push(row);
    y[i] = task === 'regression' ? row[0] - 2 * row[1] + rng.gauss() : row[0] - row[1] / 1.5 + rng.gauss(0, 0.3) > -1 ? 1 : 0;
  }
  return { x, y };
}

function timeRun(m: Pick<OnlineModel, 'learn' | 'predict'>, x: Float64Array[], y: Float64Array, n: number): number {
  let sink = 0;
  const t0 = process.cpuUsage();
  for (let i = 0; i < n; i++) {
    const k = i % x.length;
    sink += m.predict(x[k]);
    m.learn(x[k], y[k]);
  }
  const used = process.cpuUsage(t0);
  if (sink === 0.123456789) console.log(''); // keep the loop observable
  return (n / Math.max(1, used.user + used.system)) * 1e6;
}

function median(a: number[]): number {
  const s = [...a].sort((p, q) => p - q);
  return s[Math.floor(s.length / 2)];
}

/** Median rows/s of `make()` and of the baseline, interleaved repetition by repetition. */
export function measureThroughput(make: () => Pick<OnlineModel, 'learn' | 'predict'>, task: ModelFactory['task'], reps = 5): Throughput {
  const data = syntheticRows(20_000, task);
  // Size the run from a short calibration so slow models do not take minutes.
  const calib = timeRun(make(), data.x, data.y, 2000);
  const n = Math.max(2000, Math.min(2_000_000, Math.round(calib * 0.2)));
  timeRun(make(), data.x, data.y, Math.min(n, 50_000)); // warm-up for the JIT
  const model: number[] = [];
  const base: number[] = [];
  for (let r = 0; r < reps; r++) {
    base.push(timeRun(new Baseline(), data.x, data.y, n));
    model.push(timeRun(make(), data.x, data.y, n));
  }
  const rowsPerSec = median(model);
  return { rowsPerSec, vsBaseline: median(base) / rowsPerSec };
}

export function measureBaseline(reps = 5): number {
  const data = syntheticRows(20_000, 'regression');
  const runs: number[] = [];
  for (let r = 0; r < reps; r++) runs.push(timeRun(new Baseline(), data.x, data.y, 1_000_000));
  return median(runs);
}
