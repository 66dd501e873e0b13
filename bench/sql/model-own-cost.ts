// A model's own cost on the very rows the SQL run feeds it: predict then learn, row by row, on
// a fresh model, in CPU µs per row (median of runs). Measured over the same number of rows, so
// models whose cost grows as they fill (k-NN's window, trees) compare like for like. A
// classifier learns the classes as the SQL run's model does: numbered in the order they first
// appear (the label encoder's), not as the data spells them, so that this is the very model the
// SQL run trains (a tree breaks ties by class number). Measured both ways (7 alternating runs),
// the costs were equal within the machine's noise; the order is for exactness, not for a figure.
import type { ModelFactory } from '../../src/ml/online-model.js';
import { median } from './cpu-clock.js';

/** CREATE MODEL's default SEED (execute-model.ts). */
const SQL_SEED = 42;

export function modelOwnCost(f: ModelFactory, x: Float64Array[], y: Float64Array, runs: number): number {
  if (f.task === 'classification') y = inOrderOfAppearance(y);
  const costs: number[] = [];
  let sink = 0;
  for (let r = 0; r < runs; r++) {
    // The seed CREATE MODEL gives without SEED: a forest's or tree's random draws are the SQL run's.
    const m = f.create({ features: x[0].length, classes: f.task === 'classification' ? 2 : undefined, params: {}, seed: SQL_SEED });
    const t0 = process.cpuUsage();
    for (let i = 0; i < x.length; i++) {
      if (i > 0) sink += m.predict(x[i]); // as the trainer: nothing to test before the first row
      m.learn(x[i], f.task === 'classification' || f.task === 'regression' ? y[i] : 0);
    }
    const used = process.cpuUsage(t0);
    costs.push((used.user + used.system) / x.length);
  }
  if (sink === 0.123456789) console.log(''); // keep the loop observable
  return median(costs);
}

/** The labels numbered as a label encoder numbers them: each new value the next class. */
function inOrderOfAppearance(y: Float64Array): Float64Array {
  const classOf = new Map<number, number>();
  return y.map((v) => {
    let c = classOf.get(v);
    if (c === undefined) classOf.set(v, (c = classOf.size));
    return c;
  });
}
