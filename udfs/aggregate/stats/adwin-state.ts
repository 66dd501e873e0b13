// ADWIN (Bifet & Gavaldà, 2007) over a plain-data window, so a SQL aggregate can hold it: the
// same exponential histogram, cut test and defaults as src/ml/drift/adwin.ts (Adwin), with row i
// of buckets (2^i values each, oldest first) as the small arrays totals[i] and variances[i]
// instead of a strided Float64Array slab. Both give the same detections on the same stream
// (test/udfs/streaming-statistics.test.ts checks it).

export interface AdwinState {
  /** totals[i][j]: sum of the j-th oldest bucket of 2^i values; variances[i][j] its squared deviations. */
  totals: number[][];
  variances: number[][];
  total: number;
  variance: number;
  width: number;
  tick: number;
  detections: number;
}

export interface AdwinParams {
  delta: number;
  clock: number;
  minWindowLength: number;
  gracePeriod: number;
}

/** River's defaults, as Adwin's. */
export const ADWIN_DEFAULTS: AdwinParams = { delta: 0.002, clock: 32, minWindowLength: 5, gracePeriod: 10 };

const MAX_BUCKETS = 5;
const MAX_ROWS = 64;

export const emptyAdwin = (): AdwinState =>
  ({ totals: [[]], variances: [[]], total: 0, variance: 0, width: 0, tick: 0, detections: 0 });

export function copyAdwin(s: AdwinState): AdwinState {
  return {
    totals: s.totals.map((r) => r.slice()), variances: s.variances.map((r) => r.slice()),
    total: s.total, variance: s.variance, width: s.width, tick: s.tick, detections: s.detections,
  };
}

/** Adds a value; true when it completes a detected change (the window then drops its old part). */
export function adwinUpdate(s: AdwinState, value: number, p: AdwinParams): boolean {
  insert(s, value);
  return detectChange(s, p);
}

function insert(s: AdwinState, value: number): void {
  s.totals[0].push(value);
  s.variances[0].push(0);
  s.width++;
  if (s.width > 1) {
    const d = value - s.total / (s.width - 1);
    s.variance += ((s.width - 1) * d * d) / s.width;
  }
  s.total += value;
  compress(s);
}

function compress(s: AdwinState): void {
  for (let row = 0; row < s.totals.length; row++) {
    const t = s.totals[row], v = s.variances[row];
    if (t.length <= MAX_BUCKETS) break;
    if (row + 1 === s.totals.length) {
      if (s.totals.length === MAX_ROWS) break;
      s.totals.push([]);
      s.variances.push([]);
    }
    const n = 2 ** row;
    const t1 = t[0], t2 = t[1];
    const d = t1 / n - t2 / n;
    const merged = v[0] + v[1] + (n * n * d * d) / (2 * n);
    s.totals[row + 1].push(t1 + t2);
    s.variances[row + 1].push(merged);
    t.splice(0, 2);
    v.splice(0, 2);
  }
}

function deleteOldest(s: AdwinState): void {
  const row = s.totals.length - 1;
  const n = 2 ** row;
  const u = s.totals[row].shift()!;
  const v = s.variances[row].shift()!;
  const mu = u / n;
  s.width -= n;
  s.total -= u;
  const muWindow = s.width > 0 ? s.total / s.width : 0;
  s.variance -= v + (n * s.width * (mu - muWindow) * (mu - muWindow)) / (n + s.width);
  if (s.variance < 0) s.variance = 0;
  if (s.totals[row].length === 0 && s.totals.length > 1) {
    s.totals.pop();
    s.variances.pop();
  }
}

function detectChange(s: AdwinState, p: AdwinParams): boolean {
  let change = false;
  s.tick++;
  if (s.tick % p.clock !== 0 || s.width <= p.gracePeriod) return false;
  let reduce = true;
  while (reduce) {
    reduce = false;
    let exit = false;
    let n0 = 0, n1 = s.width, u0 = 0, u1 = s.total;
    // Cut points from the oldest bucket to the newest.
    for (let row = s.totals.length - 1; row >= 0 && !exit; row--) {
      const size = 2 ** row;
      const buckets = s.totals[row];
      const cnt = buckets.length;
      for (let k = 0; k < cnt; k++) {
        const u = buckets[k];
        n0 += size;
        n1 -= size;
        u0 += u;
        u1 -= u;
        if (row === 0 && k === cnt - 1) { exit = true; break; }
        if (n1 >= p.minWindowLength && n0 >= p.minWindowLength && cut(s, p, n0, n1, u0 / n0 - u1 / n1)) {
          reduce = true;
          change = true;
          if (s.width > 0) deleteOldest(s);
          exit = true;
          break;
        }
      }
    }
  }
  if (change) s.detections++;
  return change;
}

function cut(s: AdwinState, p: AdwinParams, n0: number, n1: number, deltaMean: number): boolean {
  const deltaPrime = Math.log((2 * Math.log(s.width)) / p.delta);
  const mRecip = 1 / (n0 - p.minWindowLength + 1) + 1 / (n1 - p.minWindowLength + 1);
  const v = s.variance / s.width;
  const epsilon = Math.sqrt(2 * mRecip * v * deltaPrime) + (2 / 3) * deltaPrime * mRecip;
  return Math.abs(deltaMean) > epsilon;
}
