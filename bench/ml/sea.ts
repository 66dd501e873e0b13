// SEA concepts (Street & Kim, 2001) with abrupt drift: three features uniform in [0, 10], label 1
// when f1 + f2 <= θ, θ switching through {8, 9, 7, 9.5} every 25,000 of 100,000 rows, and 10% of
// labels flipped. Only f1 and f2 matter; the best possible accuracy is 0.90.
import { Rng } from '../../src/ml/rng.js';
import type { LabelledRows } from './datasets.js';

export const SEA_THETAS = [8, 9, 7, 9.5];

export function seaStream(opts: { rows?: number; seed?: number; noise?: number; thetas?: number[] } = {}): LabelledRows & { drifts: number[] } {
  const rows = opts.rows ?? 100_000;
  const thetas = opts.thetas ?? SEA_THETAS;
  const noise = opts.noise ?? 0.1;
  const rng = new Rng(opts.seed ?? 42);
  const per = Math.ceil(rows / thetas.length);
  const x: Float64Array[] = [];
  const y = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    const theta = thetas[Math.min(thetas.length - 1, Math.floor(i / per))];
    const row = Float64Array.of(rng.uniform(0, 10), rng.uniform(0, 10), rng.uniform(0, 10));
    let label = row[0] + row[1] <= theta ? 1 : 0;
    if (rng.next() < noise) label = 1 - label;
    x.push(row);
    y[i] = label;
  }
  const drifts = thetas.slice(1).map((_, k) => (k + 1) * per);
  return { x, y, features: 3, drifts };
}
