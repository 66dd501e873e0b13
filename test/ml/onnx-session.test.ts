// The ONNX layer without SQL: class labels read from the graph's bytes, the input checks, the
// outputs measured on the probe row, and runs of n rows (dynamic batch) or n runs of one row.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { classLabels } from '../../src/ml/onnx/onnx-class-labels.js';
import { OnnxSession, OnnxShapeError } from '../../src/ml/onnx/onnx-session.js';
import { outputRoles } from '../../src/ml/onnx/onnx-outputs.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'onnx');
const bytes = (f: string): Uint8Array => readFileSync(join(FIXTURES, f));

describe('ONNX sessions', () => {
  it('reads a classifier\'s class labels from the graph', () => {
    expect(classLabels(bytes('forest.onnx'))).toEqual(['high', 'low', 'mid']);
    expect(classLabels(bytes('logreg.onnx'))).toEqual([0, 1]);
    expect(classLabels(bytes('gbr.onnx'))).toBeUndefined();
    expect(classLabels(Uint8Array.from([0xff, 0xff]))).toBeUndefined();
  });

  it('checks the input and measures the outputs', async () => {
    const s = await OnnxSession.load(bytes('forest.onnx'));
    try {
      expect(s.input).toMatchObject({ name: 'x', type: 'float32', width: 4, fixedBatch: false });
      expect(s.outputs.map((o) => [o.name, o.type, o.width])).toEqual([['label', 'string', 1], ['probabilities', 'float32', 3]]);
      const roles = outputRoles(s);
      expect([roles.task, roles.predict.name, roles.proba?.output.name, roles.proba?.binary, roles.anomaly]).toEqual(['classification', 'label', 'probabilities', false, undefined]);
      expect(outputRoles(s, 'probabilities').predict.name).toBe('probabilities');
      expect(() => outputRoles(s, 'nope')).toThrow(OnnxShapeError);
    } finally {
      s.close();
    }
    await expect(OnnxSession.load(bytes('two-inputs.onnx'))).rejects.toThrow(OnnxShapeError);
    await expect(OnnxSession.load(bytes('int-input.onnx'))).rejects.toThrow(/int64/);
  });

  it('runs n rows at once, or one row per run for a batch fixed at 1, with the same values', async () => {
    const dyn = await OnnxSession.load(bytes('logreg.onnx'));
    const one = await OnnxSession.load(bytes('logreg-batch1.onnx'));
    try {
      const x = Float32Array.from([0, 0, 0, 1, 2, -1, -3, 0.5, 2, 9, 9, 9]);
      const a = await dyn.run(x, 3, ['label', 'probabilities']);
      const b = await one.run(x, 3, ['label', 'probabilities']);
      expect(Array.from(a.get('label')!.values as ArrayLike<number>)).toEqual(Array.from(b.get('label')!.values as ArrayLike<number>));
      expect(Array.from(a.get('probabilities')!.values as ArrayLike<number>)).toEqual(Array.from(b.get('probabilities')!.values as ArrayLike<number>));
      expect(a.get('probabilities')!.width).toBe(2);
      expect([dyn.runs, dyn.rowsScored, one.runs, one.rowsScored]).toEqual([1, 3, 3, 3]);
    } finally {
      dyn.close();
      one.close();
    }
  });
});
