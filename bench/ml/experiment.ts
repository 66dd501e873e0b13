import { modelRegistry } from '../../src/ml/registry.js';
import { rocAuc } from '../../src/ml/metrics/roc-auc.js';
import { loadShuttle } from './datasets.js';
import { seaStream } from './sea.js';

const which = process.argv[2] ?? 'shuttle';
if (which === 'shuttle') {
  const data = loadShuttle()!;
  const configs: [string, Record<string, string | number | boolean>][] = JSON.parse(process.argv[3] ?? '[]');
  const seeds = Number(process.argv[4] ?? 1);
  for (const [type, params] of configs) {
    const aucs = [];
    for (let seed = 0; seed < seeds; seed++) {
      const m = modelRegistry.create(type, { features: data.features, params, seed });
      const scores = new Float64Array(data.y.length);
      const t0 = performance.now();
      for (let i = 0; i < data.x.length; i++) { scores[i] = m.predict(data.x[i]); m.learn(data.x[i], 0); }
      aucs.push(rocAuc(data.y, scores));
      if (seed === 0) console.log(type, JSON.stringify(params), 'ms', (performance.now() - t0).toFixed(0));
    }
    console.log('  auc', aucs.map((a) => a.toFixed(4)).join(' '), 'mean', (aucs.reduce((a, b) => a + b) / aucs.length).toFixed(4));
  }
} else {
  const data = seaStream();
  const configs: [string, Record<string, string | number | boolean>][] = JSON.parse(process.argv[3] ?? '[]');
  for (const [type, params] of configs) {
    const m = modelRegistry.create(type, { features: 3, classes: 2, params, seed: 1 });
    let correct = 0;
    const win = new Float64Array(data.y.length);
    for (let i = 0; i < data.x.length; i++) { const p = m.predict(data.x[i]); win[i] = p === data.y[i] ? 1 : 0; correct += win[i]; m.learn(data.x[i], data.y[i]); }
    const seg = (a: number, b: number) => { let s = 0; for (let i = a; i < b; i++) s += win[i]; return (s / (b - a)).toFixed(3); };
    console.log(type, JSON.stringify(params), 'acc', (correct / data.y.length).toFixed(4), 'drift windows:',
      data.drifts.map((d) => `${seg(d - 5000, d)}->${seg(d, d + 1000)}|${seg(d + 1000, d + 2000)}`).join(' '));
  }
}
