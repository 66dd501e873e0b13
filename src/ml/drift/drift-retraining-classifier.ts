// TYPE drift_retraining_classifier: any registered classifier wrapped in DriftAdaptiveModel
// (River's drift.DriftRetrainingClassifier). Parameters of the wrapped model are given with a
// `base_` prefix:
//   CREATE MODEL m TYPE drift_retraining_classifier WITH (model = 'logistic_regression',
//     base_learning_rate = 0.5, base_intercept_lr = 0.5, base_power_t = 0.5)
// Defaults differ from River's (DDM) on purpose: ADWIN (delta 0.002) confirms drifts and a more
// sensitive ADWIN (warning_delta 0.01, Adaptive Random Forest's pair) starts the background
// model, which on SEA recovers faster than DDM's warning zone.
import { lookupModel } from '../model-lookup.js';
import type { HyperParams, ModelFactory, ModelSpec } from '../online-model.js';
import { boolParam, checkParams, numParam, strParam } from '../params.js';
import { Adwin } from './adwin.js';
import { Ddm } from './ddm.js';
import type { DriftDetector } from './drift-detector.js';
import { DriftAdaptiveModel } from './drift-adaptive.js';
import { PageHinkley } from './page-hinkley.js';

export type DetectorKind = 'adwin' | 'ddm' | 'page_hinkley';

export function makeDetector(kind: DetectorKind, delta: number): DriftDetector {
  if (kind === 'adwin') return new Adwin({ delta });
  if (kind === 'ddm') return new Ddm();
  return new PageHinkley();
}

function baseParams(params: HyperParams): HyperParams {
  const out: HyperParams = {};
  for (const [k, v] of Object.entries(params)) if (k.startsWith('base_')) out[k.slice(5)] = v;
  return out;
}

function create(spec: ModelSpec): DriftAdaptiveModel {
  const p = spec.params;
  const base = lookupModel(String(p.model ?? 'logistic_regression').trim());
  if (base.task !== 'classification') throw new Error(`drift_retraining_classifier: '${base.type}' is not a classifier`);
  const inner: ModelSpec = { ...spec, params: baseParams(p) };
  checkParams(base, inner.params);
  const kind = strParam<DetectorKind>(p, 'detector', 'adwin', ['adwin', 'ddm', 'page_hinkley']);
  const delta = numParam(p, 'delta', 0.002, 1e-12, 1);
  const warningDelta = numParam(p, 'warning_delta', 0.01, 0, 1);
  const background = boolParam(p, 'train_in_background', true);
  const warning = kind === 'adwin' && background && warningDelta > 0 ? new Adwin({ delta: warningDelta }) : undefined;
  return new DriftAdaptiveModel('drift_retraining_classifier', () => base.create(inner), makeDetector(kind, delta), background ? 'swap' : 'reset', warning);
}

export const driftRetrainingClassifierFactory: ModelFactory = {
  type: 'drift_retraining_classifier',
  task: 'classification',
  description: 'A classifier retrained on drift (ADWIN on its error), with a background model swapped in',
  params: {
    model: { default: 'logistic_regression', doc: 'TYPE of the wrapped classifier' },
    detector: { default: 'adwin', doc: 'adwin, ddm or page_hinkley, fed with the 0/1 error' },
    delta: { default: 0.002, doc: "ADWIN's confidence for a drift" },
    warning_delta: { default: 0.01, doc: 'ADWIN confidence for a warning that (re)starts the background model; 0 = none' },
    train_in_background: { default: true, doc: 'on drift swap in the background model (true) or start afresh (false)' },
    'base_*': { default: '', doc: "parameters of the wrapped model, prefixed: base_learning_rate = 0.5" },
  },
  mergeable: false,
  create,
};
