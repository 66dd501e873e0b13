// The monitoring loop of an ONNX model: CREATE MODEL m WITH (TYPE='onnx', ..., LABEL='y') AS
// SELECT f1, f2, y FROM s TRAIN ONLINE runs a query (MONITOR_<M>_<n>) that cannot teach the
// model anything but scores each row and compares with its label, feeding the prequential
// metrics online models have (accuracy, MAE/RMSE, mean score and ROC AUC), shown by DESCRIBE
// MODEL and EDDY_MODEL_METRICS. Its terminal scores a poll's rows in one batch, like an operator.
import type { Emit, Row } from '../../runtime/emit.js';
import { DELETE } from '../../runtime/emit.js';
import type { OnnxModel } from './onnx-model.js';
import type { FeatureBatch } from '../../../udfs/types.js';
import { Decimal } from '../../types/decimal.js';
import type { ModelTask } from '../../ml/online-model.js';
import { anomalousLabel, labelNumber } from './label-values.js';

export interface Monitor { terminal: Emit; endBatch: () => Promise<void> }

/**
 * `task`: the model's (once installed: a replacement's may differ from the one it replaces).
 * `featureAt`: positions of the features in the query's rows, in the model's order; `labelAt`:
 * the label's, if any.
 */
export function onnxMonitor(model: OnnxModel, task: ModelTask, featureAt: number[], labelAt: number | undefined): Monitor {
  const fn = task === 'anomaly' ? 'ANOMALY_SCORE' : 'PREDICT';
  const bound = model.bind(fn);
  if (typeof bound === 'string' || !('batch' in bound)) throw new Error(typeof bound === 'string' ? bound : 'not a batch model');
  const batch: FeatureBatch = bound.batch.newBatch();
  const rows: Row[] = [];
  const terminal: Emit = (row, _ts, op) => { if (op !== DELETE) rows.push(row); };
  const endBatch = async (): Promise<void> => {
    const n = rows.length;
    if (n === 0) return;
    batch.reset(n);
    for (let i = 0; i < n; i++) for (let j = 0; j < featureAt.length; j++) batch.set(i, j, rows[i][featureAt[j]]);
    await batch.run();
    const m = model.metrics;
    for (let i = 0; i < n; i++) {
      const label = labelAt === undefined ? undefined : rows[i][labelAt];
      let p: unknown;
      try { p = batch.result(i); } catch { model.skipped++; continue; }
      if (task !== 'anomaly' && (label === null || label === undefined)) { model.skipped++; continue; }
      if (task === 'classification') m.classified(sameClass(p, label));
      else if (task === 'regression') {
        const y = labelNumber(label);
        if (typeof p !== 'number' || !Number.isFinite(y)) { model.skipped++; continue; }
        m.regressed(p - y);
      } else m.scored(Number(p), label === null || label === undefined ? undefined : anomalousLabel(label));
      const now = Date.now();
      if (model.rows === 0) model.firstAt = now;
      model.lastAt = now;
      model.rows++;
    }
    rows.length = 0;
  };
  return { terminal, endBatch };
}

/** A predicted class (an ONNX label: number or text) against a SQL label (BOOLEAN as 1/0). */
function sameClass(p: unknown, label: unknown): boolean {
  const text = (v: unknown): string => (typeof v === 'boolean' ? (v ? '1' : '0') : v instanceof Decimal ? v.toString() : String(v));
  return text(p) === text(label) || (typeof p === 'number' && Number(text(label)) === p);
}

