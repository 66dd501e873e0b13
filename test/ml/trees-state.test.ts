import { describe, expect, it } from 'vitest';
import type { OnlineModel } from '../../src/ml/online-model.js';
import { CLASSIFIERS, model, REGRESSORS, type Row, stream, train } from './trees-helpers.js';

const ALL = [...CLASSIFIERS, ...REGRESSORS];
const label = (x: Float64Array, i: number) => ((x[0] + x[2] > 1 ? 1 : 0) ^ (i % 13 === 0 ? 1 : 0)) + (x[4] > 0.9 ? 1 : 0);
const target = (x: Float64Array) => 5 * x[0] + (x[1] > 0.5 ? 3 : 0);

function dataFor(type: string, n: number, seed: number): Row[] {
  return stream(n, 5, seed, REGRESSORS.includes(type) ? target : label);
}

/** Byte equality without a slow element-by-element diff of megabyte arrays. */
function same(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

function outputs(m: OnlineModel, rows: Row[], classes = 3): number[] {
  const out: number[] = [];
  const p = new Float64Array(classes);
  for (const r of rows) {
    out.push(m.predict(r.x));
    if (m.predictProba) {
      m.predictProba(r.x, p);
      out.push(...p);
    }
  }
  return out;
}

describe('snapshots and seeds', () => {
  for (const type of ALL) {
    it(`${type}: restore gives identical predictions, and identical learning afterwards`, () => {
      const spec = { classes: 3, seed: 7 };
      const a = model(type, spec);
      train(a, dataFor(type, 6000, 1));
      const state = a.snapshot();
      expect(state).toBeInstanceOf(Uint8Array);
      const b = model(type, spec);
      b.restore(state);
      expect(b.seen).toBe(a.seen);
      const probe = dataFor(type, 300, 2);
      expect(outputs(b, probe)).toEqual(outputs(a, probe));
      // Both continue on the same data (splits, drift detectors and random draws included).
      const more = dataFor(type, 4000, 3);
      train(a, more);
      train(b, more);
      expect(outputs(b, probe)).toEqual(outputs(a, probe));
      expect(same(b.snapshot(), a.snapshot())).toBe(true);
    });

    it(`${type}: the same seed and data give the same model`, () => {
      const rows = dataFor(type, 5000, 4);
      const a = model(type, { classes: 3, seed: 11 });
      const b = model(type, { classes: 3, seed: 11 });
      train(a, rows);
      train(b, rows);
      expect(same(b.snapshot(), a.snapshot())).toBe(true);
    });
  }

  it('seeds matter where there is randomness', () => {
    const rows = dataFor('adaptive_random_forest', 3000, 5);
    for (const type of ['adaptive_random_forest', 'hoeffding_adaptive_tree']) {
      const a = model(type, { classes: 3, seed: 1 });
      const b = model(type, { classes: 3, seed: 2 });
      train(a, rows);
      train(b, rows);
      expect(same(b.snapshot(), a.snapshot())).toBe(false);
    }
  });

  it('rejects a snapshot of another shape', () => {
    const a = model('hoeffding_tree');
    train(a, dataFor('hoeffding_tree', 500, 6));
    expect(() => model('hoeffding_tree').restore(new Uint8Array(16))).toThrow();
    expect(() => model('knn').restore(a.snapshot())).toThrow();
  });
});

describe('awkward input', () => {
  for (const type of ALL) {
    it(`${type}: tolerates NaN (missing) features`, () => {
      const rows = dataFor(type, 6000, 7).map((r, i) => {
        const x = r.x.slice();
        if (i % 3 === 0) x[(i / 3) % 5] = NaN;
        if (i % 50 === 0) x.fill(NaN);
        return { x, y: r.y };
      });
      const m = model(type, { classes: 3 });
      train(m, rows);
      const p = new Float64Array(3);
      for (const r of rows.slice(0, 200)) {
        const y = m.predict(r.x);
        expect(Number.isFinite(y)).toBe(true);
        if (m.predictProba) {
          m.predictProba(r.x, p);
          for (const v of p) expect(Number.isFinite(v)).toBe(true);
        }
      }
      // Still useful on complete rows.
      const clean = dataFor(type, 1000, 8);
      if (m.task === 'classification') {
        let ok = 0;
        for (const r of clean) if (m.predict(r.x) === r.y) ok++;
        expect(ok / clean.length).toBeGreaterThan(0.75);
      } else {
        let se = 0;
        for (const r of clean) se += (m.predict(r.x) - r.y) ** 2;
        expect(se / clean.length).toBeLessThan(2);
      }
    });
  }

  for (const type of CLASSIFIERS) {
    it(`${type}: a class that first appears mid-stream is learned`, () => {
      const m = model(type, { classes: 2 });
      // Classes 0/1 by x0 first; from row 4000, x1 > 0.7 is a new class 2.
      const rows = stream(16000, 5, 9, (x, i) => (i >= 4000 && x[1] > 0.7 ? 2 : x[0] < 0.5 ? 0 : 1));
      train(m, rows.slice(0, 4000));
      const p = new Float64Array(3);
      m.predictProba!(new Float64Array([0.2, 0.9, 0.5, 0.5, 0.5]), p);
      expect(p[2]).toBe(0);
      train(m, rows.slice(4000));
      const test = stream(2000, 5, 10, (x) => (x[1] > 0.7 ? 2 : x[0] < 0.5 ? 0 : 1));
      let ok = 0;
      for (const r of test) if (m.predict(r.x) === r.y) ok++;
      expect(ok / test.length).toBeGreaterThan(0.85);
      m.predictProba!(new Float64Array([0.2, 0.9, 0.5, 0.5, 0.5]), p);
      expect(p[2]).toBeGreaterThan(0.5);
      // A shorter output array (a caller that knows fewer classes) is filled as far as it goes.
      const two = new Float64Array(2);
      m.predictProba!(new Float64Array([0.2, 0.1, 0.5, 0.5, 0.5]), two);
      expect(two[0]).toBeGreaterThan(two[1]);
    });
  }

  it('skips labels that are not class indexes or finite targets', () => {
    const c = model('hoeffding_tree');
    c.learn(new Float64Array(5), NaN);
    c.learn(new Float64Array(5), -1);
    c.learn(new Float64Array(5), 0.5);
    expect(c.seen).toBe(0);
    const r = model('hoeffding_tree_regressor');
    r.learn(new Float64Array(5), NaN);
    r.learn(new Float64Array(5), Infinity);
    expect(r.seen).toBe(0);
    expect(r.predict(new Float64Array(5))).toBe(0);
    expect(c.predict(new Float64Array(5))).toBe(0);
  });
});
