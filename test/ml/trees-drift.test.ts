import { describe, expect, it } from 'vitest';
import { Adwin } from '../../src/ml/drift/adwin.js';
import { FloatReader, FloatWriter } from '../../src/ml/trees/float-io.js';
import { Rng } from '../../src/ml/rng.js';
import { model, prequential, stream } from './trees-helpers.js';

describe('ADWIN', () => {
  it('detects an abrupt change in the mean and shrinks its window', () => {
    const a = new Adwin({ delta: 0.002 });
    const rng = new Rng(1);
    let falseAlarms = 0;
    for (let i = 0; i < 5000; i++) if (a.update(rng.next() < 0.2 ? 1 : 0)) falseAlarms++;
    expect(falseAlarms).toBe(0);
    expect(a.width).toBe(5000);
    expect(a.estimation).toBeCloseTo(0.2, 1);
    let detectedAt = -1;
    for (let i = 0; i < 2000 && detectedAt < 0; i++) if (a.update(rng.next() < 0.8 ? 1 : 0)) detectedAt = i;
    expect(detectedAt).toBeGreaterThan(0);
    expect(detectedAt).toBeLessThan(300);
    expect(a.width).toBeLessThan(5000);
  });

  it('round-trips through a snapshot', () => {
    const a = new Adwin({ delta: 0.01 });
    const rng = new Rng(2);
    for (let i = 0; i < 3000; i++) a.update(rng.next());
    const w = new FloatWriter();
    a.write(w);
    const b = Adwin.read(new FloatReader(w.finish()), { delta: 0.01 });
    for (let i = 0; i < 3000; i++) {
      const v = i < 1500 ? rng.next() : 0.9;
      expect(b.update(v)).toBe(a.update(v));
    }
    expect(b.estimation).toBe(a.estimation);
    expect(b.width).toBe(a.width);
  });
});

describe('drift adaptation', () => {
  // The label flips at row 10000 (abrupt drift): x1 <= 0.5 -> 1 before, -> 0 after.
  const rows = stream(20000, 5, 21, (x, i) => (x[1] <= 0.5 ? 1 : 0) ^ (i >= 10000 ? 1 : 0));

  for (const type of ['hoeffding_adaptive_tree', 'adaptive_random_forest']) {
    it(`${type} recovers after an abrupt concept change`, () => {
      const m = model(type);
      // Prequential accuracy per block of 200 rows.
      const acc: number[] = [];
      let ok = 0;
      rows.forEach((r, i) => {
        if (m.predict(r.x) === r.y) ok++;
        m.learn(r.x, r.y);
        if ((i + 1) % 200 === 0) {
          acc.push(ok / 200);
          ok = 0;
        }
      });
      expect(acc[49]).toBeGreaterThan(0.95); // just before the drift
      expect(acc[50]).toBeLessThan(0.8); // the first 200 rows after it
      expect(Math.min(...acc.slice(90))).toBeGreaterThan(0.95); // recovered well before the end
    });
  }

  it('a plain hoeffding_tree adapts far more slowly', () => {
    const ht = prequential(model('hoeffding_tree'), rows, 10000, 12000);
    const hat = prequential(model('hoeffding_adaptive_tree'), rows, 10000, 12000);
    expect(hat).toBeGreaterThan(ht);
  });
});
