// DESCRIBE MODEL of an ONNX model: its file, input and outputs (names, types, shapes), what each
// function reads, and the monitoring query's prequential metrics.
import type { EngineState } from '../engine-state.js';
import { formatType } from '../../types/sql-type.js';
import { shapeText } from '../../ml/onnx/onnx-session.js';
import { type OnnxModel, resultType } from './onnx-model.js';
import type { ModelFunctionKind } from '../../../udfs/types.js';

export function describeOnnxModel(state: EngineState, m: OnnxModel): unknown[][] {
  const d = m.def;
  const s = m.session;
  const r = m.roles;
  const fmt = (v: number): string => (Number.isFinite(v) ? String(Math.round(v * 10000) / 10000) : '-');
  const uses = (fn: ModelFunctionKind): string => {
    const t = resultType(fn, r, d.name);
    if (typeof t === 'string') return '-';
    const from = fn === 'PREDICT' ? r.predict.name : fn === 'PREDICT_PROBA' ? `${r.proba!.output.name} (classes ${r.proba!.classes.join(', ')})`
      : `${r.anomaly!.output.name}${r.anomaly!.reconstruction ? ' (mean squared reconstruction error)' : ''}`;
    return `${formatType(t)} from ${from}`;
  };
  const monitor = d.queryId ? state.queries.get(d.queryId) : undefined;
  return [
    ['Name', d.name],
    ['Type', `onnx (${d.task})`],
    ['File', `${m.source.path ?? '(from the command topic)'}, ${s.bytes} bytes${m.replacements > 0 ? `, replaced ${m.replacements} time(s)` : ''}, loaded ${new Date(m.loadedAt).toISOString()}`],
    ['Input', `${s.input.name} ${s.input.type} ${shapeText(s.input.shape)} (${s.input.fixedBatch ? 'one row per run' : 'a batch per poll'})`],
    ['Outputs', s.outputs.map((o) => `${o.name} ${o.type} ${shapeText(o.shape)}`).join(', ')],
    ['Rows scored', `${s.rowsScored} in ${s.runs} run(s) of the model`],
    ['Features', d.features.map((f) => `${f.name} ${formatType(f.type)}`).join(', ')],
    ['PREDICT', uses('PREDICT')],
    ['PREDICT_PROBA', uses('PREDICT_PROBA')],
    ['ANOMALY_SCORE', uses('ANOMALY_SCORE')],
    ['Label', d.label ? `${d.label.name} ${formatType(d.label.type)}` : '-'],
    ['Monitoring query', d.queryId ? `${d.queryId} (${monitor?.status ?? 'STOPPED'}), from ${d.trainFrom}` : '-'],
    ['Rows monitored', String(m.rows)],
    ['Rows skipped (NULL label or failed)', String(m.skipped)],
    ...m.metrics.values().map((v) => [`Prequential ${v.name} (all / last ${d.metricsWindow})`, `${fmt(v.whole)} / ${fmt(v.recent)}`]),
  ];
}
